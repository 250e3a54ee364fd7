import ArgumentParser
import Report

/// `--csv-dialect` of the commands that print `--format csv`: how the CSV is written
/// (`CSVDialect.rewriting(_:)` does the work).
struct CSVDialectOptions: ParsableArguments {
    @Option(name: .customLong("csv-dialect"),
            help: "CSV output (--format csv; simulate's --samples-out): standard (, and a decimal point) or excel-vi (; and a decimal comma, for Excel set to Vietnamese).")
    var dialect: CSVDialect = .standard

    /// `report` in `format`, CSV in the chosen dialect.
    func render(_ format: OutputFormat, _ report: some TextReport) -> String { applied(format.render(report), format: format) }

    /// `text` as printed: CSV in the chosen dialect, other formats as they are.
    func applied(_ text: String, format: OutputFormat) -> String { format == .csv ? dialect.rewriting(text) : text }
}
