extension TreeSearch {
    /// One round of cut separation at the root point (`values`): the violated cuts go into
    /// this LP and `shared.cuts`. `true` when cuts were added (the root is then solved again).
    /// Each separator's calls, cuts and time are counted in `outcome.separators`.
    func separateCuts() -> Bool {
        guard !settings.separators.isEmpty, cutRounds < settings.cutRounds else { return false }
        // Half of the time left after the root LP at most, so that the dive has the rest.
        if let deadline = settings.deadline, let solvedAt = rootSolvedAt,
           monotonicSeconds() - solvedAt >= (deadline - solvedAt) / 2 { return false }
        cutRounds += 1
        var cuts: [Cut] = []
        for (index, separator) in settings.separators.enumerated() {
            let started = monotonicSeconds()
            let found = separator.separate(point: values, lower: rootLower, upper: rootUpper)
            outcome.separators[index].calls += 1
            outcome.separators[index].cuts += found.count
            outcome.separators[index].seconds += monotonicSeconds() - started
            cuts += found
        }
        guard !cuts.isEmpty else { return false }
        // Only the worker solving the root adds cuts, so its LP has every earlier one.
        shared.cuts += cuts
        lp.addCuts(cuts)
        seenCuts = shared.cuts.count
        outcome.cuts += cuts.count
        return true
    }

    /// Adds to this worker's LP the root cuts it does not have yet.
    func syncCuts() {
        guard seenCuts < shared.cuts.count else { return }
        lp.addCuts(Array(shared.cuts[seenCuts...]))
        seenCuts = shared.cuts.count
    }
}
