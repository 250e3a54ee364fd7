import Analysis
import ArgumentParser
import Foundation
import MILP
import MultiObjective
import Report
import Scenario

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the part files of a sharded simulation, sensitivity study, comparison or Pareto front into its result.",
        discussion: """
        Each part comes from `symbiosis simulate ... --shard K/N --output part-K.json` or \
        `symbiosis sensitivity ... --shard K/N --output part-K.json` or \
        `symbiosis compare ... --shard K/N --output part-K.json` or \
        `symbiosis pareto ... --shard K/N --output part-K.json`. The merged output is byte \
        for byte the output of the same study run on one machine. Compare parts need \
        --scenario, the scenario file they were computed on (every option is judged against \
        its status quo here), and write what `compare` writes (--report, --markdown, --csv, \
        --format). Pareto parts need --scenario too (each point's design is shared out from \
        it) and write what `pareto` writes (--format, --output, --chart). Parts of different studies \
        (scenario content, policy, settings), the same part twice, and a mix of commands are \
        refused, naming the files. Missing parts give a simulation result marked partial; a \
        sensitivity study, a comparison or a front needs all its parts (nothing is written \
        without them).

        Examples:
          symbiosis merge part-1.json part-2.json part-3.json part-4.json \\
              --format json --output risk.json
          symbiosis merge sobol-part-*.json --format json --output sobol.json \\
              --chart sobol.svg --scenario park.yaml
          symbiosis merge compare-part-*.json --scenario park.yaml \\
              --report report.html --csv tables
          symbiosis merge pareto-part-*.json --scenario park.yaml \\
              --format json --output front.json --chart front.svg
        """
    )

    @Argument(help: "Part files written by `simulate --shard`, `sensitivity --shard`, `compare --shard` or `pareto --shard`.")
    var parts: [String]

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Sensitivity and pareto parts: also write the study's chart as SVG here (needs --scenario).")
    var chart: String?

    @Option(name: .customLong("scenario"), help: ArgumentHelp(
        "The parts' scenario file: for compare and pareto parts, and for sensitivity parts, whose names label the chart and the table's parameters (needed with --chart).",
        valueName: "file"))
    var scenarioFile: String?

    @Option(help: "Language of the chart, the parameters' words or the comparison's report: en or vi.")
    var lang: ReportLanguage = .en

    @OptionGroup var files: ComparisonOutputOptions

    func run() throws {
        let read: StudyParts
        do { read = try StudyParts.read(parts) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        if case .comparison = read {} else if files.asked {
            printError("error: --report, --markdown and --csv are written from compare parts; these are not")
            throw ExitCode.usage
        }
        switch read {
        case let .simulation(results): try merge(results)
        case let .sensitivity(studies): try merge(studies)
        case let .comparison(comparisons): try merge(comparisons)
        case let .pareto(fronts): try merge(fronts)
        }
    }

    private func merge(_ results: [SimulationResult]) throws {
        if chart != nil {
            printError("error: --chart is drawn for sensitivity parts; these are simulation parts")
            throw ExitCode.usage
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
        let text = csvDialect.render(format, report)
        try deliver(text, to: output, inputs: parts)
    }

    private func merge(_ studies: [SensitivityPart]) throws {
        let merged: (header: SensitivityPart.Header, evaluations: [ParkEvaluation])
        do { merged = try SensitivityPart.merge(studies, names: parts) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        let outcome: SensitivityOutcome
        // As on one machine: Morris and Sobol need a design at every point.
        do { outcome = try merged.header.study.outcome(merged.evaluations) } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        var labels: Scenario?
        if chart != nil && scenarioFile == nil {
            printError("error: --chart needs --scenario FILE, the parts' scenario, to name the parameters in words")
            throw ExitCode.usage
        }
        if let scenarioFile {
            let policy = merged.header.policy == AppliedPolicy.statusQuoName ? nil : merged.header.policy
            let loaded = try ScenarioOptions.load(scenarioFile, policy: policy, quiet: true).scenario
            guard loaded.contentDigest == merged.header.scenarioDigest else {
                printError("error: \(scenarioFile) is not the scenario the parts were computed on (its content differs)")
                throw ExitCode.invalidInput
            }
            labels = loaded
        }
        let rendered = SensitivityReport.render(outcome, study: merged.header.study, currency: merged.header.currency, format: format.rawValue,
                                                chartScenario: labels, language: lang)
        let chartFile = chart.flatMap { path in rendered.chart.map { (text: $0, path: Optional(path)) } }
        try deliver([(csvDialect.applied(rendered.text, format: format), output)] + (chartFile.map { [$0] } ?? []), inputs: parts)
    }

    private func merge(_ comparisons: [ComparisonPart]) throws {
        if chart != nil {
            printError("error: --chart is drawn for sensitivity parts; these are compare parts (use --report or --markdown)")
            throw ExitCode.usage
        }
        let merged: (header: ComparisonPart.Header, options: [ComparisonPart.SolvedOption], scales: CriterionScales)
        do { merged = try ComparisonPart.merge(comparisons, names: parts) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        guard let scenarioFile else {
            printError("error: compare parts need --scenario FILE, the scenario file they were computed on "
                       + "(every option is judged against its status quo at the merge)")
            throw ExitCode.usage
        }
        let inputs = try ComparisonInputs(file: scenarioFile, policies: merged.header.options)
        let header = merged.header
        let settings = header.samples > 0 ? SimulationSettings(samples: header.samples, seed: header.seed ?? 42) : nil
        let loaded = ComparisonPart.Header(base: inputs.base.scenario, fileText: inputs.text, scenarios: inputs.scenarios,
                                           appraisal: inputs.appraisal, settings: settings, timeLimit: header.timeLimit, search: header.search)
        guard loaded == header else {
            printError("error: \(scenarioFile) is not the scenario file the parts were computed on "
                       + "(it differs in \(header.differences(from: loaded).joined(separator: ", ")))")
            throw ExitCode.invalidInput
        }
        let comparison = PolicyComparison.merged(merged.options, scales: merged.scales, scenarios: inputs.scenarios,
                                                 appraisal: inputs.appraisal)
        var document = ComparisonReport(comparison: comparison, language: lang, scenarioText: inputs.text)
        document.csvDialect = csvDialect.dialect
        let outputs = files.outputs(format: format, output: output)
        _ = try outputs.write(document, inputs: parts + [scenarioFile])
        outputs.announce(lang)
    }

    private func merge(_ fronts: [ParetoPart]) throws {
        if lang != .en {
            printError("error: --lang: pareto writes its front in English only")
            throw ExitCode.usage
        }
        let merged: (header: ParetoPart.Header, payoff: PayoffTable?, failure: TerminationStatus?, answers: GridAnswers)
        do { merged = try ParetoPart.merge(fronts, names: parts) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        guard let scenarioFile else {
            printError("error: pareto parts need --scenario FILE, the scenario file they were computed on "
                       + "(each point's design is shared out from it at the merge)")
            throw ExitCode.usage
        }
        let header = merged.header
        let policy = header.policy == AppliedPolicy.statusQuoName ? nil : header.policy
        let scenario = try ScenarioOptions.load(scenarioFile, policy: policy, quiet: true).scenario
        guard scenario.contentDigest == header.scenarioDigest, scenario.name == header.scenario else {
            printError("error: \(scenarioFile) is not the scenario the parts were computed on (its content differs)")
            throw ExitCode.invalidInput
        }
        let front: ParkFront
        do { front = try ParkOptimizer(backend: Backend.solver).front(scenario, merged: merged) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        let rendered = FrontReport(scenario: scenario, policy: policy, front: front, gridPoints: header.gridPoints)
        let chartFile = chart.flatMap { front.points.isEmpty ? nil : (text: rendered.chart(), path: Optional($0)) }
        try deliver([(csvDialect.render(format, rendered), output)] + (chartFile.map { [$0] } ?? []), inputs: parts + [scenarioFile])
        if front.points.isEmpty { throw ExitCode.noDesign }
    }
}
