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
}
