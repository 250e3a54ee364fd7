import Analysis
import ArgumentParser
import Foundation
import Formulation
import MILP
import MultiObjective
import Report

struct Pareto: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trace the exact Pareto front between the economic, environmental and social objectives.",
        discussion: """
        Shows what each extra tonne of CO2e avoided (or each extra FTE-year of jobs) costs in park \
        NPV. The first objective is maximized; the others are held above a grid of ε levels over \
        their ranges in the payoff table (each objective optimized alone, ties broken \
        lexicographically). Every point is a MIP optimum of the augmented ε-constraint method \
        AUGMECON2 (Mavrotas & Florios 2013), so no dominated point is reported; levels whose \
        answer is already known are bypassed, and the levels are solved in parallel on all \
        cores. Each point comes with its design (what is built, when) and the cost of moving \
        to the next point (e.g. USD per t CO2e). The scenario's objective weights are ignored.

        --time-limit bounds the whole run; levels not reached, and points whose MIP stopped \
        at the limit, are reported as such (status time_limit). Exit status: 0 with a front, \
        2 when the scenario has no feasible design, 65 for an invalid scenario, 70 for a \
        solver failure, 73 when an output cannot be written.

        The outputs (table, JSON, CSV, chart) hold the front only, so the same front is the \
        same bytes from run to run; what the run cost (solves, bypasses, threads, seconds) \
        goes to standard error, and into the outputs with --timings.

        Across machines: `--shard K/N --output part-K.json` solves the payoff table and the \
        K-th of N contiguous runs of the grid levels; `symbiosis merge` of all N parts, given \
        the same scenario file, writes the front byte for byte as one machine does.

        Examples:
          symbiosis pareto Scenarios/tiny.yaml --policy legal_reform
          symbiosis pareto Scenarios/hiep-phuoc.yaml --points 21 --chart front.svg
          symbiosis pareto Scenarios/tiny.yaml --objectives social,economic \\
              --format json
          symbiosis pareto FILE --objectives economic,environmental,social --points 5
          symbiosis pareto park.yaml --points 21 --shard 2/3 --output part-2.json
          symbiosis merge part-*.json --scenario park.yaml --format json
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: ArgumentHelp(
        "Two or three objectives, comma-separated; the first is maximized at every point (economic, environmental, social).",
        valueName: "list"))
    var objectives: ObjectiveList = ObjectiveList(argument: "economic,environmental")!

    @Option(help: "ε levels per constrained objective (from the payoff table's worst to best value); at least 2.")
    var points: Int = 11

    @Option(help: "Output format: table, json, or csv (one row per point, for Excel).")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Also draw the front as an SVG chart into this file.", valueName: "file.svg"))
    var chart: String?

    @Option(help: "Threads solving grid levels at once (default: every core).")
    var threads: Int?

    @Flag(help: "Print each grid solve to standard error as it ends.")
    var progress = false

    @Flag(help: "Also put what the run cost (wall time, threads, nodes, counts of solves and bypasses) into the table and the JSON; they change from run to run.")
    var timings = false

    @Option(help: ArgumentHelp("Solve only this part of the grid levels (K/N) and write it to --output for `symbiosis merge`.",
                               valueName: "K/N"))
    var shard: String?

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        guard (2...3).contains(objectives.objectives.count) else {
            throw ValidationError("--objectives needs 2 or 3 of economic, environmental, social")
        }
        if points < 2 { throw ValidationError("--points must be at least 2, got \(points)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let shard {
            if StudyShard(argument: shard) == nil { throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4; got \(shard)") }
            if output == nil { throw ValidationError("--shard needs --output FILE for the part file") }
            if chart != nil { throw ValidationError("--shard writes a part file: --chart is drawn by `symbiosis merge`") }
        }
    }

    func run() throws {
        let started = Date()
        let loaded = try scenario.load()
        let options = limits.applied(to: ParkOptimizer.defaultOptions)
        let kinds = objectives.objectives
        let clock = monotonicSeconds()
        let report: (@Sendable (AugmentedEpsilonConstraint.LevelReport) -> Void)?
        if progress {
            let park = loaded.scenario
            report = { level in printError(FrontReport.progressLine(level, objectives: kinds, scenario: park, elapsed: monotonicSeconds() - clock)) }
        } else {
            report = nil
        }
        let optimizer = ParkOptimizer(backend: Backend.solver, options: options)
        if let shard = shard.flatMap(StudyShard.init(argument:)) {
            let header = ParetoPart.Header(scenario: loaded.scenario, policy: scenario.policy, objectives: kinds, gridPoints: points,
                                           timeLimit: limits.timeLimit, search: limits.search.rawValue)
            let work: (part: ParetoPart, statistics: ParetoFront.Statistics)
            do {
                work = try optimizer.frontPart(loaded.scenario, header: header, shard: shard, threads: threads ?? availableCores(), progress: report)
            } catch {
                printError("error: \(error)")
                throw ExitCode.solverFailure
            }
            try deliver(PartFile.text(work.part), to: output, inputs: [scenario.file])
            printError("pareto shard \(shard.label): " + FrontReport.runSummary(work.statistics) + "; part written to \(output ?? "")")
            return
        }
        let front: ParkFront
        do {
            front = try optimizer.front(loaded.scenario, objectives: kinds, gridPoints: points, threads: threads ?? availableCores(), progress: report)
        } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        printError("pareto: " + FrontReport.runSummary(front.front.statistics))
        let rendered = FrontReport(scenario: loaded.scenario, policy: scenario.policy, front: front, gridPoints: points, timings: timings)
        let text = csvDialect.render(format, rendered)
        let chartFile = chart.flatMap { front.points.isEmpty ? nil : (text: rendered.chart(), path: Optional($0)) }
        try deliver([(text, output)] + (chartFile.map { [$0] } ?? []), inputs: [scenario.file])
        history.record("pareto", scenarioPath: scenario.file, loaded: loaded, result: format == .json ? text : rendered.json(), started: started)
        if front.points.isEmpty { throw ExitCode.noDesign }
    }
}
