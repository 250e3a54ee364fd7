import MILP

/// lp_solve's loaded model behind MILP's `LoadedModel`: the setters and `solve(options:)` are
/// `LPSolveModel`'s own; a start point is taken by the best-bound search only
/// (`searchBestBound`), lp_solve's own search takes it as a cutoff instead.
extension LPSolveModel: LoadedModel {
    /// A MIP's: the root basis the next best-bound search starts from (`rootBasis`; lp_solve's
    /// own search starts from the default basis whatever is set). An LP's: the basis of its
    /// last optimal solve, which the next LP solve starts from anyway; setting it replaces the
    /// `lprec`'s basis, setting `nil` puts back lp_solve's default (slack) basis.
    public var startBasis: [Int32]? {
        get { model.isMIP ? rootBasis : (holdsOptimalBasis && !stoppedBefore ? LPLib.basis(lp) : nil) }
        set {
            guard let basis = newValue else {
                if model.isMIP { rootBasis = nil } else if !stoppedBefore { LPLib.resetBasis(lp); holdsOptimalBasis = false }
                return
            }
            guard basis.count == 1 + model.constraintCount + model.variableCount else { return }
            if model.isMIP {
                rootBasis = basis
            } else if !stoppedBefore, LPLib.setBasis(lp, basis) {
                holdsOptimalBasis = true
            }
        }
    }

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
