import BoardRoom
import Foundation
import Hummingbird
import HummingbirdTesting
import RunHistory
import Scenario
import TestSupport
import LPSolve
import Testing

/// The board room's HTTP API (docs/board-room.md) through Hummingbird's router test client,
/// against the real lp_solve on Scenarios/tiny.yaml.
@Suite("Board room API", .serialized)
struct BoardRoomAPITests {
    static let tiny = TestSupport.scenario("tiny.yaml")

    /// A board room on tiny.yaml with a fresh history file; the caller removes `folder`.
    static func room(history path: String? = nil, capacity: Int = 2) throws -> (BoardRoom, String) {
        let folder = try TestSupport.makeTemporaryDirectory()
        let history = try RunHistory(path: path ?? folder + "/history.sqlite")
        let park = try BoardRoomPark(file: tiny, backend: LPSolver(), timeLimit: 60)
        return (BoardRoom(park: park, history: history, outputFolder: folder + "/out", capacity: capacity), folder)
    }

    static func body(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func number(_ root: [String: Any], _ path: String) -> Double? {
        var current: Any? = root
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return (current as? NSNumber)?.doubleValue
    }

    @Test func parkListsPoliciesAndLeversWithRanges() async throws {
        let (room, folder) = try Self.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            try await client.execute(uri: "/api/park", method: .get) { response in
                #expect(response.status == .ok)
                let root = Self.object(response)
                let policies = (root["policies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(policies == ["baseline", "landfill_tax", "legal_reform", "green_credit", "carbon_price"])
                let levers = root["levers"] as? [[String: Any]] ?? []
                let fee = levers.first { $0["key"] as? String == "resources.fly_ash.disposal_cost" }
                // tiny.yaml: fly ash costs 12 USD/t to landfill, landfill_tax raises it to 30, so the
                // slider runs 0..2×30.
                #expect(fee?["value"] as? Double == 12)
                #expect(fee?["maximum"] as? Double == 60)
                let share = levers.first { $0["key"] as? String == "capex_subsidy" }
                #expect(share?["maximum"] as? Double == 1)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/board.js"))
            }
            try await client.execute(uri: "/api/labels?lang=vi", method: .get) { response in
                #expect(Self.object(response)["accountsHeading"] as? String != Self.object(response)["pinHeading"] as? String)
                #expect(Self.object(response)["pin"] as? String == "Ghim thiết lập này")
            }
        }
    }

    /// The fee lever at 30 gives the same park as the policy that sets it to 30 through the YAML
    /// tree (two independent paths to one scenario), the same NPV, and accounts that add up.
    @Test func leverEqualsPolicyAndAccountsAddUp() async throws {
        let (room, folder) = try Self.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let byLever = try room.park.scenario(for: BoardSetting(overrides: ["resources.fly_ash.disposal_cost": 30]))
        let byPolicy = try Scenario.load(contentsOf: Self.tiny, policy: "landfill_tax").scenario
        #expect(byLever.contentDigest == byPolicy.contentDigest)
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            var npvs: [Double] = []
            for request in [["policies": [], "overrides": ["resources.fly_ash.disposal_cost": 30], "samples": 0] as [String: Any],
                            ["policies": ["landfill_tax"], "overrides": [:] as [String: Double], "samples": 0]] {
                try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(request)) { response in
                    #expect(response.status == .ok)
                    let evaluation = Self.object(response)["evaluation"] as? [String: Any] ?? [:]
                    npvs.append(Self.number(evaluation, "economic.npv") ?? .nan)
                    let a = evaluation["accounts"] as? [String: Any] ?? [:]
                    func account(_ key: String) -> Double { (a[key] as? NSNumber)?.doubleValue ?? .nan }
                    let sum: Double = account("firms") + account("operator") + account("public_budget") + account("externalities")
                    let society: Double = account("society")
                    #expect(abs(sum - society) <= 1e-6 * max(1, abs(sum)))
                    let gains: [Double] = (evaluation["firm_gains"] as? [[String: Any]] ?? []).compactMap { ($0["gain"] as? NSNumber)?.doubleValue }
                    let total: Double = gains.reduce(0, +)
                    let firms: Double = account("firms")
                    #expect(!gains.isEmpty)
                    #expect(abs(total - firms) <= 1e-6 * max(1, abs(total)))
                }
            }
            #expect(npvs.count == 2 && npvs[0] == npvs[1])
            // The status quo judged against itself: every account 0.
            try await client.execute(uri: "/api/evaluate", method: .post, body: Self.body(["policies": [], "overrides": [:], "samples": 16])) { response in
                let evaluation = Self.object(response)["evaluation"] as? [String: Any] ?? [:]
                let a = evaluation["accounts"] as? [String: Any] ?? [:]
                for key in ["firms", "operator", "public_budget", "society"] {
                    #expect(abs((a[key] as? NSNumber)?.doubleValue ?? .nan) < 1e-6, "\(key)")
                }
                #expect(Self.number(evaluation, "risk.samples") == 16)
            }
        }
    }

