import Analysis
import ArgumentParser
import Formulation
import MILP
import Report

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the exact model `solve` solves, as free MPS and/or lp_solve LP text.",
        discussion: """
        The MPS file can be solved by any MILP solver for an independent check of `solve`'s \
        `mip_objective` (e.g. ../shared/tools/highs-check model.mps). When the scenario weighs \
        several objectives, the payoff table is solved first, as `solve` does.

        Example:
          symbiosis export Scenarios/tiny.yaml --policy legal_reform --mps tiny.mps \\
              --lp tiny.lp
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Write free-format MPS here.")
    var mps: String?

    @Option(help: "Write lp_solve LP format here.")
    var lp: String?

    /// The same choice of objective as `solve` (one alone, or a lexicographic order).
    @OptionGroup var objectives: ObjectiveOptions

    /// The payoff-table solves get the same limit as `solve`'s, so both write the same model.
    @OptionGroup var limits: TimeLimitOptions

    @OptionGroup var searchThreads: SearchThreadsOptions

    func validate() throws {
        if mps == nil && lp == nil { throw ValidationError("give --mps FILE, --lp FILE or both") }
    }

    func run() throws {
        let loaded = try scenario.load()
        do {
            let options = limits.applied(to: ParkOptimizer.defaultOptions, threads: searchThreads.threads)
            let deadline = limits.timeLimit.map { monotonicSeconds() + $0 }
            let (formulation, table, _, _) = try objectives.applied(to: ParkOptimizer(backend: Backend.solver, options: options))
                .formulate(loaded.scenario, deadline: deadline)
            if table?.approximate == true {
                printError("note: a payoff-table row stopped at the time limit; its incumbent normalizes the objectives")
            }
            var batch = OutputBatch(inputs: [scenario.file])
            if let mps { batch.add(try formulation.model.mpsText(), to: mps) }
            if let lp { batch.add(try formulation.model.lpText(), to: lp) }
            do { try batch.commit() } catch {
                printError("error: \(error); no file was written.")
                throw ExitCode.cannotWrite
            }
            let m = formulation.model
            printError("wrote \(m.variableCount) columns (\(m.integerCount) binary), \(m.constraintCount) rows")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("error: \(error)")
            throw ExitCode.solverFailure
        }
    }
}
