import Testing
@testable import LPSolve
import MILP
import TestSupport

/// The branch and bound counts, per cut separator, its calls at the root, the cuts it added and
/// its time, and hands them on in `Solution.cuts`.
@Suite("Per-separator cut statistics")
struct CutStatisticsTests {
    private var bestBound: SolveOptions {
        var options = SolveOptions()
        options.search = .bestBound
        return options
    }

    /// The operator's budget of `KnapsackCoverTests.operatorBudget` (9 over facilities costing
    /// 6, 4, 3, 2.2, 1.3), valued so that the root LP builds the 4 and 5/6 of the 6: the cover
    /// `x₆ + x₄ ≤ 1` is violated there, so the knapsack separator is called and adds a cut.
    @Test func knapsackCoverIsCounted() throws {
        var model = Model()
        let costs = [6.0, 4, 3, 2.2, 1.3], values = [7.0, 5, 3.3, 2.3, 1.3]
        let x = costs.indices.map { model.addVariable("facility\($0)", kind: .binary) }
        var spend = LinearExpression(), value = LinearExpression()
        for j in costs.indices { spend.add(costs[j], x[j]); value.add(values[j], x[j]) }
        model.addConstraint(spend <= 9, name: "budget")
        model.setObjective(.maximize, value)
        let solution = try LPSolver().solve(model, options: bestBound)
        #expect(solution.termination == .optimal)
        #expect(solution.cuts.map(\.name) == ["knapsack_cover", "flow_cover", "c_mir"])
        let knapsack = try #require(solution.cuts.first { $0.name == "knapsack_cover" })
        #expect(knapsack.calls >= 1)
        #expect(knapsack.cuts >= 1)
        #expect(knapsack.seconds >= 0)
        for family in solution.cuts { #expect(family.cuts <= 0 || family.calls >= 1, "\(family.name)") }
    }

    /// On the fixed-charge models the counters add up to the total the status text reports,
    /// and lp_solve's own search reports none.
    @Test func countersAddUpToTheTotal() throws {
        var counted = 0, reported = 0
        for seed in 0..<20 as Range<UInt64> {
            let model = randomFixedCharge(options: 14 + Int(seed % 7), seed: 52_000 + seed, maximize: seed % 3 != 0,
                                          budget: seed % 3 == 2 ? 5...9 : 10...25)
            let ours = try LPSolver().solve(model, options: bestBound)
            counted += ours.cuts.reduce(0) { $0 + $1.cuts }
            let words = ours.rawStatusText.split(separator: " ")
            if let index = words.firstIndex(of: "cuts,") { reported += Int(words[index - 1]) ?? 0 }
            #expect(try LPSolver().solve(model).cuts.isEmpty)
        }
        #expect(counted == reported)
        #expect(counted > 0, "budget rows give cover cuts")
    }
}
