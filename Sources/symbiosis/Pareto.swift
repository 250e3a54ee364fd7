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

        Examples:
          symbiosis pareto Scenarios/tiny.yaml --policy legal_reform
          symbiosis pareto Scenarios/hiep-phuoc.yaml --points 21 --chart front.svg
          symbiosis pareto Scenarios/tiny.yaml --objectives social,economic \\
              --format json
          symbiosis pareto FILE --objectives economic,environmental,social --points 5
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

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        guard (2...3).contains(objectives.objectives.count) else {
            throw ValidationError("--objectives needs 2 or 3 of economic, environmental, social")
        }
        if points < 2 { throw ValidationError("--points must be at least 2, got \(points)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
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
        let front: ParkFront
        do {
            front = try ParkOptimizer(backend: Backend.solver, options: options)
                .front(loaded.scenario, objectives: kinds, gridPoints: points, threads: threads ?? availableCores(), progress: report)
        } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        let rendered = FrontReport(scenario: loaded.scenario, policy: scenario.policy, front: front, gridPoints: points)
        let text = csvDialect.render(format, rendered)
        let chartFile = chart.flatMap { front.points.isEmpty ? nil : (text: rendered.chart(), path: Optional($0)) }
        try deliver([(text, output)] + (chartFile.map { [$0] } ?? []), inputs: [scenario.file])
        history.record("pareto", scenarioPath: scenario.file, loaded: loaded, result: format == .json ? text : rendered.json(), started: started)
        if front.points.isEmpty { throw ExitCode.noDesign }
    }
}
