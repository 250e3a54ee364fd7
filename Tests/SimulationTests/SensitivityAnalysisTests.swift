import Analysis
import Formulation
import Foundation
import LPSolve
import Scenario
import Testing
import TestSupport

/// Park-level sensitivity studies on tiny.yaml.
@Suite struct SensitivityAnalysisTests {
    static func study(_ parameters: [SensitivityParameter], policy: String = "legal_reform") throws -> SensitivityAnalysis {
        let scenario = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: policy).scenario
        let base = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        return SensitivityAnalysis(scenario: scenario, parameters: parameters, weights: base.objectiveWeights, backend: LPSolver(), threads: 2)
    }

    /// The break-even level of a lever is checked by solving just below and just above it.
    @Test func breakEvenIsWhereTheLinkAppears() throws {
        let lever = SensitivityParameter(keyPath: "exchanges.ash_to_cement.capex", low: 100_000, high: 4_000_000)
        let study = try Self.study([lever])
        let found = try study.breakEven(exchange: "ash_to_cement", relativeTolerance: 1e-4)
        let level = try #require(found.level, "\(found.note)")
        let step = 2 * found.tolerance
        // Built up to the level (a cheaper link), not beyond it.
        #expect(try study.evaluate([level - step]).built.contains("ash_to_cement"))
        #expect(try !study.evaluate([level + step]).built.contains("ash_to_cement"))
        #expect(found.note.hasPrefix("built up to this level"))
        // Not where the link stops paying back: where cement_grinding's capital budget of
        // 2,000,000 USD, less the legal_reform permit's 20,000 USD, stops paying its capex.
        #expect(found.isBudgetLimit, "\(String(describing: found.limit))")
        #expect(abs(level - 1_980_000) <= found.tolerance + 1, "\(level)")
    }

    /// The smallest landfill fee at which a link appears, on a lever that makes it pay.
    @Test func breakEvenOfARisingFee() throws {
        let lever = SensitivityParameter(keyPath: "resources.fly_ash.disposal_cost", low: 0, high: 60)
        let study = try Self.study([lever, SensitivityParameter(keyPath: "exchanges.ash_to_cement.unit_cost", low: 30, high: 30)])
        let pinned = SensitivityAnalysis(scenario: try study.scenario(with: [0, 45]), parameters: [lever], weights: study.weights, backend: LPSolver(), threads: 2)
        let found = try pinned.breakEven(exchange: "ash_to_cement", relativeTolerance: 1e-4)
        let level = try #require(found.level, "\(found.note)")
        #expect(found.note == "built from this level up")
        #expect(!found.isBudgetLimit, "\(String(describing: found.limit))")
        #expect(try !pinned.evaluate([level - 2 * found.tolerance]).built.contains("ash_to_cement"))
        #expect(try pinned.evaluate([level + 2 * found.tolerance]).built.contains("ash_to_cement"))
    }

    @Test func tornadoMovesTheRightWay() throws {
        let study = try Self.study([
            SensitivityParameter(keyPath: "resources.fly_ash.disposal_cost", low: 5, high: 40),
            SensitivityParameter(keyPath: "resources.clinker.price", low: 30, high: 70),
        ])
        let (base, bars) = try study.tornado()
        #expect(bars.count == 2)
        for bar in bars { #expect(bar.high.npv > bar.low.npv, "\(bar.parameter.keyPath)") }
        #expect(bars.allSatisfy { $0.low.npv <= base.npv + 1e-6 || $0.high.npv >= base.npv - 1e-6 })
    }

    /// A parameter that cannot affect the outputs (the water price, with no water link built
    /// under this policy) gets total index ≈ 0 with an interval covering 0.
    @Test func idleParameterHasNoTotalIndex() throws {
        let study = try Self.study([
            SensitivityParameter(keyPath: "resources.clinker.price", low: 30, high: 70),
            SensitivityParameter(keyPath: "resources.fly_ash.disposal_cost", low: 5, high: 40),
            SensitivityParameter(keyPath: "companies.cement_grinding.capital_budget", low: 5_000_000, high: 9_000_000),
        ])
        let (indices, evaluations) = try study.sobol(samples: 64, seed: 3)
        #expect(evaluations == 64 * 5)
        let npv = indices[0]
        #expect(abs(npv.total[2]) < 1e-9, "\(npv.total)")
        #expect(npv.total[2] - npv.totalConfidence[2] <= 1e-12)
        #expect(npv.total[0] > 0.1 && npv.total[1] > 0.05, "\(npv.total)")
    }
}
