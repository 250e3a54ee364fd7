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
        // (and proved it) unless it stopped for time, nodes, the user or a failure.
        let finished = ![.timeLimit, .interrupted, .nodeLimit, .numericalFailure, .outOfMemory, .otherError].contains(solution.termination)
        var kept = Solution(
            termination: finished ? .optimal : solution.termination, primal: .feasiblePoint,
            rawStatus: solution.rawStatus, rawStatusText: solution.rawStatusText + " (known point kept)",
            objective: value, bestBound: finished ? value : solution.bestBound, values: best,
            rootRelaxation: solution.rootRelaxation, nodes: solution.nodes, seconds: solution.seconds)
        kept.phases = solution.phases
        return kept
    }
}

extension LoadedModel {
    /// The best point of the loaded model with its integer columns at `point`'s values
    /// (rounded): the integer part of a design kept, its continuous part solved anew for the
    /// model's present coefficients, so a design of a related model (another price, another
    /// fee) becomes a feasible point of this one. `nil` when those integer values admit no
    /// feasible point, or the solve found none.
    ///
    /// One LP: the integer columns are fixed by their bounds, the model solved, and the bounds
    /// and the start basis put back as they were.
    public func completion(of point: [Double], options: SolveOptions) throws(SolverError) -> [Double]? {
        try completion(of: point.map { Optional($0) }, options: options)
    }

    /// As `completion(of:options:)`, with `nil` for a column the point does not give (a column
    /// the design's model did not have): an integer column without a value stays free, so the
    /// solve is a MIP over those columns alone.
    public func completion(of point: [Double?], options: SolveOptions) throws(SolverError) -> [Double]? {
        let model = self.model
        guard point.count == model.variableCount else { return nil }
        let integers = model.variables.indices.filter { model.variables[$0].isInteger && point[$0] != nil }
        let kept = startBasis
        let values = integers.map { point[$0]!.rounded() }
        for (j, value) in zip(integers, values) where value < model.variables[j].lower - 1e-9 || value > model.variables[j].upper + 1e-9 {
            return nil
        }
        var fixed: [(Variable, lower: Double, upper: Double)] = []
        for (j, value) in zip(integers, values) {
            fixed.append((model.variable(at: j), model.variables[j].lower, model.variables[j].upper))
            setBounds(model.variable(at: j), lower: value, upper: value)
        }
        defer {
            for (variable, lower, upper) in fixed { setBounds(variable, lower: lower, upper: upper) }
            startBasis = kept
        }
        let solution = try solve(options: options)
        return solution.hasSolution ? solution.values : nil
    }
}
