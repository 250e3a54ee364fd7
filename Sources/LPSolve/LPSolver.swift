import MILP

/// lp_solve 5.5 behind MILP's `Solver` protocol: each call loads the model into a fresh
/// `lprec`, solves it and frees it. Safe to call from many tasks at once.
public struct LPSolver: Solver {
    public init() {}

    public var name: String { "lp_solve \(LPLib.version())" }

    public func solve(_ model: Model, options: SolveOptions) throws(SolverError) -> Solution {
        try LPSolveModel(model).solve(options: options)
    }
}
