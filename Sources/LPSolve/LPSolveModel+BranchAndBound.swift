import MILP

extension LPSolveModel {
    /// Whether `solve` hands the loaded model to `searchBestBound` under `options`: a MIP, the
    /// best-bound search asked for, and no presolve (which lp_solve applies for good).
    public func usesBestBoundSearch(_ options: SolveOptions) -> Bool {
        model.isMIP && options.search == .bestBound && !options.presolve
    }

    /// Solves the loaded MIP with `BranchAndBound` around lp_solve's LP relaxations, from
    /// `start` (a feasible point) when given.
    ///
    /// The search, its cut separators and the reading of its outcome are MILP's
    /// (`BranchAndBound(model:options:start:)`, `BranchAndBound.solve`); this supplies one
    /// `LPSolveRelaxation` per thread. The integer markers and column bounds are put back
    /// afterwards, so the model can be solved again either way. The bound reported is the
    /// search's own (open nodes' best), so a time- or node-limited answer carries a true gap,
    /// unlike lp_solve's depth-first search.
    public func searchBestBound(options: SolveOptions, start: [Double]?) throws(SolverError) -> Solution {
        if stoppedBefore && options.isLate { return lateAnswer(start: start) }
        reloadSeconds = 0
        try reloadIfStopped()
        let model = self.model
        let integers = model.variables.indices.filter { model.variables[$0].isInteger }
        let started = monotonicSeconds()
        // One lprec per thread: this one and fresh loads of the same model (bounds included).
        var copies: [LPSolveModel] = []
        for _ in 1..<max(1, options.threads) {
            guard let copy = try? LPSolveModel(model) else { break }
            copies.append(copy)
        }
        let relaxations = ([self] + copies).map { loaded in
            loaded.prepareRelaxation(integers: integers, options: options, basis: rootBasis)
            return LPSolveRelaxation(loaded.lp, monitor: SolveMonitor(timeLimit: options.timeLimit, shouldStop: options.shouldStop))
        }
        defer {
            for j in integers { _ = LPLib.setInteger(lp, column: Int32(j + 1), true) }
            LPLib.resetBasis(lp)
            if let basis = relaxations[0].firstBasis { rootBasis = basis }
            // A stopped or failed LP leaves the lprec unusable for the next solve: load anew then.
            // So does one whose cut rows could not all be removed.
            if relaxations[0].interrupted || LPLib.rows(lp) != model.constraintCount { stoppedBefore = true }
        }
        solvedBefore = true
        let search = BranchAndBound(model: model, options: options, start: start)
        var solution = search.solve(model, on: relaxations, options: options, started: started)
        if reloadSeconds > 0 { solution.phases.insert(SolvePhase(name: "reload after a stopped solve", seconds: reloadSeconds), at: 0) }
        return solution
    }

    /// Silences the lprec, turns presolve and lp_solve's timer off, marks the integer columns
    /// continuous and starts from `basis` (an earlier search's root basis on the same rows and
    /// columns), or else from the default basis.
    fileprivate func prepareRelaxation(integers: [Int], options: SolveOptions, basis: [Int32]?) {
        LPLib.setVerbose(lp, options.verbose)
        if !options.verbose { LPLib.silence(lp) }
        // No PRESOLVE_SENSDUALS: its sensitivity ranging made each LP ~30 times slower on
        // hiep-phuoc; the duals alone are built on demand by `get_dual_solution`.
        LPLib.setPresolve(lp, mode: 0)
        LPLib.setTimeout(lp, seconds: 0)
        for j in integers { _ = LPLib.setInteger(lp, column: Int32(j + 1), false) }
        LPLib.resetBasis(lp)
        if let basis, basis.count == 1 + LPLib.rows(lp) + LPLib.columns(lp) { _ = LPLib.setBasis(lp, basis) }
    }
}
