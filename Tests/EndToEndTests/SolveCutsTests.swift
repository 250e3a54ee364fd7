import Foundation
import Testing
import TestSupport

/// `solve` reports what each cut family did: `solver.cuts` in JSON, lines on standard error
/// with `--verbose`.
@Suite("solve: per-separator cut statistics")
struct SolveCutsTests {
    @Test func jsonCarriesTheCutFamilies() throws {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let solver = try #require(json["solver"] as? [String: Any])
        let cuts = try #require(solver["cuts"] as? [[String: Any]])
        #expect(cuts.compactMap { $0["name"] as? String } == ["knapsack_cover", "flow_cover", "c_mir"])
        for family in cuts {
            #expect(family["calls"] as? Int != nil && family["cuts"] as? Int != nil && family["seconds"] as? Double != nil, "\(family)")
        }
    }

    @Test func verboseWritesThemToStandardError() {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("cuts knapsack_cover: "))
        #expect(result.stderr.contains("cuts c_mir: "))
        #expect(!result.stdout.contains("cuts knapsack_cover"))
    }
}
