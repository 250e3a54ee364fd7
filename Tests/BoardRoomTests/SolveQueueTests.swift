import BoardRoom
import Foundation
import Hummingbird
import HummingbirdTesting
import RunHistory
import TestSupport
import LPSolve
import Testing

/// Solves off the request path: a newer evaluation of a session stops the older one, waiting
/// or running, and no more than `capacity` run at once.
@Suite("Board room solve queue")
struct SolveQueueTests {
    /// Work that runs until its flag is raised (at most 30 s), polling like lp_solve's
    /// `shouldStop`; returns how long it ran.
    static func stoppable(_ flag: StopFlag) -> @Sendable () -> Double {
        {
            let started = Date()
            while !flag.isRaised && Date().timeIntervalSince(started) < 30 { usleep(2_000) }
            return Date().timeIntervalSince(started)
        }
    }

    /// The server stopping (`stopAll()`, on SIGINT or SIGTERM): the running work stops at its
    /// next check, the waiting one never starts, and a flag given afterwards is raised from the
    /// start, so the graceful shutdown waits for no solve or refinement.
    @Test func stoppingTheServerStopsEverySolve() async throws {
        let queue = SolveQueue(capacity: 1)
        let first = await queue.begin(session: "a"), second = await queue.begin(session: "b")
        // Work that runs until its flag is raised (at most 120 s) and says whether the flag
        // stopped it: no figure here depends on how fast a loaded machine runs the test.
        func untilRaised(_ flag: StopFlag) -> @Sendable () -> Bool {
            {
                let started = Date()
                while !flag.isRaised && Date().timeIntervalSince(started) < 120 { usleep(2_000) }
                return flag.isRaised
            }
        }
        let running = Task { try await queue.run(first, untilRaised(first)) }
        try await Self.waitUntil("the first to run") { await queue.busy == 1 }
        let waiting = Task { try await queue.run(second, untilRaised(second)) }
        try await Self.waitUntil("the second to wait") { await queue.queued == 1 }
        #expect(!first.isRaised && !second.isRaised)
        queue.stopAll()
        #expect(try await running.value == true, "the running work stopped at its next check, by its flag")
        #expect(try await waiting.value == nil, "the waiting work never started")
        #expect(await queue.begin(session: "c").isRaised)
    }

    @Test func aNewerEvaluationStopsTheRunningOne() async throws {
        let queue = SolveQueue(capacity: 1)
        let first = await queue.begin(session: "page")
        let running = Task { try await queue.run(first, Self.stoppable(first)) }
        while await queue.busy == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let second = await queue.begin(session: "page")
        #expect(first.isRaised)
        #expect(!second.isRaised)
        let ran = try await running.value
        // It stopped when superseded, long before its 30 s.
        #expect((ran ?? 99) < TestSupport.timeBound(5))
        #expect(await queue.superseded == 1)
    }

    @Test func aWaitingEvaluationThatIsSupersededNeverRuns() async throws {
        let queue = SolveQueue(capacity: 1)
        let blocker = await queue.begin(session: "other")
        let busy = Task { try await queue.run(blocker, Self.stoppable(blocker)) }
        while await queue.busy == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let old = await queue.begin(session: "page")
        let started = Task { try await queue.run(old) { () -> Double in Issue.record("a superseded evaluation ran"); return 0 } }
        try await Task.sleep(for: .milliseconds(50))
        _ = await queue.begin(session: "page")
        blocker.raise()
        _ = try await busy.value
        #expect(try await started.value == nil)
    }

    @Test func atMostCapacityRunAtOnce() async throws {
        let queue = SolveQueue(capacity: 2)
        let counter = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask {
                    let flag = await queue.begin(session: "s\(i)")
                    _ = try await queue.run(flag) { () -> Int in
                        counter.enter(); usleep(30_000); counter.leave(); return i
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counter.peak == 2)
        #expect(await queue.peak == 2)
    }

    /// Polls `condition` every 5 ms for up to 60 s; fails the test (never hangs) past that.
    static func waitUntil(_ what: String, _ condition: @Sendable () async -> Bool) async throws {
        let deadline = Date().addingTimeInterval(60)
        while !(await condition()) {
            try #require(Date() < deadline, "waited 60 s for \(what)")
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    static func body(_ fee: Double, _ session: String) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: [
            "policies": [], "overrides": ["carbon_price": fee], "samples": 0, "session": session] as [String: Any]))
    }

    /// Over HTTP with the real solver: while the one core is held (a work item that waits on a
    /// gate, so nothing depends on how long a solve takes), a page's first request waits, its
    /// second supersedes it (409), and the second is answered once the core is free. Every wait
    /// is bounded, so a broken queue fails the test instead of hanging the suite.
    @Test func supersededEvaluationAnswers409() async throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let park = try BoardRoomPark(file: TestSupport.scenario("hiep-phuoc.yaml"), backend: LPSolver(), timeLimit: 60)
        let room = BoardRoom(park: park, history: nil, outputFolder: folder, capacity: 1)
        let gate = DispatchSemaphore(value: 0)
        let hold = Task { try await room.queue.run(StopFlag()) { gate.wait() } }
        try await Self.waitUntil("the core to be held") { await room.queue.busy == 1 }
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            let older = Task { try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(50, "page")) { $0.status.code } }
            try await Self.waitUntil("the older request to be queued") { await room.queue.queued == 1 }
            let newer = Task { try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(60, "page")) { $0.status.code } }
            try await Self.waitUntil("the newer request to be queued") { await room.queue.queued == 2 }
            gate.signal()
            #expect(try await older.value == 409)
            #expect(try await newer.value == 200)
        }
        _ = try await hold.value
        #expect(await room.queue.superseded == 1)
    }
}

/// Counts work running at once.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var peak = 0
    func enter() { lock.lock(); now += 1; peak = max(peak, now); lock.unlock() }
    func leave() { lock.lock(); now -= 1; lock.unlock() }
}
