import Testing
import MILP
import TestSupport

@Suite("Extended cover cuts from knapsack rows")
struct KnapsackCoverTests {
    /// The operator's budget of 9 (millions) over facilities costing 6, 4, 3, 2.2 and 1.3: at an
    /// LP point that builds the 4 and a fifth of the 6, the cover {6, 4} (10 > 9) is violated,
    /// and its extension adds nothing (no other facility costs 6 or more): `x₆ + x₄ ≤ 1`.
    @Test func operatorBudget() {
        var model = Model()
        let costs = [6.0, 4, 3, 2.2, 1.3]
        let x = costs.indices.map { model.addVariable("facility\($0)", kind: .binary) }
        var spend = LinearExpression()
        for (j, c) in costs.enumerated() { spend.add(c, x[j]) }
        model.addConstraint(spend <= 9, name: "budget")
        let separator = KnapsackCoverSeparator(model)
        #expect(separator.count == 1)
        let point = [0.2, 1, 0, 0, 0]
        let cuts = separator.separate(point: point, lower: [0, 0, 0, 0, 0], upper: [1, 1, 1, 1, 1])
        #expect(cuts == [Cut(columns: [0, 1], coefficients: [1, 1], upper: 1)])
        #expect(abs(cuts[0].violation(at: point) - 0.2) < 1e-12)
        // The integral point that builds the 6 and the 3 is feasible and keeps the cut.
        #expect(cuts[0].violation(at: [1, 0, 1, 0, 0]) <= 0)
        // Nothing is violated where the LP point is itself a feasible combination.
        #expect(separator.separate(point: [1, 0, 1, 0, 0], lower: [0, 0, 0, 0, 0], upper: [1, 1, 1, 1, 1]).isEmpty)
    }

    /// A `≥` row is read as its negation, a negative coefficient complements its binary, a
    /// loan column weakens the row by all it can pay, and a binary fixed at the root moves to
    /// the right-hand side.
    @Test func complementsLoansAndFixedColumns() {
        var model = Model()
        let a = model.addVariable("a", kind: .binary), b = model.addVariable("b", kind: .binary)
        let c = model.addVariable("c", kind: .binary)
        // −3a − 3b + 2c ≥ −4  ⇔  3a + 3b + 2(1 − c) ≤ 6: a, b and "not c" cannot all hold.
        model.addConstraint(-3 * a - 3 * b + 2 * c >= -4, name: "complemented")
        let separator = KnapsackCoverSeparator(model)
        let cuts = separator.separate(point: [1, 1, 0.5], lower: [0, 0, 0], upper: [1, 1, 1])
        // a + b + (1 − c) ≤ 2  ⇔  a + b − c ≤ 1, violated by 0.5 at the point.
        #expect(cuts == [Cut(columns: [0, 1, 2], coefficients: [1, 1, -1], upper: 1)])
        // With c fixed to 0 at the root the row reads 3a + 3b ≤ 4: a + b ≤ 1.
        #expect(separator.separate(point: [1, 0.6, 0], lower: [0, 0, 0], upper: [1, 1, 0])
                    == [Cut(columns: [0, 1], coefficients: [1, 1], upper: 1)])

        var financed = Model()
        let x = financed.addVariable("x", kind: .binary), y = financed.addVariable("y", kind: .binary)
        let credit = financed.addVariable("credit", upper: 1)   // a loan paying up to 1.5
        financed.addConstraint(2 * x + 2 * y - 1.5 * credit <= 3, name: "budget")   // 4 − 1.5 ≤ 3
        let withCredit = KnapsackCoverSeparator(financed)
        #expect(withCredit.separate(point: [1, 1, 1], lower: [0, 0, 0], upper: [1, 1, 1]).isEmpty)
        #expect(withCredit.separate(point: [1, 0.5, 0], lower: [0, 0, 0], upper: [1, 1, 0]).count == 1)
    }

    /// On random single rows (binaries with either sign, continuous columns, fixed binaries,
    /// `≤`, `≥` and ranges) small enough to enumerate, every cut found at a random fractional
    /// point holds at every binary point the row admits, and cuts are found on many rows.
    @Test func everyCutKeepsEveryFeasiblePoint() {
        var found = 0
        for seed in 0..<400 as Range<UInt64> {
            var rng = SplitMix64(seed: 81_000 + seed)
            func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_000) / 1_000_000 }
            var model = Model()
            let binaries = 3 + Int(rng.next() % 6)
            let x = (0..<binaries).map { model.addVariable("x\($0)", kind: .binary) }
            let continuous = Int(rng.next() % 3)
            let c = (0..<continuous).map { model.addVariable("c\($0)", lower: -uniform(0, 1), upper: uniform(0, 2)) }
            var row = LinearExpression()
            for j in 0..<binaries { row.add((rng.next() % 4 == 0 ? -1 : 1) * uniform(0.5, 6), x[j]) }
            for j in 0..<continuous { row.add(uniform(-2, 2), c[j]) }
            let side = uniform(2, 12)
            switch rng.next() % 3 {
            case 0: model.addConstraint(row <= side, name: "row")
            case 1: model.addConstraint(-1 * row >= -side, name: "row")
            default: model.addConstraint(LinearConstraint(row, lower: side - uniform(2, 8), upper: side), name: "row")
            }
            var lower = model.variables.map(\.lower), upper = model.variables.map(\.upper)
            if rng.next() % 4 == 0 { let j = Int(rng.next() % UInt64(binaries)); let v = Double(rng.next() % 2); lower[j] = v; upper[j] = v }
            let separator = KnapsackCoverSeparator(model)
            for _ in 0..<5 {
                var point = (0..<model.variableCount).map { _ in uniform(0, 1) }
                for j in 0..<binaries where lower[j] == upper[j] { point[j] = lower[j] }
                let cuts = separator.separate(point: point, lower: lower, upper: upper)
                found += cuts.count
                for cut in cuts {
                    #expect(cut.violation(at: point) > 1e-3)
                    forEachBinaryPoint(binaries, lower: lower, upper: upper) { bits in
                        guard admits(model, bits: bits, lower: lower, upper: upper) else { return }
                        let full = bits + [Double](repeating: 0, count: continuous)
                        #expect(cut.violation(at: full) <= 1e-9, "seed \(seed): \(cut) cuts off \(bits)")
                    }
                }
            }
        }
        #expect(found > 100, "\(found) cuts on 400 rows")
    }

    /// Whether some continuous values within their bounds make the model's one row hold at `bits`.
    private func admits(_ model: Model, bits: [Double], lower: [Double], upper: [Double]) -> Bool {
        let constraint = model.constraints[0].constraint
        var fixed = 0.0, least = 0.0, most = 0.0
        for term in constraint.terms {
            let j = term.variable.index, a = term.coefficient
            if j < bits.count { fixed += a * bits[j] } else {
                least += min(a * lower[j], a * upper[j]); most += max(a * lower[j], a * upper[j])
            }
        }
        return fixed + least <= constraint.upper + 1e-9 && fixed + most >= constraint.lower - 1e-9
    }

    private func forEachBinaryPoint(_ count: Int, lower: [Double], upper: [Double], _ body: ([Double]) -> Void) {
        for mask in 0..<(1 << count) {
            let bits = (0..<count).map { Double((mask >> $0) & 1) }
            if (0..<count).allSatisfy({ bits[$0] >= lower[$0] && bits[$0] <= upper[$0] }) { body(bits) }
        }
    }
}
