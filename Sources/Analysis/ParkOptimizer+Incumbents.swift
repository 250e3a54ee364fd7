import Formulation
import MILP

extension ParkOptimizer {
    /// Solves `model` knowing feasible points of it (the designs of earlier payoff rows):
    /// the best starts the search or becomes its cutoff (`LoadedModel.solve(knownPoints:options:)`).
    /// (Measured on hiep-phuoc: the cutoff barely shortens the search, 39 s → 35 s for the
    /// baseline; lp_solve's time goes into proving, not finding.)
    func solve(_ model: Model, knownPoints: [[Double]], options: SolveOptions) throws(SolverError) -> Solution {
        try backend.load(model).solve(knownPoints: knownPoints, options: options)
    }
}
