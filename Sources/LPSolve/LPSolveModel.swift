import MILP

/// A `Model` loaded into one lp_solve `lprec`, kept for many related solves.
///
/// Load once, then change bounds, right-hand sides or objective coefficients and call
/// `solve` again: LP re-solves start from the previous basis. MIP re-solves reset the
/// basis first (`default_basis`), because re-solving a MIP on the same `lprec` gave wrong
/// answers in Debian's lp_solve 5.5.2.5 otherwise. One instance belongs to one task;
/// solve different instances in parallel freely. The `lprec` is freed on deinit, on every
/// path, including a failed load.
///
/// A solve stopped by the time limit or the caller can leave Debian's 5.5.2.5 `lprec`
/// unusable: lp_solve first polls the abort callback right after `preprocess()`, and a stop
/// there skips `postprocess()` (lp_simplex.c, `spx_solve`); the next solve then crashed in
/// `coldual` on a null reduced-cost array (`ResolveTests.stoppedSolveThenResolve`). So a
/// stopped solve marks the model, and the next solve or write loads it anew from `model`
/// first (`reloadIfStopped`); the stopped solve's results are read before that.
public final class LPSolveModel {
    private(set) var lp: LPLib.Handle
    /// The model as loaded, kept up to date by the setters (for point checks and writers).
    public private(set) var model: Model
    var solvedBefore = false
    /// The root LP basis of the last best-bound search: the next search on this model (the
    /// same rows and columns, another objective or bounds) starts its root LP from it.
    var rootBasis: [Int32]?
    /// Whether `lp` holds the optimal basis of its last LP (not MIP) solve, or a basis set
    /// since (`startBasis` reads it then; read on demand, so that the Monte Carlo's many small
    /// operating LPs copy no basis).
    var holdsOptimalBasis = false
    /// Whether a solve on `lp` was stopped by the abort callback (see the type's note).
    var stoppedBefore = false
    /// lp_solve's presolve deletes rows and columns from the `lprec` for good.
    private var presolvedBefore = false

    /// Loads `model` in bulk (row mode, `set_obj_fnex`, `add_constraintex`).
    public init(_ model: Model) throws(SolverError) {
        do { try model.validate() } catch { throw SolverError.invalidModel(error) }
        guard let lp = LPLib.make(rows: 0, columns: Int32(model.variableCount)) else {
            throw SolverError.loadFailed("make_lp failed for \(model.variableCount) columns (out of memory?)")
        }
        self.lp = lp
        self.model = model
        // From here `deinit` frees `lp` if loading throws.
        try load()
    }

    deinit { LPLib.delete(lp) }

    /// Wall time of the reloads since the last solve began (`reloadIfStopped`), for its phases.
    var reloadSeconds = 0.0

    /// Replaces an `lprec` whose last solve was stopped by a fresh load of `model` (bounds,
    /// objective and rows as changed since).
    func reloadIfStopped() throws(SolverError) {
        guard stoppedBefore else { return }
        let started = monotonicSeconds()
        defer { reloadSeconds += monotonicSeconds() - started }
        guard let fresh = LPLib.make(rows: 0, columns: Int32(model.variableCount)) else {
            throw SolverError.loadFailed("make_lp failed for \(model.variableCount) columns (out of memory?)")
        }
        LPLib.delete(lp)
        lp = fresh
        solvedBefore = false
        try load()
        stoppedBefore = false  // only once loaded: a failed load is tried again next time
    }

