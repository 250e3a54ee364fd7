extension LoadedModel {
    /// Solves the loaded model knowing feasible points of it (designs found by earlier solves).
    ///
    /// The best known point, in the current objective, starts the search when the backend
    /// takes a start point (`takesStartPoint`), or else becomes its cutoff
    /// (`SolveOptions.incumbentObjective`; lp_solve's `set_obj_bound`), less a relative 1e-7 so
    /// an equal design is still found. When the search finds nothing better, the known point is
    /// the optimum (within that 1e-7) and is returned as such; under a time limit the answer is
    /// never worse than a point already known. Points that break the loaded model's current
    /// bounds (checked to 1e-7) are ignored.
    public func solve(knownPoints: [[Double]], options: SolveOptions) throws(SolverError) -> Solution {
        let model = self.model
        let feasible = knownPoints.filter { $0.count == model.variableCount && model.violations(of: $0, tolerance: 1e-7).isEmpty }
        let better: (Double, Double) -> Bool = model.sense == .maximize ? { $0 > $1 } : { $0 < $1 }
        guard let best = feasible.max(by: { better(model.objectiveValue(at: $1), model.objectiveValue(at: $0)) }) else {
            return try solve(options: options)
        }
        if takesStartPoint(options) {
            // The search takes the point itself as its first incumbent.
            return try solve(options: options, start: best)
        }
        let value = model.objectiveValue(at: best)
        let slack = 1e-7 * max(1, abs(value))
        var withCutoff = options
        withCutoff.incumbentObjective = model.sense == .maximize ? value - slack : value + slack
        let solution = try solve(options: withCutoff)
        if solution.hasSolution, let found = solution.objective, !better(value, found) { return solution }
        // Nothing better than the known point was found: it is the answer. The search finished
        // unless it stopped for time or was interrupted.
        let finished = ![.timeLimit, .interrupted].contains(solution.termination)
        var kept = Solution(
            termination: finished ? .optimal : solution.termination, primal: .feasiblePoint,
            rawStatus: solution.rawStatus, rawStatusText: solution.rawStatusText + " (known point kept)",
            objective: value, bestBound: finished ? value : solution.bestBound, values: best,
            rootRelaxation: solution.rootRelaxation, nodes: solution.nodes, seconds: solution.seconds)
        kept.phases = solution.phases
        return kept
    }
}
