import Analysis
import Foundation
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Issue 18's model-side deal terms, each worked out by hand on `HandSolvedTests.oneExchange`
/// (one link A → B, three years, r = 10 %; Σ d_t = 1 + 1/1.1 + 1/1.21 = 2.7355372).
@Suite("Deal terms worked out by hand")
struct DealTermsTests {
    static let discountSum = 1 + 1 / 1.1 + 1 / 1.21

    // MARK: sale_price

    /// Ash that A sells at 4 USD/t instead of paying 10 USD/t to dispose of it. Each of the
    /// 800 t sent forgoes the sale: A's NPV is −800 × 4 × 2.7355372 = −8,753.72; B's is the
    /// same as before, 85,743.80; the park 76,990.08. Win-win: B pays A exactly 8,753.72.
    static let soldAsh = HandSolvedTests.oneExchange
        .replacingOccurrences(of: "ash: {unit: t, disposal_cost: 10, disposal_co2e: 0.02}",
                              with: "ash: {unit: t, sale_price: 4, disposal_co2e: 0.02}")

    @Test func salePriceIsForgoneAtTheSender() throws {
        let s = try scenario(yaml: Self.soldAsh)
        #expect(s.resource("ash")?.salePrice == 4)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        #expect(design.exchanges.first?.buildYear == 2030)
        let sender = -800 * 4 * Self.discountSum
        #expect(abs(design.companies[0].npvBeforeTransfers - sender) < 1e-3)
        #expect(abs(sender + 8_753.7190) < 1e-3)
        #expect(abs(design.companies[1].npvBeforeTransfers - 85_743.8017) < 1e-3)
        #expect(abs(design.npv - 76_990.0826) < 1e-3)
    }

    @Test func winWinCompensatesTheForgoneSale() throws {
        var s = try scenario(yaml: Self.soldAsh)
        s.objectives.winWin = true
        let result = try ParkOptimizer().optimize(s)
        let design = try #require(result.design)
        let link = try #require(design.exchanges.first)
        #expect(link.built)
        #expect(abs(link.transfer - 8_753.7190) < 1e-2, "\(link.transfer)")
        #expect(abs(design.companies[0].npv) < 1e-2)
        #expect(abs(design.companies[1].npv - (85_743.8017 - 8_753.7190)) < 1e-2)
        // The contract price: the transfer over the PV of the units sent is the sale price.
        #expect(abs((link.transferPerUnit ?? 0) - 4) < 1e-6)
    }

    // MARK: hurdle_rate

    /// B discounts at its own 20 %: 35,000 × (1 + 1/1.2 + 1/1.44) − 10,000 = 78,472.22; A and the
    /// park keep 10 %: 21,884.30 and 107,628.10 (not the sum of the two firms' NPVs).
    @Test func hurdleRateDiscountsTheFirmsOwnNPV() throws {
        let yaml = HandSolvedTests.oneExchange.replacingOccurrences(of: "b: {needs: {clinker: 5000}}",
                                                                     with: "b: {needs: {clinker: 5000}, hurdle_rate: 0.2}")
        let s = try scenario(yaml: yaml)
        #expect(s.company("b")?.hurdleRate == 0.2)
        let formulation = ParkFormulation(s)
        #expect(formulation.data.hasHurdleRates)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        #expect(design.exchanges.first?.buildYear == 2030)
        #expect(abs(design.npv - 107_628.0992) < 1e-3)
        #expect(abs(design.companies[0].npvBeforeTransfers - 21_884.2975) < 1e-3)
        #expect(abs(design.companies[1].npvBeforeTransfers - 78_472.2222) < 1e-3)
        #expect(abs(solution.objective! - 0.1076280992) < 1e-9)
    }

