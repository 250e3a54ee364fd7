import Analysis
import ArgumentParser
import Foundation
import Report

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the part files of a sharded simulation into its result.",
        discussion: """
        Each part comes from `symbiosis simulate ... --shard K/N --output part-K.json`. The \
        merged report is byte for byte the report of the same simulation run on one machine. \
        Parts from different studies, or the same part twice, are refused; missing parts give \
        a result marked partial.

        Example:
          symbiosis merge part-1.json part-2.json part-3.json part-4.json \\
              --format json --output risk.json
        """
    )

    @Argument(help: "Part files written by `simulate --shard`.")
    var parts: [String]

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        var results: [SimulationResult] = []
        for path in parts {
            do { results.append(try SimulationReport.readPart(path)) } catch {
                printError("error: \(error)")
                throw ExitCode.invalidInput
            }
        }
        let merged: SimulationResult
        do { merged = try SimulationResult.merge(results, names: parts) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        if !merged.isComplete {
            printError("note: the parts cover \(merged.tally.samples) of \(merged.header.samples) samples; the result is partial")
        }
        let report = SimulationReport(result: merged)
        let text = format.render(report)
        try deliver(text, to: output, inputs: parts)
    }
}
