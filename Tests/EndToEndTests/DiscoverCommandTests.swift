import Foundation
import Testing
import TestSupport

/// `discover` then `solve`: a park with no exchanges at all becomes solvable in two commands.
@Suite("discover command")
struct DiscoverCommandTests {
    @Test func discoverThenSolve() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bare = directory + "/bare.yaml", proposed = directory + "/candidates.yaml"
        try TestSupport.hiepPhuocWithoutExchanges().write(toFile: bare, atomically: true, encoding: .utf8)
        let found = TestSupport.symbiosis(["discover", bare, "--top", "40", "--output", proposed])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("fly_ash_for_clinker"))
        let table = found.stdout.components(separatedBy: "\n").filter { $0.range(of: #"^ *\d+  "#, options: .regularExpression) != nil }
        // 40, and the links the cut would have taken from facilities it keeps (their feeds, or a supply).
        #expect(table.count >= 40 && table.count <= 60, "\(table.count) rows")
        let text = try String(contentsOfFile: proposed, encoding: .utf8)
        #expect(text.hasPrefix("# Proposed by `symbiosis discover`"))
        #expect(text.contains("# #1 by discover:"))
        let valid = TestSupport.symbiosis(["validate", proposed])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("\(table.count) candidate exchanges"))
        // The economic objective alone (no payoff table): 4.3 s in a debug build on the shared
        // 2-core machine (2026-12-03); the limit leaves room for load.
        let solved = TestSupport.symbiosis(["solve", proposed, "--objective", "economic", "--time-limit", "120"])
        #expect(solved.status == 0, "\(solved.stderr)")
        #expect(solved.stdout.contains("Exchanges built"))
        #expect(!solved.stdout.contains("Exchanges built               0 of"))
    }

    /// Bad input: a missing file and a park in another currency without --usd-rate exit 65 and
    /// write nothing.
    @Test func badInputExitsWithoutWriting() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/out.yaml"
        let missing = TestSupport.symbiosis(["discover", directory + "/none.yaml", "--output", out])
        #expect(missing.status == 65)
        let vnd = directory + "/vnd.yaml"
        let tiny = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        try tiny.replacingOccurrences(of: "currency: USD", with: "currency: VND").write(toFile: vnd, atomically: true, encoding: .utf8)
        let noRate = TestSupport.symbiosis(["discover", vnd, "--output", out])
        #expect(noRate.status == 65)
        #expect(noRate.stderr.contains("--usd-rate"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let withRate = TestSupport.symbiosis(["discover", vnd, "--usd-rate", "25000", "--output", out])
        #expect(withRate.status == 0, "\(withRate.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }
}
