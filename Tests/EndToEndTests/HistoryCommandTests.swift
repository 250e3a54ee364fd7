import Foundation
import Testing
import TestSupport

/// The run history as a user meets it: each recording command on tiny, read back with `runs`
/// (docs/history.md). Every test has its own history file (SYMBIOSIS_HISTORY).
@Suite("symbiosis runs and the run history")
struct HistoryCommandTests {
    private static func history() throws -> (folder: String, file: String) {
        let folder = try TestSupport.makeTemporaryDirectory()
        return (folder, folder + "/history.sqlite")
    }

    private static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// solve, simulate, compare, sensitivity and pareto are each recorded once, and the stored
    /// result is the JSON the command printed; the headline figures are that JSON's values.
    @Test func eachCommandIsRecordedAndReadBack() throws {
        let (folder, file) = try Self.history()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["SYMBIOSIS_HISTORY": file]
        let tiny = TestSupport.scenario("tiny.yaml")
        let runs: [(command: String, arguments: [String])] = [
            ("solve", ["solve", tiny, "--policy", "legal_reform", "--format", "json"]),
            ("simulate", ["simulate", tiny, "--policy", "legal_reform", "--samples", "20", "--threads", "1", "--format", "json"]),
            ("compare", ["compare", tiny, "--samples", "0", "--threads", "1", "--format", "json"]),
            ("sensitivity", ["sensitivity", tiny, "--method", "tornado", "--param", "resources.clinker.price=30:70",
                             "--threads", "1", "--format", "json"]),
            ("pareto", ["pareto", tiny, "--points", "3", "--threads", "1", "--format", "json"]),
        ]
        var printed: [String: Any] = [:]
        for run in runs {
            let result = TestSupport.symbiosis(run.arguments, environment: environment)
            #expect(result.status == 0, "\(run.command): \(result.stderr)")
            #expect(!result.stderr.contains("warning: this run was not recorded"), "\(result.stderr)")
            printed[run.command] = try Self.json(result.stdout)
        }
        let list = TestSupport.symbiosis(["runs", "list"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 1 + runs.count, "\(list.stdout)")

        let export = TestSupport.symbiosis(["runs", "export", "--format", "json"], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let stored = try #require(try Self.json(export.stdout) as? [[String: Any]])
        #expect(stored.map { $0["command"] as? String } == runs.map(\.command))
        for record in stored {
            let command = try #require(record["command"] as? String)
            // The stored result is the printed one, value for value.
            let stored = try JSONSerialization.data(withJSONObject: try #require(record["result"]), options: .sortedKeys)
            let shown = try JSONSerialization.data(withJSONObject: try #require(printed[command]), options: .sortedKeys)
            let same = stored == shown
            #expect(same, "\(command): the stored result differs from the printed one")
            #expect((record["scenario"] as? String) == tiny)
            #expect((record["scenario_digest"] as? String)?.count == 16)
            #expect((record["command_line"] as? String)?.hasPrefix("symbiosis \(command) ") == true)
        }
        // solve's headline: park NPV and CO2e are the JSON's economic.npv and co2e_avoided, in USD and t.
        let solve = try #require(stored.first { $0["command"] as? String == "solve" })
        let solved = try #require(printed["solve"] as? [String: Any])
        let headline = try #require(solve["headline"] as? [[String: Any]])
        let npv = try #require(headline.first { $0["name"] as? String == "park NPV" })
        #expect(npv["value"] as? Double == (solved["economic"] as? [String: Any])?["npv"] as? Double)
        #expect(npv["unit"] as? String == "USD")
        let co2 = try #require(headline.first { $0["name"] as? String == "CO2e avoided" })
        #expect(co2["value"] as? Double == (solved["environmental"] as? [String: Any])?["co2e_avoided"] as? Double)
        // tiny under legal_reform builds the one exchange ash_to_cement and no facility.
        #expect(headline.first { $0["name"] as? String == "links built" }?["value"] as? Double == 1)
        #expect(solve["policy"] as? String == "legal_reform")
        #expect(solve["status"] as? String == "optimal")
        #expect((solve["options"] as? [String]) == [])
        // compare records the options it compared and their overrides.
        let compare = try #require(stored.first { $0["command"] as? String == "compare" })
        #expect((compare["policy"] as? String)?.contains("legal_reform") == true)
        #expect((compare["overrides"] as? [String])?.contains { $0.hasPrefix("legal_reform: ") } == true)
        // `runs list --command` filters, `runs show` prints the stored JSON.
        let solves = TestSupport.symbiosis(["runs", "list", "--command", "simulate"], environment: environment)
        #expect(solves.stdout.split(separator: "\n").count == 2, "\(solves.stdout)")
        let show = TestSupport.symbiosis(["runs", "show", "1"], environment: environment)
        #expect(show.status == 0 && show.stdout.contains("policy:          legal_reform"), "\(show.stdout)")
        let missing = TestSupport.symbiosis(["runs", "show", "99"], environment: environment)
        #expect(missing.status == 65 && missing.stderr.contains("no run 99"))
    }

    /// Two solves of tiny, baseline then legal_reform: the diff names the changed policy, its
    /// override, the headline figures that moved with their units, and result keys.
    @Test func diffOfTwoPoliciesShowsInputsAndResults() throws {
        let (folder, file) = try Self.history()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["SYMBIOSIS_HISTORY": file]
        let tiny = TestSupport.scenario("tiny.yaml")
        let baseline = TestSupport.symbiosis(["solve", tiny, "--format", "json"], environment: environment)
        let reform = TestSupport.symbiosis(["solve", tiny, "--policy", "legal_reform", "--format", "json"], environment: environment)
        #expect(baseline.status == 0 && reform.status == 0, "\(baseline.stderr)\(reform.stderr)")
        let before = try #require(try Self.json(baseline.stdout) as? [String: Any])
        let after = try #require(try Self.json(reform.stdout) as? [String: Any])
        let diff = TestSupport.symbiosis(["runs", "diff", "1", "2"], environment: environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("policy: baseline -> legal_reform"), "\(diff.stdout)")
        #expect(diff.stdout.contains("override added: "), "\(diff.stdout)")
        #expect(diff.stdout.contains("scenario digest"), "\(diff.stdout)")
        // The park NPV line carries both values in USD; baseline builds nothing on tiny (NPV 0).
        let npvBefore = try #require((before["economic"] as? [String: Any])?["npv"] as? Double)
        let npvAfter = try #require((after["economic"] as? [String: Any])?["npv"] as? Double)
        #expect(npvBefore == 0 && npvAfter > 0)
        let npvLine = diff.stdout.split(separator: "\n").first { $0.contains("park NPV:") }.map(String.init) ?? ""
        #expect(npvLine.contains("0 USD -> ") && npvLine.hasSuffix("USD)"), "\(npvLine)")
        #expect(diff.stdout.contains("links built: 0 links -> 1 links (+1 links)"), "\(diff.stdout)")
        #expect(diff.stdout.contains("economic.npv: 0 -> "), "\(diff.stdout)")
        #expect(diff.stdout.contains("exchanges[ash_to_cement].built"), "\(diff.stdout)")
        let all = TestSupport.symbiosis(["runs", "diff", "1", "2", "--keys", "500"], environment: environment)
        #expect(all.stdout.contains("  policy: \"baseline\" -> \"legal_reform\""), "\(all.stdout)")
        #expect(!all.stdout.contains("more changed keys"))
        // Bounded: --keys 2 shows two keys and says how many more.
        let short = TestSupport.symbiosis(["runs", "diff", "1", "2", "--keys", "2"], environment: environment)
        #expect(short.stdout.contains("more changed keys"), "\(short.stdout)")
        // The same run against itself: nothing changed.
        let same = TestSupport.symbiosis(["runs", "diff", "2", "2"], environment: environment)
        #expect(same.stdout.components(separatedBy: "unchanged").count == 4, "\(same.stdout)")
    }

    /// A history that cannot be written (its folder is a file; a file that is not a database)
    /// is one warning: the command still exits 0 with the same output.
    @Test func unwritableHistoryIsAWarning() throws {
        let (folder, _) = try Self.history()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tiny = TestSupport.scenario("tiny.yaml")
        // CSV (the exchanges' flows) has no run time in it, so two runs print the same bytes.
        let reference = TestSupport.symbiosis(["solve", tiny, "--policy", "legal_reform", "--format", "csv", "--no-history"])
        #expect(reference.status == 0)
        let blocker = folder + "/not-a-folder"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let corrupt = folder + "/corrupt.sqlite"
        try String(repeating: "not a database ", count: 500).write(toFile: corrupt, atomically: true, encoding: .utf8)
        for path in [blocker + "/history.sqlite", corrupt] {
            let run = TestSupport.symbiosis(["solve", tiny, "--policy", "legal_reform", "--format", "csv", "--history", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == reference.stdout)
            #expect(run.stderr.components(separatedBy: "warning: this run was not recorded").count == 2, "\(run.stderr)")
        }
        // The environment variable is used like --history.
        let viaEnvironment = TestSupport.symbiosis(["solve", tiny], environment: ["SYMBIOSIS_HISTORY": corrupt])
        #expect(viaEnvironment.status == 0 && viaEnvironment.stderr.contains("warning: this run was not recorded"))
    }

    /// `--no-history` records nothing: no file appears; `--history` wins over the environment.
    @Test func noHistoryWritesNothing() throws {
        let (folder, file) = try Self.history()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tiny = TestSupport.scenario("tiny.yaml")
        let off = TestSupport.symbiosis(["solve", tiny, "--no-history"], environment: ["SYMBIOSIS_HISTORY": file])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        // Reading a history that does not exist says so and creates no file.
        let empty = TestSupport.symbiosis(["runs", "list"], environment: ["SYMBIOSIS_HISTORY": file])
        #expect(empty.status == 0 && empty.stderr.contains("no runs recorded"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        let other = folder + "/other.sqlite"
        let on = TestSupport.symbiosis(["solve", tiny, "--history", other], environment: ["SYMBIOSIS_HISTORY": file])
        #expect(on.status == 0, "\(on.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(FileManager.default.fileExists(atPath: other))
        // export --output writes the CSV file: a header and one row.
        let csv = folder + "/runs.csv"
        let export = TestSupport.symbiosis(["runs", "export", "--history", other, "--output", csv])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("id,started_utc,command,"))
        #expect(lines[1].contains(",solve,"))
    }

    /// `runs export --csv-dialect excel-vi` (issue 19: every CSV command has the dialect): the
    /// same rows as the standard export, `;` between fields and the `seconds` column with a
    /// decimal comma (the standard export writes it `%.3f`, so it always has a decimal point).
    @Test func exportTakesTheCSVDialect() throws {
        let (folder, file) = try Self.history()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let solve = TestSupport.symbiosis(["solve", TestSupport.scenario("tiny.yaml"), "--history", file])
        #expect(solve.status == 0, "\(solve.stderr)")
        let standard = TestSupport.symbiosis(["runs", "export", "--history", file])
        let excel = TestSupport.symbiosis(["runs", "export", "--history", file, "--csv-dialect", "excel-vi"])
        #expect(standard.status == 0 && excel.status == 0, "\(excel.stderr)")
        let standardLines = standard.stdout.split(separator: "\n"), excelLines = excel.stdout.split(separator: "\n")
        try #require(standardLines.count == 2 && excelLines.count == 2)
        #expect(excelLines.first == standardLines.first.map { Substring($0.replacingOccurrences(of: ",", with: ";")) })
        // The seconds column: `%.3f` in the standard export (no field of this row holds a comma,
        // so splitting at commas finds it), the same digits with a decimal comma in excel-vi.
        let header = standardLines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "seconds"))
        let fields = standardLines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == header.count, "\(standardLines[1])")
        let seconds = fields[column]
        #expect(seconds.range(of: #"^[0-9]+\.[0-9]{3}$"#, options: .regularExpression) != nil, "\(seconds)")
        #expect(excelLines[1].contains(";" + seconds.replacingOccurrences(of: ".", with: ",") + ";"), "\(excelLines[1])")
        #expect(!excelLines[1].contains(";" + seconds + ";"))
    }
}
