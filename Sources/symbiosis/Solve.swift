import Analysis
import ArgumentParser
import Formulation
import Foundation
import MILP
import Report

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Optimize the park's symbiosis network.",
        discussion: """
        Builds the multi-year network-design MILP (docs/model.md) for the scenario under the \
        chosen policy and solves it with lp_solve: what to build and when, the flows, each \
        company's NPV before and after transfers, and the indicators. When the scenario weighs \
        more than one objective, the payoff table is solved first.

        Each MIP is solved by a best-bound branch and bound around lp_solve's LP relaxations \
        (--search best-bound, the default): when it stops at --time-limit, the gap it reports \
        is proven. --search lp-solve uses lp_solve's own depth-first search instead. \
        --threads 2 lets both cores work on one tree (faster, but among designs of equal value \
        it may return another one).

        --objective optimizes one objective alone; --lexicographic economic,environmental \
        optimizes the economic objective, then the environmental one while keeping NPV within \
        --tolerance of its optimum.

        When no design meets every target, budget and win-win requirement, an elastic version \
        of the model finds the smallest set of requirements to relax and says why each cannot \
        hold, in the scenario's units (standard error, and `infeasibility` in JSON). The \
        reported design is checked against every row in double precision; coefficients spread \
        wider than 1e9 get a warning.

        Exit status: 0 with a design (optimal, or an incumbent at the time limit), 2 when the \
        scenario is infeasible or the solver found no design, 65 for an invalid scenario, 70 \
        when the solver fails or its design breaks the model by more than 1e-3, 73 when the \
        output cannot be written.

        Examples:
          symbiosis solve Scenarios/hiep-phuoc.yaml
          symbiosis solve Scenarios/tiny.yaml --policy legal_reform --format json \\
              --output tiny.json
          symbiosis solve Scenarios/tiny.yaml --lexicographic economic,environmental
          symbiosis solve Scenarios/hiep-phuoc.yaml --policy legal_reform --threads 2 \\
              --time-limit 60
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Output format: table, json, or csv (the exchanges with yearly flows, for Excel).")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var history: HistoryOptions

    @OptionGroup var searchThreads: SearchThreadsOptions

    @Option(help: "Stop when the relative MIP gap falls below this value (e.g. 0.001).")
    var gap: Double?

    @OptionGroup var objectives: ObjectiveOptions

    @Flag(help: "Also write to standard error what the solver did: nodes, and per cut family its calls, cuts and seconds.")
    var verbose = false

    func validate() throws {
        if let gap, !(gap.isFinite && gap >= 0) { throw ValidationError("--gap must be a number >= 0, got \(gap)") }
    }

    func run() throws {
        let started = Date()
        let loaded = try scenario.load()
        var options = limits.applied(to: ParkOptimizer.defaultOptions, threads: searchThreads.threads)
        options.relativeGap = gap
        var optimizer = objectives.applied(to: ParkOptimizer(backend: Backend.solver, options: options))
        optimizer.explainsInfeasibility = true
        let result: OptimizationResult
        do { result = try optimizer.optimize(loaded.scenario) } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        let report = DesignReport(scenario: loaded.scenario, policy: scenario.policy, result: result)
        let text = csvDialect.render(format, report)
        try deliver(text, to: output, inputs: [scenario.file])
        for line in report.diagnostics() { printError(line) }
        if verbose { for line in report.solverLines() { printError(line) } }
        history.record("solve", scenarioPath: scenario.file, loaded: loaded, result: format == .json ? text : report.json(), started: started)
        if result.numerics?.failed == true { throw ExitCode.solverFailure }
        if result.design == nil {
            // The solver failing is not the park having no design.
            let failed: Set<TerminationStatus> = [.numericalFailure, .outOfMemory, .otherError]
            throw failed.contains(result.termination) ? ExitCode.solverFailure : ExitCode.noDesign
        }
    }
}

extension ParkFormulation.Objective: ExpressibleByArgument {}
