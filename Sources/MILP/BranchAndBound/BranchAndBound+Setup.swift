extension BranchAndBound {
    /// The search `options` ask for on `model`: its gaps, time limit (from now), node limit,
    /// stop poll and cutoff, `start` as the first incumbent, and one `RowView` of the model's
    /// rows read by the root's bound propagation and every cut separator (`separators(for:)`).
    ///
    /// A backend supplies only its LP relaxations (`LinearRelaxation`) and calls
    /// `solve(_:on:options:started:)`; which cuts run and how an outcome reads as a `Solution`
    /// are decided here, the same for every backend.
    public init(model: Model, options: SolveOptions, start: [Double]?) {
        self.init(integerColumns: model.variables.indices.filter { model.variables[$0].isInteger }, sense: model.sense)
        relativeGap = options.relativeGap ?? 1e-9
        absoluteGap = options.absoluteGap ?? 1e-11
        deadline = options.timeLimit.map { monotonicSeconds() + $0 }
        shouldStop = options.shouldStop
        cutoff = options.incumbentObjective
        nodeLimit = options.nodeLimit
        self.start = start
        let rows = RowView(model)
        propagator = BoundPropagator(rows)
        separators = Self.separators(for: rows)
        // About 256 MB of saved bases (Int32, one entry per row and column) at most.
        maximumStoredBases = max(100, (64 << 20) / (model.constraintCount + model.variableCount + 1))
    }

    /// The cut families separated at the root, in this order: knapsack covers, flow covers,
    /// c-MIR (the order of `BranchAndBound.Outcome.separators` and of JSON `solver.cuts`).
    public static func separators(for rows: RowView) -> [any CutSeparator] {
        [KnapsackCoverSeparator(rows), FlowCoverSeparator(rows), MixedIntegerRoundingSeparator(rows)]
    }

    /// Runs the search on `relaxations` (one per thread, each loaded with `model` and its
    /// integer columns relaxed) from the model's column bounds, and reads the outcome as a
    /// `Solution` (`Outcome.solution`); `started` is when the solve began (`monotonicSeconds()`).
    public func solve<R: LinearRelaxation>(_ model: Model, on relaxations: [R], options: SolveOptions,
                                           started: Double) -> Solution {
        let outcome = run(relaxations, lower: model.variables.map(\.lower), upper: model.variables.map(\.upper),
                          objective: { model.objectiveValue(at: $0) })
        return outcome.solution(threads: relaxations.count, seconds: monotonicSeconds() - started, options: options)
    }
}

extension BranchAndBound.Outcome {
    /// The outcome as a solver-neutral `Solution`.
    ///
    /// `.optimal` without a point is `.solutionLimit` (the cutoff pruned everything: nothing
    /// beats the known design); a node limit is `.nodeLimit`, not a time limit. An optimal
    /// solve within the default gaps reports its objective as the bound; a stopped search
    /// without a point (time limit, node limit, interruption) reports the open nodes' bound,
    /// and one with a point reports the bound it proved. `rawStatusText` names the status as
    /// lp_solve would (`TIMEOUT`, `NODELIMIT`, …) with the search's counts.
    public func solution(threads: Int, seconds: Double, options: SolveOptions) -> Solution {
        let termination: TerminationStatus
        var text: String
        switch status {
        case .optimal: termination = point == nil ? .solutionLimit : .optimal; text = "OPTIMAL"
        case .infeasible: termination = .infeasible; text = "INFEASIBLE"
        case .unbounded: termination = .unbounded; text = "UNBOUNDED"
        case .timeLimit: termination = .timeLimit; text = "TIMEOUT"
        case .nodeLimit: termination = .nodeLimit; text = "NODELIMIT"
        case .interrupted: termination = .interrupted; text = "USERABORT"
        case let .numericalFailure(reason): termination = .numericalFailure; text = reason
        }
        text += " (best-bound search, \(threads) thread\(threads == 1 ? "" : "s"): \(nodes) nodes, \(lpSolves) LPs, "
            + "\(strongBranchingSolves) strong-branching LPs, \(reducedCostFixings) reduced-cost fixings, "
            + "\(propagationTightenings) root bounds tightened by propagation, \(divingSolves) diving LPs, \(cuts) cuts, \(neighbourhoodNodes) neighbourhood nodes)"
        var solution = Solution(
            termination: termination, primal: point == nil ? .noSolution : .feasiblePoint,
            rawStatus: -100, rawStatusText: text, objective: objective, bestBound: bound,
            values: point ?? [], rootRelaxation: rootRelaxation, nodes: nodes, seconds: seconds)
        solution.cuts = separators
        if let rootLPSeconds { solution.phases.add("root LP", seconds: rootLPSeconds) }
        solution.phases.add("search after the root LP", seconds: seconds - (rootLPSeconds ?? 0))
        let looseGap = (options.relativeGap ?? 0) > 1e-9 || (options.absoluteGap ?? 0) > 1e-11
        if termination == .optimal && !looseGap { solution.bestBound = solution.objective }
        if point == nil { solution.bestBound = [.timeLimit, .nodeLimit, .interrupted].contains(termination) ? bound : nil }
        return solution
    }
}
