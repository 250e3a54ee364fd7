import Foundation

/// A value shared by worker threads behind a pthread mutex (`NSLock`).
///
/// Used instead of `Synchronization.Mutex`: on Linux that one waits on a futex directly, which
/// ThreadSanitizer does not see as a lock, so every access it guards was reported as a race
/// (docs/robustness.md, *Sanitizers*). `NSLock` is a `pthread_mutex_t`, which it understands.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
