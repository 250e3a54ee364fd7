import ArgumentParser
import Foundation
import Scenario
import Workbook

struct ExportData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-data",
        abstract: "Write a scenario's data as a park workbook (.xlsx), the layout `import` reads.",
        discussion: """
        The scenario is validated first. Policies stay overrides (the policies and overrides \
        sheets); units show the scenario's currency. `symbiosis import` reads the workbook back \
        to the same scenario.

        Example:
          symbiosis export-data Scenarios/hiep-phuoc.yaml --xlsx hiep-phuoc.xlsx
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Write the workbook here (atomically).")
    var xlsx: String

    func run() throws {
        let loaded = try ScenarioOptions.load(file, policy: nil, quiet: true)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            printError("error: cannot read \(file)")
            throw ExitCode.invalidInput
        }
        try deliver(try ParkWorkbook.workbook(yaml: text, currency: loaded.scenario.currency), to: xlsx, inputs: [file])
    }
}
