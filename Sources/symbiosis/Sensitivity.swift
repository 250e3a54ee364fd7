import Analysis
import ArgumentParser
import Foundation
import Report
import Scenario

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which assumptions move the answer: tornado, sweeps with break-even levels, Morris, Sobol.",
        discussion: """
        Parameters are numeric scenario settings named by dotted key paths (as in policies), \
        with a [low, high] range, from the scenario's `sensitivity:` block or from --param \
        (repeatable; replaces the block's list). Every evaluation re-solves the MIP with the \
        objective weights of the base solve. Outputs: park NPV, CO2e avoided, jobs, and which \
        exchanges are built.

          tornado   each parameter at its low and high value; bars by NPV swing;
                    design switches marked
          sweep     a grid over 1 or 2 parameters (--grid N); --break-even EXCHANGE
                    bisects the first parameter for the smallest level at which
                    EXCHANGE is built
          morris    elementary effects over --trajectories r trajectories (mu*,
                    sigma, confidence of mu*)
          sobol     Saltelli sampling with Sobol points, N x (D + 2) evaluations
                    (--samples N): first-order and total indices with bootstrap
                    intervals

        Every method splits over machines: `--shard K/N --output part-K.json` evaluates the \
        K-th of N contiguous runs of the study's points, and `symbiosis merge part-*.json` \
        computes the study from all N parts, byte for byte the output of one machine \
        (docs/cluster.md). A sweep's --break-even and --chart are for one machine or for \
        `merge --chart`.

        Examples:
          symbiosis sensitivity Scenarios/tiny.yaml --method tornado \\
              --policy legal_reform
          symbiosis sensitivity Scenarios/tiny.yaml --method sweep \\
              --param resources.fly_ash.disposal_cost=5:40 \\
              --policy legal_reform --break-even ash_to_cement
          symbiosis sensitivity Scenarios/tiny.yaml --method sobol --samples 256 \\
              --format json --chart sobol.svg
          symbiosis sensitivity Scenarios/tiny.yaml --method sobol --samples 256 \\
              --shard 2/3 --output part-2.json
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "tornado, sweep, morris or sobol.")
    var method: SensitivityPlan.Method

    @Option(name: .customLong("param"), help: ArgumentHelp("A parameter and its range, key.path=low:high (repeatable).", valueName: "key=low:high"))
    var params: [String] = []

    @Option(help: "Sobol: base sample size N (default: the block's samples, 1024).")
    var samples: Int?

    @Option(help: "Morris: number of trajectories.")
    var trajectories: Int = 20

    @Option(help: "Random seed (default: the block's seed, 7).")
    var seed: UInt64?

    @Option(help: "Sweep: levels per parameter.")
    var grid: Int = 5

    @Option(help: "Sweep: find the smallest level of the first parameter at which this exchange is built.")
    var breakEven: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write the chart (tornado, sweep line or heatmap, Morris μ*–σ, Sobol indices) as SVG here.")
    var chart: String?

    @Option(help: "Language of the chart's words and numbers: en or vi.")
    var lang: ReportLanguage = .en

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Evaluate only part K of N of the study's points (1-based, e.g. 2/4); needs --output, which then holds a part file for `merge`.")
    var shard: String?

    @Flag(name: .customLong("no-warm-start"), help: "Solve every evaluation from scratch, not from the base solve's root basis and design (for measuring).")
    var noWarmStart = false

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let shard {
            if StudyShard(argument: shard) == nil { throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4; got \(shard)") }
            if output == nil { throw ValidationError("--shard needs --output FILE for the part file") }
            if breakEven != nil { throw ValidationError("--break-even bisects one level after another and runs on one machine: not with --shard") }
            if chart != nil { throw ValidationError("--chart is drawn when the parts are merged: `symbiosis merge part-*.json --chart FILE`") }
        }
        if grid < 1 { throw ValidationError("--grid must be at least 1") }
        if trajectories < 2 { throw ValidationError("--trajectories must be at least 2") }
        if let samples, samples < 2 { throw ValidationError("--samples must be at least 2") }
        for text in params where Self.parse(text) == nil {
            throw ValidationError("--param must look like key.path=low:high with low <= high, got \(text)")
        }
    }

    static func parse(_ text: String) -> SensitivityParameter? {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let range = parts[1].split(separator: ":")
        guard range.count == 2, let low = Double(range[0]), let high = Double(range[1]), low.isFinite, high.isFinite, low <= high else { return nil }
        return SensitivityParameter(keyPath: String(parts[0]), low: low, high: high)
    }

    func run() throws {
        Interruption.shared.install()
        let started = Date()
        let loaded = try scenario.load()
        let park = loaded.scenario
        let parameters = params.isEmpty ? (park.sensitivity?.parameters ?? []) : params.compactMap(Self.parse)
        guard !parameters.isEmpty else {
            printError("error: no parameters: add a `sensitivity:` block to the scenario or give --param key.path=low:high")
            throw ExitCode.usage
        }
        for p in parameters {
            do { _ = try park.setting(p.keyPath, to: p.low); _ = try park.setting(p.keyPath, to: p.high) } catch {
                printError("error: --param \(p.keyPath): \(error.diagnostics.map(\.message).joined(separator: "; "))")
                throw ExitCode.usage
            }
        }
        if method == .sweep && parameters.count > 2 {
            printError("error: a sweep takes 1 or 2 parameters, got \(parameters.count)")
            throw ExitCode.usage
        }
        var options = limits.applied(to: ParkOptimizer.defaultOptions)
        options.shouldStop = { Interruption.shared.isRaised }
        let base: OptimizationResult
        do { base = try ParkOptimizer(backend: Backend.solver, options: options).optimize(park) } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        var study = SensitivityAnalysis(scenario: park, parameters: parameters, weights: base.objectiveWeights,
                                        backend: Backend.solver, options: options,
                                        threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let bar = ProgressBar(total: 0, label: lang == .vi ? "đang giải" : "evaluating")
        study.progress = { done, total in bar.update(done, of: total) }
        study.shouldStop = { Interruption.shared.isRaised }
        study.warmStart = !noWarmStart
        defer { bar.finish() }
        let design = study.study(method, grid: grid, trajectories: trajectories,
                                 samples: samples ?? park.sensitivity?.samples ?? 1024, seed: seed ?? park.sensitivity?.seed ?? 7)
        var text = "", svg: String?, part: SensitivityPart?, found: (outcome: SensitivityOutcome, breakEven: BreakEven?)?
        do {
            if let shard = shard.flatMap(StudyShard.init(argument:)) {
                let points = try design.points()
                let header = SensitivityPart.Header(scenario: park, policy: scenario.policy, study: design, weights: base.objectiveWeights,
                                                    timeLimit: limits.timeLimit, search: limits.search.rawValue, points: points.count)
                part = SensitivityPart(header: header, shard: shard, evaluations: try study.evaluate(rows: Array(points[shard.range(of: points.count)])))
            } else {
                let outcome = try study.run(design)
                let breakEvenLevel = try breakEven.map { exchange throws(SimulationError) in try study.breakEven(exchange: exchange) }
                (text, svg) = SensitivityReport.render(outcome, study: design, breakEven: breakEvenLevel, currency: park.currency, format: format.rawValue,
                                                      chartScenario: park, language: lang)
                found = (outcome, breakEvenLevel)
            }
        } catch {
            printError(Interruption.shared.isRaised ? "interrupted: nothing was written." : "error: \(error)")
            throw ExitCode.stoppedOrFailed
        }
        printError(SensitivityReport.reuseNote(study.reuse, language: lang))
        // Ctrl-C during the last evaluation: every result came in, but the user asked to stop.
        if Interruption.shared.isRaised {
            printError("interrupted: nothing was written.")
            throw ExitCode.interrupted
        }
        if let part {
            try deliver(SensitivityReport.partFile(part), to: output, inputs: [scenario.file])
            return
        }
        if chart != nil && svg == nil {
            printError("note: --chart is not drawn for --method \(method.rawValue); no chart was written")
        }
        let chartFile = chart.flatMap { path in svg.map { (text: $0, path: Optional(path)) } }
        try deliver([(csvDialect.applied(text, format: format), output)] + (chartFile.map { [$0] } ?? []), inputs: [scenario.file])
        history.record("sensitivity", scenarioPath: scenario.file, loaded: loaded, result: format == .json ? text
            : found.map { SensitivityReport.render($0.outcome, study: design, breakEven: $0.breakEven, currency: park.currency, format: "json").text } ?? "{}",
                       started: started)
    }
}

extension SensitivityPlan.Method: ExpressibleByArgument {}
