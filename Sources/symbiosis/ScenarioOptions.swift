import ArgumentParser
import Foundation
import Report
import Scenario

/// The scenario file and policy arguments shared by the commands.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(name: .long, help: ArgumentHelp(
        "Policy option(s) from the file's `policies:` block; combine with '+', e.g. landfill_tax+legal_reform.",
        valueName: "policy"))
    var policy: String?

    /// Loads the scenario with the policy applied; prints diagnostics to standard error and
    /// exits non-zero on errors.
    func load() throws -> LoadedScenario { try Self.load(file, policy: policy) }

    /// Loads `file` with `policy`; `quiet` leaves out the warnings (already shown once).
    static func load(_ file: String, policy: String?, quiet: Bool = false) throws -> LoadedScenario {
        do {
            let loaded = try Scenario.load(contentsOf: file, policy: policy)
            if !quiet { for warning in loaded.warnings { printError("\(warning)") } }
            return loaded
        } catch {
            for diagnostic in error.diagnostics { printError("\(diagnostic)") }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            printError("\(file): \(counted(count, "error")); nothing was solved.")
            throw ExitCode.invalidInput
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes a command's result: to `output` atomically (never over one of `inputs`; exit 73 when
/// it cannot be written), or to standard output.
func deliver(_ text: String, to output: String?, inputs: [String]) throws {
    try deliver([(text, output)], inputs: inputs)
}

/// Writes a binary result (a workbook) to `path` atomically, never over one of `inputs` (exit 73
/// when it cannot be written).
func deliver(_ data: Data, to path: String, inputs: [String]) throws {
    var batch = OutputBatch(inputs: inputs)
    batch.add(data, to: path)
    do { try batch.commit() } catch {
        printError("error: \(error)")
        throw ExitCode.cannotWrite
    }
}

/// Writes several results of one command (a table and its chart) all or none: the files first,
/// in one `OutputBatch`, then whatever goes to standard output.
func deliver(_ results: [(text: String, path: String?)], inputs: [String]) throws {
    var batch = OutputBatch(inputs: inputs)
    for (text, path) in results { if let path { batch.add(text, to: path) } }
    do { try batch.commit() } catch {
        printError("error: \(error)" + (batch.paths.count > 1 ? "; no file was written." : ""))
        throw ExitCode.cannotWrite
    }
    for (text, path) in results where path == nil { print(text, terminator: "") }
}

/// `--format` of the commands that print a result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    func render(_ report: some TextReport) -> String {
        switch self {
        case .table: return report.table()
        case .json: return report.json()
        case .csv: return report.csv()
        }
    }
}
