import Foundation
import Testing
import TestSupport

/// The CLI as a user runs it: exit codes, messages, files.
@Suite("symbiosis command line")
struct CommandTests {
    @Test func helpListsTheCommandsWithExamples() {
        let result = TestSupport.symbiosis(["--help"])
        #expect(result.status == 0)
        for word in ["validate", "solve", "export", "Examples:"] { #expect(result.stdout.contains(word)) }
        let solveHelp = TestSupport.symbiosis(["solve", "--help"])
        #expect(solveHelp.stdout.contains("--time-limit"))
        #expect(solveHelp.stdout.contains("symbiosis solve Scenarios/hiep-phuoc.yaml"))
    }

    static let subcommands = ["validate", "solve", "simulate", "merge", "compare", "sensitivity", "pareto", "alternatives",
                              "generate", "export", "template", "import", "export-data", "demo", "discover", "runs"]

    /// Examples copy-paste at 80 columns: no line of an example is wrapped by the help, each is
    /// at most 80 characters, and a line that does not start a command continues one (`\`).
    @Test(arguments: [""] + subcommands)
    func helpExamplesFitEightyColumns(_ command: String) throws {
        let result = TestSupport.symbiosis((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Examples:") }) else { return }
        var previous = ""
        for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) {
            #expect(line.count <= 80, "\(command): \(line)")
            #expect(line.hasPrefix("  symbiosis ") || previous.hasSuffix("\\"), "\(command): a command broken before: \(line)")
            previous = line
        }
    }

    /// The help's indented lines (the method lists of a discussion, the examples) are never
    /// wrapped at 80 columns: a wrapped one would go on at the left margin, as sensitivity's
    /// list of methods did ("  tornado … design" then "switches marked").
    @Test(arguments: [""] + subcommands)
    func helpIndentedLinesAreNotWrapped(_ command: String) {
        let result = TestSupport.symbiosis((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n").prefix { !$0.hasPrefix("USAGE:") }
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  ") {
            #expect(next.isEmpty || next.hasPrefix("  "), "\(command): a wrapped line: \(line) / \(next)")
        }
    }

    @Test func versionIsPrinted() {
        let result = TestSupport.symbiosis(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("symbiosis 0.1.0 (lp_solve 5.5"), "\(result.stdout)")
    }

    @Test func validateSummarizesTheShippedScenarios() {
        let result = TestSupport.symbiosis(["validate", "Scenarios/tiny.yaml", "Scenarios/hiep-phuoc.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Scenarios/tiny.yaml: valid — Tiny park"))
        #expect(result.stdout.contains("3 companies") == false)
        #expect(result.stdout.contains("2 companies, 1 facility, 4 resources, 3 candidate exchanges"))
    }

    /// A scenario with a typo, a negative capex and a misspelt permit: every error at once,
    /// with file:line:column and key path, exit 65, nothing solved (golden file).
    @Test func validationErrorsAsAUserSeesThem() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "    capacity: 50000          # units sent per year", with: "    capcity: 50000")
            .replacingOccurrences(of: "    capex: 200000", with: "    capex: -200000")
            .replacingOccurrences(of: "    permit: waste_as_material\n", with: "    permit: waste_as_materials\n")
        try text.write(toFile: directory + "/bad.yaml", atomically: true, encoding: .utf8)
        let result = TestSupport.symbiosis(["solve", "bad.yaml"], in: directory)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let diff = TestSupport.goldenDifference(result.stderr, golden: "solve-bad-scenario.txt")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func solveWritesJSONWithTheDocumentedKeys() throws {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        for key in ["mip_objective", "gap", "economic", "environmental", "social", "exchanges", "facilities", "companies", "solver"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let economic = try #require(json["economic"] as? [String: Any])
        #expect(economic["npv"] is Double && economic["public_cost"] is Double)
        let exchanges = try #require(json["exchanges"] as? [[String: Any]])
        let ash = try #require(exchanges.first { $0["id"] as? String == "ash_to_cement" })
        #expect(ash["built"] as? Bool == true)
        #expect(ash["build_year"] as? Int == 2027)
        let flows = try #require(ash["flows"] as? [String: Double])
        #expect(flows["2026"] == 0 && flows["2030"] == 50_000)
        let companies = try #require(json["companies"] as? [[String: Any]])
        #expect(companies.contains { $0["id"] as? String == "cement_grinding" && $0["npv_before_transfers"] is Double })
        let solver = try #require(json["solver"] as? [String: Any])
        #expect((solver["name"] as? String)?.contains("lp_solve 5.5") == true)
    }

    @Test func tableReportForTinyLegalReform() {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform"])
        #expect(result.status == 0)
        // The timing line varies from run to run: compare the rest.
        let stable = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("status:") }.joined(separator: "\n")
        #expect(result.stdout.contains("status: optimal"))
        let diff = TestSupport.goldenDifference(stable, golden: "solve-tiny-legal-reform.txt")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func outputIsWrittenAtomicallyAndNeverOverAnInput() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/tiny.yaml"
        try FileManager.default.copyItem(atPath: TestSupport.scenario("tiny.yaml"), toPath: input)
        let before = try String(contentsOfFile: input, encoding: .utf8)
        let refused = TestSupport.symbiosis(["solve", input, "--output", input])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("refusing to overwrite the input file"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
        let written = TestSupport.symbiosis(["solve", input, "--format", "json", "--output", directory + "/out.json"])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["out.json", "tiny.yaml"])  // no temporary file left behind
    }

    @Test(.enabled(if: TestSupport.highsAvailable, "needs highs-check and highspy"))
    func exportedModelGivesTheSameObjectiveInHiGHS() throws {
        let mps = TestSupport.temporaryFile(suffix: ".mps")
        defer { try? FileManager.default.removeItem(atPath: mps) }
        let export = TestSupport.symbiosis(["export", "Scenarios/tiny.yaml", "--policy", "landfill_tax+legal_reform", "--mps", mps])
        #expect(export.status == 0, "\(export.stderr)")
        let solve = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "landfill_tax+legal_reform", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as? [String: Any])
        let objective = try #require(json["mip_objective"] as? Double)
        let highs = TestSupport.run(TestSupport.highsCheckPath, [mps])
        let line = try #require(highs.stdout.split(separator: "\n").last { $0.hasPrefix("{") })
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(TestSupport.relativeDifference(answer["objective"] as? Double ?? .nan, objective) < 1e-6)
    }

    @Test func csvForExcel() throws {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\u{FEFF}exchange,from,to,resource,unit,built,build_year"))
        let rows = result.stdout.split(separator: "\r\n")
        #expect(rows.count == 4)  // header + 3 candidate exchanges
        #expect(rows.contains { $0.hasPrefix("ash_to_cement,power_plant,cement_grinding,fly_ash,t,yes,2027,") })
    }

    @Test(arguments: ["inf", "nan", "-1", "0"])
    func badTimeLimitIsAUsageError(limit: String) {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--time-limit=\(limit)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--time-limit must be a positive number of seconds"))
    }

    /// tiny.yaml has two companies: asking for three taking part cannot be met. The answer is
    /// an explicit "infeasible" with exit status 2, not a crash or an empty design, and the
    /// requirement to relax is named on standard error and in the JSON.
    @Test func infeasibleTargetsExitWithStatusTwo() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            + "\ntargets:\n  min_companies: 3\n"
        try text.write(toFile: directory + "/targets.yaml", atomically: true, encoding: .utf8)
        let result = TestSupport.symbiosis(["solve", "targets.yaml", "--format", "json"], in: directory)
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "infeasible")
        #expect(json["exchanges"] == nil)
        let message = "targets.min_companies: 3 companies is above the 0 that can take part under the other requirements (2 in the park)"
        let relax = try #require(json["infeasibility"] as? [[String: String]])
        #expect(relax == [["requirement": "targets.min_companies", "message": message]])
        #expect(json["infeasibility_proven_smallest"] as? Bool == true)
        #expect(result.stderr.contains("infeasible: no design meets every requirement; relax these (the smallest set):\n  " + message))
        let table = TestSupport.symbiosis(["solve", "targets.yaml"], in: directory)
        #expect(table.status == 2)
        #expect(table.stderr.contains(message))
    }

    /// Every reported design is checked against the model in double precision (JSON `verification`).
    @Test func designsAreVerified() throws {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let verification = try #require(json["verification"] as? [String: Any])
        #expect(verification["violations"] as? Int == 0)
        #expect((verification["largest_violation"] as? Double ?? 1) < 1e-6)
        #expect(json["numerical_warnings"] == nil)
        #expect(!result.stderr.contains("warning: the model"))
    }

    @Test func unknownPolicyIsAnError() {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "landfil_tax"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("landfil_tax"))
    }

    @Test func repeatedPolicyIsAnError() {
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform+legal_reform"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("policy `legal_reform` appears twice in `legal_reform+legal_reform`"))
        #expect(result.stdout.isEmpty)
    }

    /// Issue 20 (b): more exchanges asked for than the companies can have are written as far as
    /// possible, with a warning, and the park is named by what it holds.
    @Test func generateWarnsWhenFewerExchangesArePossible() throws {
        let result = TestSupport.symbiosis(["generate", "--companies", "5", "--exchanges", "100000"])
        #expect(result.status == 0)
        let name = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("name: ") }).dropFirst(6)
        #expect(name.hasPrefix("Synthetic park 5x") && !name.contains("100000"), "\(name)")
        let made = name.dropFirst("Synthetic park 5x".count).prefix { $0.isNumber }
        #expect(result.stderr.contains("warning: 5 companies and 4 facilities have only \(made) compatible pairs (seed 1), "
            + "so the park has \(made) exchanges, not 100000"), "\(result.stderr)")
        let enough = TestSupport.symbiosis(["generate", "--companies", "10", "--exchanges", "20"])
        #expect(enough.status == 0 && enough.stderr.isEmpty)
        #expect(enough.stdout.contains("name: Synthetic park 10x20 (seed 1)"))
        #expect(TestSupport.symbiosis(["generate", "--help"]).stdout.contains("fewer compatible pairs"))
    }

    @Test func demoSolvesTheKnapsack() {
        let result = TestSupport.symbiosis(["demo"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("optimal, objective 23.0"))
    }
}
