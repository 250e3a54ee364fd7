import ArgumentParser

/// The report files of a comparison, declared once for `compare` and for `merge` of compare
/// parts (`ComparisonOutputs` writes them): `--report`, `--markdown`, `--force`, `--csv`.
struct ComparisonOutputOptions: ParsableArguments {
    @Option(help: "Write the HTML report here (compare, or merge of compare parts).")
    var report: String?

    @Option(help: "Write the report as Markdown here (its charts as SVG files in a folder beside it named after it: r.md, r-files/).")
    var markdown: String?

    @Flag(help: "Let --markdown replace files an earlier run wrote (the Markdown and its charts).")
    var force = false

    @Option(help: "Write the tables as CSV files (options.csv, exchanges.csv, companies.csv) into this folder.")
    var csv: String?

    /// Whether any report file was asked for.
    var asked: Bool { report != nil || markdown != nil || csv != nil }

    /// These files and the printed result in `format` to `output` (standard output when `nil`).
    func outputs(format: OutputFormat, output: String?) -> ComparisonOutputs {
        ComparisonOutputs(format: format, output: output, report: report, markdown: markdown, force: force, csv: csv)
    }
}
