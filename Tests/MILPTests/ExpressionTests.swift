import Testing
@testable import MILP

@Suite("Linear expressions and constraints")
struct ExpressionTests {
    @Test func operatorsBuildTheExpectedRow() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let lhs: LinearExpression = 2 * x + y - 3
        let rhs: LinearExpression = -y + 10
        let constraint: LinearConstraint = lhs <= rhs
        // 2x + 2y <= 13 after moving terms and constants.
        let row = LinearExpression(terms: constraint.terms).normalized()
        #expect(row.terms.map(\.coefficient) == [2, 2])
        #expect(constraint.upper == 13)
        #expect(constraint.lower == -.infinity)
        #expect(constraint.sense == .lessOrEqual)
    }

    @Test func normalizationMergesAndDropsZeros() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let e = (x + y + 3 * x - y).normalized()
        #expect(e.terms.count == 1)
        #expect(e.terms[0].variable == x)
        #expect(e.terms[0].coefficient == 4)
    }

    @Test func senses() {
        var model = Model()
        let x = model.addVariable("x")
        #expect((x == 2).sense == .equal)
        #expect((x >= 2).sense == .greaterOrEqual)
        #expect(LinearConstraint(LinearExpression(x), lower: 1, upper: 3).sense == .range)
    }

    @Test func binaryBoundsAreClamped() {
        var model = Model()
        let b = model.addVariable("b", lower: -5, upper: 7, kind: .binary)
        #expect(model[b].lower == 0 && model[b].upper == 1)
        #expect(model.isMIP)
        #expect(model.integerCount == 1)
    }

    @Test func evaluationFindsViolations() {
        var model = Model()
        let x = model.addVariable("x", upper: 4)
        let y = model.addVariable("y", kind: .integer)
        model.addConstraint(x + y <= 5, name: "cap")
        #expect(model.violations(of: [1, 2]).isEmpty)
        let broken = model.violations(of: [4.5, 1.5])
        #expect(broken.count == 3)  // upper bound of x, integrality of y, row cap
    }
}
