/// One named step of a run, counted and timed (as HiGHS's MIP log names its phases): model
/// build, loads into the solver, the payoff table's LPs and rows, the final model, the deal terms.
/// `solve --verbose` prints them, so that a slow run says where its time went.
public struct SolvePhase: Sendable, Equatable {
    public var name: String
    /// How many times the step ran (loads, LPs, MIPs).
    public var count: Int
    /// Wall time of all of them, seconds.
    public var seconds: Double

    public init(name: String, count: Int = 1, seconds: Double) {
        self.name = name; self.count = count; self.seconds = seconds
    }
}

extension Array where Element == SolvePhase {
    /// Adds `seconds` to the phase called `name` (appended the first time), counting one more run.
    public mutating func add(_ name: String, seconds: Double, count: Int = 1) {
        if let at = firstIndex(where: { $0.name == name }) {
            self[at].count += count; self[at].seconds += seconds
        } else {
            append(SolvePhase(name: name, count: count, seconds: seconds))
        }
    }

    /// Runs `work`, adding its wall time to the phase called `name`.
    public mutating func timed<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let started = monotonicSeconds()
        defer { add(name, seconds: monotonicSeconds() - started) }
        return try work()
    }
}