    /// Capex 90,000: B gains 35,000 × 2.7355372 − 90,000 = 5,743.80 at the park's 10 % but loses
    /// 35,000 × 2.5277778 − 90,000 = −1,527.78 at its own 20 %. Win-win then needs A to pay B
    /// 1,527.78 (a transfer of −1,527.78: the sender pays); without the hurdle rate, nothing.
    @Test func winWinUsesTheHurdleRate() throws {
        let base = HandSolvedTests.oneExchange.replacingOccurrences(of: "capex: 10000", with: "capex: 90000")
        let withRate = base.replacingOccurrences(of: "b: {needs: {clinker: 5000}}",
                                                 with: "b: {needs: {clinker: 5000}, hurdle_rate: 0.2}")
        for (yaml, expected) in [(base, 0.0), (withRate, -1_527.7778)] {
            var s = try scenario(yaml: yaml)
            s.objectives.winWin = true
            let design = try #require(try ParkOptimizer().optimize(s).design)
            let link = try #require(design.exchanges.first)
            #expect(link.built)
            #expect(abs(link.transfer - expected) < 1e-2, "\(link.transfer)")
            #expect(abs(design.companies[1].npv - max(0, 5_743.8017 + 0 * expected) * (expected == 0 ? 1 : 0)) < 1e-2,
                    "\(design.companies[1].npv)")
            #expect(abs(design.companies[0].npv - (21_884.2975 + expected)) < 1e-2)
        }
    }

    // MARK: residual_value

    /// `residual_value: straight_line`, the link lasting 5 years from its build in year 0 of a
    /// 3-year horizon: 2/5 of its 10,000 capex is left at the horizon's end, worth
    /// 4,000 / 1.1³ = 3,005.26 to the payer B: 85,743.80 + 3,005.26 = 88,749.06; the park
    /// 107,628.10 + 3,005.26 = 110,633.36. Without a lifetime, 20 years are assumed:
    /// 17/20 × 10,000 / 1.331 = 6,386.18. Under `none` (the default) nothing changes.
    @Test(arguments: [("lifetime: 5", 3_005.2592), ("fixed_cost: 1000", 6_386.1758), ("", 0.0)])
    func residualValueAtTheHorizonsEnd(lifetime: String, residual: Double) throws {
        var yaml = HandSolvedTests.oneExchange
        if !lifetime.isEmpty {
            yaml = yaml.replacingOccurrences(of: "discount_rate: 0.1", with: "discount_rate: 0.1\nresidual_value: straight_line")
        }
        if lifetime == "lifetime: 5" {
            yaml = yaml.replacingOccurrences(of: "unit_cost: 5}", with: "unit_cost: 5, lifetime: 5}")
        }
        let s = try scenario(yaml: yaml)
        #expect(s.residualValue == (lifetime.isEmpty ? .none : .straightLine))
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        #expect(design.exchanges.first?.buildYear == 2030)
        #expect(abs(design.companies[0].npvBeforeTransfers - 21_884.2975) < 1e-3)
        #expect(abs(design.companies[1].npvBeforeTransfers - (85_743.8017 + residual)) < 1e-3)
        #expect(abs(design.npv - (107_628.0992 + residual)) < 1e-3)
        // The Monte Carlo accounts (BuildPlan.outcome) count it the same way.
        let plan = BuildPlan(design: design, data: formulation.data)
        let outcome = plan.outcome(data: formulation.data, flows: design.exchanges.map(\.flows),
                                   activity: design.facilities.map(\.activity))
        #expect(abs(outcome.npv - design.npv) < 1e-3)
    }

    /// A loan's repayments after the horizon stay counted with a residual value: 4 % over 10
    /// years on the 10,000 capex, PVann = Σ_{j=1..10} A/1.1^j with A = 0.04/(1 − 1.04^−10).
    @Test func loanRepaymentsAfterTheHorizonStayCounted() throws {
        let yaml = HandSolvedTests.oneExchange.replacingOccurrences(
            of: "discount_rate: 0.1", with: "discount_rate: 0.1\nresidual_value: straight_line\ninterest_rate: 0.04\nloan_years: 10")
        let s = try scenario(yaml: yaml)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        let design = ParkDesign(formulation, values: solution.values)
        let annuity = 0.04 / (1 - pow(1.04, -10))
        let pvAnnuity = (1...10).reduce(0.0) { $0 + annuity / pow(1.1, Double($1)) }
        #expect(pvAnnuity < 1)  // cheaper than the discount rate: the whole capex is financed
        #expect(abs((design.exchanges.first?.financedShare ?? 0) - 1) < 1e-9)
        let expected = 85_743.8017 + 10_000 * (1 - pvAnnuity) + 6_386.1758
        #expect(abs(design.companies[1].npvBeforeTransfers - expected) < 1e-3)
    }

    // MARK: loan_share, loan_cap

    /// A 4 % credit line over 10 years costs PVann = Σ_{j=1..10} A/1.1^j = 0.7575695 per USD
    /// borrowed (A = 0.04/(1 − 1.04^−10) = 0.1232909), so B borrows all it may: with
    /// `loan_share: 0.7`, 7,000 of the 10,000 capex, gaining 7,000 × 0.2424305 = 1,697.01
    /// (B: 87,440.82); with `loan_cap: 5000` too, 5,000 (the cap binds before the share),
    /// gaining 1,212.15 (B: 86,955.95).
    @Test(arguments: [("loan_share: 0.7", 0.7, 87_440.8153), ("loan_share: 0.7\nloan_cap: 5000", 0.5, 86_955.9543),
                      ("loan_share: 1", 1.0, 85_743.8017 + 10_000 * 0.2424305190)])
    func creditTermsLimitTheLoan(terms: String, share: Double, receiver: Double) throws {
        let yaml = HandSolvedTests.oneExchange.replacingOccurrences(
            of: "discount_rate: 0.1", with: "discount_rate: 0.1\ninterest_rate: 0.04\nloan_years: 10\n" + terms)
        let s = try scenario(yaml: yaml)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        let link = try #require(design.exchanges.first)
        #expect(abs(link.financedShare - share) < 1e-9, "\(link.financedShare)")
        #expect(abs(design.companies[1].financedCapex - share * 10_000) < 1e-6)
        #expect(abs(design.companies[1].npvBeforeTransfers - receiver) < 1e-3, "\(design.companies[1].npvBeforeTransfers)")
    }

    /// A policy sets the credit terms like the rate and the term of the credit line.
    @Test func policiesSetCreditTerms() throws {
        let yaml = HandSolvedTests.oneExchange.replacingOccurrences(
            of: "  baseline: {}", with: "  baseline: {}\n  fund: {interest_rate: 0.04, loan_share: 0.7, loan_cap: 5000}")
        let s = try scenario(yaml: yaml, policy: "fund")
        #expect(s.economics.loanShare == 0.7 && s.economics.loanCap == 5000 && s.economics.interestRate == 0.04)
        let plan = BuildPlan(exchanges: [BuildPlan.Choice(year: 0, financedShare: 0.8)], facilities: [], accountTransfers: [])
        #expect(throws: DesignCheck.Failure.self) {
            try DesignCheck().check(plan, data: ParkData(s), weights: ObjectiveWeights(economic: 1))
        }
    }
}
