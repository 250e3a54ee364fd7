/// Why the solver stopped, kept apart from whether it has a usable point
/// (as MathOptInterface separates `TerminationStatus` from `PrimalStatus`).
public enum TerminationStatus: String, Sendable, Equatable {
    /// Proven optimal (within the requested gap).
    case optimal
    case infeasible
    case unbounded
    /// Infeasible or unbounded, the solver could not tell which.
    case infeasibleOrUnbounded
    case timeLimit
    /// Stopped by a node limit (`SolveOptions.nodeLimit`) before the search was done.
    case nodeLimit
    /// Stopped early by a solution limit or a break-at-value setting (lp_solve's
    /// SUBOPTIMAL), or every node pruned by `SolveOptions.incumbentObjective`.
    case solutionLimit
    /// Stopped by the caller (cancellation, Ctrl-C).
    case interrupted
    case numericalFailure
    case outOfMemory
    /// Any other status, with the solver's own code.
    case otherError
}

/// Whether `Solution.values` holds a point and what is known of it.
public enum PrimalStatus: String, Sendable, Equatable {
    /// A point satisfying the constraints (optimal or an incumbent).
    case feasiblePoint
    case noSolution
}

/// What a solver returns: its termination status, the point it has, and bounds.
public struct Solution: Sendable {
    public var termination: TerminationStatus
    public var primal: PrimalStatus
    /// The solver's own status code and text, for diagnostics.
    public var rawStatus: Int
    public var rawStatusText: String
    /// Objective value of `values` (including the objective constant); `nil` without a point.
    public var objective: Double?
    /// Best proven bound on the optimum (≥ optimum when maximizing, ≤ when minimizing).
    public var bestBound: Double?
    /// One value per column; empty without a point.
    public var values: [Double]
    /// Dual value of each row, `∂ objective / ∂ right-hand side`; LPs only.
    public var duals: [Double]?
    /// Reduced cost of each column, `∂ objective / ∂ column value`; LPs only.
    public var reducedCosts: [Double]?
    /// Objective of the root LP relaxation (MIPs, constant included), when the solver reports it.
    public var rootRelaxation: Double?
    /// Branch-and-bound nodes explored.
    public var nodes: Int
    /// Wall time of the solve, seconds.
    public var seconds: Double
    /// What each cut separator did (calls, cuts added, seconds); empty when no search of ours ran.
    public var cuts: [SeparatorStatistics] = []
    /// Where the solve's time went, by named step (`SolvePhase`): loads, the root LP, the search.
    public var phases: [SolvePhase] = []

    public init(termination: TerminationStatus, primal: PrimalStatus, rawStatus: Int, rawStatusText: String,
                objective: Double?, bestBound: Double?, values: [Double], duals: [Double]? = nil,
                reducedCosts: [Double]? = nil, rootRelaxation: Double? = nil, nodes: Int = 0, seconds: Double = 0) {
        self.termination = termination; self.primal = primal; self.rawStatus = rawStatus
        self.rawStatusText = rawStatusText; self.objective = objective; self.bestBound = bestBound
        self.values = values; self.duals = duals; self.reducedCosts = reducedCosts
        self.rootRelaxation = rootRelaxation; self.nodes = nodes; self.seconds = seconds
    }

    /// Whether `values` holds a usable point.
    public var hasSolution: Bool { primal == .feasiblePoint }

    /// Relative gap `|bound − objective| / max(1e-9, |objective|)`: 0 when proven optimal,
    /// positive when stopped early or when "optimal" only within a requested MIP gap.
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        return abs(bestBound - objective) / max(1e-9, abs(objective))
    }

    /// The value of a column in the point.
    public subscript(variable: Variable) -> Double { values[variable.index] }

    /// The value of an expression at the point.
    public func value(of expression: LinearExpression) -> Double { expression.value(at: values) }
}
