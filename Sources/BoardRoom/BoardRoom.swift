import Analysis
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
    /// The server is stopping (SIGINT, SIGTERM): the solve was stopped, nothing is answered.
    case stopping
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
    /// Settings solved while the server runs, newest last (at most `remembered`): their designs
    /// answer the same setting again in another language or with more Monte Carlo samples
    /// without a new solve, and their points start the next solves (`startPoints(for:session:)`).
    private let solved = Mutex<[(key: String, setting: BoardSetting, session: String?, result: OptimizationResult)]>([])
    /// How many settings' designs are kept.
    public static let remembered = 32
    /// Evaluations in flight by cache key: an identical evaluation asked meanwhile waits for the
    /// same answer instead of solving again (`evaluate(_:)`).
    private let inFlight = Mutex<[String: (flag: StopFlag, task: Task<(json: String, run: Int64?)?, any Error>)]>([:])
    /// Evaluations that waited for an identical one in flight.
    private let joined = Mutex(0)
    /// Solves that started from the points of an earlier setting (for tests and the log).
    private let warmStarted = Mutex(0)

    /// The version of the evaluation's JSON (part of the cache key): 2 adds the setting in
    /// words, the resources' names and the reasons in the page's language with their parameters.
    public static let answerFormat = 2
    public static let firstSamples = 32
    public static let maximumSamples = 1024
    /// The largest request body accepted (bytes).
    public static let maximumBody = 16 * 1024

    /// Whether solves start from the designs of settings solved before (`startPoints(for:session:)`;
    /// `serve --no-warm-start` turns it off, to measure what it saves).
    public let warmStarts: Bool

    public init(park: BoardRoomPark, history: RunHistory?, outputFolder: String,
                capacity: Int = ProcessInfo.processInfo.activeProcessorCount, warmStarts: Bool = true) {
        self.park = park; self.history = history; self.outputFolder = outputFolder; self.warmStarts = warmStarts
        queue = SolveQueue(capacity: capacity)
    }

    /// Solves run so far (optimizer runs that finished; an evaluation of a setting already solved
    /// for other samples or another language runs only its Monte Carlo).
    public var solveCount: Int { solves.withLock { $0 } }
    /// Solves that were given start points from an earlier setting.
    public var warmStartCount: Int { warmStarted.withLock { $0 } }
    /// Evaluations answered by an identical one that was in flight when they came.
    public var coalescedCount: Int { joined.withLock { $0 } }

    /// The points to start a solve of `setting` from: those of the session's last solved setting
    /// (the page's last design) and of the nearest setting solved before (the fewest policy
    /// options differing, then the smallest lever moves, each measured over its lever's range).
    /// A point infeasible for the new park is ignored by the solver; a feasible one starts the
    /// search (`ParkOptimizer.startPoints`), which finds the same optimum.
    func startPoints(for setting: BoardSetting, session: String?) -> [[Double]] {
        let known = solved.withLock { $0 }
        guard !known.isEmpty else { return [] }
        let ranges = Dictionary(park.levers.map { ($0.key, (value: $0.value, span: max(1e-12, $0.maximum - $0.minimum))) },
                                uniquingKeysWith: { a, _ in a })
        func distance(_ other: BoardSetting) -> Double {
            let policies = Double(Set(other.policies).symmetricDifference(setting.policies).count)
            let keys = Set(other.overrides.keys).union(setting.overrides.keys)
            let levers = keys.reduce(0.0) { sum, key in
                let lever = ranges[key] ?? (0, 1)
                return sum + abs((other.overrides[key] ?? lever.value) - (setting.overrides[key] ?? lever.value)) / lever.span
            }
            return 1000 * policies + levers
        }
        var chosen: [[[Double]]] = []
        if let session, let last = known.last(where: { $0.session == session }) { chosen.append(last.result.points) }
        if let nearest = known.min(by: { distance($0.setting) < distance($1.setting) }) { chosen.append(nearest.result.points) }
        return chosen.flatMap { $0 }
    }

    private func remember(_ key: String, _ setting: BoardSetting, session: String?, result: OptimizationResult) {
        solved.withLock { list in
            list.removeAll { $0.key == key }
            list.append((key, setting, session, result))
            if list.count > Self.remembered { list.removeFirst(list.count - Self.remembered) }
        }
    }

    /// Validates `request`, answers it from memory or the run history when this setting was
    /// solved before, else solves it on the queue and records it (command `serve`). An identical
    /// evaluation already in flight is not solved again: this one waits for its answer, and the
    /// shared solve stops only once every evaluation waiting on it is superseded.
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
        // The design does not depend on the samples or the language.
        let designKey = ([digest, policy] + overrides + park.optionLines(samples: 0)).joined(separator: "\u{1F}")
        let flag = await queue.begin(session: request.session)
        if let known = memory.withLock({ $0[key] }) { return .result(Self.reply(known.json, cached: true, run: known.run)) }
        if let run = try? history?.runs(command: "serve", digest: digest, policy: policy, overrides: overrides, options: options).first {
            memory.withLock { $0[key] = (run.result, run.id) }
            return .result(Self.reply(run.result, cached: true, run: run.id))
        }
        let work = Evaluation(setting: setting, scenario: scenario, digest: digest, policy: policy, overrides: overrides,
                              options: options, key: key, designKey: designKey, samples: samples, language: language,
                              session: request.session)
        while true {
            let (task, waits) = inFlight.withLock { running -> (Task<(json: String, run: Int64?)?, any Error>, Bool) in
                if let shared = running[key] {
                    shared.flag.join(flag)
                    return (shared.task, true)
                }
                let task = Task { try await self.solve(work, flag: flag) }
                running[key] = (flag, task)
                return (task, false)
            }
            if waits { joined.withLock { $0 += 1 } }
            if let answer = try await task.value { return .result(Self.reply(answer.json, cached: false, run: answer.run)) }
            if queue.shutdown.isRaised { return .stopping }
            if flag.isRaised { return .superseded }
            // The shared solve stopped just before this evaluation joined it: solve it again.
            if let known = memory.withLock({ $0[key] }) { return .result(Self.reply(known.json, cached: true, run: known.run)) }
        }
    }

    /// What one evaluation needs once validated.
    struct Evaluation: Sendable {
        var setting: BoardSetting, scenario: Scenario, digest: String, policy: String, overrides: [String], options: [String]
        var key: String, designKey: String, samples: Int, language: ReportLanguage, session: String?
    }

    /// Solves `work` on the queue (or reuses its setting's design, solved before for other samples
    /// or another language), runs its Monte Carlo, records it; nil when `flag` stopped it.
    private func solve(_ work: Evaluation, flag: StopFlag) async throws -> (json: String, run: Int64?)? {
        defer { inFlight.withLock { $0[work.key] = nil } }
        let started = Date()
        let park = self.park
        let known = solved.withLock { list in list.last { $0.key == work.designKey }?.result }
        let starts = known == nil && warmStarts ? startPoints(for: work.setting, session: work.session) : []
        if !starts.isEmpty { warmStarted.withLock { $0 += 1 } }
        let evaluated = try await queue.run(flag) { () throws -> (String, OptimizationResult)? in
            let result: OptimizationResult
            if let known { result = known } else {
                guard let found = try park.solve(work.scenario, startPoints: starts, shouldStop: { flag.isRaised }) else { return nil }
                result = found
            }
            guard let root = try park.describe(work.setting, scenario: work.scenario, result: result, samples: work.samples,
                                               language: work.language, shouldStop: { flag.isRaised }) else { return nil }
            let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
            return (String(decoding: data, as: UTF8.self), result)
        }
        guard let evaluated, let answer = evaluated else { return nil }
        let (json, result) = answer
        if known == nil {
            remember(work.designKey, work.setting, session: work.session, result: result)
            solves.withLock { $0 += 1 }
        }
        var id: Int64?
        if let history {
            let (status, headline) = RunRecord.summary(of: "serve", result: json, currency: work.scenario.currency)
            let record = RunRecord(startedAt: started, command: "serve",
                                   commandLine: "symbiosis serve \(park.file) # \(work.setting.title)", scenarioPath: park.file,
                                   scenarioDigest: work.digest, policy: work.policy, overrides: work.overrides, options: work.options,
                                   status: status, headline: headline, seconds: Date().timeIntervalSince(started), result: json)
            id = try? history.record(record).id
        }
        memory.withLock { $0[work.key] = (json, id) }
        return (json, id)
    }

    static func reply(_ evaluation: String, cached: Bool, run: Int64?) -> Data {
        Data("{\"cached\":\(cached),\"run\":\(run.map(String.init) ?? "null"),\"evaluation\":\(evaluation)}".utf8)
    }
}
