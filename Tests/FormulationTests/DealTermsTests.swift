import Analysis
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
}
