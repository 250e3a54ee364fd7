import Foundation
import Scenario
import TestSupport

/// Scenarios/hiep-phuoc.yaml with every exchange removed: the `exchanges:` block and the one
/// policy (`facilitation`) whose overrides name exchanges.
enum DiscoveryFixtures {
    static func hiepPhuocText() throws -> String {
        try String(contentsOfFile: TestSupport.scenario("hiep-phuoc.yaml"), encoding: .utf8)
    }

    static func withoutExchanges(_ text: String) -> String {
        var out: [String] = []
        var skipping: String?  // the block being removed: "top" or "policy"
        for line in text.components(separatedBy: "\n") {
            let topLevel = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#")
            let policyLevel = line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  #")
            if skipping == "top", topLevel { skipping = nil }
            if skipping == "policy", policyLevel || topLevel { skipping = nil }
            if line.hasPrefix("exchanges:") { skipping = "top"; continue }
            if line.hasPrefix("  facilitation:") { skipping = "policy"; continue }
            if skipping == nil { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    /// (sender, receiver, resource sent) of every exchange of the file.
    static func pairs(_ scenario: Scenario) -> Set<[String]> {
        Set(scenario.exchanges.map { [$0.from, $0.to, $0.send] })
    }
}
