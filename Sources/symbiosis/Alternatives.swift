import Analysis
import ArgumentParser
import Formulation
import MILP
import Report

struct Alternatives: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find near-optimal designs that differ most from the optimal one, and the links they all share.",
        discussion: """
        Modelling to generate alternatives (as PyPSA's MGA and Calliope's SPORES do): after the \
        design with the best park NPV, each alternative keeps NPV within --slack of that optimum \
        and builds as differently as it can from every design found before it (the most \
        exchanges and facilities switched). The report lists the designs, their NPV, CO2e and \
        jobs, what each builds and when, the robust links (built in every design) and those \
        never built. Fewer alternatives than --count are reported when no other distinct design \
        exists within the slack. The scenario's objective weights are ignored.

        Exit status: 0 with a design, 2 when the scenario has no feasible design, 65 for an \
        invalid scenario, 70 for a solver failure, 73 when the output cannot be written.

        Examples:
          symbiosis alternatives Scenarios/tiny.yaml --policy legal_reform --slack 0.1
          symbiosis alternatives Scenarios/hiep-phuoc.yaml --count 5 --format json
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Share of the optimal NPV the alternatives may give up (0.05 = within 5 %).")
    var slack: Double = 0.05

    @Option(help: "Alternatives to look for besides the optimum.")
    var count: Int = 5

    @Option(help: "Output format: table, json, or csv (one row per design, for Excel).")
    var format: OutputFormat = .table

    @OptionGroup var csvDialect: CSVDialectOptions

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var limits: TimeLimitOptions

    func validate() throws {
        if !(slack.isFinite && slack >= 0 && slack <= 1) { throw ValidationError("--slack must be between 0 and 1, got \(slack)") }
        if count < 1 { throw ValidationError("--count must be at least 1, got \(count)") }
    }

    func run() throws {
        let loaded = try scenario.load()
        let options = limits.applied(to: ParkOptimizer.defaultOptions)
        let found: ParkAlternatives
        do { found = try ParkOptimizer(backend: Backend.solver, options: options).alternatives(loaded.scenario, slack: slack, count: count) } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
        let report = AlternativesReport(scenario: loaded.scenario, policy: scenario.policy, alternatives: found)
        let text = csvDialect.render(format, report)
        try deliver(text, to: output, inputs: [scenario.file])
        if found.designs.isEmpty { throw ExitCode.noDesign }
    }
}
