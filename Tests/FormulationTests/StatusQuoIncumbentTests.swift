import Analysis
import Foundation
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// A park without targets can always build nothing: that design is every solve's first
/// incumbent, so a run stopped before it finds anything better still has a design (issue 20,
/// item 2: "no design" was reported where building nothing is one).
@Suite("the status quo as a design")
struct StatusQuoIncumbentTests {
    /// Every column at 0 keeps every row of tiny under every policy (no targets there): the
    /// point's NPV, CO2e and jobs are 0 and nothing is built.
    @Test(arguments: ["baseline", "legal_reform", "landfill_tax+legal_reform", "legal_reform+green_credit"])
    func nothingBuiltIsAPointOfTheModel(policy: String) throws {
        let formulation = ParkFormulation(try shipped("tiny.yaml", policy: policy == "baseline" ? nil : policy))
        let point = try #require(formulation.statusQuoPoint)
        #expect(formulation.model.violations(of: point).isEmpty)
        let design = ParkDesign(formulation, values: point)
        #expect(!design.buildsAnything)
        #expect(design.npv == 0 && design.co2eAvoided == 0 && design.jobsFTEYears == 0)
    }

    /// A target that asks for something makes building nothing infeasible: no such point.
    @Test func aTargetRulesTheStatusQuoOut() throws {
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            + "\ntargets:\n  co2e_avoided: 1000\n"
        let formulation = ParkFormulation(try scenario(yaml: text, policy: "legal_reform"))
        #expect(formulation.statusQuoPoint == nil)
    }

    /// A run stopped at once (the stop flag is up from the start, as after Ctrl-C or a spent
    /// time limit) reports the status quo, not "no design": before the fix `design` was nil.
    /// Under the weighted objective every payoff row stops with only the status quo in hand,
    /// so the run falls back to the economic objective, and says so.
    @Test(arguments: [nil, ParkFormulation.Objective.economic])
    func aRunStoppedAtOnceStillHasTheEmptyDesign(single: ParkFormulation.Objective?) throws {
        var options = ParkOptimizer.defaultOptions
        options.shouldStop = { true }
        let result = try ParkOptimizer(backend: LPSolver(), options: options, single: single).optimize(try shipped("tiny.yaml", policy: "legal_reform"))
        #expect(result.termination != .optimal)
        let design = try #require(result.design)
        #expect(!design.buildsAnything)
        #expect(design.npv == 0)
        if single == nil { #expect(result.payoff?.fellBackToEconomic == true) }
    }
}
