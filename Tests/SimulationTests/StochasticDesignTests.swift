import Analysis
import Formulation
import Foundation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// The sample-average design: the bounds every two-stage program obeys, and exact cases.
@Suite struct StochasticDesignTests {
    static func solve(_ scenario: Scenario, paths: Int, seed: UInt64 = 3) throws -> StochasticDesign {
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        let plan = BuildPlan(design: design, data: ParkData(scenario))
        let sampler = try PathSampler(scenario: scenario, method: .mc, samples: paths, seed: seed)
        return try StochasticDesign.solve(scenario: scenario, weights: result.objectiveWeights, deterministic: plan,
                                          sampler: sampler, paths: paths, options: ParkOptimizer.defaultOptions, backend: LPSolver())
    }

    /// WS ≥ RP ≥ EEV (Birge and Louveaux, ch. 4): perfect foresight cannot do worse than one
    /// design for all paths, which cannot do worse than the deterministic design.
    @Test(arguments: ["legal_reform", "legal_reform+green_credit", "landfill_tax"])
    func valuesAreOrdered(policy: String) throws {
        let scenario = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: policy).scenario
        let s = try Self.solve(scenario, paths: 12)
        #expect(s.termination == .optimal)
        let ws = try #require(s.waitAndSee), eev = try #require(s.deterministicValue)
        let tolerance = 1e-7 * max(1, abs(ws))
        #expect(ws >= s.recourseValue - tolerance, "WS \(ws) < RP \(s.recourseValue)")
        #expect(s.recourseValue >= eev - tolerance, "RP \(s.recourseValue) < EEV \(eev)")
    }

    /// With one path the stochastic program is that path's own MIP: RP = WS.
    @Test func onePathIsTheWaitAndSeeProblem() throws {
        let scenario = try PathSamplerTests.park(uncertainty: "  prices: {clinker: {model: gbm, drift: -0.05, volatility: 0.4}}")
        let s = try Self.solve(scenario, paths: 1)
        let ws = try #require(s.waitAndSee)
        #expect(abs(ws - s.recourseValue) <= 1e-9 * max(1, abs(ws)))
    }

    /// A marginal link under a volatile, falling price: the design for the sampled paths is at
    /// least as good as the deterministic one on them, and the stochastic program is as large
    /// as the paths make it (shared binaries, flows per path).
    @Test func designForManyPaths() throws {
        let scenario = try PathSamplerTests.park(uncertainty: "  prices: {clinker: {model: gbm, drift: -0.08, volatility: 0.5}}")
        let paths = 8
        let s = try Self.solve(scenario, paths: paths)
        let single = ParkFormulation(data: ParkData(scenario)).model
        #expect(s.size.binaries == single.integerCount, "binaries are shared by the paths")
        #expect(s.size.columns == single.variableCount + (paths - 1) * (single.variableCount - single.integerCount - single.variables.filter { $0.name.hasPrefix("loan[") }.count))
        let eev = try #require(s.deterministicValue)
        #expect(s.recourseValue >= eev - 1e-7 * max(1, abs(eev)))
    }
}
