import Foundation
import Report
import RunHistory
import Scenario
import Synchronization

/// What the page asks: a setting to evaluate, for which page (`session`), with how many Monte
/// Carlo samples, and the map's language.
public struct EvaluationRequest: Codable, Sendable {
    public var policies: [String]
    public var overrides: [String: Double]
    /// One open page; a newer evaluation of the same session supersedes the older one.
    public var session: String?
    /// Monte Carlo samples (default `BoardRoom.firstSamples`, at most `BoardRoom.maximumSamples`).
    public var samples: Int?
    /// `en` or `vi` (the map's words and numbers).
    public var lang: String?

    public init(policies: [String] = [], overrides: [String: Double] = [:], session: String? = nil, samples: Int? = nil, lang: String? = nil) {
        self.policies = policies; self.overrides = overrides; self.session = session; self.samples = samples; self.lang = lang
    }

    public var setting: BoardSetting { BoardSetting(policies: policies, overrides: overrides) }
}

/// How an evaluation ended.
public enum EvaluationReply: Sendable {
    /// The result JSON (`{"cached":…,"run":…,"evaluation":{…}}`).
    case result(Data)
    /// A newer evaluation of the same session replaced this one before it finished.
    case superseded
}

/// The board room's state: the park, the solve queue, the run history used as a cache, and the
/// output folder the board report is written into (docs/board-room.md).
public final class BoardRoom: Sendable {
    public let park: BoardRoomPark
    public let queue: SolveQueue
    /// nil: `--no-history` (results are still kept in memory while the server runs).
    public let history: RunHistory?
    /// The only folder the server writes into.
    public let outputFolder: String
    /// Evaluations answered while the server runs: cache key → (JSON, run id).
    private let memory = Mutex<[String: (json: String, run: Int64?)]>([:])
    private let solves = Mutex(0)

    public static let firstSamples = 32
    public static let maximumSamples = 1000
    /// The largest request body accepted (bytes).
    public static let maximumBody = 16 * 1024

    public init(park: BoardRoomPark, history: RunHistory?, outputFolder: String,
                capacity: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.park = park; self.history = history; self.outputFolder = outputFolder
        queue = SolveQueue(capacity: capacity)
    }

    /// Solves run so far (cache misses that finished).
    public var solveCount: Int { solves.withLock { $0 } }

    /// Validates `request`, answers it from memory or the run history when this setting was
    /// solved before, else solves it on the queue and records it (command `serve`).
    public func evaluate(_ request: EvaluationRequest) async throws -> EvaluationReply {
        let samples = request.samples ?? Self.firstSamples
        guard (0...Self.maximumSamples).contains(samples) else {
            throw BoardRoomInputError("samples must be 0...\(Self.maximumSamples), got \(samples)")
        }
        guard let language = ReportLanguage(rawValue: request.lang ?? "en") else {
            throw BoardRoomInputError("lang must be en or vi, got \(request.lang ?? "")")
        }
        let setting = request.setting
        let scenario = try park.scenario(for: setting)
        let digest = scenario.contentDigest
        let policy = setting.policyName
        let overrides = RunHistory.overrides(of: AppliedPolicy(parts: setting.policies), in: park.base) + setting.overrideLines
        let options = park.optionLines(samples: samples) + ["--lang", language.rawValue]
        let key = ([digest, policy] + overrides + options).joined(separator: "\u{1F}")
        let flag = await queue.begin(session: request.session)
        if let known = memory.withLock({ $0[key] }) { return .result(Self.reply(known.json, cached: true, run: known.run)) }
        if let run = try? history?.runs(command: "serve", digest: digest, policy: policy, overrides: overrides, options: options).first {
            memory.withLock { $0[key] = (run.result, run.id) }
            return .result(Self.reply(run.result, cached: true, run: run.id))
        }
        let started = Date()
        let park = self.park
        let evaluated = try await queue.run(flag) { () throws -> String? in
            guard let root = try park.evaluate(setting, scenario: scenario, samples: samples, language: language,
                                               shouldStop: { flag.isRaised }) else { return nil }
            let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        guard let evaluated, let json = evaluated else { return .superseded }
        solves.withLock { $0 += 1 }
        var id: Int64?
        if let history {
            let (status, headline) = RunRecord.summary(of: "serve", result: json, currency: scenario.currency)
            let record = RunRecord(startedAt: started, command: "serve",
                                   commandLine: "symbiosis serve \(park.file) # \(setting.title)", scenarioPath: park.file,
                                   scenarioDigest: digest, policy: policy, overrides: overrides, options: options, status: status,
                                   headline: headline, seconds: Date().timeIntervalSince(started), result: json)
            id = try? history.record(record).id
        }
        memory.withLock { $0[key] = (json, id) }
        return .result(Self.reply(json, cached: false, run: id))
    }

    static func reply(_ evaluation: String, cached: Bool, run: Int64?) -> Data {
        Data("{\"cached\":\(cached),\"run\":\(run.map(String.init) ?? "null"),\"evaluation\":\(evaluation)}".utf8)
    }
}
