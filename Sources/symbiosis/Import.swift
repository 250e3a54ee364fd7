import ArgumentParser
import Report
import Workbook

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a park workbook (.xlsx, or a folder of CSV files) to scenario YAML.",
        discussion: """
        The workbook is converted, then checked by the scenario loader; every mistake is \
        reported at its sheet and cell, as park.xlsx:Sheet!C12: key.path: message. Nothing is \
        written when there is any error (exit 65). A folder holds one CSV file per sheet, named \
        after it (resources.csv, companies.csv, ...), laid out as the sheets of \
        `symbiosis template`.

        Examples:
          symbiosis import park.xlsx --output park.yaml
          symbiosis import park-csv/ --output park.yaml
        """
    )

    @Argument(help: "The workbook (.xlsx) or a folder of CSV files.")
    var workbook: String

    @Option(help: "Write the scenario here (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        do {
            let result = try ParkWorkbook.importScenario(from: workbook)
            for warning in result.warnings { printError("\(warning)") }
            try deliver(result.yaml, to: output, inputs: [workbook])
        } catch let error as WorkbookError {
            for diagnostic in error.diagnostics { printError("\(diagnostic)") }
            printError("\(workbook): \(counted(error.diagnostics.count, "error")); nothing was written.")
            throw ExitCode.invalidInput
        }
    }
}
