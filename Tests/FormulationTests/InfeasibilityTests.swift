import Analysis
import Foundation
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Infeasible scenarios explained in their own words (issue 10): the smallest set of
/// requirements to relax, each with its numbers worked out by hand below.
@Suite("Infeasible scenarios explained")
struct InfeasibilityTests {
    func explain(_ yaml: String, policy: String? = nil) throws -> InfeasibilityExplanation {
        var optimizer = ParkOptimizer(backend: LPSolver(), single: .economic)
        optimizer.explainsInfeasibility = true
        let result = try optimizer.optimize(try scenario(yaml: yaml, policy: policy))
        #expect(result.termination == .infeasible)
        #expect(result.design == nil)
        return try #require(result.infeasibility)
    }

    /// Two links into the cement plant, both paid by it: fly ash (capex 1,200,000 USD) avoids
    /// 50,000 t/yr × (0.02 + 0.8 × 0.86) × 10 yr = 354,000 t CO2e; slag (capex 950,000 USD)
    /// avoids 40,000 × (0.02 + 0.9 × 0.86) × 10 = 317,600 t. The 500,000 t target needs both,
    /// 2,150,000 USD, and the plant's capital budget is 2,000,000 USD.
    static let budgetPark = """
    name: Budget park
    currency: USD
    start_year: 2026
    horizon_years: 10
    discount_rate: 0.08
    resources:
      fly_ash: {unit: t, disposal_cost: 12, disposal_co2e: 0.02}
      slag: {unit: t, disposal_cost: 10, disposal_co2e: 0.02}
      clinker: {unit: t, price: 55, co2e: 0.86}
    companies:
      power_plant: {location: [0, 0], produces: {fly_ash: 60000}}
      steel_mill: {location: [2, 0], produces: {slag: 80000}}
      cement_grinding: {location: [3, 4], needs: {clinker: 150000}, capital_budget: 2000000}
    exchanges:
      ash_to_cement: {from: power_plant, to: cement_grinding, send: fly_ash, replace: clinker, ratio: 0.8,
                      max_share: 0.3, capacity: 50000, capex: 1200000, unit_cost: 4}
      slag_to_cement: {from: steel_mill, to: cement_grinding, send: slag, replace: clinker, ratio: 0.9,
                       max_share: 0.3, capacity: 40000, capex: 950000, unit_cost: 3}
    targets:
      co2e_avoided: 500000
    """

