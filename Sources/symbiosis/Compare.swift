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

        Across machines: `--shard K/N --output part-K.json` solves and simulates part K of \
        N of the options (the status quo's payoff table, for the ranking's scales, is the \
        last item); `symbiosis merge` of all N parts, given the same scenario file, judges \
        every option against the one status quo and writes the same files and result, byte \
        for byte, as one machine.

        Examples:
          symbiosis compare Scenarios/hiep-phuoc.yaml --report report.html
          symbiosis compare Scenarios/tiny.yaml \\
              --policies baseline,legal_reform,legal_reform+green_credit \\
              --markdown tiny.md --csv tables
          symbiosis compare Scenarios/hiep-phuoc.yaml --policies all --lang vi \\
              --report bao-cao.html
          symbiosis compare park.yaml --samples 400 --shard 2/3 \\
              --output part-2.json
          symbiosis merge part-*.json --scenario park.yaml --report report.html
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

    @OptionGroup var files: ComparisonOutputOptions

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

    @Option(help: ArgumentHelp("Solve only this part of the options (K/N) and write it to --output for `symbiosis merge`.",
                               valueName: "K/N"))
    var shard: String?

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let samples, samples < 0 { throw ValidationError("--samples must be 0 or more, got \(samples)") }
        for text in params where Sensitivity.parse(text) == nil {
            throw ValidationError("--param must look like key.path=low:high with low <= high, got \(text)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let shard {
            if StudyShard(argument: shard) == nil { throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4; got \(shard)") }
            if output == nil { throw ValidationError("--shard needs --output FILE for the part file") }
            if files.asked {
                throw ValidationError("--shard writes a part file: --report, --markdown and --csv are written by `symbiosis merge`")
            }
            if tornado { throw ValidationError("--tornado studies the recommended option, known only when every option is solved: not with --shard") }
        }
    }

    func run() throws {
        Interruption.shared.install()
        let inputs = try ComparisonInputs(
            file: file, policies: policies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let base = inputs.base, names = inputs.names, scenarios = inputs.scenarios
        let defined = base.scenario.policies.map(\.id)
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let uncertainty = base.scenario.uncertainty
        let sampleCount = samples ?? uncertainty?.samples ?? 0
        let settings = uncertainty != nil && sampleCount > 0
            ? SimulationSettings(samples: sampleCount, seed: seed ?? uncertainty?.seed ?? 42, threads: cores) : nil
        var options = limits.applied(to: ParkOptimizer.defaultOptions)
        options.shouldStop = { Interruption.shared.isRaised }
        let started = Date()
        let policies = inputs.base.scenario.policies
        let progress: @Sendable (PolicyComparison.Step) -> Void = { [lang] step in
            printError(String(format: "[%5.0f s] %@", Date().timeIntervalSince(started), lang(.step(step), policies: policies)))
        }
        if let shard = shard.flatMap(StudyShard.init(argument:)) {
            try writePart(inputs, shard: shard, settings: settings, optimizer: ParkOptimizer(backend: Backend.solver, options: options), threads: cores, progress: progress)
            return
        }
        let comparison: PolicyComparison
        do {
            comparison = try PolicyComparison.run(
                scenarios, appraisal: inputs.appraisal, optimizer: ParkOptimizer(backend: Backend.solver, options: options), settings: settings, threads: cores,
                progress: progress, shouldStop: { Interruption.shared.isRaised })
        } catch {
            if Interruption.shared.isRaised {
                printError(lang(.interrupted))
                throw ExitCode.interrupted
            }
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        if Interruption.shared.isRaised || comparison.options.contains(where: { $0.risk?.partial == true }) {
            printError(lang(.interruptedPartial))
            throw ExitCode.interrupted
        }
        var study: (base: ParkEvaluation, bars: [TornadoBar])?
        if tornado, let best = comparison.ranking.first {
            let option = comparison.options[best.option]
            let parameters = params.isEmpty ? (option.scenario.sensitivity?.parameters ?? []) : params.compactMap(Sensitivity.parse)
            if parameters.isEmpty {
                printError(lang(.tornadoWithoutParameters))
            } else {
                printError(lang(.tornadoStudy(option: option.name, evaluations: 2 * parameters.count + 1), policies: base.scenario.policies))
                var analysis = SensitivityAnalysis(scenario: option.scenario, parameters: parameters,
                                                   weights: option.result.objectiveWeights, backend: Backend.solver,
                                                   options: options, threads: cores)
                analysis.shouldStop = { Interruption.shared.isRaised }
                do { study = try analysis.tornado() } catch {
                    printError(Interruption.shared.isRaised ? lang(.interrupted) : "error: tornado: \(error)")
                    throw ExitCode.stoppedOrFailed
                }
                printError(SensitivityReport.reuseNote(analysis.reuse, language: lang))
            }
        }
        var document = ComparisonReport(comparison: comparison, language: lang, scenarioText: inputs.text, tornado: study)
        document.csvDialect = csvDialect
        let outputs = files.outputs(format: format, output: output)
        let printed = try outputs.write(document, inputs: [file])
        history.record("compare", scenarioPath: file, scenario: base.scenario, policy: names.joined(separator: ","),
                       overrides: names.flatMap { name in
                           RunHistory.overrides(of: AppliedPolicy(spec: name, defined: defined), in: base.scenario).map { "\(name): \($0)" }
                       },
                       result: format == .json ? printed : document.json(), started: started)
        outputs.announce(lang)
    }

    /// `--shard K/N`: solves and simulates this shard's options (and the status quo's payoff
    /// table when it is this shard's) and writes them as a part file for `merge`.
    private func writePart(_ inputs: ComparisonInputs, shard: StudyShard, settings: SimulationSettings?, optimizer: ParkOptimizer,
                           threads: Int, progress: @escaping @Sendable (PolicyComparison.Step) -> Void) throws {
        let header = inputs.header(settings: settings, limits: limits)
        let part: ComparisonPart
        do {
            part = try PolicyComparison.part(inputs.scenarios, header: header, shard: shard, appraisal: inputs.appraisal,
                                             optimizer: optimizer, settings: settings, threads: threads, progress: progress,
                                             shouldStop: { Interruption.shared.isRaised })
        } catch {
            printError(Interruption.shared.isRaised ? "interrupted: no part file was written." : "error: \(error)")
            throw Interruption.shared.isRaised ? ExitCode.interrupted : ExitCode.solverFailure
        }
        if Interruption.shared.isRaised || part.options.contains(where: { $0.risk?.partial == true }) {
            printError("interrupted: the shard is partial; no part file was written.")
            throw ExitCode.interrupted
        }
        try deliver(ComparisonReport.partFile(part), to: output, inputs: [file])
        printError(lang(.partWritten(shard: shard.label, options: part.options.count, total: header.options.count, path: output ?? "")))
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
