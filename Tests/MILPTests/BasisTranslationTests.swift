import Testing
import MILP
@testable import LPSolve
import TestSupport

/// `LoadedModel.setStartBasis(_:of:)` on lp_solve: a basis read from one model starts a model
/// with a column or a row more or fewer (a sensitivity evaluation whose parameters drop a
/// `keeps_value` binary, say), matched by name.
@Suite struct BasisTranslationTests {
    /// `model` without column `dropped` (its terms left out everywhere) and without row
    /// `droppedRow`, plus a new row `extra: flow0_0 ≤ 0.9` when `addRow`.
    static func variant(of model: Model, droppingColumn dropped: Int?, droppingRow droppedRow: Int?, addRow: Bool) -> Model {
        var other = Model(name: model.name + "-variant")
        var columns: [Variable?] = []
        for (j, info) in model.variables.enumerated() {
            columns.append(j == dropped ? nil : other.addVariable(info.name, lower: info.lower, upper: info.upper, kind: info.kind))
        }
        func translated(_ terms: [LinearExpression.Term]) -> [LinearExpression.Term] {
            terms.compactMap { term in columns[term.variable.index].map { LinearExpression.Term($0, term.coefficient) } }
        }
        for (i, info) in model.constraints.enumerated() where i != droppedRow {
            let c = info.constraint
            other.addConstraint(LinearConstraint(terms: translated(c.terms), lower: c.lower, upper: c.upper), name: info.name)
        }
        if addRow, let flow = model.variables.firstIndex(where: { $0.name == "flow0_0" }), let column = columns[flow] {
            other.addConstraint(LinearConstraint(terms: [LinearExpression.Term(column, 1)], lower: -.infinity, upper: 0.9), name: "extra")
        }
        other.setObjective(model.sense, LinearExpression(terms: translated(model.objective.terms), constant: model.objective.constant))
        return other
    }

    /// Every translated basis names each of the new model's rows and columns once, with as many
    /// basic variables as rows; a MIP started from it ends where a fresh load does.
    @Test func aBasisStartsAModelWithAColumnOrARowMoreOrFewer() throws {
        var searches = SolveOptions()
        searches.search = .bestBound
        var translatedCount = 0
        for seed in 0..<12 as Range<UInt64> {
            let model = randomBuildYears(options: 5, years: 3, seed: 98_000 + seed)
            let base = try LPSolver().load(model)
            _ = try base.solve(options: searches)
            let basis = try #require(base.startBasis, "seed \(seed)")
            let cases: [(Int?, Int?, Bool)] = [
                (Int(seed) % model.variableCount, nil, false),    // a column fewer
                (nil, Int(seed) % model.constraintCount, false),  // a row fewer
                (nil, nil, true),                                  // a row more
                (0, 1, true),                                      // all three
            ]
            for (dropped, droppedRow, addRow) in cases {
                let other = Self.variant(of: model, droppingColumn: dropped, droppingRow: droppedRow, addRow: addRow)
                let label = "seed \(seed), column \(String(describing: dropped)), row \(String(describing: droppedRow)), extra \(addRow)"
                let translated = try #require(LPSolveModel.translate(basis, from: model, to: other), "\(label)")
                let rows = other.constraintCount, size = rows + other.variableCount
                #expect(translated.count == 1 + size, "\(label)")
                #expect(Set(translated.dropFirst().map { abs(Int($0)) }) == Set(1...size), "\(label): every row and column once")
                translatedCount += 1
                let warm = try LPSolver().load(other)
                warm.setStartBasis(basis, of: model)
                #expect(warm.startBasis == translated, "\(label)")
                let a = try warm.solve(options: searches), b = try LPSolver().solve(other, options: searches)
                #expect(a.termination == b.termination, "\(label)")
                if let x = a.objective, let y = b.objective {
                    #expect(TestSupport.relativeDifference(x, y) < 1e-9, "\(label): from the translated basis \(x), fresh \(y)")
                }
            }
        }
        #expect(translatedCount == 48)
    }

    /// The same columns and rows: the basis as it is. A basis of another size: nothing.
    @Test func sameShapeKeepsTheBasisAndAWrongSizeIsRefused() throws {
        let model = randomBuildYears(options: 4, years: 3, seed: 98_100)
        let loaded = try LPSolver().load(model)
        var searches = SolveOptions()
        searches.search = .bestBound
        _ = try loaded.solve(options: searches)
        let basis = try #require(loaded.startBasis)
        let again = try LPSolver().load(model)
        again.setStartBasis(basis, of: model)
        #expect(again.startBasis == basis)
        #expect(LPSolveModel.translate([0, 1, 2], from: model, to: model) == nil)
    }

    /// A point of one model as a point of a model with a column fewer and one renamed: by name.
    @Test func pointsMatchByName() {
        var a = Model(name: "a")
        _ = a.addVariable("x"); _ = a.addVariable("y"); _ = a.addVariable("z")
        var b = Model(name: "b")
        _ = b.addVariable("z"); _ = b.addVariable("x"); _ = b.addVariable("w")
        #expect(b.point([1, 2, 3], of: a) == [3, 1, nil])
        #expect(a.point([1, 2, 3], of: a) == [1, 2, 3])
    }
}