    /// Relaxing the budget or the target would each do; the board's target is kept and the
    /// budget named, with what the two required links cost.
    @Test func targetThatBudgetsCannotFund() throws {
        let explanation = try explain(Self.budgetPark)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "companies.cement_grinding.capital_budget",
            message: "cement_grinding: capital_budget 2,000,000 USD is below the 2,150,000 USD its required links need "
                + "(ash_to_cement 1,200,000 USD, slag_to_cement 950,000 USD)")])
        #expect(explanation.provenSmallest)
        #expect(explanation.note == nil)
    }

    /// tiny.yaml forbids fly ash as material, so ash_to_cement is left out of the model; a
    /// `build` target naming it is explained from the data. Under the legal reform it is met.
    @Test func requiredExchangeBehindForbiddenPermit() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            + "\ntargets:\n  build: [ash_to_cement]\n"
        let explanation = try explain(yaml)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "permits.waste_as_material",
            message: "ash_to_cement is required (targets.build) but permit waste_as_material is forbidden, so the "
                + "exchange is left out of the model; allow the permit (e.g. a policy that makes it conditional) or "
                + "drop ash_to_cement from targets.build")])
        let reformed = try ParkOptimizer(backend: LPSolver(), single: .economic).optimize(try scenario(yaml: yaml, policy: "legal_reform"))
        #expect(reformed.termination == .optimal)
    }

    /// A conditional permit whose delay runs past the horizon rules the exchange out too.
    @Test func requiredExchangeWhosePermitOpensAfterTheHorizon() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "waste_as_material: {status: forbidden}",
                                  with: "waste_as_material: {status: conditional, delay_years: 10}")
            + "\ntargets:\n  build: [ash_to_cement]\n"
        let explanation = try explain(yaml)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "permits.waste_as_material.delay_years",
            message: "ash_to_cement is required (targets.build) but permit waste_as_material lets it be built only "
                + "from 2036 (delay_years 10), after the horizon ends in 2035")])
    }

    /// The link saves the sender 2 USD/t and the receiver 0.8 × 10 = 8 USD/t of clinker and costs
    /// 10 USD/t to run: it never pays back its 1,000,000 USD capex, so no transfer keeps both
    /// parties whole. The least loss is to build it in the last year, 2035: 1,000,000 / 1.08^9
    /// = 500,249 USD, borne by the cement plant, which pays the capex (no transfer moves it).
    static let winWinPark = """
    name: Win-win park
    currency: USD
    start_year: 2026
    horizon_years: 10
    discount_rate: 0.08
    resources:
      fly_ash: {unit: t, disposal_cost: 2}
      clinker: {unit: t, price: 10}
    companies:
      power_plant: {location: [0, 0], produces: {fly_ash: 60000}}
      cement_grinding: {location: [3, 4], needs: {clinker: 150000}}
    exchanges:
      ash_to_cement: {from: power_plant, to: cement_grinding, send: fly_ash, replace: clinker, ratio: 0.8,
                      max_share: 0.3, capacity: 50000, capex: 1000000, unit_cost: 10}
    objectives: {win_win: true}
    targets:
      build: [ash_to_cement]
    """

    @Test func targetThatWinWinRulesOut() throws {
        let explanation = try explain(Self.winWinPark)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "objectives.win_win.cement_grinding",
            message: "win-win cannot hold for cement_grinding: the required links (ash_to_cement) leave it at an NPV "
                + "of -500,249 USD after transfers")])
        #expect(abs(1_000_000 / pow(1.08, 9) - 500_248.9) < 0.1)
    }

    /// Two independent conflicts, each settled by relaxing a limit or a target: the cement
    /// plant cannot pay the required ash link's 2,150,000 USD from its 2,000,000 USD budget, and
    /// the required slag link never pays back (2 + 10 USD/t saved, 12 USD/t to run) its
    /// 1,000,000 USD capex: built in 2035 it costs the brickworks 1,000,000 / 1.08^9 = 500,249
    /// USD. Two requirements must give way; the two limits are named, the targets kept.
    @Test func twoConflictsNameABudgetAndAParty() throws {
        let yaml = """
        name: Two conflicts
        currency: USD
        start_year: 2026
        horizon_years: 10
        discount_rate: 0.08
        resources:
          fly_ash: {unit: t, disposal_cost: 12}
          slag: {unit: t, disposal_cost: 2}
          clinker: {unit: t, price: 55}
          sand: {unit: t, price: 10}
        companies:
          power_plant: {produces: {fly_ash: 60000}}
          steel_mill: {produces: {slag: 80000}}
          cement_grinding: {needs: {clinker: 150000}, capital_budget: 2000000}
          brickworks: {needs: {sand: 50000}}
        exchanges:
          ash_to_cement: {from: power_plant, to: cement_grinding, send: fly_ash, replace: clinker, ratio: 0.8,
                          max_share: 0.3, capacity: 50000, capex: 2150000, unit_cost: 4}
          slag_to_bricks: {from: steel_mill, to: brickworks, send: slag, replace: sand, capacity: 40000,
                           capex: 1000000, unit_cost: 12}
        objectives: {win_win: true}
        targets:
          build: [ash_to_cement, slag_to_bricks]
        """
        // The brickworks' loss (−500,249 USD on slag_to_bricks) is no longer a conflict: the power
        // plant's gain on the ash link (~3.7 M USD) pays for it through the park's benefit-sharing
        // account although the two share no link. Only the budget must give way.
        let explanation = try explain(yaml)
        #expect(explanation.requirements == [
            RelaxedRequirement(
                requirement: "companies.cement_grinding.capital_budget",
                message: "cement_grinding: capital_budget 2,000,000 USD is below the 2,150,000 USD its required links "
                    + "need (ash_to_cement 2,150,000 USD)"),
        ])
        #expect(explanation.provenSmallest)
    }

    /// With win-win on and the slag link losing money (unit cost 400 USD/t against 10 + 49.5 USD/t
    /// saved: 13.6 million USD a year, more than the ash link's 2.6 million gain can make up by
    /// transfers), the CO2e target needs both a bigger budget and a loss for someone. Relaxing
    /// the target alone is the smaller set: the park then avoids 354,000 t with the ash link.
    @Test func oneTargetIsASmallerSetThanTwoLimits() throws {
        let yaml = Self.budgetPark
            .replacingOccurrences(of: "capacity: 40000, capex: 950000, unit_cost: 3", with: "capacity: 40000, capex: 950000, unit_cost: 400")
            + "\nobjectives: {win_win: true}\n"
        let explanation = try explain(yaml)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "targets.co2e_avoided",
            message: "targets.co2e_avoided: 500,000 t CO2e is above the 354,000 t CO2e the park can avoid under the "
                + "other requirements")])
        #expect(explanation.provenSmallest)
    }

    /// tiny.yaml under the legal reform: the ash link carries at most 50,000 t a year, and fly ash
    /// grows 2 % a year to 60,000 × 1.02^9 = 71,706 t in 2035, so 90 % from 2030 on cannot be
    /// met; the year furthest short is 2035, at 69.7 %.
    @Test func diversionTargetNamesTheReachableShare() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            + "\ntargets:\n  diverted:\n    fly_ash: {share: 0.9, by: 2030}\n"
        let explanation = try explain(yaml, policy: "legal_reform")
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "targets.diverted.fly_ash",
            message: "targets.diverted.fly_ash: 90.0% of fly_ash each year from 2030 is above the 69.7% the park can "
                + "divert in 2035 (50,000 of 71,706 t) under the other requirements")])
    }

    /// tiny has two companies; and under win-win the only link open in the base case (the water
    /// chain) loses money, so none can take part.
    @Test func minimumCompaniesNamesHowManyCanTakePart() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            + "\ntargets:\n  min_companies: 3\n"
        let explanation = try explain(yaml)
        #expect(explanation.requirements == [RelaxedRequirement(
            requirement: "targets.min_companies",
            message: "targets.min_companies: 3 companies is above the 0 that can take part under the other requirements "
                + "(2 in the park)")])
    }

    /// Without `explainsInfeasibility` (compare, simulate) nothing extra is solved.
    @Test func explanationIsOptIn() throws {
        let result = try ParkOptimizer(backend: LPSolver(), single: .economic).optimize(try scenario(yaml: Self.budgetPark))
        #expect(result.termination == .infeasible)
        #expect(result.infeasibility == nil)
    }
}
