import Analysis
import ArgumentParser
import Foundation
import Report
import Scenario

/// What `compare` loads before it solves: the scenario file without policies, each option with its
/// policies applied, and the one status quo every option is judged against. `merge` loads the same
/// from the parts' scenario file, so a merged comparison is judged exactly as a one-machine run.
struct ComparisonInputs {
    var base: LoadedScenario
    /// The policy expressions of `--policies`, resolved (`all`: the base scenario and every policy).
    var names: [String]
    var scenarios: [(name: String, scenario: Scenario)]
    var appraisal: PolicyAppraisal
    /// The file's text (the report quotes its leading comments).
    var text: String?

    /// Loads `file` and its options; prints diagnostics and exits 65 when the file is invalid.
    init(file: String, policies: [String]) throws {
        base = try ScenarioOptions.load(file, policy: nil)
        let defined = base.scenario.policies.map(\.id)
        names = AppliedPolicy.options(policies, defined: defined)
        guard !names.isEmpty else { throw ValidationError("--policies names no option") }
        scenarios = []
        for name in names {
            let policy = AppliedPolicy(spec: name, defined: defined).spec
            scenarios.append((name, try ScenarioOptions.load(file, policy: policy, quiet: true).scenario))
        }
        // The one reference of the appraisal: the file without policies, or its `status_quo` policy.
        let statusQuo = try base.scenario.appraisal.statusQuo.map { name in
            try ScenarioOptions.load(file, policy: AppliedPolicy(spec: name, defined: defined).spec, quiet: true).scenario
        }
        appraisal = PolicyAppraisal(base: base.scenario, statusQuo: statusQuo)
        text = try? String(contentsOfFile: file, encoding: .utf8)
    }

    /// The header of the parts of this comparison run with `settings` (nil: no simulation).
    func header(settings: SimulationSettings?, limits: TimeLimitOptions) -> ComparisonPart.Header {
        ComparisonPart.Header(base: base.scenario, fileText: text, scenarios: scenarios, appraisal: appraisal,
                              settings: settings, timeLimit: limits.timeLimit, search: limits.search.rawValue)
    }
}

/// The files of a comparison's report (`--report`, `--markdown`, `--csv`) and its printed result
/// (`--format` to `--output` or standard output), written all or none: shared by `compare` and by
/// `merge` of compare parts, so both write the same bytes.
struct ComparisonOutputs {
    var format: OutputFormat
    var output: String?
    var report: String?
    var markdown: String?
    var force: Bool
    var csv: String?

    /// Writes `document`'s outputs (never over one of `inputs`); returns the printed result.
    func write(_ document: ComparisonReport, inputs: [String]) throws -> String {
        let printed: String
        switch format {
        case .table: printed = document.summaryText()
        case .json: printed = document.json()
        case .csv: printed = document.csv()
        }
        let built = document.document()
        // Every file of the run is written, or none; the printed result goes to --output or stdout.
        var results: [(text: String, path: String?)] = [(printed, output)]
        if let report { results.append((built.html(), report)) }
        var createdFolders: [String] = []
        if let markdown {
            let files = built.markdownFiles(at: markdown)
            let clash = ReportDocument.existing(files.map(\.path))
            if !force && !clash.isEmpty {
                printError("error: --markdown would replace \(clash.count == 1 ? clash[0] : "\(clash[0]) and \(clash.count - 1) more files"), "
                           + "written before this run; pass --force to replace them, or choose another name.")
                throw ExitCode.cannotWrite
            }
            if !built.figures.isEmpty {
                do { if let made = try OutputFolder.prepare(ReportDocument.figureFolder(forMarkdown: markdown)) { createdFolders.append(made) } } catch {
                    printError("error: --markdown \(error)")
                    throw ExitCode.cannotWrite
                }
            }
            for file in files { results.append((file.text, file.path)) }
        }
        var createdFolder: String?
        if let csv {
            do { createdFolder = try OutputFolder.prepare(csv) } catch {
                printError("error: --csv \(error)")
                throw ExitCode.cannotWrite
            }
            for table in document.csvTables() { results.append((table.text, csv + "/" + table.file)) }
        }
        do { try deliver(results, inputs: inputs) } catch {
            if let createdFolder { rmdir(createdFolder) }
            for folder in createdFolders { rmdir(folder) }
            throw error
        }
        return printed
    }

    /// The console lines naming the files written.
    func announce(_ language: ReportLanguage) {
        if let report { printError(language(.reportWritten(report))) }
        if let markdown { printError(language(.markdownWritten(markdown))) }
        if let csv { printError(language(.tablesWritten(csv))) }
    }
}
