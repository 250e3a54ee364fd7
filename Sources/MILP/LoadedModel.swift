/// A `Model` loaded into a solver and kept for many related solves (MathOptInterface's
/// `ModelLike` with its incremental `modify`/`set` and `optimize!`): load once, change bounds,
/// coefficients or the objective, and solve again, so a backend can re-solve from what it
/// already knows (a previous basis, a root basis). One instance belongs to one task; solve
/// different instances in parallel freely.
///
/// Every change is made both in the solver and in `model`, so that `model` is always the
/// problem the next `solve` answers (for point checks, writers and known points).
public protocol LoadedModel: AnyObject {
    /// The model as loaded, with every change made since.
    var model: Model { get }

    /// Sets column `variable` to `lower ≤ x ≤ upper` (either side infinite for none).
    func setBounds(_ variable: Variable, lower: Double, upper: Double)
    /// Sets row `constraint` to `lower ≤ a·x ≤ upper`; the row keeps its shape (≤, ≥, =, range)
    /// where it can.
    func setBounds(_ constraint: ConstraintRef, lower: Double, upper: Double)
    /// Sets the coefficient of `variable` in row `constraint` (0 removes it).
    func setCoefficient(_ constraint: ConstraintRef, _ variable: Variable, _ value: Double)
    /// Sets one objective coefficient; the sense and the other coefficients stay.
    func setObjectiveCoefficient(_ variable: Variable, _ value: Double)
    /// Sets many objective coefficients at once, as `setObjectiveCoefficient` on each in turn.
    func setObjectiveCoefficients(_ changes: [(Variable, Double)])
    /// Replaces the whole objective: its sense, coefficients (columns left out get 0) and constant.
    func setObjective(_ sense: Model.Sense, _ expression: LinearExpression)

    /// The basis the next solve starts its (root) LP from, in the backend's own form (lp_solve:
    /// `get_basis` with the non-basic columns' bound status), `nil` for the backend's default.
    /// Read after an LP solved to optimality it is that LP's optimal basis; set on another
    /// loaded model of the same rows and columns (another objective, integrality kept) it
    /// starts that model's next solve there: the payoff table's rows start from the LP
    /// optima of their objectives (`PayoffTable.tieBroken`). A basis of another shape is ignored;
    /// `nil` starts the next solve from the backend's default basis again.
    var startBasis: [Int32]? { get set }
    /// Starts the next solve from `basis`, read (`startBasis`) from a loaded model of `other`,
    /// whose rows and columns may differ from this model's: matched by name, what `other` lacks
    /// added the way a default basis has it, what this model lacks dropped (a sensitivity
    /// evaluation whose parameters add or drop a column starts from the base's basis all the
    /// same). A backend that cannot translate a basis takes it only from a model of the same
    /// columns and rows (`Model.hasSameColumnsAndRows`), and ignores it otherwise.
    func setStartBasis(_ basis: [Int32], of other: Model)

    /// Solves `model` as it stands under `options`. Statuses such as infeasible or a time
    /// limit are results, not errors; bad numbers set by the setters throw
    /// `SolverError.invalidModel`.
    func solve(options: SolveOptions) throws(SolverError) -> Solution
    /// Whether `solve(options:start:)` takes a start point as its first incumbent under
    /// `options` (MathOptInterface's `VariablePrimalStart` honoured); when it does not, callers
    /// pass what they know as a cutoff instead (`SolveOptions.incumbentObjective`).
    func takesStartPoint(_ options: SolveOptions) -> Bool
    /// Solves from `start`, a point feasible for `model`, taken as the first incumbent when
    /// `takesStartPoint(options)`, and ignored otherwise.
    func solve(options: SolveOptions, start: [Double]) throws(SolverError) -> Solution
}

/// A solver that can also keep a model loaded (`LoadedModel`): what the analyses need beyond
/// one-shot `Solver.solve` (warm re-solves, objective changes, start points). The command line
/// chooses the backend; everything above MILP takes it as a parameter.
public protocol SolverBackend: Solver {
    /// Loads `model` for many related solves; throws `SolverError.invalidModel` on bad numbers
    /// and `SolverError.loadFailed` when the solver cannot take it.
    func load(_ model: Model) throws(SolverError) -> any LoadedModel
}

extension LoadedModel {
    public func setStartBasis(_ basis: [Int32], of other: Model) {
        if model.hasSameColumnsAndRows(as: other) { startBasis = basis }
    }
}
