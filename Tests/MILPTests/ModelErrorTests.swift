import Testing
import MILP
import LPSolve

@Suite("Bad input is a typed error, never a crash")
struct ModelErrorTests {
    private func solveError(_ model: Model) -> SolverError? {
        do { _ = try LPSolver().solve(model); return nil } catch { return error }
    }

    @Test func nanCoefficientIsRejected() {
        var model = Model()
        let x = model.addVariable("x", upper: 1)
        model.addConstraint(Double.nan * x <= 1, name: "bad")
        model.setObjective(.maximize, 1 * x)
        guard case .invalidModel(.nonFiniteCoefficient(let place, let value)) = solveError(model) else {
            Issue.record("expected a non-finite coefficient error"); return
        }
        #expect(place == "constraint bad, variable x")
        #expect(value.isNaN)
    }

    @Test func infiniteObjectiveCoefficientIsRejected() {
        var model = Model()
        let x = model.addVariable("x", upper: 1)
        model.setObjective(.maximize, Double.infinity * x)
        guard case .invalidModel(.nonFiniteCoefficient(let place, _)) = solveError(model) else {
            Issue.record("expected a non-finite coefficient error"); return
        }
        #expect(place.contains("objective"))
    }

    @Test func nanBoundAndInvertedBounds() {
        var model = Model()
        _ = model.addVariable("x", lower: .nan)
        guard case .invalidModel(.nonFiniteBound(let name, let lower, _)) = solveError(model) else {
            Issue.record("expected a non-finite bound error"); return
        }
        #expect(name == "x" && lower.isNaN)
        var other = Model()
        _ = other.addVariable("y", lower: 3, upper: 1)
        #expect(solveError(other) == .invalidModel(.invertedBounds(variable: "y", lower: 3, upper: 1)))
    }

    @Test func variableOfAnotherModel() {
        var first = Model(name: "first")
        let x = first.addVariable("x")
        var second = Model(name: "second")
        let y = second.addVariable("y")
        second.addConstraint(x + y <= 1, name: "mixed")
        guard case .invalidModel(.foreignVariable(let place, _)) = solveError(second) else {
            Issue.record("expected a foreign-variable error"); return
        }
        #expect(place.contains("mixed"))
        #expect("\(ModelError.foreignVariable(place: "constraint mixed", index: 0))".contains("another model"))
    }

    @Test func emptyModel() {
        #expect(solveError(Model()) == .invalidModel(.empty))
    }

    @Test func infiniteRightHandSide() {
        var model = Model()
        let x = model.addVariable("x")
        model.addConstraint(LinearConstraint(LinearExpression(x), lower: .infinity), name: "r")
        #expect(solveError(model) == .invalidModel(.nonFiniteRightHandSide(constraint: "r", lower: .infinity, upper: .infinity)))
    }

    @Test func writersRefuseBadModels() {
        var model = Model()
        let x = model.addVariable("x")
        model.setObjective(.minimize, Double.nan * x)
        #expect(throws: ModelError.self) { try model.mpsText() }
        #expect(throws: ModelError.self) { try model.lpText() }
    }

    @Test func badBoundsSetOnALoadedModelAreCaught() throws {
        var model = Model()
        let x = model.addVariable("x", upper: 3)
        model.setObjective(.maximize, 1 * x)
        let loaded = try LPSolveModel(model)
        loaded.setBounds(x, lower: 5, upper: 1)
        #expect(throws: SolverError.self) { try loaded.solve() }
    }
}

@Suite("Bounds are checked as they stand")
struct BoundCheckTests {
    @Test func correctedBoundsClearTheError() throws {
        var model = Model()
        let x = model.addVariable("x", lower: 4, upper: 1)
        model.setObjective(.maximize, 1 * x)
        #expect(throws: ModelError.invertedBounds(variable: "x", lower: 4, upper: 1)) { try model.validate() }
        model.setBounds(x, lower: 0, upper: 1)
        try model.validate()
        let row = model.addConstraint(1 * x <= 1, name: "r")
        model.setBounds(row, lower: 3, upper: 2)
        #expect(throws: ModelError.emptyRange(constraint: "r", lower: 3, upper: 2)) { try model.validate() }
    }

    @Test func presolvedModelsAreNotResolved() throws {
        var model = Model()
        let x = model.addVariable("x", upper: 3, kind: .integer)
        model.setObjective(.maximize, 1 * x)
        let loaded = try LPSolveModel(model)
        _ = try loaded.solve(options: SolveOptions(presolve: true))
        #expect(throws: SolverError.self) { try loaded.solve() }
    }
}
