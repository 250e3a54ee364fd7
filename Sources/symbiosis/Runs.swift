import ArgumentParser
import Foundation
import RunHistory

/// `symbiosis runs`: query the run history (docs/history.md).
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, compare and export the recorded runs.",
        discussion: """
        Every solve, simulate, compare, sensitivity and pareto run is recorded in the run history \
        (an SQLite file; --history FILE, else $SYMBIOSIS_HISTORY, else \
        $XDG_DATA_HOME/symbiosis/history.sqlite, else ~/.local/share/symbiosis/history.sqlite) \
        unless it is given --no-history.

        Examples:
          symbiosis runs list --limit 10 --command solve
          symbiosis runs show 12
          symbiosis runs diff 11 12
          symbiosis runs export --format csv --output runs.csv
          symbiosis runs export --csv-dialect excel-vi --output runs.csv
        """,
        subcommands: [List.self, Show.self, Diff.self, Export.self]
    )

    /// `--history` of the `runs` subcommands.
    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("The run history file (default as for the recording commands).", valueName: "file"))
        var history: String?

        /// The history, or nil when its file does not exist yet (reading creates no file).
        func open() throws -> RunHistory? {
            let path = RunHistory.path(option: history)
            guard FileManager.default.fileExists(atPath: path) else {
                printError("no runs recorded in \(path) (the file does not exist)")
                return nil
            }
            do { return try RunHistory(path: path) } catch {
                printError("error: cannot read the run history \(path): \(error)")
                throw ExitCode.invalidInput
            }
        }

        func run(_ id: Int64, in history: RunHistory?) throws -> RunRecord {
            guard let history else { throw ExitCode.invalidInput }
            guard let run = try history.run(id) else {
                printError("error: \(history.path): no run \(id) (symbiosis runs list shows the ids)")
                throw ExitCode.invalidInput
            }
            return run
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The latest runs, newest first.")
        @OptionGroup var location: Location
        @Option(help: "Show at most this many runs.") var limit: Int = 20
        @Option(help: "Only runs of this command (solve, simulate, compare, sensitivity, pareto).") var command: String?

        func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") } }

        func run() throws {
            guard let history = try location.open() else { return }
            let runs = try history.runs(limit: limit, command: command)
            if runs.isEmpty { printError("no runs recorded in \(history.path)"); return }
            print(RunRecord.listTable(runs), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One run: its inputs, headline figures and JSON result.")
        @OptionGroup var location: Location
        @Argument(help: "The run's id (runs list).") var id: Int64

        func run() throws {
            let history = try location.open()
            print(try location.run(id, in: history).detailText, terminator: "")
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What changed between two runs: inputs, headline figures, then the JSON results key by key.")
        @OptionGroup var location: Location
        @Argument(help: "The earlier run's id.") var first: Int64
        @Argument(help: "The later run's id.") var second: Int64
        @Option(help: "Show at most this many changed keys of the JSON results.") var keys: Int = 40

        func validate() throws { if keys < 0 { throw ValidationError("--keys must be 0 or more, got \(keys)") } }

        func run() throws {
            let history = try location.open()
            let a = try location.run(first, in: history), b = try location.run(second, in: history)
            print(RunRecord.diff(a, b, limit: keys), terminator: "")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every run (or the latest --limit) as CSV or JSON.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }
        @OptionGroup var location: Location
        @Option(help: "csv (one row per run, without results) or json (every run with its JSON result).") var format: Format = .csv
        @Option(help: "Write to this file (atomically) instead of standard output.") var output: String?
        @Option(help: "Only the latest this many runs.") var limit: Int?
        @Option(help: "Only runs of this command.") var command: String?
        @OptionGroup var csvDialect: CSVDialectOptions

        func run() throws {
            guard let history = try location.open() else { return }
            let runs = try history.runs(limit: limit, command: command).reversed()
            let text = format == .csv ? csvDialect.dialect.rewriting(RunRecord.csv(Array(runs))) : RunRecord.json(Array(runs))
            try deliver(text, to: output, inputs: [history.path])
        }
    }
}
