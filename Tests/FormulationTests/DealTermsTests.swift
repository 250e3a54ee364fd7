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
        let result = try ParkOptimizer(backend: LPSolver()).optimize(s)
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
            let design = try #require(try ParkOptimizer(backend: LPSolver()).optimize(s).design)
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

    /// `A = Σ_{k<R} (1+r)^{−k}` summed term by term agrees with the geometric series' closed form
    /// `(1 − v^R)/(1 − v)`, `v = 1/1.1`, where `residualAnnuity` switches to it (R > 1,000), and a
    /// lifetime of 10^15 years (a fuzzed file) no longer loops 10^15 times: A → 1/(1 − v) = 11.
    @Test func residualAnnuityOfAnAbsurdLifetime() throws {
        let yaml = HandSolvedTests.oneExchange.replacingOccurrences(of: "discount_rate: 0.1", with: "discount_rate: 0.1\nresidual_value: straight_line")
        let data = ParkData(try scenario(yaml: yaml))
        let v = 1 / 1.1
        for years in [1_000, 1_001, 5_000] {
            let life = years + data.years - 1   // built in year 1: R = 1 + life − T = years
            let summed = (0..<years).reduce(0.0) { $0 + pow(v, Double($1)) }
            #expect(abs(data.residualAnnuity(builtIn: 1, lifetime: life) - summed) < 1e-9)
        }
        #expect(abs(data.residualAnnuity(builtIn: 1, lifetime: 1_000_000_000_000_000) - 11) < 1e-9)
    }

    /// The residual value is at most what the asset earns after the horizon (EU CBA guide 2014):
    /// `V_T = max(0, min(B, A·N))`. The link at 100 t a year and 100,000 capex, lifetime 5,
    /// forced in (`targets.build`): built in 2032 (year 2, the cheapest year to pay the capex,
    /// −67,136.86 against −73,850.55 in year 1 and −81,235.57 in year 0), it has R = 2 + 5 − 3 = 4
    /// years left, a book value B = 100,000 × 4/5 = 80,000, and earns
    /// N = 100 × (10 + 50 − 5) − 1,000 = 4,500 in its last year; A = Σ_{k=0..3} 1.1^−k
    /// = 3.4868520, so A·N = 15,690.83 < B: V_T = 15,690.83, worth 15,690.83/1.1³ = 11,788.76
    /// today. The park: (4,500 − 100,000)/1.21 + 11,788.76 = −67,136.86 (the book value alone
    /// would have given 60,105.18, and −18,820.44). A, the sender, gets its saving only:
    /// 100 × 10/1.21 = 826.45; B, the payer, owns the asset and the rest.
    @Test func residualValueIsCappedByWhatTheAssetEarns() throws {
        let yaml = HandSolvedTests.oneExchange
            .replacingOccurrences(of: "discount_rate: 0.1", with: "discount_rate: 0.1\nresidual_value: straight_line")
            .replacingOccurrences(of: "capacity: 800, capex: 10000", with: "capacity: 100, capex: 100000")
            .replacingOccurrences(of: "unit_cost: 5}", with: "unit_cost: 5, lifetime: 5}")
        var s = try scenario(yaml: yaml)
        s.targets.build = ["ash_link"]
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        #expect(design.exchanges.first?.buildYear == 2032)
        let residual = 3.4868519909842224 * 4_500 / 1.331
        #expect(abs(residual - 11_788.7558) < 1e-3)
        #expect(abs(design.npv - (-78_925.6198 + residual)) < 1e-3, "\(design.npv)")
        #expect(abs(design.companies[0].npvBeforeTransfers - 826.4463) < 1e-3)
        #expect(abs(design.companies[1].npvBeforeTransfers - (-79_752.0661 + residual)) < 1e-3)
        let plan = BuildPlan(design: design, data: formulation.data)
        let outcome = plan.outcome(data: formulation.data, flows: design.exchanges.map(\.flows),
                                   activity: design.facilities.map(\.activity))
        #expect(abs(outcome.npv - design.npv) < 1e-3)
        #expect(abs(plan.residualValue(exchange: 0, data: formulation.data, flows: design.exchanges.map(\.flows)) - 15_690.834) < 1e-3)
    }

    /// An idle asset keeps nothing. With the ash worth nothing to either end (no disposal cost, no
    /// clinker price) the forced link's margin is −5 per t: it carries the 10 % floor, 10 t a year,
    /// so N = 10 × (−5) − 1,000 = −1,050 < 0 and V_T = 0. Built in 2032, the park loses
    /// (100,000 + 1,000 + 50)/1.21 = 83,512.40 with or without `residual_value`; the book value
    /// (60,105.18 under the former straight-line rule) would have made it look 4 times smaller.
    @Test(arguments: [0.1, 0.0])
    func idleAssetKeepsNoResidualValue(floor: Double) throws {
        let yaml = HandSolvedTests.oneExchange
            .replacingOccurrences(of: "capacity: 800, capex: 10000", with: "capacity: 100, capex: 100000")
            .replacingOccurrences(of: "unit_cost: 5}", with: "unit_cost: 5, lifetime: 5}")
            .replacingOccurrences(of: "ash: {unit: t, disposal_cost: 10, disposal_co2e: 0.02}", with: "ash: {unit: t, disposal_cost: 0, disposal_co2e: 0.02}")
            .replacingOccurrences(of: "clinker: {unit: t, price: 50, co2e: 0.8}", with: "clinker: {unit: t, price: 0, co2e: 0.8}")
        var without = try scenario(yaml: yaml)
        without.targets.build = ["ash_link"]
        without.minUtilization = floor
        var with = without
        with.residualValue = .straightLine
        var npv: [Double] = []
        for s in [without, with] {
            let formulation = ParkFormulation(s)
            let solution = try LPSolver().solve(formulation.model)
            #expect(solution.termination == .optimal)
            checkInvariants(formulation, solution)
            let design = ParkDesign(formulation, values: solution.values)
            #expect(design.exchanges.first?.buildYear == 2032)
            npv.append(design.npv)
            let plan = BuildPlan(design: design, data: formulation.data)
            #expect(plan.residualValue(exchange: 0, data: formulation.data, flows: design.exchanges.map(\.flows)) == 0)
        }
        let expected = -(100_000 + 1_000 + floor * 100 * 5) / 1.21
        #expect(npv.allSatisfy { abs($0 - expected) < 1e-3 }, "\(npv)")
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
            try DesignCheck(backend: LPSolver()).check(plan, data: ParkData(s), weights: ObjectiveWeights(economic: 1))
        }
    }
}
