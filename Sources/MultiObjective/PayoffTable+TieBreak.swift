import MILP

extension PayoffTable {
    /// Weight of the tie-breaking terms in a row (AUGMECON's augmentation): row `k` maximizes
    /// `f_k + δ Σ_{j≠k} f_j · s_k / s_j`, which keeps weakly dominated points out of the table
    /// and gives the solver a non-degenerate objective. The row can fall short of the pure
    /// optimum of `f_k` by at most `δ Σ_{j≠k} range_j / s_j · s_k` (≤ 0.02% on the park models).
    public static let tieBreakWeight = 1e-4

    /// What `tieBroken` gives back: the table (`nil` when a row found no point and the model is
    /// infeasible), its cost, and the model its rows were solved on.
    public struct TieBrokenRows {
        public var table: PayoffTable?
        public var seconds: Double
        public var nodes: Int
        /// One loaded model whose objective changed from row to row, so that each row's root LP
        /// starts from the previous root basis; a later solve of the same rows and columns
        /// (another objective) can start from it too.
        public var loaded: any LoadedModel
        /// Where the time went: the loads, the LPs for the scales, the rows (`SolvePhase`).
        public var phases: [SolvePhase] = []
    }

    /// The payoff table with tie-broken rows: each objective maximized alone, ties broken on the
    /// others with weight `tieBreakWeight`. The scales `s_j` are the objectives' LP-relaxation
    /// optima (cheap, and of the right magnitude); where an LP is solved to optimality its
    /// optimum is kept as a proven bound (`relaxationOptima`).
    ///
    /// Every row starts from the points of the rows before and from `reference`, a point
    /// feasible whatever the objective (a park's status quo). A row that finds no point of its
    /// own (none at all, or only `reference` when stopped early) ends the table: when the model
    /// is infeasible there is no table; otherwise the rows found so far come back marked
    /// `fellBackToEconomic` and `approximate`. Each row gets an equal share of the time left
    /// before `deadline`. `options` should not loosen the MIP gap, so that every run normalizes
    /// with the same table. `starts`: more points that may be feasible (designs of a similar
    /// model solved before, the board room's last settings); those that are start the rows too.
    public static func tieBroken(_ problem: MultiObjectiveModel, backend: any SolverBackend, options: SolveOptions,
                                 deadline: Double?, reference: [Double]?, starts: [[Double]] = []) throws(SolverError) -> TieBrokenRows {
        var fellBack = false
        var points: [[Double]] = []
        let statusQuo = reference.map { [$0] } ?? []
        var seconds = 0.0, nodes = 0
        var phases: [SolvePhase] = []
        var relaxed = problem.model
        relaxed.relaxIntegrality()
        // One loaded model for the LPs of the scales.
        let relaxation = try phases.timed("payoff table: load of the LP relaxation") { () throws(SolverError) in try backend.load(relaxed) }
        var scales: [Double] = []
        var relaxationOptima: [Double?] = []
        // Each objective's optimal LP basis: its row's root LP starts there (the row's objective
        // is the same but for the small tie-break terms), not from the previous row's root. On a
        // generated park of 100 companies the first row's cold root LP took 27 s after its
        // objective's LP had taken 45 s (docs/performance.md).
        var bases: [[Int32]?] = []
        for objective in problem.objectives {
            relaxation.setObjective(.maximize, objective)
            // From the slack basis, not the previous objective's optimum: on generated parks of
            // 25, 50 and 100 companies the environmental and social LPs took 1.3–1.9 times as
            // long in all from the economic optimum as from scratch (100 companies: 5.5 and
            // 10.1 s cold against 13.7 and 14.3 s warm; docs/performance.md).
            relaxation.startBasis = nil
            let bound = try relaxation.solve(options: options.until(deadline))
            seconds += bound.seconds
            for phase in bound.phases { phases.add("payoff table: \(phase.name) for the scales", seconds: phase.seconds, count: phase.count) }
            scales.append(max(1, abs(bound.objective ?? 1)))
            relaxationOptima.append(bound.termination == .optimal ? bound.objective : nil)
            bases.append(bound.termination == .optimal ? relaxation.startBasis : nil)
        }
        var rows: [[Double]] = []
        var approximate = false
        let loaded = try phases.timed("payoff table: load of the MIP") { () throws(SolverError) in try backend.load(problem.model) }
        let count = problem.objectives.count
        for k in 0..<count {
            var objective = LinearExpression()
            for (j, other) in problem.objectives.enumerated() {
                // In f_k's own units: lp_solve failed numerically on the same row divided by s_k.
                objective.add(other, scaledBy: j == k ? 1 : tieBreakWeight * scales[k] / scales[j])
            }
            loaded.setObjective(.maximize, objective)
            if let basis = bases[k] { loaded.startBasis = basis }
            let share = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) / Double(count - k) }
            let solution = try loaded.solve(knownPoints: points + statusQuo + starts, options: options.until(share))
            seconds += solution.seconds; nodes += solution.nodes
            for phase in solution.phases { phases.add("payoff row: \(phase.name)", seconds: phase.seconds, count: phase.count) }
            approximate = approximate || solution.termination != .optimal
            // A row that stopped for time with only the reference point in hand found no point
            // of its own: a table of such points normalizes nothing, so fall back as below.
            let onlyStatusQuo = solution.termination != .optimal && statusQuo.first == solution.values
            guard solution.hasSolution, !onlyStatusQuo else {
                if solution.termination != .infeasible { fellBack = true }
                guard fellBack else { return TieBrokenRows(table: nil, seconds: seconds, nodes: nodes, loaded: loaded, phases: phases) }
                var table = PayoffTable(names: problem.names, values: rows, approximate: true)
                table.fellBackToEconomic = true
                table.relaxationOptima = relaxationOptima
                return TieBrokenRows(table: table, seconds: seconds, nodes: nodes, loaded: loaded, phases: phases)
            }
            rows.append(problem.values(at: solution.values))
            points.append(solution.values)
        }
        var table = PayoffTable(names: problem.names, values: rows, approximate: approximate)
        table.points = points
        table.relaxationOptima = relaxationOptima
        return TieBrokenRows(table: table, seconds: seconds, nodes: nodes, loaded: loaded, phases: phases)
    }
}
