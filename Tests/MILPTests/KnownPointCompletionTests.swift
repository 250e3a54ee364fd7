import Testing
import MILP
import LPSolve
import TestSupport

/// `LoadedModel.completion(of:options:)` and the model comparisons a sensitivity study uses to
/// start from, or take the answer of, another model's solve (`Model.hasSameColumnsAndRows`,
/// `Model.isSameProblem`).
@Suite struct KnownPointCompletionTests {
    /// A plant built or not (b), and what it makes (f):
    ///   max 3 f − 4 b   s.t.  f ≤ 5 b,  f ≤ 3,  f ≥ 0,  b binary.
    /// Built, f = 3 earns 9 − 4 = 5; not built, f = 0 earns 0. So the optimum is (1, 3), 5.
    static func plant(minimumOutput: Double = 0) -> Model {
        var model = Model(name: "plant")
        let b = model.addVariable("build", kind: .binary)
        let f = model.addVariable("output", lower: minimumOutput, upper: 3)
        model.addConstraint(f - 5 * b <= 0, name: "only_if_built")
        model.setObjective(.maximize, 3 * f - 4 * b)
        return model
    }

    @Test func completionSolvesTheContinuousPartForTheIntegerPart() throws {
        let options = SolveOptions()
        let loaded = try LPSolver().load(Self.plant())
        // Built (b = 1, given with a wrong output 0): the output is solved anew, f = 3.
        let built = try #require(try loaded.completion(of: [1, 0], options: options))
        #expect(abs(built[0] - 1) < 1e-9 && abs(built[1] - 3) < 1e-9, "\(built)")
        // b = 0.9999999 is taken as 1 (rounded).
        #expect(try loaded.completion(of: [0.9999999, 2], options: options).map { abs($0[1] - 3) < 1e-9 } == true)
        // Not built: f = 0 is all it may make.
        let idle = try #require(try loaded.completion(of: [0, 3], options: options))
        #expect(abs(idle[0]) < 1e-9 && abs(idle[1]) < 1e-9, "\(idle)")
        // b = 2 is outside b's bounds: no completion, nothing changed.
        #expect(try loaded.completion(of: [2, 3], options: options) == nil)
        #expect(try loaded.completion(of: [1], options: options) == nil, "a point of another width")
        // The bounds are put back: the model is the one loaded, and solving it gives (1, 3), 5.
        #expect(loaded.model[loaded.model.variable(at: 0)].lower == 0 && loaded.model[loaded.model.variable(at: 0)].upper == 1)
        let solution = try loaded.solve(options: options)
        #expect(solution.termination == .optimal)
        #expect(abs((solution.objective ?? .nan) - 5) < 1e-9)
    }

    /// With an output of at least 1 required, "not built" admits no point (f ≤ 5·0 = 0 < 1).
    @Test func anInfeasibleIntegerPartHasNoCompletion() throws {
        let loaded = try LPSolver().load(Self.plant(minimumOutput: 1))
        #expect(try loaded.completion(of: [0, 0], options: SolveOptions()) == nil)
        let built = try #require(try loaded.completion(of: [1, 1], options: SolveOptions()))
        #expect(abs(built[1] - 3) < 1e-9)
        #expect(abs((try loaded.solve(options: SolveOptions()).objective ?? .nan) - 5) < 1e-9, "bounds put back")
    }

    /// The start basis set before a completion is the one after it (the completion's own LP
    /// does not replace it).
    @Test func completionKeepsTheStartBasis() throws {
        var searches = SolveOptions()
        searches.search = .bestBound
        let model = randomBuildYears(options: 5, years: 3, seed: 97_001)
        let loaded = try LPSolver().load(model)
        _ = try loaded.solve(options: searches)
        let basis = try #require(loaded.startBasis)
        let point = try LPSolver().solve(model, options: searches).values
        #expect(point.count == model.variableCount)
        #expect(try loaded.completion(of: point, options: searches) != nil)
        #expect(loaded.startBasis == basis)
    }

    @Test func sameProblemComparesEveryNumber() {
        let a = Self.plant(), b = Self.plant()
        #expect(a.isSameProblem(as: b) && a.problemHash == b.problemHash)
        #expect(a.hasSameColumnsAndRows(as: b))
        // Another lower bound on f: same columns and rows, another problem.
        let c = Self.plant(minimumOutput: 1)
        #expect(a.hasSameColumnsAndRows(as: c) && !a.isSameProblem(as: c))
        // Another coefficient, another objective constant, another sense.
        var d = Self.plant()
        d.setCoefficient(d.constraintRef(at: 0), d.variable(at: 1), 2)
        #expect(a.hasSameColumnsAndRows(as: d) && !a.isSameProblem(as: d))
        var e = Self.plant()
        e.setObjective(.maximize, 3 * e.variable(at: 1) - 4 * e.variable(at: 0) + 1)
        #expect(!a.isSameProblem(as: e))
        var f = Self.plant()
        f.setObjective(.minimize, 3 * f.variable(at: 1) - 4 * f.variable(at: 0))
        #expect(!a.isSameProblem(as: f))
        // A column renamed or made continuous: not the same columns.
        var g = Model(name: "plant")
        let gb = g.addVariable("build", lower: 0, upper: 1, kind: .integer)
        let gf = g.addVariable("output", upper: 3)
        g.addConstraint(gf - 5 * gb <= 0, name: "only_if_built")
        g.setObjective(.maximize, 3 * gf - 4 * gb)
        #expect(!a.hasSameColumnsAndRows(as: g))
        var h = Model(name: "plant")
        let hb = h.addVariable("built", kind: .binary)
        let hf = h.addVariable("output", upper: 3)
        h.addConstraint(hf - 5 * hb <= 0, name: "only_if_built")
        h.setObjective(.maximize, 3 * hf - 4 * hb)
        #expect(!a.hasSameColumnsAndRows(as: h))
    }
}
