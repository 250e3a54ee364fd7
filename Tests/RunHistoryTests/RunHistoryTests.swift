import Foundation
import GRDB
import Testing
@testable import RunHistory

/// The run history's rules, without running a command (the end-to-end suite runs them).
@Suite("Run history")
struct RunHistoryTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "symbiosis-history-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func sample(policy: String = "baseline", npv: Double = 0, result: String = "{}") -> RunRecord {
        RunRecord(startedAt: Date(timeIntervalSince1970: 1_700_000_000), command: "solve", commandLine: "symbiosis solve tiny.yaml",
                  scenarioPath: "tiny.yaml", scenarioDigest: "0123456789abcdef", policy: policy, overrides: [],
                  options: ["--time-limit 5"], status: "optimal",
                  headline: [HeadlineFigure(name: "park NPV", value: npv, unit: "USD")], seconds: 0.25, result: result)
    }

    /// --history, then SYMBIOSIS_HISTORY, then XDG_DATA_HOME, then ~/.local/share.
    @Test func pathRule() {
        let all = ["SYMBIOSIS_HISTORY": "/e/h.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]
        #expect(RunHistory.path(option: "/o.sqlite", environment: all) == "/o.sqlite")
        #expect(RunHistory.path(option: nil, environment: all) == "/e/h.sqlite")
        #expect(RunHistory.path(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]) == "/xdg/symbiosis/history.sqlite")
        // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
        #expect(RunHistory.path(option: nil, environment: ["XDG_DATA_HOME": "xdg", "HOME": "/home/a"])
                == "/home/a/.local/share/symbiosis/history.sqlite")
    }

    /// A record is stored with an id and read back field for field; the folder is created.
    @Test func recordRoundTrip() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let history = try RunHistory(path: folder + "/nested/history.sqlite")
        let first = try history.record(sample())
        let second = try history.record(sample(policy: "legal_reform", npv: 15e6))
        #expect(first.id == 1 && second.id == 2)
        #expect(try history.run(2) == second)
        #expect(try history.runs().map(\.id) == [2, 1])
        #expect(try history.runs(limit: 1).map(\.id) == [2])
        #expect(try history.runs(command: "pareto").isEmpty)
        // Reopening migrates nothing twice and keeps the runs.
        #expect(try RunHistory(path: folder + "/nested/history.sqlite").runs().count == 2)
    }

    /// A file that is not SQLite is refused with an error, not overwritten.
    @Test func corruptFileThrows() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.sqlite"
        let garbage = String(repeating: "garbage ", count: 600)
        try garbage.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try RunHistory(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == garbage)
    }

    /// A history another process holds locked (an open exclusive transaction) is an error after
    /// the busy timeout, not a wait without end; the lock released, recording works again.
    @Test func lockedHistoryThrowsAfterTheTimeout() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let history = try RunHistory(path: path, busyTimeout: 0.2)
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true // the lock stays across accesses, as another process's would
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE TRANSACTION") }
        let started = Date()
        #expect(throws: (any Error).self) { try history.record(sample()) }
        #expect(Date().timeIntervalSince(started) < 5)
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try history.record(sample()).id == 1)
    }

    /// The options are what is left of the command line without scenario, policy and outputs.
    @Test func optionsLeaveOutOutputs() {
        let arguments = ["tiny.yaml", "--policy", "a+b", "--time-limit", "5", "--format", "json", "--output", "x.json",
                         "--verbose", "--gap=0.01", "--history", "h.sqlite", "--no-history", "--search", "lp-solve"]
        #expect(RunHistory.options(from: arguments, scenarioPath: "tiny.yaml") == ["--time-limit 5", "--gap=0.01", "--search lp-solve"])
        #expect(RunHistory.shellQuoted("it's") == "'it'\\''s'")
        #expect(RunHistory.shellQuoted("a+b") == "a+b")
    }

    /// Headline of a hand-written solve result: NPV and CO2e as given, links = items with built true.
    @Test func solveHeadline() {
        let json = """
        {"status": "optimal", "currency": "VND", "economic": {"npv": 2500, "public_cost": 10},
         "environmental": {"co2e_avoided": 7.5}, "exchanges": [{"id": "a", "built": true}, {"id": "b", "built": false}],
         "facilities": [{"id": "f", "built": true}]}
        """
        let (status, figures) = RunRecord.summary(of: "solve", result: json, currency: "USD")
        #expect(status == "optimal")
        #expect(figures == [HeadlineFigure(name: "park NPV", value: 2500, unit: "VND"),
                            HeadlineFigure(name: "public cost", value: 10, unit: "VND"),
                            HeadlineFigure(name: "CO2e avoided", value: 7.5, unit: "t CO2e"),
                            HeadlineFigure(name: "links built", value: 2, unit: "links")])
        // A sensitivity result names no currency: the scenario's is used.
        let study = RunRecord.summary(of: "sensitivity", result: #"{"base": {"npv": 3, "status": "optimal", "built": ["a"]}}"#, currency: "USD")
        #expect(study.headline.first == HeadlineFigure(name: "base park NPV", value: 3, unit: "USD"))
        #expect(study.status == "optimal")
    }

    /// A compare result: the recommendation is the JSON's `recommended` (the report's rule); when
    /// it is null, none is, and rank 1 is named. A result without the key (written before it
    /// existed) names rank 1.
    @Test func compareHeadline() {
        let builds = #"{"options": [{"rank": 2, "option": "a"}, {"rank": 1, "option": "b"}], "recommended": "b"}"#
        #expect(RunRecord.summary(of: "compare", result: builds, currency: "USD").status == "recommended: b")
        let nothing = #"{"options": [{"rank": 1, "option": "baseline", "exchanges_built": 0}], "recommended": null}"#
        #expect(RunRecord.summary(of: "compare", result: nothing, currency: "USD").status
                == "no option recommended: baseline (rank 1) builds nothing")
        let older = #"{"options": [{"rank": 1, "option": "b"}]}"#
        #expect(RunRecord.summary(of: "compare", result: older, currency: "USD").status == "recommended: b")
    }

    /// `runs show` writes each headline figure whole, however long its name.
    @Test func showKeepsLongNames() {
        var run = sample()
        run.headline = [HeadlineFigure(name: "CO2e avoided (landfill_tax+legal_reform)", value: 318_600, unit: "t CO2e")]
        #expect(run.detailText.contains("CO2e avoided (landfill_tax+legal_reform): 318 600 t CO2e\n"), "\(run.detailText)")
        #expect(run.detailText.contains("park NPV") == false)
    }

    /// The diff lists changed inputs and figures; keys are bounded and list items matched by id.
    @Test func diffIsBounded() {
        let a = sample(result: #"{"exchanges": [{"id": "x", "built": false}, {"id": "y", "flow": 1}], "solver": {"seconds": 1}}"#)
        var b = sample(policy: "legal_reform", npv: 1500, result: #"{"exchanges": [{"id": "y", "flow": 2}, {"id": "x", "built": true}], "solver": {"seconds": 2}}"#)
        b.options = []
        let text = RunRecord.diff(a, b, limit: 1)
        #expect(text.contains("policy: baseline -> legal_reform"))
        #expect(text.contains("option removed: --time-limit 5"))
        #expect(text.contains("park NPV: 0 USD -> 1 500 USD (+1 500 USD)"), "\(text)")
        #expect(text.contains("exchanges[x].built: "), "\(text)")
        #expect(!text.contains("seconds:"), "\(text)")
        #expect(text.contains("... and 1 more changed keys"), "\(text)")
    }
}
