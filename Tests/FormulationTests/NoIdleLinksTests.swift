import Analysis
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Issue 18: no link is built to carry nothing. Every built link carries at least
/// `min_utilization` of its tight bound in each year it (and the facilities at its ends)
/// operates, on every policy of the shipped scenarios and on small generated parks.
@Suite("No idle links")
struct NoIdleLinksTests {
    /// Each design's built links: flow in every operating year with a positive bound, at least
    /// the floor's share of it.
    func checkNoIdleLinks(_ scenario: Scenario, timeLimit: Double = 60,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var options = ParkOptimizer.defaultOptions
        options.timeLimit = timeLimit
        let result = try ParkOptimizer(backend: LPSolver(), options: options).optimize(scenario)
        let design = try #require(result.design, "\(scenario.name): \(result.termination)", sourceLocation: sourceLocation)
        let data = ParkData(scenario)
        let m = scenario.minUtilization
        for item in data.exchanges {
            guard let built = design.exchanges.first(where: { $0.id == item.exchange.id }), built.built,
                  let year = built.buildYear else { continue }
            #expect(built.flows.reduce(0, +) > 0, "\(item.exchange.id) built with zero total flow",
                    sourceLocation: sourceLocation)
            let start = scenario.startYear
            for t in (year - start)..<data.years
            where item.flowBound[t] > 0 && ParkData.operates(builtIn: year - start, lifetime: item.exchange.lifetime, inYear: t) {
                let endsOperate = [item.from, item.to].allSatisfy { party in
                    guard case let .facility(k) = party else { return true }
                    let facility = design.facilities[k]
                    guard let built = facility.buildYear else { return false }
                    return ParkData.operates(builtIn: built - start, lifetime: scenario.facilities[k].lifetime, inYear: t)
                }
                guard endsOperate else { continue }
                #expect(built.flows[t] >= m * item.flowBound[t] * (1 - 1e-6) - 1e-6,
                        "\(item.exchange.id) in \(start + t): \(built.flows[t]) < \(m) × \(item.flowBound[t])",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: HighsCrossCheckTests.tinyPolicies)
    func tiny(policy: String) throws {
        try checkNoIdleLinks(try shipped("tiny.yaml", policy: policy))
    }

    /// Every policy of hiep-phuoc, solved with a 60 s limit (the weighted solve; the EIP package
    /// and green credit take longest in a debug build).
    @Test(arguments: ["baseline", "landfill_tax", "water_pricing", "carbon_price", "legal_reform", "green_credit",
                      "facilitation", "eip_certification", "eip_package"])
    func hiepPhuoc(policy: String) throws {
        try checkNoIdleLinks(try shipped("hiep-phuoc.yaml", policy: policy))
    }

    @Test(arguments: [1, 2, 3])
    func generatedParks(seed: UInt64) throws {
        let yaml = ParkGenerator(companies: 8, exchanges: 30, facilities: 2, years: 8, seed: seed).yaml()
        let scenario = try Scenario.parse(yaml: yaml, file: "generated.yaml").scenario
        try checkNoIdleLinks(scenario)
    }

    /// `min_utilization: 0` turns the floor off; a value outside 0 … 1 is an error.
    @Test func floorIsAScenarioKey() throws {
        let s = try shipped("tiny.yaml", policy: "legal_reform")
        #expect(s.minUtilization == 0.1)
        #expect(ParkFormulation(s).model.constraints.contains { $0.name.hasPrefix("utilization[") })
        var off = s
        off.minUtilization = 0
        #expect(!ParkFormulation(off).model.constraints.contains { $0.name.hasPrefix("utilization[") })
        #expect(throws: ScenarioError.self) { try s.setting("min_utilization", to: 1.5) }
        #expect(try s.setting("min_utilization", to: 0.2).minUtilization == 0.2)
    }
}
