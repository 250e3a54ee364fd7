extension SolveOptions {
    /// These options with the time left before `deadline` (monotonic seconds, see
    /// `monotonicSeconds()`) as the time limit, at least 0.05 s so that a late solve still
    /// returns what it has; unchanged without a deadline.
    public func until(_ deadline: Double?) -> SolveOptions {
        guard let deadline else { return self }
        var adjusted = self
        adjusted.timeLimit = max(0.05, deadline - monotonicSeconds())
        return adjusted
    }
}
