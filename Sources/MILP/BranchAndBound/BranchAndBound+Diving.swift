extension TreeSearch {
    /// A dive from the root LP for a design, run once after the root's cut rounds (also when a
    /// start point is known: the dive may find a better one).
    ///
    /// Fractional diving (T. Achterberg, "Constraint Integer Programming", 2007, §9.1): fix
    /// every integer column within 0.1 of an integer (at least the closest one), solve the LP
    /// again, and repeat until the point is integral (a new incumbent), the LP is infeasible
    /// or cannot beat the incumbent, or `settings.divingLPs` LPs are spent.
    ///
    /// The root's bounds and `basis` are put back afterwards; `values` (the root point) is not
    /// touched. Returns a status when the search must stop (time limit or caller).
    func diveFromRoot(basis: R.Basis) -> BranchAndBound.Outcome.Status? {
        guard settings.divingLPs > 0 else { return nil }
        var point = values
        var changed: [Int] = []
        defer {
            for j in changed { restoreBounds(of: j) }
            lp.restore(basis)
        }
        func distance(_ j: Int) -> Double { abs(point[j] - point[j].rounded()) }
        for _ in 0..<settings.divingLPs {
            let fractional = settings.integerColumns.filter { distance($0) > settings.integrality && !changed.contains($0) }
            guard let closest = fractional.min(by: { distance($0) < distance($1) }) else { return nil }
            var chosen = fractional.filter { distance($0) < 0.1 }
            if chosen.isEmpty { chosen = [closest] }
            for j in chosen {
                let now = bounds(of: j)
                let target = min(max(point[j].rounded(), now.lower), now.upper)
                lp.setBounds(column: j, lower: target, upper: target)
                changed.append(j)
            }
            let outcomeOfLP = solveUnlocked(counting: \.divingSolves)
            switch outcomeOfLP {
            case let .optimal(objective):
                let value = sign * objective
                if cannotImprove(value) { return nil }
                lp.values(into: &point)
                if isIntegral(point) {
                    accept(point, value: value)
                    return nil
                }
            case let .stopped(byTime): return byTime ? .timeLimit : .interrupted
            case .infeasible, .unbounded, .failed: return nil
            }
        }
        return nil
    }
}
