import Analysis
import Foundation
import Report
import Scenario

/// What the pinned-options button asks: the settings to compare in the board report.
public struct ReportRequest: Codable, Sendable {
    public var settings: [BoardSetting]
    public var lang: String?
    /// Monte Carlo samples per option (default: the scenario's, at most `BoardRoom.reportSamples`).
    public var samples: Int?
    public init(settings: [BoardSetting], lang: String? = nil, samples: Int? = nil) {
        self.settings = settings; self.lang = lang; self.samples = samples
    }
}

extension BoardRoom {
    /// The most options one report compares.
    public static let maximumPinned = 8
    /// The most Monte Carlo samples per option of a report written from the page.
    public static let reportSamples = 200

    /// Writes the `compare` board report (`ComparisonReport`, the same document as
    /// `symbiosis compare --report`) for the pinned `request.settings` into the output folder,
    /// atomically, under a name the server chooses (`board-report-<UTC time>.html`), and returns
    /// its path. The solves share the queue: one core.
    public func writeReport(_ request: ReportRequest, now: Date = Date()) async throws -> String {
        guard (1...Self.maximumPinned).contains(request.settings.count) else {
            throw BoardRoomInputError("a report compares 1 to \(Self.maximumPinned) pinned settings, got \(request.settings.count)")
        }
        guard let language = ReportLanguage(rawValue: request.lang ?? "en") else {
            throw BoardRoomInputError("lang must be en or vi, got \(request.lang ?? "")")
        }
        let samples = request.samples ?? min(park.base.uncertainty?.samples ?? 0, Self.reportSamples)
        guard (0...Self.reportSamples).contains(samples) else {
            throw BoardRoomInputError("samples must be 0...\(Self.reportSamples), got \(samples)")
        }
        var scenarios: [(name: String, scenario: Scenario)] = []
        for setting in request.settings {
            let title = setting.title
            if scenarios.contains(where: { $0.name == title }) { continue }
            scenarios.append((title, try park.scenario(for: setting)))
        }
        let park = self.park, options = scenarios
        let flag = StopFlag(parent: queue.shutdown)
        let simulation = park.base.uncertainty.map { SimulationSettings(samples: samples, seed: $0.seed, threads: 1) }
        let html = try await queue.run(flag) { () throws -> String in
            let comparison = try PolicyComparison.run(options, appraisal: park.appraisal, optimizer: ParkOptimizer(backend: park.backend, options: park.solveOptions),
                                                      settings: samples > 0 ? simulation : nil, threads: 1)
            let text = try? String(contentsOfFile: park.file, encoding: .utf8)
            return ComparisonReport(comparison: comparison, language: language, scenarioText: text).document().html()
        }
        guard let html else { throw BoardRoomSolveError(message: "the report was stopped") }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        let path = (outputFolder as NSString).appendingPathComponent("board-report-\(formatter.string(from: now)).html")
        _ = try OutputFolder.prepare(outputFolder)
        var batch = OutputBatch(inputs: [park.file])
        batch.add(html, to: path)
        try batch.commit()
        return path
    }
}