    @Test func invalidParametersAreRefusedWithTheirName() async throws {
        let (room, folder) = try Self.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(ByteBuffer, String)] = [
            (Self.body(["policies": [], "overrides": ["resources.fly_ash.disposal_cost": 61]]), "outside its range 0.0...60.0"),
            (Self.body(["policies": [], "overrides": ["resources.fly_ash.price": 3]]), "unknown lever 'resources.fly_ash.price'"),
            (Self.body(["policies": ["no_such_policy"], "overrides": [:]]), "unknown policy option 'no_such_policy'"),
            (Self.body(["policies": [], "overrides": ["loan_years": 2.5]]), "loan_years must be a whole number"),
            (Self.body(["policies": [], "overrides": [:], "samples": 5000]), "samples must be 0...1024"),
            (Self.body(["policies": [], "overrides": [:], "lang": "fr"]), "lang must be en or vi"),
            (Self.body(["overrides": [:]]), "the request has no 'policies'"),
        ]
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            for (request, message) in cases {
                try await client.execute(uri: "/api/evaluate", method: .post, body: request) { response in
                    #expect(response.status == .badRequest, "\(message)")
                    #expect((Self.object(response)["error"] as? String ?? "").contains(message), "\(Self.object(response))")
                }
            }
            try await client.execute(uri: "/api/evaluate", method: .post, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
            let large = ByteBuffer(string: "{\"policies\": [], \"overrides\": {}, \"pad\": \"" + String(repeating: "x", count: 20_000) + "\"}")
            try await client.execute(uri: "/api/evaluate", method: .post, body: large) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        #expect(room.solveCount == 0)
    }

    @Test func requestsToAnotherHostAreRefused() async throws {
        let (room, folder) = try Self.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: room.router(allowedHosts: ["127.0.0.1", "localhost"])).test(.router) { client in
            try await client.execute(uri: "/api/park", method: .get, headers: [.init("Host")!: "evil.example:8080"]) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/park", method: .get, headers: [.init("Host")!: "localhost:8080"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A setting solved once is answered from the run history by a new server (empty memory):
    /// no solve, the same run id, the same result.
    @Test func historyIsTheCache() async throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let request = Self.body(["policies": ["green_credit"], "overrides": ["carbon_price": 10], "samples": 0])
        let (room1, f1) = try Self.room(history: path)
        defer { try? FileManager.default.removeItem(atPath: f1) }
        let firstData = try await Application(router: room1.router(allowedHosts: nil)).test(.router) { client in
            let data = try await client.execute(uri: "/api/evaluate", method: .post, body: request) { Data($0.body.readableBytesView) }
            // Asked again of the same server: from its memory, not solved again.
            try await client.execute(uri: "/api/evaluate", method: .post, body: request) { response in
                #expect(Self.object(response)["cached"] as? Bool == true)
            }
            return data
        }
        let first = (try? JSONSerialization.jsonObject(with: firstData)) as? [String: Any] ?? [:]
        let firstRun = first["run"] as? Int
        let firstNPV = Self.number(first["evaluation"] as? [String: Any] ?? [:], "economic.npv")
        #expect(first["cached"] as? Bool == false)
        #expect(room1.solveCount == 1)
        let runs = try RunHistory(path: path).runs(command: "serve")
        #expect(runs.count == 1)
        #expect(runs.first?.overrides.contains("carbon_price=10") == true)
        #expect(runs.first?.headline.contains { $0.name == "park NPV" } == true)
        let (room2, f2) = try Self.room(history: path)
        defer { try? FileManager.default.removeItem(atPath: f2) }
        let started = Date()
        try await Application(router: room2.router(allowedHosts: nil)).test(.router) { client in
            try await client.execute(uri: "/api/evaluate", method: .post, body: request) { response in
                let second = Self.object(response)
                #expect(second["cached"] as? Bool == true)
                #expect(second["run"] as? Int == firstRun)
                #expect(firstRun != nil)
                #expect(Self.number(second["evaluation"] as? [String: Any] ?? [:], "economic.npv") == firstNPV)
            }
        }
        #expect(room2.solveCount == 0)
        #expect(Date().timeIntervalSince(started) < TestSupport.timeBound(5))
    }

    /// Clients at once, each its own session and setting: all answered, never more solves at
    /// once than the queue's capacity.
    @Test func concurrentClients() async throws {
        let (room, folder) = try Self.room(capacity: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fees: [Double] = [5, 10, 15, 20, 25, 35]
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            try await withThrowingTaskGroup(of: (Double, Int, Double?).self) { group in
                for (i, fee) in fees.enumerated() {
                    group.addTask {
                        let body = Self.body(["policies": [], "overrides": ["resources.fly_ash.disposal_cost": fee], "samples": 0, "session": "client-\(i)"])
                        return try await client.execute(uri: "/api/evaluate", method: .post, body: body) { response in
                            (fee, Int(response.status.code), Self.number(Self.object(response)["evaluation"] as? [String: Any] ?? [:], "economic.npv"))
                        }
                    }
                }
                var answered: [Double: Double] = [:]
                for try await (fee, code, npv) in group {
                    #expect(code == 200, "fee \(fee)")
                    answered[fee] = npv
                }
                #expect(answered.count == fees.count)
            }
        }
        #expect(await room.queue.peak <= 2)
        #expect(room.solveCount == fees.count)
    }
}
