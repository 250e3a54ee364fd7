import Foundation
import Synchronization

/// A flag a solve polls through `SolveOptions.shouldStop`: raised when a newer evaluation of
/// the same session supersedes it, or when the server stops.
///
/// Identical evaluations share one solve: the later ones `join` the first's flag, which then
/// counts as raised only once its own and every joined flag are (the solve stops when no one
/// waits for it any more). A flag with a `parent` (the queue's `shutdown`) is raised too when
/// its parent is: the server stopping stops every solve at once.
public final class StopFlag: Sendable {
    private let raised = Mutex(false)
    private let joined = Mutex<[StopFlag]>([])
    private let parent: StopFlag?
    public init(parent: StopFlag? = nil) { self.parent = parent }
    public func raise() { raised.withLock { $0 = true } }
    /// Another evaluation waits on the work this flag stops.
    public func join(_ other: StopFlag) { joined.withLock { $0.append(other) } }
    public var isRaised: Bool {
        if parent?.isRaised == true { return true }
        return raised.withLock { $0 } && joined.withLock { $0 }.allSatisfy(\.isRaised)
    }
}

/// Runs solves off the request path, at most `capacity` at once (one per core), each on a
/// thread of its own so that the server's event loops never wait on lp_solve. A session
/// (one open page) has at most one evaluation that counts: a new one raises the previous one's
/// `StopFlag`, so a solve still waiting for a core is dropped and a running one stops at
/// lp_solve's next check.
public actor SolveQueue {
    public let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var latest: [String: StopFlag] = [:]
    /// Evaluations superseded so far (for tests and the log).
    public private(set) var superseded = 0
    /// Raised when the server stops (SIGINT, SIGTERM): every flag `begin` gives is raised with it,
    /// so that running solves and Monte Carlo refinements stop at their next check and waiting
    /// ones never start (`stopAll()`).
    public nonisolated let shutdown = StopFlag()

    public init(capacity: Int = ProcessInfo.processInfo.activeProcessorCount) { self.capacity = max(1, capacity) }

    /// Registers a new evaluation of `session` and supersedes the session's previous one.
    public func begin(session: String?) -> StopFlag {
        let flag = StopFlag(parent: shutdown)
        guard let session else { return flag }
        if let previous = latest[session] { previous.raise(); superseded += 1 }
        latest[session] = flag
        return flag
    }

    /// Stops every solve, running or waiting, for good: the server is stopping.
    public nonisolated func stopAll() { shutdown.raise() }

    /// Solves now running, and the most that ever ran at once.
    public var busy: Int { running }
    /// Evaluations waiting for a core.
    public var queued: Int { waiting.count }
    public private(set) var peak = 0

    private func acquire() async {
        if running < capacity { running += 1; peak = max(peak, running); return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `work` on its own thread once a core is free; nil when `flag` was raised before it
    /// started.
    public func run<T: Sendable>(_ flag: StopFlag, _ work: @escaping @Sendable () throws -> T) async throws -> T? {
        await acquire()
        defer { release() }
        if flag.isRaised { return nil }
        return try await withCheckedThrowingContinuation { continuation in
            // lp_solve's branch and bound recurses: a thread with a generous stack.
            let thread = Thread {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
    }
}
