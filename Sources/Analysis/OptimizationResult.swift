import Formulation
import MILP
import MultiObjective

/// What `solve` reports: the termination, the design, the numbers an independent check needs.
public struct OptimizationResult: Sendable {
    public var termination: TerminationStatus
    public var design: ParkDesign?
    /// Objective value of exactly the model `export` writes.
    public var mipObjective: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var rootRelaxation: Double?
    public var payoff: PayoffTable?
    /// The stages solved before the final one in lexicographic mode.
    public var lexicographic: ParkOptimizer.LexicographicStages?
    public var solverName: String
    /// Wall time of all solves (payoff table included), seconds.
    public var seconds: Double
    public var nodes: Int
    /// What each cut separator did in the final solve (not the payoff rows); empty for
    /// `--search lp-solve`.
    public var cuts: [SeparatorStatistics] = []
    /// Where the run's time went, by named step (model build, loads, the payoff table's LPs and
    /// rows, the final model's root LP and search, the deal terms), for `solve --verbose`.
    public var phases: [SolvePhase] = []
    public var rows: Int
    public var columns: Int
    public var binaries: Int
    /// What the solved objective weighs each objective by (per model unit); the yearly
    /// operating LPs of a simulation re-optimize flows for the same objective.
    public var objectiveWeights = ObjectiveWeights(economic: 1)
    /// The model's coefficient spread and the reported point checked in double precision.
    public var numerics: NumericalCheck?
    /// When the scenario is infeasible and `ParkOptimizer.explainsInfeasibility` is on: the
    /// smallest set of requirements to relax.
    public var infeasibility: InfeasibilityExplanation?
    /// When the model is unbounded: the columns that run away, by name.
    public var runaway: [String] = []
    /// Feasible points of the final model found on the way: the payoff rows' and the final
    /// solve's (a later solve of a similar park starts from them: `ParkOptimizer.startPoints`).
    public var points: [[Double]] = []
}

extension OptimizationResult {
    /// Whether a payoff-table row stopped at the time limit (its incumbent was used).
    public var payoffApproximate: Bool { payoff?.approximate ?? false }
}
