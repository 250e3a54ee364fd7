import Testing
import MILP
import TestSupport

@Suite("Integer bounds implied by single rows")
struct BoundPropagationTests {
    /// Hand-checked cases: a binary too dear for its knapsack, a general integer bounded by a
    /// row with a negative term, a `≥` row forcing a lower bound, continuous columns untouched.
    @Test func handCheckedRows() {
        var model = Model()
        let cheap = model.addVariable("cheap", kind: .binary), dear = model.addVariable("dear", kind: .binary)
        let loan = model.addVariable("loan", upper: 1)
        model.addConstraint(1.2 * cheap + 1.8 * dear <= 1.5, name: "budget")
        let n = model.addVariable("n", upper: 10, kind: .integer), m = model.addVariable("m", upper: 3, kind: .integer)
        model.addConstraint(2 * n - m <= 7, name: "pair")          // 2n ≤ 7 + 3 → n ≤ 5
        let k = model.addVariable("k", upper: 9, kind: .integer)
        model.addConstraint(3 * k + loan >= 7.5, name: "floor")    // 3k ≥ 6.5 → k ≥ 3
        let tightened = tightenedIntegerBounds(model)
        #expect(tightened.infeasibleRow == nil)
        #expect(tightened.upper[dear.index] == 0 && tightened.upper[cheap.index] == 1)
        #expect(tightened.upper[n.index] == 5 && tightened.lower[m.index] == 0)
        #expect(tightened.lower[k.index] == 3 && tightened.upper[k.index] == 9)
        #expect(tightened.upper[loan.index] == 1 && !tightened.changedColumns.contains(loan.index))
        #expect(tightened.changedColumns == [dear.index, n.index, k.index].sorted())
    }

    /// A credit line that can pay part of the capex keeps the dear option open; a coefficient
    /// that equals the budget exactly (up to rounding noise) keeps its binary free.
    @Test func noTighteningWhereAPointNeedsTheBound() {
        var model = Model()
        let dear = model.addVariable("dear", kind: .binary), loan = model.addVariable("loan", upper: 1)
        model.addConstraint(1.8 * dear - 1.8 * loan <= 1.5, name: "budget")
        let exact = model.addVariable("exact", kind: .binary)
        model.addConstraint(0.1 * 3 * exact <= 0.3, name: "noise")  // 0.30000000000000004 ≤ 0.3
        let tightened = tightenedIntegerBounds(model)
        #expect(tightened.changedColumns.isEmpty)
        #expect(tightened.upper[dear.index] == 1 && tightened.upper[exact.index] == 1)
    }

    /// From one changed column, propagation follows the rows it touches and then the rows of
    /// what those fixed: a chain a → b → c, and nothing in an unrelated row.
    @Test func followsTheRowsOfChangedColumns() {
        var model = Model()
        let a = model.addVariable("a", kind: .binary), b = model.addVariable("b", kind: .binary)
        let c = model.addVariable("c", kind: .binary), d = model.addVariable("d", kind: .binary)
        model.addConstraint(b - a <= 0, name: "b needs a")
        model.addConstraint(c - b <= 0, name: "c needs b")
        model.addConstraint(d + 0.5 * c <= 1.2, name: "unrelated to a")
        let propagator = BoundPropagator(model)
        var lower = [0.0, 0, 0, 0], upper = [0.0, 1, 1, 1]   // a fixed to 0 by a branch
        let outcome = propagator.propagate(lower: &lower, upper: &upper, from: [a.index], maximumRowVisits: 100)
        #expect(outcome == .tightened([b.index, c.index]))
        #expect(upper == [0, 0, 0, 1])
        var tooFew = [0.0, 0, 0, 0], tooFewUpper = [0.0, 1, 1, 1]
        #expect(propagator.propagate(lower: &tooFew, upper: &tooFewUpper, from: [a.index], maximumRowVisits: 1) == .tightened([b.index]))
        var crossing = [0.0, 0, 1, 0], crossingUpper = [0.0, 1, 1, 1]  // c = 1 needs b, which needs a
        #expect(propagator.propagate(lower: &crossing, upper: &crossingUpper, from: [a.index], maximumRowVisits: 100) == .infeasible(row: 1))
    }