    private func load() throws(SolverError) {
        guard LPLib.setRowMode(lp, true) else { throw .loadFailed("set_add_rowmode failed") }
        var values = model.objective.terms.map(\.coefficient)
        var columns = model.objective.terms.map { Int32($0.variable.index + 1) }
        guard LPLib.setObjective(lp, values: &values, columns: &columns) else { throw .loadFailed("set_obj_fnex failed") }
        var ranges: [(row: Int32, lower: Double, upper: Double)] = []
        for (index, info) in model.constraints.enumerated() {
            let c = info.constraint
            values = c.terms.map(\.coefficient)
            columns = c.terms.map { Int32($0.variable.index + 1) }
            let (type, rhs, isRange) = Self.rowShape(lower: c.lower, upper: c.upper)
            if isRange { ranges.append((Int32(index + 1), c.lower, c.upper)) }
            guard LPLib.addRow(lp, values: &values, columns: &columns, type: type, rhs: rhs) else {
                throw .loadFailed("add_constraintex failed on row \(info.name)")
            }
        }
        guard LPLib.setRowMode(lp, false) else { throw .loadFailed("leaving row mode failed") }
        for range in ranges { _ = LPLib.setRowRange(lp, row: range.row, lower: range.lower, upper: range.upper) }
        for (index, info) in model.variables.enumerated() {
            let column = Int32(index + 1)
            guard LPLib.setBounds(lp, column: column, lower: info.lower, upper: info.upper) else {
                throw .loadFailed("set_bounds failed on \(info.name)")
            }
            if info.isInteger { _ = LPLib.setInteger(lp, column: column, true) }
        }
        LPLib.setMaximize(lp, model.sense == .maximize)
        // Row 0 is the objective: its right-hand side is the objective constant, so that
        // lp_solve's own writers and objective value include it.
        _ = LPLib.setRHS(lp, row: 0, model.objective.constant)
    }

    // MARK: Changing the loaded model

