import MILP

/// lp_solve's loaded model behind MILP's `LoadedModel`: the setters and `solve(options:)` are
/// `LPSolveModel`'s own; a start point is taken by the best-bound search only
/// (`searchBestBound`), lp_solve's own search takes it as a cutoff instead.
extension LPSolveModel: LoadedModel {
    public func takesStartPoint(_ options: SolveOptions) -> Bool {
        usesBestBoundSearch(options)
    }

    public func solve(options: SolveOptions, start: [Double]) throws(SolverError) -> Solution {
        takesStartPoint(options) ? try searchBestBound(options: options, start: start) : try solve(options: options)
    }
}

extension LPSolver: SolverBackend {
    /// A fresh `lprec` holding `model`.
    public func load(_ model: Model) throws(SolverError) -> any LoadedModel {
        try LPSolveModel(model)
    }
}
