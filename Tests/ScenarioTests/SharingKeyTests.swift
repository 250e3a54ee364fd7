import Foundation
import Testing
@testable import Scenario

/// The `sharing:` key: defaults, values, policies, and errors with file:line:column.
@Suite struct SharingKeyTests {
    @Test func defaultsAndValues() throws {
        #expect(try AppraisalKeyTests.tiny(adding: "").sharing == SharingSettings())
        #expect(SharingSettings().rule == .minimal)
        let s = try AppraisalKeyTests.tiny(adding: "sharing: {rule: nash, sender_weight: 0.3, exact_players: 8, samples: 50, seed: 4}")
        #expect(s.sharing == SharingSettings(rule: .nash, senderWeight: 0.3, exactPlayers: 8, samples: 50, seed: 4))
    }

    @Test func aPolicyMaySetTheRule() throws {
        let text = try AppraisalKeyTests.tinyText().replacingOccurrences(
            of: "  baseline: {}", with: "  baseline: {}\n  shapley_deal: {set: {sharing.rule: shapley}}")
        let s = try Scenario.parse(yaml: text, file: "tiny.yaml", policy: "shapley_deal").scenario
        #expect(s.sharing.rule == .shapley)
    }

    @Test func badValuesNameFileLineAndKey() throws {
        let errors = AppraisalKeyTests.errors(adding: "sharing: {rule: shapely, sender_weight: 2, samples: 0}")
        let line = try AppraisalKeyTests.tinyText().components(separatedBy: "\n")
            .firstIndex { $0.contains("discount_rate: 0.08") }.map { $0 + 2 } ?? 0
        #expect(errors.contains { $0.hasPrefix("tiny.yaml:\(line):") && $0.contains("sharing.rule: unknown value `shapely`")
            && $0.contains("did you mean `shapley`") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tiny.yaml:\(line):") && $0.contains("sharing.sender_weight") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tiny.yaml:\(line):") && $0.contains("sharing.samples") }, "\(errors)")
        #expect(AppraisalKeyTests.errors(adding: "sharing: {rules: nash}").contains { $0.contains("unknown key `rules`") })
    }
}
