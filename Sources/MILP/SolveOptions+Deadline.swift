extension SolveOptions {
    /// These options with the time left before `deadline` (monotonic seconds, see
    /// `monotonicSeconds()`) as the time limit, at least 0.05 s so that a late solve still
    /// returns what it has (`lateLimit`); unchanged without a deadline.
    public func until(_ deadline: Double?) -> SolveOptions {
        guard let deadline else { return self }
        var adjusted = self
        adjusted.timeLimit = max(Self.lateLimit, deadline - monotonicSeconds())
        return adjusted
    }

    /// The time limit `until` gives a solve whose deadline has passed (seconds).
    public static let lateLimit = 0.05

    /// Whether these options are those of a solve whose deadline has passed (`until` gave it
    /// `lateLimit` or less): a backend may then answer from what it has instead of loading a
    /// model anew, which on a large park takes longer than the whole limit's slack.
    public var isLate: Bool { timeLimit.map { $0 <= Self.lateLimit } ?? false }
}
