import ArgumentParser
import Workbook

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an empty park workbook (.xlsx) to fill in, one sheet per table.",
        discussion: """
        Sheets: scenario, resources, companies, flows (what each company produces and needs), \
        facilities, converts, exchanges, permits, policies, overrides, objectives (and targets), \
        diverted, uncertainty, correlations, sensitivity. Row 1 holds the keys, row 2 the units, \
        row 3 notes; data starts on row 4 (the scenario and objectives sheets list one key a \
        row). Enumerated columns have drop-down lists. Convert it with `symbiosis import`.

        Example:
          symbiosis template park.xlsx
        """
    )

    @Argument(help: "The workbook to write (.xlsx), atomically.")
    var output: String

    func run() throws {
        try deliver(try ParkWorkbook.template(), to: output, inputs: [])
    }
}
