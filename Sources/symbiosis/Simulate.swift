import Analysis
import ArgumentParser
import Formulation
import Foundation
import MILP
import Report
import Scenario

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monte Carlo risk of the park's design over price and volume uncertainty.",
        discussion: """
        Draws yearly paths of the prices and volumes in the scenario's `uncertainty:` block and \
        evaluates the design on each: in `fixed` mode the deterministic optimum's build \
        decisions are kept and each year's flows are re-optimized for the sample (an LP per \
        year, reusing one lp_solve model per thread); in `reoptimize` mode the whole MIP is \
        solved per sample (wait-and-see). Reports mean, percentiles, CVaR, probability of loss, \
        per-company risk, how often each link is used, and the yearly cash-flow fan.

        Results depend only on the seed, never on --threads or on how the work is sharded: \
        run `--shard K/N --output part-K.json` on N machines and `symbiosis merge part-*.json` \
        to get exactly the one-machine result (docs/simulation.md).

        Ctrl-C stops at the next sample, prints the partial result with a note, writes no \
        file, and exits with status 130.

        Examples:
          symbiosis simulate Scenarios/hiep-phuoc.yaml --samples 10000
          symbiosis simulate Scenarios/tiny.yaml --policy legal_reform --method sobol \\
              --format json
          symbiosis solve Scenarios/hiep-phuoc.yaml --format json --output design.json
          symbiosis simulate Scenarios/hiep-phuoc.yaml --design design.json \\
              --shard 1/4 --output part-1.json
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Number of samples (default: the scenario's uncertainty.samples).")
    var samples: Int?

    @Option(help: "Random seed (default: the scenario's uncertainty.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Sampling: mc (plain Monte Carlo), lhs (Latin hypercube) or sobol (scrambled Sobol points).")
    var method: SamplingMethod = .mc

    @Option(help: "fixed (keep the deterministic design, re-optimize flows) or reoptimize (the whole MIP per sample).")
    var mode: SimulationMode = .fixed

    @Option(help: "Use the design in this `solve --format json` file instead of solving the scenario first.")
    var design: String?

    @Option(help: "Run only part K of N (1-based, e.g. 2/4); needs --output, which then holds a part file for `merge`.")
    var shard: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Also write every sample's outcomes to this CSV file (memory grows with the samples).")
    var samplesOut: String?

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    @Option(help: "Seconds allowed for each sample's MIP in reoptimize mode, and for each MIP of stochastic mode.")
    var sampleTimeLimit: Double?

    @Option(help: "stochastic mode: sampled paths the design is chosen for (the stochastic program's size grows with it).")
    var paths: Int = 20

    func validate() throws {
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1, got \(samples)") }
        if let samples, samples > SimulationSettings.maximumSamples {
            throw ValidationError("--samples must be at most \(SimulationSettings.maximumSamples) (2^32, the most any sampling method can draw without repeating), got \(samples)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if shard != nil && output == nil { throw ValidationError("--shard needs --output FILE for the part file") }
        if shard != nil && samplesOut != nil { throw ValidationError("--samples-out cannot be combined with --shard") }
        if mode == .stochastic && (shard != nil || samplesOut != nil) {
            throw ValidationError("--mode stochastic runs on one machine: no --shard or --samples-out")
        }
        if paths < 1 || paths > SimulationSettings.maximumSamples {
            throw ValidationError("--paths must be between 1 and \(SimulationSettings.maximumSamples), got \(paths)")
        }
        if let shard, StudyShard(argument: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4; got \(shard)")
        }
        if let sampleTimeLimit, !(sampleTimeLimit.isFinite && sampleTimeLimit > 0) {
            throw ValidationError("--sample-time-limit must be a positive number of seconds")
        }
    }

    func run() throws {
        Interruption.shared.install()
        let started = Date()
        let loaded = try scenario.load()
        let park = loaded.scenario
        guard let uncertainty = park.uncertainty else {
            printError("error: \(SimulationError.noUncertainty)")
            throw ExitCode.invalidInput
        }
        let studyShard = shard.flatMap(StudyShard.init(argument:)) ?? .whole
        let settings = SimulationSettings(
            samples: samples ?? uncertainty.samples, seed: seed ?? uncertainty.seed, method: method, mode: mode,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            shardIndex: studyShard.index, shardCount: studyShard.count, sampleTimeLimit: sampleTimeLimit)

        let data = ParkData(park)
        let plan: BuildPlan, weights: ObjectiveWeights, summary: SimulationHeader.DesignSummary
        if let design {
            let file: DesignFile
            do { file = try DesignFile(contentsOf: design, data: data) } catch {
                printError("error: \(error)")
                throw ExitCode.invalidInput
            }
            // The file's design is checked against the model, and its numbers recomputed.
            var options = limits.applied(to: ParkOptimizer.defaultOptions)
            options.shouldStop = { Interruption.shared.isRaised }
            let checked: ParkDesign
            do { checked = try DesignCheck(backend: Backend.solver, options: options).check(file.plan, data: data, weights: file.weights) } catch {
                if Interruption.shared.isRaised { throw Self.interrupted() }
                switch error {
                case let .breaksRules(rules):
                    printError("error: \(design): the design does not fit \(park.name) under policy \(scenario.policy ?? AppliedPolicy.statusQuoName):")
                    for rule in rules { printError("  \(rule)") }
                    throw ExitCode.invalidInput
                case .undecided, .solver:
                    printError("error: \(design): \(error)")
                    throw ExitCode.solverFailure
                }
            }
            (plan, weights) = (file.plan, file.weights)
            summary = SimulationHeader(scenario: park, policy: scenario.policy, settings: settings, design: checked).design
            let stated = file.summary.npv
            if abs(stated - summary.npv) > 1e-6 * max(1, abs(summary.npv)) {
                printError(String(format: "note: %@ states an NPV of %.0f; the model gives %.0f for its build decisions, which is used",
                                  design, stated, summary.npv))
            }
        } else {
            var options = limits.applied(to: ParkOptimizer.defaultOptions)
            options.shouldStop = { Interruption.shared.isRaised }
            let result: OptimizationResult
            do { result = try ParkOptimizer(backend: Backend.solver, options: options).optimize(park) } catch {
                if Interruption.shared.isRaised { throw Self.interrupted() }
                printError("error: \(error)")
                throw ExitCode.solverFailure
            }
            if result.termination == .interrupted || Interruption.shared.isRaised { throw Self.interrupted() }
            guard let found = result.design else {
                printError("error: \(SimulationError.noDesign("the deterministic model ended \(StatusWord.of(result.termination, hasDesign: result.design != nil))"))")
                throw ExitCode.noDesign
            }
            if result.termination != .optimal {
                printError("note: the deterministic design is not proven optimal (\(StatusWord.of(result.termination, hasDesign: result.design != nil)), gap \(result.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "?")); simulating it anyway")
            }
            plan = BuildPlan(design: found, data: data)
            weights = result.objectiveWeights
            summary = SimulationHeader(scenario: park, policy: scenario.policy, settings: settings, design: found).design
        }
        if Interruption.shared.isRaised { throw Self.interrupted() }
        if mode == .stochastic {
            let json = try runStochastic(park, plan: plan, weights: weights, summary: summary, settings: settings)
            history.record("simulate", scenarioPath: scenario.file, loaded: loaded, result: json, started: started)
            return
        }

        let simulation: MonteCarlo
        do { simulation = try MonteCarlo(scenario: park, plan: plan, weights: weights, settings: settings, backend: Backend.solver) } catch {
            printError("error: \(error)")
            throw ExitCode.invalidInput
        }
        let bar = ProgressBar(total: settings.shardSamples, label: "simulating")
        let run: MonteCarlo.Run
        do {
            run = try simulation.run(keepSamples: samplesOut != nil, progress: { bar.update($0) },
                                     shouldStop: { Interruption.shared.isRaised })
        } catch {
            bar.finish()
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        bar.finish()
        let header = SimulationHeader(scenario: park, policy: scenario.policy, settings: settings, design: summary)
        let result = SimulationResult(header: header, tally: run.tally, partial: run.stopped)
        let report = SimulationReport(result: result)

        if run.stopped {
            print(report.table(), terminator: "")
            printError("interrupted: the result above is partial; no file was written.")
            throw ExitCode.interrupted
        }
        if shard != nil, let output {
            try write(SimulationReport.partFile(result), to: output)
            return
        }
        if let samplesOut {
            try write(csvDialect.dialect.rewriting(SimulationReport.samplesCSV(run.samples, header: header)), to: samplesOut)
        }
        let text = csvDialect.render(format, report)
        try write(text, to: output)
        history.record("simulate", scenarioPath: scenario.file, loaded: loaded, result: format == .json ? text : report.json(), started: started)
    }

    /// `--mode stochastic`: returns the JSON result for the history. The design for `paths` sampled paths (drawn with seed + 1), and both
    /// designs simulated on the study's own (fresh) paths.
    private func runStochastic(_ park: Scenario, plan: BuildPlan, weights: ObjectiveWeights,
                               summary: SimulationHeader.DesignSummary, settings: SimulationSettings) throws -> String {
        var options = limits.applied(to: ParkOptimizer.defaultOptions)
        options.timeLimit = sampleTimeLimit ?? limits.timeLimit
        options.shouldStop = { Interruption.shared.isRaised }
        var fixed = settings
        fixed.mode = .fixed
        let report: StochasticReport
        do {
            let inSample = try PathSampler(scenario: park, method: settings.method, samples: paths, seed: settings.seed &+ 1)
            printError("solving the stochastic program over \(paths) paths")
            let stochastic = try StochasticDesign.solve(scenario: park, weights: weights, deterministic: plan, sampler: inSample,
                                                        paths: paths, options: options, backend: Backend.solver)
            var results: [SimulationResult] = []
            for (candidate, design) in [(plan, summary), (stochastic.plan, SimulationHeader(scenario: park, policy: scenario.policy, settings: fixed, design: stochastic.design).design)] {
                let run = try MonteCarlo(scenario: park, plan: candidate, weights: weights, settings: fixed, backend: Backend.solver)
                    .run(shouldStop: { Interruption.shared.isRaised })
                let header = SimulationHeader(scenario: park, policy: scenario.policy, settings: fixed, design: design)
                results.append(SimulationResult(header: header, tally: run.tally, partial: run.stopped))
            }
            report = StochasticReport(stochastic: stochastic, deterministic: results[0], robust: results[1])
        } catch {
            printError("error: \(error)")
            throw ExitCode.stoppedOrFailed
        }
        if Interruption.shared.isRaised {
            printError("interrupted: no result was written.")
            throw ExitCode.interrupted
        }
        let json = report.json()
        try write(format == .json ? json : report.table(), to: output)
        return json
    }

    /// Ctrl-C before any sample was drawn: nothing to report, nothing written.
    private static func interrupted() -> ExitCode {
        printError("interrupted: stopped before simulating; no file was written.")
        return ExitCode.interrupted
    }

    private func write(_ text: String, to path: String?) throws {
        try deliver(text, to: path, inputs: [scenario.file] + (design.map { [$0] } ?? []))
    }
}

extension SamplingMethod: ExpressibleByArgument {}
extension SimulationMode: ExpressibleByArgument {}
