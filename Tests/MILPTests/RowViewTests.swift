import Testing
import MILP
import TestSupport

@Suite("One row view of a model for the separators and bound propagation")
struct RowViewTests {
    /// Four columns (a binary, a general integer, two continuous) and five rows, one of each
    /// shape: `≤`, `≥`, `=`, a range, and a row written with a repeated column. Every entry of
    /// the view is spelled out by hand from the rows as written.
    @Test func handWrittenModel() {
        var model = Model()
        let x = model.addVariable("x", kind: .binary)
        let y = model.addVariable("y", lower: 0, upper: 5, kind: .integer)
        let z = model.addVariable("z", lower: -2)
        let w = model.addVariable("w", lower: -.infinity, upper: 8)
        model.addConstraint(3 * x + 2 * y - z <= 7, name: "le")                   // row 0
        model.addConstraint(LinearExpression(z) + LinearExpression(x) >= 1, name: "ge")   // row 1, written z before x
        model.addConstraint(y + 4 * w == 6, name: "eq")                             // row 2
        model.addConstraint(LinearConstraint(x - y + 0.5 * w, lower: 2, upper: 9), name: "range")   // row 3
        model.addConstraint(x + x + z <= 3, name: "repeated")                       // row 4: 2x + z

        let rows = RowView(model)
        #expect(rows.rowCount == 5 && rows.columnCount == 4)
        // Row-wise, columns in increasing order within each row (x = 0, y = 1, z = 2, w = 3).
        #expect(rows.rowStart == [0, 3, 5, 7, 10, 12])
        #expect(rows.columns == [0, 1, 2, /**/ 0, 2, /**/ 1, 3, /**/ 0, 1, 3, /**/ 0, 2])
        #expect(rows.coefficients == [3, 2, -1, /**/ 1, 1, /**/ 1, 4, /**/ 1, -1, 0.5, /**/ 2, 1])
        #expect(rows.lower == [-.infinity, 1, 6, 2, -.infinity])
        #expect(rows.upper == [7, .infinity, 6, 9, 3])
        #expect((0..<5).map(rows.sense) == [.lessOrEqual, .greaterOrEqual, .equal, .range, .lessOrEqual])
        #expect((0..<5).map(rows.length) == [3, 2, 2, 3, 2])
        // Column-wise: x is in rows 0, 1, 3, 4; y in 0, 2, 3; z in 0, 1, 4; w in 2, 3.
        #expect(rows.columnStart == [0, 4, 7, 10, 12])
        #expect(rows.rowsOfColumn == [0, 1, 3, 4, /**/ 0, 2, 3, /**/ 0, 1, 4, /**/ 2, 3])
        #expect(rows.positions == [0, 3, 7, 10, /**/ 1, 5, 8, /**/ 2, 4, 11, /**/ 6, 9])
        #expect(rows.isInteger == [true, true, false, false])
        #expect(rows.isZeroOne == [true, false, false, false])
        #expect(rows.columnLower == [0, 0, -2, -.infinity])
        #expect(rows.columnUpper == [1, 5, .infinity, 8])
    }

    /// A coefficient set to zero after the row was built is not a term of the view (as
    /// `addConstraint` drops zeros); the other terms keep their places.
    @Test func zeroCoefficientLeftOut() {
        var model = Model()
        let a = model.addVariable("a", kind: .binary), b = model.addVariable("b", kind: .binary)
        let c = model.addVariable("c")
        let row = model.addConstraint(a + 2 * b + 3 * c <= 4, name: "r")
        model.setCoefficient(row, b, 0)
        let rows = RowView(model)
        #expect(rows.columns == [0, 2] && rows.coefficients == [1, 3])
        #expect(rows.columnStart == [0, 1, 1, 2])
    }

    /// On random models with every row shape (the generator of the writer tests), each row of
    /// the view reads back as the model's row (same sides, same nonzero terms in order), and
    /// the column-wise lists hold every entry exactly once, pointing back at its own column.
    @Test func everyRowRoundTrips() {
        for seed in 0..<40 as Range<UInt64> {
            let model = randomMILP(columns: 10 + Int(seed % 7), rows: 6 + Int(seed % 5), seed: 7_000 + seed,
                                   maximize: seed % 2 == 0)
            let rows = RowView(model)
            #expect(rows.rowCount == model.constraintCount && rows.columnCount == model.variableCount)
            var seen = [Int](repeating: 0, count: rows.columns.count)
            for (r, info) in model.constraints.enumerated() {
                let terms = info.constraint.terms.filter { $0.coefficient != 0 }
                #expect(rows.terms(r).map { rows.columns[$0] } == terms.map(\.variable.index), "seed \(seed) row \(r)")
                #expect(rows.terms(r).map { rows.coefficients[$0] } == terms.map(\.coefficient), "seed \(seed) row \(r)")
                #expect(rows.lower[r] == info.constraint.lower && rows.upper[r] == info.constraint.upper)
                #expect(rows.sense(r) == info.constraint.sense)
            }
            for j in 0..<rows.columnCount {
                var previous = -1
                for q in rows.rows(j) {
                    let r = rows.rowsOfColumn[q], p = rows.positions[q]
                    #expect(rows.terms(r).contains(p) && rows.columns[p] == j, "seed \(seed) column \(j)")
                    #expect(r > previous)
                    previous = r
                    seen[p] += 1
                }
                #expect(rows.isInteger[j] == model.variables[j].isInteger)
                #expect(rows.columnLower[j] == model.variables[j].lower && rows.columnUpper[j] == model.variables[j].upper)
            }
            #expect(seen.allSatisfy { $0 == 1 }, "seed \(seed)")
        }
    }

    /// The search set up from options runs the three cut families on one view, in the order
    /// JSON `solver.cuts` lists them, and a separator built on a shared view finds what one
    /// built from the model finds.
    @Test func searchSharesOneView() {
        let model = randomFixedCharge(options: 12, seed: 3)
        let rows = RowView(model)
        #expect(BranchAndBound.separators(for: rows).map(\.name) == ["knapsack_cover", "flow_cover", "c_mir"])
        let search = BranchAndBound(model: model, options: SolveOptions(), start: nil)
        #expect(search.separators.map(\.name) == ["knapsack_cover", "flow_cover", "c_mir"])
        #expect(search.propagator?.rowCount == model.constraintCount)
        #expect(search.integerColumns == model.variables.indices.filter { model.variables[$0].isInteger })
        var rng = SplitMix64(seed: 11)
        let lower = model.variables.map(\.lower), upper = model.variables.map(\.upper)
        for _ in 0..<20 {
            let point = model.variables.map { info in
                min(info.upper, info.lower + Double(rng.next() % 1000) / 1000 * min(10, info.upper - info.lower))
            }
            for (shared, own) in zip(BranchAndBound.separators(for: rows),
                                     [KnapsackCoverSeparator(model), FlowCoverSeparator(model), MixedIntegerRoundingSeparator(model)] as [any CutSeparator]) {
                #expect(shared.separate(point: point, lower: lower, upper: upper) == own.separate(point: point, lower: lower, upper: upper))
            }
        }
    }
}
