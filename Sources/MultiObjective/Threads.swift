import Dispatch
import Foundation
import MILP

/// Runs `body(worker, workers)` on `workers` threads at once and returns when all are done.
/// Each worker loads its own model into the backend (lp_solve serializes creation and deletion
/// inside its shim; solves run in parallel).
func onThreads(_ workers: Int, _ body: @Sendable (_ worker: Int, _ workers: Int) -> Void) {
    let count = max(1, workers)
    if count == 1 { body(0, 1); return }
    DispatchQueue.concurrentPerform(iterations: count) { body($0, count) }
}

/// The number of threads to use when the caller does not say: every core.
public func availableCores() -> Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
