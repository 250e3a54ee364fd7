import Analysis
import ArgumentParser
import Foundation
import Report
import RunHistory
import Scenario

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare policy options side by side and write the board's report.",
        discussion: """
        For each option: the optimal design (what to build, when, transfers), its Monte Carlo \
        risk (NPV P10/P50/P90, probability of loss), CO2e, waste, water, jobs, companies taking \
        part, public cost and cost-effectiveness; then a ranking under the scenario's objective \
        weights and the options that dominate others. Options are solved two at a time on a \
        2-core machine.

        The report is one self-contained HTML file (inline SVG charts, no script, nothing \
        fetched from the network); the same content as Markdown (charts as SVG files beside \
        it); the tables as CSV files for Excel. --lang vi writes it in Vietnamese. Files are \
        written only when every option is done, each atomically.

        Examples:
          symbiosis compare Scenarios/hiep-phuoc.yaml --report report.html
          symbiosis compare Scenarios/tiny.yaml \\
              --policies baseline,legal_reform,legal_reform+green_credit \\
              --markdown tiny.md --csv tables
          symbiosis compare Scenarios/hiep-phuoc.yaml --policies all --lang vi \\
              --report bao-cao.html
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Comma-separated options (policy names, combined with '+'), or 'all' (the base scenario and every policy).")
    var policies: String = "all"

    @Option(help: "Monte Carlo samples per option (default: the scenario's uncertainty.samples; 0 skips the simulation).")
    var samples: Int?

    @Option(help: "Random seed (default: the scenario's uncertainty.seed).")
    var seed: UInt64?

    @Option(help: "Write the HTML report here.")
    var report: String?

    @Option(help: "Write the report as Markdown here (its charts as SVG files in a folder beside it named after it: r.md, r-files/).")
    var markdown: String?

    @Flag(help: "Let --markdown replace files an earlier run wrote (the Markdown and its charts).")
    var force = false

    @Option(help: "Write the tables as CSV files (options.csv, exchanges.csv, companies.csv) into this folder.")
    var csv: String?

    @Option(name: .customLong("csv-dialect"),
            help: "How CSV is written: standard (, and a decimal point) or excel-vi (; and a decimal comma, for Excel set to Vietnamese).")
    var csvDialect: CSVDialect = .standard

    @Option(help: "What to print: table (options and accounts), json or csv (the accounts, one row per option).")
    var format: OutputFormat = .table

    @Option(help: "Write the printed result to this file instead of standard output.")
    var output: String?

    @Option(help: "Report language: en or vi.")
    var lang: ReportLanguage = .en

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(help: "Add a tornado study of the recommended option (parameters from the scenario's sensitivity: block or --param).")
    var tornado = false

    @Option(name: .customLong("param"), help: ArgumentHelp("A tornado parameter and its range, key.path=low:high (repeatable).", valueName: "key=low:high"))
    var params: [String] = []

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let samples, samples < 0 { throw ValidationError("--samples must be 0 or more, got \(samples)") }
        for text in params where Sensitivity.parse(text) == nil {
            throw ValidationError("--param must look like key.path=low:high with low <= high, got \(text)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() throws {
        Interruption.shared.install()
        let base = try ScenarioOptions.load(file, policy: nil)
        let defined = base.scenario.policies.map(\.id)
        let names = AppliedPolicy.options(policies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                          defined: defined)
        guard !names.isEmpty else { throw ValidationError("--policies names no option") }
        var scenarios: [(name: String, scenario: Scenario)] = []
        for name in names {
            let policy = AppliedPolicy(spec: name, defined: defined).spec
            scenarios.append((name, try ScenarioOptions.load(file, policy: policy, quiet: true).scenario))
        }
        // The one reference of the appraisal: the file without policies, or its `status_quo` policy.
        let statusQuo = try base.scenario.appraisal.statusQuo.map { name in
            try ScenarioOptions.load(file, policy: AppliedPolicy(spec: name, defined: defined).spec, quiet: true).scenario
        }
        let appraisal = PolicyAppraisal(base: base.scenario, statusQuo: statusQuo)
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let uncertainty = base.scenario.uncertainty
        let sampleCount = samples ?? uncertainty?.samples ?? 0
        let settings = uncertainty != nil && sampleCount > 0
            ? SimulationSettings(samples: sampleCount, seed: seed ?? uncertainty?.seed ?? 42, threads: cores) : nil
        var options = limits.applied(to: ParkOptimizer.defaultOptions)
        options.shouldStop = { Interruption.shared.isRaised }
        let started = Date()
        let comparison: PolicyComparison
        do {
            comparison = try PolicyComparison.run(
                scenarios, appraisal: appraisal, optimizer: ParkOptimizer(backend: Backend.solver, options: options), settings: settings, threads: cores,
                progress: { message in
                    printError(String(format: "[%5.0f s] %@", Date().timeIntervalSince(started), lang.consoleLine(message)))
                }, shouldStop: { Interruption.shared.isRaised })
        } catch {
            if Interruption.shared.isRaised {
                printError("interrupted: no report was written.")
                throw ExitCode.interrupted
            }
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        if Interruption.shared.isRaised || comparison.options.contains(where: { $0.risk?.partial == true }) {
            printError("interrupted: the comparison is partial; no report was written.")
            throw ExitCode.interrupted
        }
        let text = try? String(contentsOfFile: file, encoding: .utf8)
        var study: (base: ParkEvaluation, bars: [TornadoBar])?
        if tornado, let best = comparison.ranking.first {
            let option = comparison.options[best.option]
            let parameters = params.isEmpty ? (option.scenario.sensitivity?.parameters ?? []) : params.compactMap(Sensitivity.parse)
            if parameters.isEmpty {
                printError("note: --tornado needs parameters (a sensitivity: block or --param); no tornado in the report")
            } else {
                printError(lang.consoleLine("tornado study of \(option.name) (\(2 * parameters.count + 1) solves)"))
                var analysis = SensitivityAnalysis(scenario: option.scenario, parameters: parameters,
                                                   weights: option.result.objectiveWeights, backend: Backend.solver,
                                                   options: options, threads: cores)
                analysis.shouldStop = { Interruption.shared.isRaised }
                do { study = try analysis.tornado() } catch {
                    printError(Interruption.shared.isRaised ? "interrupted: no report was written." : "error: tornado: \(error)")
                    throw ExitCode.stoppedOrFailed
                }
            }
        }
        var document = ComparisonReport(comparison: comparison, language: lang, scenarioText: text, tornado: study)
        document.csvDialect = csvDialect
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
        do { try deliver(results, inputs: [file]) } catch {
            if let createdFolder { rmdir(createdFolder) }
            for folder in createdFolders { rmdir(folder) }
            throw error
        }
        history.record("compare", scenarioPath: file, scenario: base.scenario, policy: names.joined(separator: ","),
                       overrides: names.flatMap { name in
                           RunHistory.overrides(of: AppliedPolicy(spec: name, defined: defined), in: base.scenario).map { "\(name): \($0)" }
                       },
                       result: format == .json ? printed : document.json(), started: started)
        if let report { printError(lang.consoleLine("report written to \(report)")) }
        if let markdown { printError(lang.consoleLine("Markdown written to \(markdown)")) }
        if let csv { printError(lang.consoleLine("CSV tables written to \(csv)/")) }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
