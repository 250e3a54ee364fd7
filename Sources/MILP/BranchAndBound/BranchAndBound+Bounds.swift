extension TreeSearch {
    /// The bounds of column `j` in force at the current node.
    func bounds(of j: Int) -> (lower: Double, upper: Double) {
        applied[j] ?? (rootLower[j], rootUpper[j])
    }

    /// Puts the LP at `node`'s bounds (its chain of changes over the root's), changing only
    /// the columns that differ from the node solved before. `false` when the bounds cross.
    func apply(_ node: Node) -> Bool {
        syncCuts()
        if seenRootVersion != shared.rootVersion {
            // Another worker tightened the root: bring this LP's unchanged columns along.
            for j in settings.integerColumns where applied[j] == nil {
                lp.setBounds(column: j, lower: rootLower[j], upper: rootUpper[j])
            }
            seenRootVersion = shared.rootVersion
        }
        var target: [Int: (lower: Double, upper: Double)] = [:]
        var next: Node? = node
        while let current = next {
            for change in current.changes {
                let known = target[change.column] ?? (rootLower[change.column], rootUpper[change.column])
                target[change.column] = (max(known.lower, change.lower), min(known.upper, change.upper))
            }
            next = current.parent
        }
        for (_, b) in target where b.lower > b.upper + 1e-9 { return false }
        for (j, _) in applied where target[j] == nil {
            lp.setBounds(column: j, lower: rootLower[j], upper: rootUpper[j])
        }
        for (j, b) in target {
            let now = applied[j] ?? (rootLower[j], rootUpper[j])
            if now.lower != b.lower || now.upper != b.upper { lp.setBounds(column: j, lower: b.lower, upper: b.upper) }
        }
        applied = target
        return true
    }

    /// Tightens column `j` at `node` (globally at the root) and in the LP.
    func tighten(_ j: Int, lower: Double, upper: Double, at node: Node) {
        if node.parent == nil {
            rootLower[j] = max(rootLower[j], lower); rootUpper[j] = min(rootUpper[j], upper)
            if let local = applied[j] {
                applied[j] = (max(local.lower, rootLower[j]), min(local.upper, rootUpper[j]))
            }
            rootChanged()
        } else {
            node.changes.append(BoundChange(column: j, lower: lower, upper: upper))
            let known = bounds(of: j)
            applied[j] = (max(known.lower, lower), min(known.upper, upper))
        }
        restoreBounds(of: j)
    }

    /// Sets column `j` in this worker's LP to the bounds in force here (the root's, with this
    /// node's changes), after a probe, a dive or a neighbourhood search changed it.
    func restoreBounds(of j: Int) {
        let now = bounds(of: j)
        lp.setBounds(column: j, lower: now.lower, upper: now.upper)
    }

    /// Tightens the root's integer bounds from single rows (`settings.propagator`), globally
    /// and in this worker's LP. `false` when a row cannot hold: the model is infeasible.
    func propagateAtRoot() -> Bool {
        guard let propagator = settings.propagator else { return true }
        var lower = rootLower, upper = rootUpper
        switch propagator.propagate(lower: &lower, upper: &upper, from: nil,
                                    maximumRowVisits: 20 * max(1, propagator.rowCount)) {
        case .infeasible:
            return false
        case let .tightened(columns):
            for j in Set(columns) where lower[j] > rootLower[j] || upper[j] < rootUpper[j] {
                rootLower[j] = lower[j]; rootUpper[j] = upper[j]
                lp.setBounds(column: j, lower: lower[j], upper: upper[j])
                outcome.propagationTightenings += 1
            }
            if !columns.isEmpty { rootChanged() }
            return true
        }
    }

    /// Reduced-cost fixing at a node: moving a column off its bound by one unit costs at least
    /// `|d_j|` of LP bound, so where that takes the bound below the incumbent the column stays
    /// (general integers: within the distance the slack allows).
    func fixByReducedCosts(_ node: Node, value: Double) {
        let slack = value - incumbentValue - tolerance
        for j in settings.integerColumns {
            let d = abs(costs[j])
            guard d > 1e-9 else { continue }
            let (lower, upper) = bounds(of: j)
            guard lower < upper else { continue }
            let x = values[j]
            let reach = slack <= 0 ? 0 : (slack / d).rounded(.down)
            if x <= lower + settings.integrality, lower + reach < upper {
                tighten(j, lower: lower, upper: lower + reach, at: node)
                outcome.reducedCostFixings += 1
            } else if x >= upper - settings.integrality, upper - reach > lower {
                tighten(j, lower: upper - reach, upper: upper, at: node)
                outcome.reducedCostFixings += 1
            }
        }
    }

    /// Reduced-cost fixing with the root LP against a new incumbent: valid in the whole tree.
    func fixRootByReducedCosts() {
        guard let root else { return }
        let slack = root.value - incumbentValue - tolerance
        var changed = false
        for j in settings.integerColumns {
            let d = abs(root.costs[j])
            guard d > 1e-9, rootLower[j] < rootUpper[j] else { continue }
            let x = root.point[j]
            let reach = slack <= 0 ? 0 : (slack / d).rounded(.down)
            var lower = rootLower[j], upper = rootUpper[j]
            // The root LP had the column at a bound (where its reduced cost is a valid rate).
            if abs(x - x.rounded()) > settings.integrality { continue }
            if d > 0, costIsAtLower(x, j) { upper = min(upper, x.rounded() + reach) }
            else if costIsAtUpper(x, j) { lower = max(lower, x.rounded() - reach) }
            guard lower != rootLower[j] || upper != rootUpper[j] else { continue }
            rootLower[j] = lower; rootUpper[j] = upper
            outcome.reducedCostFixings += 1
            let now: (lower: Double, upper: Double)
            if let local = applied[j] {
                now = (max(local.lower, lower), min(local.upper, upper))
                applied[j] = now
            } else { now = (lower, upper) }
            // A crossing here means the current node is beaten; it is pruned when re-judged.
            if now.lower <= now.upper { lp.setBounds(column: j, lower: now.lower, upper: now.upper) }
            changed = true
        }
        if changed { rootChanged() }
    }

    /// Whether the root point has column `j` at its lower bound (of the model or of the root box).
    private func costIsAtLower(_ x: Double, _ j: Int) -> Bool {
        x <= modelLower[j] + settings.integrality || x <= rootLower[j] + settings.integrality
    }

    private func costIsAtUpper(_ x: Double, _ j: Int) -> Bool {
        x >= modelUpper[j] - settings.integrality || x >= rootUpper[j] - settings.integrality
    }

    /// Counts a change of the root bounds; other workers' LPs catch up when they next change
    /// node (`apply`). This worker's LP has it already, unless it was behind before.
    private func rootChanged() {
        let current = seenRootVersion == shared.rootVersion
        shared.rootVersion += 1
        if current { seenRootVersion = shared.rootVersion }
    }

    /// Puts every integer column back at the model's bounds and removes the root cuts.
    func restoreRootBounds() {
        for j in settings.integerColumns { lp.setBounds(column: j, lower: modelLower[j], upper: modelUpper[j]) }
        if seenCuts > 0 { lp.removeCuts() }
    }
}
