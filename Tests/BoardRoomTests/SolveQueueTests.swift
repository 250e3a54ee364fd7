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

    static func body(_ fee: Double, _ session: String) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: [
            "policies": [], "overrides": ["carbon_price": fee], "samples": 0, "session": session] as [String: Any]))
    }

    /// Over HTTP with the real solver: while hiep-phuoc is being solved for one page (one core),
    /// a page's first request waits, its second supersedes it (409), and the second is answered.
    @Test func supersededEvaluationAnswers409() async throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let park = try BoardRoomPark(file: TestSupport.scenario("hiep-phuoc.yaml"), backend: LPSolver(), timeLimit: 60)
        let room = BoardRoom(park: park, history: nil, outputFolder: folder, capacity: 1)
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            let long = Task { try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(40, "other")) { $0.status.code } }
            while await room.queue.busy == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let older = Task { try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(50, "page")) { $0.status.code } }
            // The older request must be registered and waiting before the newer one is sent.
            while await room.queue.queued == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let newer = Task { try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(60, "page")) { $0.status.code } }
            #expect(try await older.value == 409)
            #expect(try await newer.value == 200)
            #expect(try await long.value == 200)
        }
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
