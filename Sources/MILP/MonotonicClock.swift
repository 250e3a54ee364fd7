import Dispatch

/// Monotonic seconds (a wall-clock change does not move deadlines): the one clock every
/// time limit and deadline is measured with.
public func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }
