extension Model {
    /// The columns that run away in a model whose objective is unbounded, by name.
    ///
    /// Every infinite column bound is replaced by `±box`, the LP relaxation of that boxed model
    /// is solved, and the columns that end on the box are the ones the objective drives without
    /// limit (a column tied to them by an equation may reach it too). Returns an empty list when
    /// the boxed model is not solved to optimality (e.g. it is infeasible after all).
    public func runawayVariables(using solver: some Solver, box: Double = 1e7) throws(SolverError) -> [String] {
        var boxed = self
        boxed.relaxIntegrality()
        var opened: [Int] = []
        for (index, info) in variables.enumerated() where info.lower == -.infinity || info.upper == .infinity {
            let lower = info.lower == -.infinity ? -box : info.lower
            let upper = info.upper == .infinity ? box : info.upper
            boxed.setBounds(variable(at: index), lower: min(lower, upper), upper: upper)
            opened.append(index)
        }
        guard !opened.isEmpty else { return [] }
        let solution = try solver.solve(boxed, options: SolveOptions())
        guard solution.termination == .optimal, solution.values.count == variables.count else { return [] }
        let onBox = opened.filter { abs(solution.values[$0]) >= box * (1 - 1e-6) }
        return onBox.sorted { abs(solution.values[$0]) > abs(solution.values[$1]) }.map { variables[$0].name }
    }
}
