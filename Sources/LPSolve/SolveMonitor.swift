import Foundation
import MILP

/// What lp_solve's abort callback consults while a solve runs: a deadline and the
/// caller's stop request. Passed to C as an unretained pointer for the solve's duration.
final class SolveMonitor {
    let deadline: Double?
    let shouldStop: (@Sendable () -> Bool)?
    private(set) var stoppedForTime = false
    private(set) var stoppedByCaller = false
    private var polls = 0

    init(timeLimit: Double?, shouldStop: (@Sendable () -> Bool)?) {
        deadline = timeLimit.map { monotonicSeconds() + $0 }
        self.shouldStop = shouldStop
    }

    /// Whether the solve should stop now.
    func poll() -> Bool {
        polls &+= 1
        if let deadline, monotonicSeconds() >= deadline {
            stoppedForTime = true
            return true
        }
        if let shouldStop, polls % 16 == 0, shouldStop() {
            stoppedByCaller = true
            return true
        }
        return false
    }

    /// The C callback: `int abortfunc(lprec *lp, void *userhandle)`, nonzero to abort.
    static let callback: @convention(c) (LPLib.Handle?, UnsafeMutableRawPointer?) -> Int32 = { _, context in
        guard let context else { return 0 }
        return Unmanaged<SolveMonitor>.fromOpaque(context).takeUnretainedValue().poll() ? 1 : 0
    }
}
