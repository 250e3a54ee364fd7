import Testing
import MILP
import LPSolve

@Suite("Coefficient ranges, slack terms and unbounded models")
struct NumericsTests {
    /// Coefficients 1e-6 (row `tiny`) to 5e4 (row `huge`): ratio 5e10; `tiny`'s own spread is
    /// 1e-6 … 2 (2e6), `huge`'s 1 … 5e4.
    /// A shortfall within 1e-12 of a row's term magnitudes is round-off, not a violation: with
    /// terms of 8e11 (tiny.yaml at a discount rate of −0.95) a row cannot be evaluated closer
    /// than ~1e-4. The same shortfall on a row of ordinary terms is still reported.
    @Test func roundOffOfLargeTermsIsNotAViolation() {
        var model = Model(name: "round-off")
        let x = model.addVariable("x", lower: 0, upper: 1), y = model.addVariable("y", lower: 0, upper: 1)
        model.addConstraint(8e11 * x - 8e11 * y >= 0, name: "large")
        model.addConstraint(1 * x - 1 * y >= 0, name: "small")
        // x − y = −3e-14: 8e11 × it = −0.0245 on the large row, −3e-14 on the small one.
        let point = [0.5 - 3.0625e-14, 0.5]
        #expect(model.violations(of: point, tolerance: 1e-6).isEmpty)
        // 0.0245 short on terms of 8e11 is within 1e-12 × 8e11 = 0.8; 0.9 short is not.
        let far = [0.5 - 1.125e-12, 0.5]
        #expect(model.violations(of: far, tolerance: 1e-6).map(\.place).contains { $0.hasPrefix("constraint large") })
        var small = Model(name: "small")
        let u = small.addVariable("u", lower: 0, upper: 1)
        small.addConstraint(1 * u >= 0.5, name: "plain")
        #expect(!small.violations(of: [0.5 - 0.0245], tolerance: 1e-6).isEmpty)
    }

    @Test func coefficientRangeNamesTheRowsOfTheExtremes() {
        var model = Model(name: "wide")
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.addConstraint(1e-6 * x + 2 * y <= 1, name: "tiny")
        model.addConstraint(5e4 * x + y <= 1, name: "huge")
        model.addConstraint(3 * x <= 1, name: "single")
        model.setObjective(.maximize, x + y)
        let range = model.coefficientRange()
        #expect(range.smallest == 1e-6)
        #expect(range.largest == 5e4)
        #expect(abs(range.ratio - 5e10) < 1)
        #expect(range.smallestRow?.name == "tiny" && range.smallestRow?.smallestColumn == "x")
        #expect(range.largestRow?.name == "huge" && range.largestRow?.largestColumn == "x")
        #expect(range.widestRows.map(\.name) == ["tiny", "huge"])  // "single" and the objective spread 1
        #expect(range.widestRows.first?.description == "tiny (x 1e-06 … y 2e+00)")
        #expect(CoefficientRange.magnitude(1.26e9) == "1.3e+09")
        #expect(CoefficientRange.magnitude(9.96) == "1e+01")
    }

    @Test func addTermPutsASlackIntoARow() throws {
        var model = Model(name: "elastic")
        let x = model.addVariable("x", upper: 1)
        let row = model.addConstraint(LinearExpression(x) >= 3, name: "need")
        let slack = model.addVariable("slack")
        model.addTerm(2, slack, to: row)
        model.addTerm(1, x, to: row)  // merged with the existing term: 2x
        model.setObjective(.minimize, LinearExpression(slack))
        #expect(model.constraints[0].constraint.terms.map(\.coefficient) == [2, 2])
        let solution = try LPSolver().solve(model)
        #expect(solution.termination == .optimal)
        #expect(abs(solution[slack] - 0.5) < 1e-9)  // 2·1 + 2·0.5 = 3
        var other = Model(name: "other")
        let foreign = other.addVariable("z")
        model.addTerm(1, foreign, to: row)
        #expect(model.problems.contains { if case .foreignVariable = $0 { return true } else { return false } })
    }

    /// max x + y with x − y ≤ 1 and y ≥ 0 free above: y (and x with it) runs away; z is boxed.
    @Test func unboundedModelNamesTheColumnsThatRunAway() throws {
        var model = Model(name: "unbounded")
        let x = model.addVariable("x"), y = model.addVariable("y"), z = model.addVariable("z", upper: 4)
        model.addConstraint(x - y <= 1, name: "gap")
        model.setObjective(.maximize, x + y + z)
        let solution = try LPSolver().solve(model)
        #expect(solution.termination == .unbounded)
        let runaway = try model.runawayVariables(using: LPSolver())
        #expect(runaway.contains("y"))
        #expect(!runaway.contains("z"))
        // A bounded model has nothing to run away.
        model.setBounds(x, lower: 0, upper: 10)
        model.setBounds(y, lower: 0, upper: 10)
        #expect(try model.runawayVariables(using: LPSolver()).isEmpty)
    }
}
