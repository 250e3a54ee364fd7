import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `symbiosis pareto` and `symbiosis alternatives` as a user runs them.
@Suite("pareto and alternatives commands")
struct ParetoCommandTests {
    /// The lines that do not change from run to run (alternatives' status line holds timings
    /// and solve counts; pareto's outputs have none without --timings).
    func stable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("status:") }.joined(separator: "\n")
    }

    @Test func helpShowsTheNewCommands() {
        let top = TestSupport.symbiosis(["--help"])
        #expect(top.stdout.contains("pareto") && top.stdout.contains("alternatives"))
        let pareto = TestSupport.symbiosis(["pareto", "--help"])
        #expect(pareto.status == 0)
        for text in ["--objectives", "--points", "--chart", "--time-limit", "AUGMECON2", "Examples:",
                     "symbiosis pareto Scenarios/hiep-phuoc.yaml --points 21 --chart front.svg"] {
            #expect(pareto.stdout.contains(text), "pareto --help lacks \(text)")
        }
        let alternatives = TestSupport.symbiosis(["alternatives", "--help"])
        for text in ["--slack", "--count", "robust", "symbiosis alternatives Scenarios/tiny.yaml --policy legal_reform"] {
            #expect(alternatives.stdout.contains(text), "alternatives --help lacks \(text)")
        }
    }

    /// tiny.yaml under the reform: two efficient points (the ash link alone; the water chain
    /// added in 2026), their trade-offs and designs (golden file). The chain from 2026 is win-win
    /// at 14,218,449 USD now that the ash link's gain can pay the operator's loss through the
    /// benefit-sharing account; it dominates the chain from 2027 (14,215,486 USD, 319,140 t).
    @Test func paretoTableForTinyLegalReform() {
        let result = TestSupport.symbiosis(["pareto", "Scenarios/tiny.yaml", "--policy", "legal_reform",
                                            "--objectives", "economic,environmental"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("status: optimal"))
        let diff = TestSupport.goldenDifference(result.stdout, golden: "pareto-tiny-legal-reform.txt")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func paretoJSONWithThreeObjectives() throws {
        let result = TestSupport.symbiosis(["pareto", "Scenarios/tiny.yaml", "--policy", "legal_reform",
                                            "--objectives", "economic,environmental,social", "--points", "4", "--format", "json", "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect(json["objectives"] as? [String] == ["economic", "environmental", "social"])
        for key in ["payoff_table", "levels", "points", "statistics", "solver", "units"] { #expect(json[key] != nil, "missing \(key)") }
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 2)
        let first = try #require(points.first)
        for key in ["npv", "co2e_avoided", "jobs_fte_years", "proven", "epsilon", "exchanges_built", "facilities_built", "trade_offs"] {
            #expect(first[key] != nil, "point lacks \(key)")
        }
        #expect(abs((first["npv"] as? Double ?? 0) - 14_999_626.22) < 1)
        let tradeOffs = try #require(first["trade_offs"] as? [[String: Any]])
        #expect(tradeOffs.contains { $0["unit"] as? String == "USD per t CO2e" && $0["next_point"] as? Int == 2 })
        #expect(tradeOffs.contains { $0["unit"] as? String == "USD per FTE-year" })
        let statistics = try #require(json["statistics"] as? [String: Any])
        let levels = try #require(statistics["grid_levels"] as? Int)
        #expect(levels == 16)
        let accounted = ["mip_solves", "bypassed", "skipped_infeasible", "unsolved_levels"].compactMap { statistics[$0] as? Int }.reduce(0, +)
        #expect(accounted == levels)
        let solver = try #require(json["solver"] as? [String: Any])
        #expect(solver["seconds"] is Double && solver["threads"] is Int)
    }

    /// The front is the same bytes from run to run: one thread or two (other chunks of the grid,
    /// other bypasses and solve counts), table, JSON and CSV. The run's cost goes to standard
    /// error, and into the outputs only with --timings.
    @Test func runsGiveTheSameBytes() throws {
        let arguments = ["pareto", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--points", "6"]
        for format in ["table", "json", "csv"] {
            let one = TestSupport.symbiosis(arguments + ["--format", format, "--threads", "1"])
            let two = TestSupport.symbiosis(arguments + ["--format", format, "--threads", "2"])
            #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
            #expect(!one.stdout.isEmpty && one.stdout == two.stdout, "\(format): the runs differ")
            #expect(!one.stdout.contains("seconds") && !one.stdout.contains("MIP solves"), "\(format)")
            #expect(one.stderr.contains("MIP solves at 6 grid levels") && one.stderr.contains("1 thread,"), "\(one.stderr)")
        }
        let timed = TestSupport.symbiosis(arguments + ["--timings"])
        #expect(timed.stdout.contains("MIP solves at 6 grid levels"), "\(timed.stdout)")
    }

    /// --chart writes an SVG file that parses as XML; CSV output has one header row and a BOM.
    @Test func chartAndCSVFiles() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = TestSupport.symbiosis(["pareto", TestSupport.scenario("tiny.yaml"), "--policy", "legal_reform",
                                            "--format", "csv", "--output", directory + "/front.csv", "--chart", directory + "/front.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: directory + "/front.svg", encoding: .utf8)
        let document = try XMLDocument(xmlString: svg, options: [])
        #expect(document.rootElement()?.name == "svg")
        #expect(try document.nodes(forXPath: "//*[local-name()='circle']").count == 2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/front.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // UTF-8 byte order mark, for Excel
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("point,npv_USD,co2e_avoided_t,jobs_fte_years,proven"))
        #expect(csv.split(separator: "\r\n").count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["front.csv", "front.svg"])
    }

    @Test(arguments: [["--objectives", "economic"], ["--objectives", "economic,economic"], ["--objectives", "money,jobs"],
                      ["--points", "1"], ["--threads", "0"]])
    func badParetoArgumentsAreUsageErrors(arguments: [String]) {
        let result = TestSupport.symbiosis(["pareto", "Scenarios/tiny.yaml"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    @Test func infeasibleScenarioHasNoFront() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8) + "\ntargets:\n  min_companies: 3\n"
        try text.write(toFile: directory + "/targets.yaml", atomically: true, encoding: .utf8)
        let result = TestSupport.symbiosis(["pareto", "targets.yaml", "--format", "json"], in: directory)
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "infeasible")
        #expect((json["points"] as? [Any])?.isEmpty == true)
    }

    /// Within 10 % of the optimum under the reform, the only alternative adds the water chain;
    /// the ash link is in every design (golden file).
    @Test func alternativesTableForTinyLegalReform() {
        let result = TestSupport.symbiosis(["alternatives", "Scenarios/tiny.yaml", "--policy", "legal_reform",
                                            "--slack", "0.1", "--count", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let diff = TestSupport.goldenDifference(stable(result.stdout), golden: "alternatives-tiny-legal-reform.txt")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func alternativesJSON() throws {
        let result = TestSupport.symbiosis(["alternatives", "Scenarios/tiny.yaml", "--policy", "legal_reform",
                                            "--slack", "0.1", "--count", "3", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["robust"] as? [String] == ["ash_to_cement"])
        #expect(json["found"] as? Int == 1)
        #expect(json["exhausted"] as? Bool == true)
        let designs = try #require(json["designs"] as? [[String: Any]])
        #expect(designs.map { $0["name"] as? String } == ["optimum", "alternative 1"])
    }

    @Test func lexicographicSolve() throws {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform",
                                            "--lexicographic", "economic,environmental", "--tolerance", "0.06", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["objective_used"] as? String == "lexicographic")
        let environmental = try #require(json["environmental"] as? [String: Any])
        // Within 6 % of 14,999,626 (≥ 14,099,648): the water chain from 2026 (14,218,449, 319,200 t).
        #expect(abs((environmental["co2e_avoided"] as? Double ?? 0) - 319_200) < 1e-3)
        let both = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--objective", "economic", "--lexicographic", "economic"])
        #expect(both.status == 64)
    }
}
