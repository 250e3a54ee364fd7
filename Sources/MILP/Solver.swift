/// Something that solves a `Model`: lp_solve today, any MILP solver tomorrow.
public protocol Solver: Sendable {
    /// A short name for reports, e.g. `lp_solve 5.5.2.5`.
    var name: String { get }
    /// Solves the model; statuses such as infeasible or a time limit are results, not errors.
    func solve(_ model: Model, options: SolveOptions) throws(SolverError) -> Solution
}

extension Solver {
    public func solve(_ model: Model) throws(SolverError) -> Solution {
        try solve(model, options: SolveOptions())
    }
}

/// Why a solve could not be attempted at all.
public enum SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model has a mistake (see `ModelError`).
    case invalidModel(ModelError)
    /// The solver could not be created or loaded with the model (out of memory, rejected data).
    case loadFailed(String)
    /// A solve that must succeed did not (e.g. an LP inside a larger computation).
    case solveFailed(String)

    public var description: String {
        switch self {
        case let .invalidModel(error): return "invalid model: \(error)"
        case let .loadFailed(reason): return "the solver could not load the model: \(reason)"
        case let .solveFailed(reason): return "the solver failed: \(reason)"
        }
    }
}

/// Settings every backend understands; a backend ignores what its solver cannot do.
public struct SolveOptions: Sendable, Equatable {
    /// Node selection for branch and bound.
    public enum Branching: String, Sendable, Equatable, CaseIterable {
        /// The solver's default (lowest indexed non-integer column).
        case firstFractional
        /// Largest distance to an integer.
        case mostFractional
        case pseudoCost
        /// Depth-first with the solver's automatic ordering.
        case depthFirst
    }

    /// Who runs the branch and bound of a MIP.
    public enum Search: String, Sendable, Equatable, CaseIterable {
        /// The solver's own (lp_solve: depth first).
        case solver
        /// `BranchAndBound` around the solver's LP relaxations: best bound, reliability
        /// branching, reduced-cost fixing, a proven bound when stopped early.
        case bestBound
    }

    /// Wall-clock limit in seconds; `nil` = none.
    public var timeLimit: Double?
    /// Relative MIP gap at which to stop (lp_solve's `set_mip_gap(FALSE, …)`).
    public var relativeGap: Double?
    /// Absolute MIP gap at which to stop.
    public var absoluteGap: Double?
    public var presolve: Bool
    public var branching: Branching
    /// Largest branch-and-bound depth (lp_solve: negative = relative to the number of integers).
    public var depthLimit: Int?
    /// Tighten bounds of integer columns from reduced costs at each node (lp_solve's
    /// NODE_RCOSTFIXING): measured on hiep-phuoc's payoff rows, 17 s → 3.4 s and 13 s → 9 s.
    public var reducedCostFixing: Bool
    /// Echo the solver's own log to standard error.
    public var verbose: Bool
    /// The objective of a known feasible point: nodes that cannot reach it are pruned
    /// (lp_solve's `set_obj_bound`). A value better than the true optimum prunes everything;
    /// the backend then reports `.solutionLimit`, never `.optimal`.
    public var incumbentObjective: Double?
    /// Compute duals and reduced costs (LPs).
    public var computeDuals: Bool
    /// Polled during the solve; returning `true` stops it with `.interrupted`.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Who runs the branch and bound (MIPs only).
    public var search: Search = .solver
    /// Threads of the best-bound search (each with its own copy of the LP).
    public var threads: Int = 1
    /// Nodes the best-bound search processes at most (`nil`: no limit); it then stops with
    /// `.nodeLimit`, its incumbent and the open nodes' bound. lp_solve's own search ignores it.
    public var nodeLimit: Int?

    public init(timeLimit: Double? = nil, relativeGap: Double? = nil, absoluteGap: Double? = nil,
                presolve: Bool = false, branching: Branching = .firstFractional, depthLimit: Int? = nil,
                reducedCostFixing: Bool = false, verbose: Bool = false, incumbentObjective: Double? = nil, computeDuals: Bool = false,
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.absoluteGap = absoluteGap
        self.presolve = presolve; self.branching = branching; self.depthLimit = depthLimit
        self.reducedCostFixing = reducedCostFixing
        self.verbose = verbose; self.incumbentObjective = incumbentObjective
        self.computeDuals = computeDuals; self.shouldStop = shouldStop
    }

    public static func == (lhs: SolveOptions, rhs: SolveOptions) -> Bool {
        lhs.timeLimit == rhs.timeLimit && lhs.relativeGap == rhs.relativeGap && lhs.absoluteGap == rhs.absoluteGap
            && lhs.presolve == rhs.presolve && lhs.branching == rhs.branching && lhs.depthLimit == rhs.depthLimit
            && lhs.reducedCostFixing == rhs.reducedCostFixing
            && lhs.verbose == rhs.verbose && lhs.incumbentObjective == rhs.incumbentObjective
            && lhs.computeDuals == rhs.computeDuals && (lhs.shouldStop == nil) == (rhs.shouldStop == nil)
            && lhs.search == rhs.search && lhs.threads == rhs.threads && lhs.nodeLimit == rhs.nodeLimit
    }
}
