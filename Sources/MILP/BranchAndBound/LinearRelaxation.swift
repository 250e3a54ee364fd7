/// The LP relaxation of a mixed-integer model, re-solved many times under changing column
/// bounds: what `BranchAndBound` needs from an LP solver.
///
/// A conformer keeps one loaded LP and warm-starts each solve from the basis it holds, or from
/// a basis handed back by `restore(_:)`. Columns are numbered from 0 as in `Model`.
public protocol LinearRelaxation: AnyObject, SendableMetatype {
    /// A saved simplex basis (opaque to the search).
    associatedtype Basis

    /// Changes one column's bounds for the next solves.
    func setBounds(column: Int, lower: Double, upper: Double)
    /// Solves the LP from the current basis.
    func solve() -> RelaxationOutcome
    /// Column values of the last optimal solve, written into `values` (one per column).
    func values(into values: inout [Double])
    /// Reduced costs of the last optimal solve (`∂ objective / ∂ column`), one per column;
    /// `false` when the solver cannot give them.
    func reducedCosts(into costs: inout [Double]) -> Bool
    /// The current basis.
    func basis() -> Basis
    /// Makes `basis` the start of the next solve.
    func restore(_ basis: Basis)
    /// Adds rows `Σ coefficients · x ≤ upper` for the next solves (cuts valid in the whole
    /// search, added at the root before any basis is saved).
    func addCuts(_ cuts: [Cut])
    /// Removes every row `addCuts` added.
    func removeCuts()
}

/// How one LP solve of a relaxation ended.
public enum RelaxationOutcome: Sendable, Equatable {
    /// Optimal, with the objective value (constant included).
    case optimal(Double)
    case infeasible
    case unbounded
    /// Stopped by the time limit (`byTime`) or by the caller.
    case stopped(byTime: Bool)
    /// The LP solver failed (numerical trouble); the node cannot be judged.
    case failed(String)
}