    @Test func reportsARowThatCannotHold() {
        var model = Model()
        let x = model.addVariable("x", kind: .binary), y = model.addVariable("y", kind: .binary)
        model.addConstraint(x + y >= 3, name: "impossible")
        let tightened = tightenedIntegerBounds(model)
        #expect(tightened.infeasibleRow == 0 && tightened.changedColumns.isEmpty)
    }

    /// On random pure-integer models small enough to enumerate, every integer-feasible point
    /// lies inside the tightened bounds, and the bounds do tighten on most models.
    @Test func keepsEveryIntegerFeasiblePoint() {
        var tightenedModels = 0
        for seed in 0..<300 as Range<UInt64> {
            var rng = SplitMix64(seed: 70_000 + seed)
            var model = Model(name: "enumerable-\(seed)")
            let columns = 4 + Int(rng.next() % 3)
            let x = (0..<columns).map { j in
                model.addVariable("x\(j)", lower: Double(rng.next() % 2) - 1, upper: Double(1 + rng.next() % 3), kind: .integer)
            }
            for r in 0..<(2 + Int(rng.next() % 3)) {
                var row = LinearExpression()
                for j in 0..<columns where rng.next() % 3 != 0 {
                    row.add(Double(Int(rng.next() % 13) - 6) + Double(rng.next() % 4) / 4, x[j])
                }
                let side = Double(Int(rng.next() % 9) - 2) + 0.5 * Double(rng.next() % 2)
                switch rng.next() % 3 {
                case 0: model.addConstraint(row <= side, name: "r\(r)")
                case 1: model.addConstraint(row >= -side, name: "r\(r)")
                default: model.addConstraint(LinearConstraint(row, lower: -side - 3, upper: side), name: "r\(r)")
                }
            }
            let tightened = tightenedIntegerBounds(model)
            if !tightened.changedColumns.isEmpty { tightenedModels += 1 }
            var feasible = 0
            forEachPoint(model) { point in
                guard model.violations(of: point, tolerance: 1e-9).isEmpty else { return }
                feasible += 1
                #expect(tightened.infeasibleRow == nil, "seed \(seed): row \(tightened.infeasibleRow ?? -1) called infeasible")
                for j in point.indices {
                    #expect(point[j] >= tightened.lower[j] && point[j] <= tightened.upper[j], "seed \(seed): x\(j) = \(point[j])")
                }
            }
            _ = feasible
        }
        #expect(tightenedModels > 100, "bounds tightened on \(tightenedModels) of 300 models")
    }

    /// Integer bounds after propagating every row of `model` (at most 20 visits per row).
    private struct TightenedBounds {
        var lower: [Double], upper: [Double]
        /// Columns whose bounds changed, ascending (none when a row cannot hold).
        var changedColumns: [Int]
        var infeasibleRow: Int?
    }

    private func tightenedIntegerBounds(_ model: Model) -> TightenedBounds {
        var lower = model.variables.map(\.lower), upper = model.variables.map(\.upper)
        switch BoundPropagator(model).propagate(lower: &lower, upper: &upper, from: nil,
                                                maximumRowVisits: 20 * max(1, model.constraintCount)) {
        case let .infeasible(row):
            return TightenedBounds(lower: model.variables.map(\.lower), upper: model.variables.map(\.upper),
                                   changedColumns: [], infeasibleRow: row)
        case let .tightened(columns):
            return TightenedBounds(lower: lower, upper: upper, changedColumns: Set(columns).sorted(), infeasibleRow: nil)
        }
    }

    /// Calls `body` with every integer point in the model's bounds.
    private func forEachPoint(_ model: Model, _ body: ([Double]) -> Void) {
        var point = model.variables.map(\.lower)
        while true {
            body(point)
            var j = 0
            while j < point.count {
                if point[j] < model.variables[j].upper { point[j] += 1; break }
                point[j] = model.variables[j].lower
                j += 1
            }
            if j == point.count { return }
        }
    }
}
