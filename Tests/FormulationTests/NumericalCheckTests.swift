import Analysis
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

@Suite("Numerical checks of models and reported designs")
struct NumericalCheckTests {
    /// The shipped scenarios stay well inside what lp_solve handles (the formulation's shares
    /// and scaled units are there for that, docs/model.md §2).
    @Test(arguments: ["tiny.yaml", "hiep-phuoc.yaml"])
    func shippedModelsHaveNarrowCoefficientRanges(name: String) throws {
        let formulation = ParkFormulation(try shipped(name, policy: nil))
        let check = NumericalCheck(model: formulation.model, point: nil)
        #expect(check.coefficients.ratio < 1e7, "\(check.coefficients.ratio) in \(check.coefficients.widestRows)")
        #expect(check.warnings.isEmpty)
    }

    /// A flow coefficient of 1e-7 next to a budget coefficient of 5e3 (as a model written in raw
    /// tonnes and USD could have): ratio 5e10, and the warning names both rows.
    @Test func wideCoefficientsAreWarnedAbout() {
        var model = Model(name: "wide")
        let x = model.addVariable("flow[a,0]", upper: 1), y = model.addVariable("build[a,0]", kind: .binary)
        model.addConstraint(1e-7 * x - y <= 0, name: "active[a,0]")
        model.addConstraint(5e3 * y <= 1e4, name: "budget[b]")
        let check = NumericalCheck(model: model, point: nil)
        #expect(check.coefficientsTooWide)
        let warning = check.warnings.first ?? ""
        #expect(warning.hasPrefix("warning: the model's coefficients span 1e-07 to 5e+03 (ratio 5e+10, above the 1e+09"))
        #expect(warning.contains("smallest in active[a,0] (flow[a,0]), largest in budget[b] (build[a,0])"))
        #expect(warning.contains("widest rows: active[a,0] (flow[a,0] 1e-07 … build[a,0] 1e+00)"))
    }

    /// A point off by 1e-5 is a warning; off by 0.01 it is a failure (`solve` exits 70).
    @Test func reportedPointsAreVerified() throws {
        var model = Model(name: "check")
        let x = model.addVariable("x", upper: 10)
        model.addConstraint(LinearExpression(x) <= 2, name: "cap")
        let good = NumericalCheck(model: model, point: [2])
        #expect(good.checked && good.violations.isEmpty && !good.failed && good.warnings.isEmpty)
        let slightly = NumericalCheck(model: model, point: [2 + 1e-5])
        #expect(slightly.violations.count == 1 && !slightly.failed)
        #expect(slightly.warnings.first?.hasPrefix("warning: the reported design breaks 1 bound(s) or row(s)") == true)
        let badly = NumericalCheck(model: model, point: [2.01])
        #expect(badly.failed)
        #expect(badly.warnings.first?.hasPrefix("error:") == true)
    }

    /// Every design `ParkOptimizer` reports is checked, and the shipped ones pass.
    @Test func optimizerChecksItsDesign() throws {
        let result = try ParkOptimizer(backend: LPSolver()).optimize(try shipped("tiny.yaml", policy: "legal_reform"))
        let numerics = try #require(result.numerics)
        #expect(numerics.checked)
        #expect(numerics.violations.isEmpty)
        #expect(numerics.largestViolation < 1e-6)
        #expect(!numerics.failed)
    }
}
