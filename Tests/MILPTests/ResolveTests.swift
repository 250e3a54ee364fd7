import Testing
import MILP
import LPSolve
import TestSupport

@Suite("Re-solving a loaded model")
struct ResolveTests {
    /// Changing right-hand sides and bounds of a loaded MIP and re-solving gives the same
    /// answer as a fresh load, over many random MIPs (the default_basis trap of 5.5.2.5).
    @Test func mipResolveMatchesFreshSolve() throws {
        for seed in 0..<150 as Range<UInt64> {
            var model = randomMILP(columns: 12, rows: 8, seed: 9000 + seed)
            let loaded = try LPSolveModel(model)
            _ = try loaded.solve()
            var rng = SplitMix64(seed: seed)
            let row = ConstraintRef.first(of: model)
            let newUpper = Double(10 + rng.next() % 40)
            let old = model.constraints[0].constraint
            let (lower, upper) = old.sense == .greaterOrEqual ? (old.lower - 5, Double.infinity) : (old.lower, newUpper)
            loaded.setBounds(row, lower: lower, upper: upper)
            model.setBounds(row, lower: lower, upper: upper)
            let column = model.variable(at: Int(rng.next() % UInt64(model.variableCount)))
            let info = model[column]
            if info.kind != .binary && info.lower < info.upper {
                loaded.setBounds(column, lower: info.lower, upper: (info.lower + info.upper) / 2)
                model.setBounds(column, lower: info.lower, upper: (info.lower + info.upper) / 2)
            }
            let again = try loaded.solve()
            let fresh = try LPSolver().solve(model)
            #expect(again.termination == fresh.termination, "seed \(seed)")
            if let a = again.objective, let f = fresh.objective {
                #expect(TestSupport.relativeDifference(a, f) < 1e-9, "seed \(seed): re-solve \(a) vs fresh \(f)")
            }
        }
    }

    @Test func lpResolveWithNewObjective() throws {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.addConstraint(x + y <= 4, name: "r1")
        model.addConstraint(x + 3 * y <= 6, name: "r2")
        model.setObjective(.maximize, 3 * x + 2 * y)
        let loaded = try LPSolveModel(model)
        #expect(abs(try loaded.solve().objective! - 12) < 1e-9)  // x = 4
        loaded.setObjectiveCoefficient(y, 5)                    // now y pays: vertex (3, 1) gives 14
        #expect(abs(try loaded.solve().objective! - 14) < 1e-9)
    }
}

@Suite("Replacing the objective of a loaded model")
struct ObjectiveReplacementTests {
    /// A loaded MIP given a whole new objective (other columns, other sense, a constant)
    /// answers as a fresh load of the same model: old coefficients do not linger.
    @Test func newObjectiveMatchesFreshSolve() throws {
        for seed in 0..<60 as Range<UInt64> {
            var model = randomMILP(columns: 12, rows: 8, seed: 7000 + seed)
            let loaded = try LPSolveModel(model)
            _ = try loaded.solve()
            var rng = SplitMix64(seed: seed)
            var objective = LinearExpression(constant: Double(rng.next() % 10))
            for index in 0..<model.variableCount where rng.next() % 2 == 0 {
                objective.add(Double(Int(rng.next() % 9) - 4), model.variable(at: index))
            }
            let sense: Model.Sense = seed % 2 == 0 ? .minimize : .maximize
            loaded.setObjective(sense, objective)
            model.setObjective(sense, objective)
            let again = try loaded.solve()
            let fresh = try LPSolver().solve(model)
            #expect(again.termination == fresh.termination, "seed \(seed)")
            if let a = again.objective, let f = fresh.objective {
                #expect(TestSupport.relativeDifference(a, f) < 1e-9, "seed \(seed): re-solve \(a) vs fresh \(f)")
            }
        }
    }
}

extension ConstraintRef {
    /// The first row of a model (tests only).
    static func first(of model: Model) -> ConstraintRef { model.constraintRef(at: 0) }
}
