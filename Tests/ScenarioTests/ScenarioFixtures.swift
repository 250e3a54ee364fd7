import Foundation
import Testing
@testable import Scenario

/// Shared inputs for the scenario tests: `Scenarios/tiny.yaml`, found from this file's path.
enum Fixtures {
    /// The package root: `Tests/ScenarioTests/<this file>` up three levels.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let tinyPath = packageRoot.appendingPathComponent("Scenarios/tiny.yaml").path

    /// The text of `Scenarios/tiny.yaml`.
    static let tinyYAML: String = (try? String(contentsOfFile: tinyPath, encoding: .utf8)) ?? ""

    /// tiny.yaml with the single occurrence of `old` replaced by `new`.
    static func tiny(replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> String {
        #expect(tinyYAML.components(separatedBy: old).count == 2, "`\(old)` must occur once in tiny.yaml",
                sourceLocation: sourceLocation)
        return tinyYAML.replacingOccurrences(of: old, with: new)
    }

    /// tiny.yaml with `extra` appended at the end.
    static func tiny(appending extra: String) -> String { tinyYAML + extra }

    /// 1-based number of the first line of `text` containing `fragment` (0 when absent).
    static func line(of fragment: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    /// 1-based column where `fragment` starts on its first line (0 when absent).
    static func column(of fragment: String, in text: String) -> Int {
        for line in text.components(separatedBy: "\n") {
            if let range = line.range(of: fragment) { return line.distance(from: line.startIndex, to: range.lowerBound) + 1 }
        }
        return 0
    }

    /// Loads `yaml` as `tiny.yaml`; the errors thrown, or `[]` when it loads.
    static func errors(_ yaml: String, policy: String? = nil) -> [Diagnostic] {
        do {
            _ = try Scenario.parse(yaml: yaml, file: "tiny.yaml", policy: policy)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Loads `yaml` as `tiny.yaml` and returns the warnings (records an issue when it does not load).
    static func warnings(_ yaml: String, policy: String? = nil,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            return try Scenario.parse(yaml: yaml, file: "tiny.yaml", policy: policy).warnings
        } catch {
            Issue.record("did not load: \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The tiny scenario, loaded with `policy`.
    static func tiny(policy: String? = nil) throws -> Scenario {
        try Scenario.load(contentsOf: tinyPath, policy: policy).scenario
    }
}

/// The single diagnostic of `diagnostics` at `keyPath`, recording an issue when there is not exactly one.
func diagnostic(at keyPath: String, in diagnostics: [Diagnostic],
                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let found = diagnostics.filter { $0.keyPath == keyPath }
    #expect(found.count == 1, "expected one diagnostic at \(keyPath), got: \(diagnostics.map(\.description))",
            sourceLocation: sourceLocation)
    return found.first
}
