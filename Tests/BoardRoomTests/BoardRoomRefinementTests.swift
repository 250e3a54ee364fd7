import BoardRoom
import Foundation
import Hummingbird
import HummingbirdTesting
import LPSolve
import Scenario
import TestSupport
import Testing

/// The risk refined while the page stays on a setting, identical settings solved once, and
/// permits' status as a lever (docs/board-room.md).
@Suite("Board room refinement, coalescing, permits", .serialized)
struct BoardRoomRefinementTests {
    static func evaluate(_ client: some TestClientProtocol, _ request: [String: Any]) async throws -> (Int, [String: Any]) {
        try await client.execute(uri: "/api/evaluate", method: .post, body: BoardRoomAPITests.body(request)) { response in
            (Int(response.status.code), BoardRoomAPITests.object(response))
        }
    }

    /// The page's first two steps (32, then 256 samples; 1,024 is the third) on one setting: one
    /// solve, the same design at every step, each step's risk on its own sample count; the
    /// Vietnamese page's answer too comes from the same solve.
    @Test func refinementSolvesOnceAndCountsItsSamples() async throws {
        let (room, folder) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(BoardRoom.sampleSteps == [32, 256, 1024])
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            var npvs: [Double] = []
            for (samples, lang) in [(32, "en"), (256, "en"), (32, "vi")] {
                let (code, root) = try await Self.evaluate(client, ["policies": ["legal_reform"], "overrides": [:] as [String: Double],
                                                                    "samples": samples, "lang": lang, "session": "page"])
                #expect(code == 200)
                let evaluation = root["evaluation"] as? [String: Any] ?? [:]
                #expect(BoardRoomAPITests.number(evaluation, "risk.samples") == Double(samples))
                #expect(BoardRoomAPITests.number(evaluation, "risk.npv.p10") != nil)
                npvs.append(BoardRoomAPITests.number(evaluation, "economic.npv") ?? .nan)
            }
            #expect(Set(npvs).count == 1 && npvs[0] != 0, "\(npvs)")
        }
        #expect(room.solveCount == 1)
    }

    /// Two pages ask the same new setting at the same moment: while the one core is held (a
    /// gated work item), the first waits for the core and the second for the first's answer;
    /// one solve, one run, both answered.
    @Test func identicalSettingsAtTheSameMomentAreSolvedOnce() async throws {
        let (room, folder) = try BoardRoomAPITests.room(capacity: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gate = DispatchSemaphore(value: 0)
        let hold = Task { try await room.queue.run(StopFlag()) { gate.wait() } }
        try await SolveQueueTests.waitUntil("the core to be held") { await room.queue.busy == 1 }
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            let ask = { (session: String) in
                Task { () -> (Int, Int?) in
                    let (code, root) = try await Self.evaluate(client, ["policies": ["green_credit"], "overrides": ["carbon_price": 40],
                                                                        "samples": 0, "session": session])
                    return (code, root["run"] as? Int)
                }
            }
            let first = ask("page-a")
            try await SolveQueueTests.waitUntil("the first request to be queued") { await room.queue.queued == 1 }
            let second = ask("page-b")
            try await SolveQueueTests.waitUntil("the second request to wait for the first") { room.coalescedCount == 1 }
            #expect(await room.queue.queued == 1, "the second waits for the first's answer, not for a core")
            gate.signal()
            let (a, b) = (try await first.value, try await second.value)
            #expect(a.0 == 200 && b.0 == 200)
            #expect(a.1 != nil && a.1 == b.1, "one run recorded, both answered with it")
        }
        _ = try await hold.value
        #expect(room.solveCount == 1)
    }

    /// A permit's status is a lever (0 forbidden, 1 conditional, 2 allowed), validated like the
    /// others. tiny.yaml's legal_reform makes `waste_as_material` conditional with a cost of
    /// 20,000 and a delay of 1 year through the YAML tree; the three levers at those values give
    /// the same park (the same content digest) and the same NPV.
    @Test func permitStatusIsALever() async throws {
        let (room, folder) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let status = try #require(room.park.levers.first { $0.key == "permits.waste_as_material.status" })
        #expect(status.value == 0 && status.minimum == 0 && status.maximum == 2 && status.integer)
        #expect(status.choices?.map(\.label) == ["forbidden", "conditional (its cost and delay apply)", "allowed"])
        let levers: [String: Double] = ["permits.waste_as_material.status": 1, "permits.waste_as_material.cost": 20_000,
                                        "permits.waste_as_material.delay_years": 1]
        let byLevers = try room.park.scenario(for: BoardSetting(overrides: levers))
        let byPolicy = try Scenario.load(contentsOf: BoardRoomAPITests.tiny, policy: "legal_reform").scenario
        #expect(byLevers.contentDigest == byPolicy.contentDigest)
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            let (_, leverRoot) = try await Self.evaluate(client, ["policies": [], "overrides": levers, "samples": 0])
            let (_, policyRoot) = try await Self.evaluate(client, ["policies": ["legal_reform"], "overrides": [:] as [String: Double], "samples": 0])
            let lever = BoardRoomAPITests.number(leverRoot["evaluation"] as? [String: Any] ?? [:], "economic.npv")
            let policy = BoardRoomAPITests.number(policyRoot["evaluation"] as? [String: Any] ?? [:], "economic.npv")
            #expect(lever != nil && lever == policy)
            #expect((leverRoot["evaluation"] as? [String: Any])?["levers"].flatMap { ($0 as? [String: Any])?["permits.waste_as_material.status"] as? Double } == 1)
            for (value, message) in [(3.0, "outside its range 0.0...2.0"), (1.5, "must be a whole number")] {
                let (code, root) = try await Self.evaluate(client, ["policies": [], "overrides": ["permits.waste_as_material.status": value]])
                #expect(code == 400 && (root["error"] as? String ?? "").contains(message), "\(root)")
            }
        }
    }
}
