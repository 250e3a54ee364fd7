extension TreeSearch {
    /// A small search around the incumbent, run once at the root after the dive: relaxation
    /// induced neighbourhood search (RINS; E. Danna, E. Rothberg & C. Le Pape, "Exploring
    /// relaxation induced neighborhoods to improve MIP solutions", Math. Programming 102, 2005).
    ///
    /// Every integer column on which the root LP point (cuts included) and the incumbent agree
    /// is fixed there; a branch and bound of at most `settings.neighbourhoodNodes` nodes, on
    /// this worker's LP and started from the incumbent, looks for a better design among the
    /// rest. A better one becomes the incumbent, which lets root reduced-cost fixing and the
    /// remaining cut rounds close more of the gap. Skipped when the root is within
    /// `neighbourhoodGap` of the incumbent (the dive found a good design: hiep-phuoc's EIP
    /// package rows), or when under 30 % of the free integer columns agree (the neighbourhood
    /// would be most of the tree).
    ///
    /// The root's bounds and `basis` are put back afterwards; `values` is not touched. Returns
    /// a status when the search must stop (time limit or caller).
    func searchNeighbourhood(basis: R.Basis, rootValue: Double) -> BranchAndBound.Outcome.Status? {
        guard settings.neighbourhoodNodes > 0, let incumbent,
              rootValue - incumbentValue > Self.neighbourhoodGap * max(1, abs(incumbentValue)) else { return nil }
        var lower = [Double](repeating: 0, count: values.count), upper = lower
        for j in values.indices { (lower[j], upper[j]) = bounds(of: j) }
        var free = 0, fixed = 0
        for j in settings.integerColumns where lower[j] < upper[j] {
            free += 1
            guard abs(values[j] - incumbent[j]) <= settings.integrality else { continue }
            let value = min(max(incumbent[j].rounded(), lower[j]), upper[j])
            lower[j] = value; upper[j] = value
            fixed += 1
        }
        guard fixed < free, Double(fixed) >= 0.3 * Double(free) else { return nil }

        var neighbourhood = BranchAndBound(integerColumns: settings.integerColumns, sense: settings.sense)
        neighbourhood.relativeGap = settings.relativeGap
        neighbourhood.absoluteGap = settings.absoluteGap
        neighbourhood.integrality = settings.integrality
        neighbourhood.deadline = settings.deadline
        neighbourhood.shouldStop = settings.shouldStop
        neighbourhood.start = incumbent
        // No dive and few strong-branching LPs: the neighbourhood is small, its LPs are not.
        neighbourhood.divingLPs = 0
        neighbourhood.strongCandidates = 2
        neighbourhood.neighbourhoodNodes = 0
        neighbourhood.nodeLimit = settings.neighbourhoodNodes
        neighbourhood.maximumStoredBases = settings.maximumStoredBases
        let found = neighbourhood.run(lp, lower: lower, upper: upper, objective: objective)
        for j in settings.integerColumns { restoreBounds(of: j) }
        lp.restore(basis)
        outcome.lpSolves += found.lpSolves
        outcome.neighbourhoodNodes += found.nodes
        if let point = found.point, let value = found.objective { accept(point, value: sign * value) }
        switch found.status {
        case .interrupted: return .interrupted
        case .timeLimit: return .timeLimit
        default: return nil
        }
    }

    /// Relative gap between the root bound and the incumbent below which no neighbourhood
    /// search is run.
    static var neighbourhoodGap: Double { 0.01 }
}