    /// Changes a column's bounds in lp_solve and in `model`.
    public func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        model.setBounds(variable, lower: lower, upper: upper)
        _ = LPLib.setBounds(lp, column: Int32(variable.index + 1), lower: lower, upper: upper)
    }

    /// Changes a row's sides; the row keeps its shape (≤, ≥, =, range) where it can.
    public func setBounds(_ constraint: ConstraintRef, lower: Double, upper: Double) {
        model.setBounds(constraint, lower: lower, upper: upper)
        let row = Int32(constraint.index + 1)
        let (type, rhs, isRange) = Self.rowShape(lower: lower, upper: upper)
        _ = LPLib.setRowType(lp, row: row, type)
        _ = LPLib.setRHS(lp, row: row, rhs)
        if isRange { _ = LPLib.setRowRange(lp, row: row, lower: lower, upper: upper) }
    }

    /// How a row `lower ≤ a·x ≤ upper` is given to lp_solve: its type and right-hand side, and
    /// whether a range (`set_rh_range`, width `upper − lower` above a ≥ row) completes it.
    private static func rowShape(lower: Double, upper: Double) -> (LPLib.RowType, Double, isRange: Bool) {
        switch LinearConstraint(terms: [], lower: lower, upper: upper).sense {
        case .lessOrEqual: return (.lessOrEqual, upper, false)
        case .greaterOrEqual: return (.greaterOrEqual, lower, false)
        case .equal: return (.equal, lower, false)
        case .range: return (.greaterOrEqual, lower, true)
        case .free: return (.greaterOrEqual, -LPLib.infinity, false)
        }
    }

    /// Changes one coefficient of a row (for a row whose terms depend on a point, such as a
    /// local-branching neighbourhood).
    public func setCoefficient(_ constraint: ConstraintRef, _ variable: Variable, _ value: Double) {
        model.setCoefficient(constraint, variable, value)
        _ = LPLib.setCoefficient(lp, row: Int32(constraint.index + 1), column: Int32(variable.index + 1), value)
    }

    /// Changes one objective coefficient.
    public func setObjectiveCoefficient(_ variable: Variable, _ value: Double) {
        var objective = model.objective
        if let position = objective.terms.firstIndex(where: { $0.variable == variable }) {
            objective.terms[position].coefficient = value
        } else {
            objective.add(value, variable)
        }
        model.setObjective(model.sense, objective)
        _ = LPLib.setObjectiveCoefficient(lp, column: Int32(variable.index + 1), value)
    }

    /// Changes many objective coefficients at once (one update of `model`).
    public func setObjectiveCoefficients(_ changes: [(Variable, Double)]) {
        var objective = model.objective
        var position: [Int: Int] = [:]
        for (index, term) in objective.terms.enumerated() { position[term.variable.index] = index }
        for (variable, value) in changes {
            if let at = position[variable.index] {
                objective.terms[at].coefficient = value
            } else {
                position[variable.index] = objective.terms.count
                objective.add(value, variable)
            }
            _ = LPLib.setObjectiveCoefficient(lp, column: Int32(variable.index + 1), value)
        }
        model.setObjective(model.sense, objective)
    }

    /// Replaces the whole objective: sense, coefficients (columns left out get 0) and constant.
    public func setObjective(_ sense: Model.Sense, _ expression: LinearExpression) {
        model.setObjective(sense, expression)
        let objective = model.objective
        // `set_obj_fnex` sets only the columns it is given: clear the old ones first.
        var values = [Double](repeating: 0, count: model.variableCount)
        for term in objective.terms { values[term.variable.index] = term.coefficient }
        var columns = (1...Int32(model.variableCount)).map { $0 }
        _ = LPLib.setObjective(lp, values: &values, columns: &columns)
        LPLib.setMaximize(lp, sense == .maximize)
        _ = LPLib.setRHS(lp, row: 0, objective.constant)
    }

    // MARK: Solving

    /// Solves the loaded model with `options`.
    ///
    /// Bad numbers set by the setters are caught here (`SolverError.invalidModel`), never passed on.
    public func solve(options: SolveOptions = SolveOptions()) throws(SolverError) -> Solution {
        do { try model.validate() } catch { throw SolverError.invalidModel(error) }
        let isMIP = model.isMIP
        if presolvedBefore {
            throw SolverError.loadFailed("a model solved with presolve cannot be changed or solved again; load it anew")
        }
        if usesBestBoundSearch(options) { return try searchBestBound(options: options, start: nil) }
        if stoppedBefore && options.isLate { return lateAnswer(start: nil) }
        reloadSeconds = 0
        try reloadIfStopped()
        if solvedBefore && isMIP { LPLib.resetBasis(lp) }
        solvedBefore = true
        presolvedBefore = options.presolve
        apply(options, isMIP: isMIP)

        let monitor = SolveMonitor(timeLimit: options.timeLimit, shouldStop: options.shouldStop)
        let context = Unmanaged.passUnretained(monitor).toOpaque()
        LPLib.setAbortCallback(lp, context: context, SolveMonitor.callback)
        let started = monotonicSeconds()
        let raw = withExtendedLifetime(monitor) { LPSolveStatus(rawValue: LPLib.solve(lp)) }
        let seconds = monotonicSeconds() - started
        LPLib.setAbortCallback(lp, context: nil, nil)
        if monitor.stoppedForTime || monitor.stoppedByCaller || raw == .userAbort || raw == .timeout { stoppedBefore = true }

        let termination = raw.termination(stoppedForTime: monitor.stoppedForTime, stoppedByCaller: monitor.stoppedByCaller)
        let hasPoint: Bool
        switch raw {
        case .optimal, .presolved, .suboptimal, .feasibleFound:
            // Under a cutoff lp_solve can report OPTIMAL without having found a point.
            hasPoint = !(isMIP && options.incumbentObjective != nil && LPLib.improvedSolutions(lp) == 0)
        case .userAbort, .timeout, .procedureBreak: hasPoint = isMIP && LPLib.improvedSolutions(lp) > 0
        default: hasPoint = false
        }
        var solution = Solution(
            termination: termination, primal: hasPoint ? .feasiblePoint : .noSolution,
            rawStatus: Int(raw.rawValue), rawStatusText: raw.description,
            objective: nil, bestBound: nil, values: [], nodes: LPLib.totalNodes(lp), seconds: seconds)
        if reloadSeconds > 0 { solution.phases.add("reload after a stopped solve", seconds: reloadSeconds) }
        solution.phases.add(isMIP ? "lp_solve MIP" : "LP", seconds: seconds)
        if solution.termination == .optimal && !hasPoint {
            // The cutoff pruned every node: no point beats it, but none is known either.
            solution.termination = .solutionLimit
        }
        if isMIP {
            let root = LPLib.rootRelaxation(lp)
            solution.rootRelaxation = root.isFinite && abs(root) < 1e29 ? root : nil
        }
        guard hasPoint else { return solution }

        let rows = LPLib.originalRows(lp)
        solution.values = (1...model.variableCount).map { LPLib.primalResult(lp, originalIndex: rows + $0) }
        // Recompute in double precision from the point: includes the objective constant.
        solution.objective = model.objectiveValue(at: solution.values)
        if let incumbent = options.incumbentObjective, let found = solution.objective, isMIP,
           model.sense == .maximize ? found < incumbent - 1e-9 * max(1, abs(incumbent)) : found > incumbent + 1e-9 * max(1, abs(incumbent)) {
            // The cutoff pruned every node: lp_solve then calls a worse point "optimal"
            // (seen here with a cutoff above the true optimum). Nothing is proven.
            solution.termination = .solutionLimit
        }
        let looseGap = (options.relativeGap ?? 0) > 1e-9 || (options.absoluteGap ?? 0) > 1e-11
        if solution.termination == .optimal && !(isMIP && looseGap) {
            solution.bestBound = solution.objective
        } else if isMIP, let root = solution.rootRelaxation {
            // Stopped early, or "optimal" only within a requested gap: the proven bound we
            // know is the root relaxation (lp_solve's includes the objective constant).
            solution.bestBound = root
        }
        holdsOptimalBasis = !isMIP && solution.termination == .optimal && !presolvedBefore
        if options.computeDuals && !isMIP && solution.termination == .optimal {
            solution.duals = (0..<model.constraintCount).map { LPLib.dualResult(lp, originalIndex: $0 + 1) }
            solution.reducedCosts = (1...model.variableCount).map { LPLib.dualResult(lp, originalIndex: rows + $0) }
        }
        return solution
    }

    /// The answer of a solve asked for after its deadline on a model whose last solve was
    /// stopped: a time limit with `start` (a feasible point) as the design when given, without
    /// loading the model anew (seconds on a large park, the whole overrun of a late run).
    func lateAnswer(start: [Double]?) -> Solution {
        Solution(termination: .timeLimit, primal: start == nil ? .noSolution : .feasiblePoint,
                 rawStatus: -1, rawStatusText: "TIMEOUT (deadline passed before the solve; model not reloaded)",
                 objective: start.map { model.objectiveValue(at: $0) }, bestBound: nil, values: start ?? [])
    }

    private func apply(_ options: SolveOptions, isMIP: Bool) {
        LPLib.setVerbose(lp, options.verbose)
        if !options.verbose { LPLib.silence(lp) }
        var presolve = options.presolve ? LPLib.presolveRowsColumns : 0
        if options.computeDuals { presolve |= LPLib.presolveDuals }
        LPLib.setPresolve(lp, mode: presolve)
        // lp_solve's own timer takes whole seconds; our abort callback enforces the exact limit.
        LPLib.setTimeout(lp, seconds: options.timeLimit.map { Int(min(max($0, 0), 1e9).rounded(.up)) + 1 } ?? 0)
        guard isMIP else { return }
        LPLib.setMIPGap(lp, absolute: true, options.absoluteGap ?? 1e-11)
        LPLib.setMIPGap(lp, absolute: false, options.relativeGap ?? 1e-9)
        var rule: Int32
        switch options.branching {
        case .firstFractional: rule = LPLib.nodeFirst
        case .mostFractional: rule = LPLib.nodeFraction
        case .pseudoCost: rule = LPLib.nodePseudoCost
        case .depthFirst: rule = LPLib.nodeDepthFirstAuto
        }
        if options.reducedCostFixing { rule |= LPLib.nodeReducedCostFixing }
        LPLib.setBranchingRule(lp, rule)
        LPLib.setDepthLimit(lp, Int32(options.depthLimit ?? -50))
        if let incumbent = options.incumbentObjective {
            LPLib.setObjectiveBound(lp, incumbent)
        }
    }

    // MARK: Files through lp_solve's own writers

    /// Writes the loaded model with lp_solve's `write_freemps` (for cross-checking our writer).
    public func writeFreeMPS(to path: String) -> Bool {
        guard (try? reloadIfStopped()) != nil else { return false }
        return LPLib.writeFreeMPS(lp, to: path)
    }
    /// Writes the loaded model with lp_solve's `write_lp`.
    public func writeLP(to path: String) -> Bool {
        guard (try? reloadIfStopped()) != nil else { return false }
        return LPLib.writeLP(lp, to: path)
    }
}
