extension TreeSearch {
    enum Choice {
        /// Both directions of some column are beaten: the node is done.
        case prune
        /// Strong branching fixed a column at this node: solve its LP again.
        case resolve
        case stopped(BranchAndBound.Outcome.Status)
        /// Branch on a column, with the children's LP values when strong branching found them.
        case column(Int, down: Double?, up: Double?)
    }

    /// Reliability branching: candidates ranked by pseudo-cost score (product rule, unknown
    /// pseudo-costs replaced by the averages); unreliable ones are strong-branched in that order
    /// until `strongCandidates` are done or four in a row fail to improve the best score.
    func chooseColumn(_ fractional: [Int], node: Node, value: Double, basis: R.Basis) -> Choice {
        let averageDown = average(downSum, downCount), averageUp = average(upSum, upCount)
        func pseudoScore(_ j: Int) -> Double {
            let x = values[j]
            let down = (downCount[j] > 0 ? downSum[j] / Double(downCount[j]) : averageDown) * (x - x.rounded(.down))
            let up = (upCount[j] > 0 ? upSum[j] / Double(upCount[j]) : averageUp) * (x.rounded(.up) - x)
            return max(down, 1e-6) * max(up, 1e-6)
        }
        let ranked = fractional.map { ($0, pseudoScore($0)) }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        var best: (column: Int, score: Double, down: Double?, up: Double?) = (ranked[0].0, -1, nil, nil)
        var strongDone = 0, withoutGain = 0
        // Until a first incumbent exists, plunges below the top levels branch on pseudo-costs
        // alone: a quick dive to a feasible point matters more than a small tree.
        let strongLimit = incumbentValue.isFinite || node.depth < settings.strongDepthWithoutIncumbent ? settings.strongCandidates : 0
        for (j, score) in ranked {
            let reliable = downCount[j] >= settings.reliability && upCount[j] >= settings.reliability
            if reliable || strongDone >= strongLimit || withoutGain >= 4 {
                if score > best.score { best = (j, score, nil, nil) }
                continue
            }
            strongDone += 1
            let probe = strongBranch(j, basis: basis)
            if let status = probe.stopped { return .stopped(status) }
            let downBeaten = probe.down.map(cannotImprove) ?? true
            let upBeaten = probe.up.map(cannotImprove) ?? true
            let x = values[j]
            let (lower, upper) = bounds(of: j)
            if downBeaten && upBeaten { return .prune }
            if downBeaten { tighten(j, lower: x.rounded(.up), upper: upper, at: node); return .resolve }
            if upBeaten { tighten(j, lower: lower, upper: x.rounded(.down), at: node); return .resolve }
            let downLoss = max(0, value - probe.down!), upLoss = max(0, value - probe.up!)
            downSum[j] += downLoss / max(1e-9, x - x.rounded(.down)); downCount[j] += 1
            upSum[j] += upLoss / max(1e-9, x.rounded(.up) - x); upCount[j] += 1
            let strongScore = max(downLoss, 1e-6) * max(upLoss, 1e-6)
            if strongScore > best.score {
                best = (j, strongScore, probe.down, probe.up)
                withoutGain = 0
            } else {
                withoutGain += 1
            }
        }
        return .column(best.column, down: best.down, up: best.up)
    }

    private func average(_ sums: [Double], _ counts: [Int]) -> Double {
        var total = 0.0, n = 0
        for j in settings.integerColumns where counts[j] > 0 { total += sums[j] / Double(counts[j]); n += 1 }
        return n > 0 ? total / Double(n) : 1
    }

    /// Solves both children of column `j` from the node's basis, then puts the LP back.
    /// A child LP with an integral point becomes an incumbent candidate.
    func strongBranch(_ j: Int, basis: R.Basis) -> (down: Double?, up: Double?, stopped: BranchAndBound.Outcome.Status?) {
        let x = values[j]
        let (lower, upper) = bounds(of: j)
        var results: [Double?] = []
        for (lo, up) in [(lower, x.rounded(.down)), (x.rounded(.up), upper)] {
            lp.setBounds(column: j, lower: lo, upper: up)
            let result = solveUnlocked(counting: \.strongBranchingSolves)
            switch result {
            case let .optimal(objective):
                let child = sign * objective
                results.append(child)
                if !cannotImprove(child) {
                    var point = [Double](repeating: 0, count: values.count)
                    lp.values(into: &point)
                    if isIntegral(point) {
                        accept(point, value: child)
                    }
                }
            case .infeasible: results.append(nil)
            case let .stopped(byTime):
                lp.setBounds(column: j, lower: lower, upper: upper)
                lp.restore(basis)
                return (nil, nil, byTime ? .timeLimit : .interrupted)
            case .unbounded, .failed:
                // Cannot judge this direction: treat it as unexplored (no pruning, no estimate).
                results.append(.infinity)
            }
            lp.restore(basis)
        }
        restoreBounds(of: j)
        lp.restore(basis)
        return (results[0], results[1], nil)
    }

    /// The outcome once every worker has returned.
    func finish() -> BranchAndBound.Outcome {
        var result = outcome
        let open = ([queue.bestBound ?? -.infinity, unjudgedBound] + shared.unfinished).max()!
        if let stopped = shared.stopped {
            result.status = stopped
        } else if result.status == .unbounded {
            // Kept from the root.
        } else if let failure, unjudgedBound > incumbentValue + tolerance {
            result.status = .numericalFailure(failure)
        } else if incumbent != nil || settings.cutoff != nil {
            result.status = .optimal
        } else {
            result.status = .infeasible
        }
        if let incumbent {
            result.point = incumbent
            result.objective = objective(incumbent)
        }
        // Subtrees dropped within a requested gap still bound the optimum.
        let bound = max(open, incumbentValue, withinGapBound)
        result.bound = bound.isFinite ? sign * bound : nil
        return result
    }
}
