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

    /// A solve stopped part-way (an LP, lp_solve's branch and bound, the best-bound search)
    /// and then solved again on the same loaded model gives a fresh load's answer. lp_solve
    /// polls its abort callback right after its preprocessing and leaves the `lprec` as it is
    /// when stopped there; without loading it anew, the next solve crashed in `coldual` (the
    /// LP case, every run). A 1e-9 s limit stops at that first poll.
    @Test(arguments: ["LP", "lp_solve's search", "best-bound search"])
    func stoppedSolveThenResolve(kind: String) throws {
        let integer = kind != "LP", search: SolveOptions.Search = kind == "best-bound search" ? .bestBound : .solver
        var stopped = 0
        for seed in 0..<30 as Range<UInt64> {
            let n = integer ? search == .bestBound ? 60 : 40 : 150
            var model = randomFixedCharge(options: n, seed: 300 + seed)
            if !integer { model.relaxIntegrality() }
            let loaded = try LPSolveModel(model)
            // The search checks its deadline between LPs: a few milliseconds stop it inside one.
            var first = SolveOptions(timeLimit: search == .bestBound ? 0.001 * Double(1 + seed % 8) : 1e-9)
            first.search = search
            if try loaded.solve(options: first).termination == .timeLimit { stopped += 1 }
            let column = model.variable(at: Int(seed % 10) + n)
            loaded.setBounds(column, lower: 0, upper: 1)
            model.setBounds(column, lower: 0, upper: 1)
            var again = SolveOptions(timeLimit: TestSupport.timeBound(60))
            again.search = search
            let resolved = try loaded.solve(options: again)
            let fresh = try LPSolver().solve(model, options: again)
            #expect(resolved.termination == fresh.termination, "seed \(seed)")
            if let a = resolved.objective, let f = fresh.objective {
                #expect(TestSupport.relativeDifference(a, f) < 1e-9, "seed \(seed): re-solve \(a) vs fresh \(f)")
            }
        }
        #expect(stopped >= 20, "only \(stopped) of 30 first solves were stopped")
    }

    /// A solve asked for after its deadline (`SolveOptions.isLate`) on a model whose last solve
    /// was stopped answers at once, a time limit with the best known point, instead of loading
    /// the model anew (on a 200-company park that reload overran a 60 s limit by a minute);
    /// the next solve with time loads it and finds a fresh load's optimum.
    @Test(arguments: [SolveOptions.Search.solver, .bestBound])
    func lateSolveOnAStoppedModelKeepsTheKnownPoint(search: SolveOptions.Search) throws {
        // A 1e-9 s limit stops lp_solve at its first poll on most of these models (see above):
        // take the first seed where it does.
        var found: (Model, LPSolveModel)?
        for seed in 0..<10 as Range<UInt64> where found == nil {
            let model = randomFixedCharge(options: 60, seed: 400 + seed)
            let loaded = try LPSolveModel(model)
            var first = SolveOptions(timeLimit: 1e-9)
            first.search = .solver
            if try loaded.solve(options: first).termination == .timeLimit { found = (model, loaded) }
        }
        let (model, loaded) = try #require(found, "no solve was stopped")
        // Building nothing: every column 0 breaks no row (all rows are ≤ with positive sides).
        let nothing = [Double](repeating: 0, count: model.variableCount)
        #expect(model.violations(of: nothing, tolerance: 1e-9).isEmpty)
        var late = SolveOptions(timeLimit: SolveOptions.lateLimit)
        late.search = search
        #expect(late.isLate)
        let answer = try loaded.solve(knownPoints: [nothing], options: late)
        #expect(answer.termination == .timeLimit)
        #expect(answer.values == nothing && answer.objective == 0)
        #expect(answer.rawStatusText.contains("not reloaded"), "\(answer.rawStatusText)")
        var again = SolveOptions(timeLimit: TestSupport.timeBound(60))
        again.search = search
        let resolved = try loaded.solve(options: again)
        let fresh = try LPSolver().solve(model, options: again)
        #expect(resolved.termination == .optimal && fresh.termination == .optimal)
        if let a = resolved.objective, let f = fresh.objective {
            #expect(TestSupport.relativeDifference(a, f) < 1e-9, "re-solve \(a) vs fresh \(f)")
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

@Suite("Starting a loaded model from another's basis")
struct StartBasisTests {
    /// The payoff table's use (`PayoffTable.tieBroken`): an LP relaxation's optimal basis,
    /// read after its solve, starts a MIP of the same rows and columns (its root LP) and another
    /// LP with another objective. Every start ends where a fresh load does: a basis changes the
    /// path, never the answer. A basis of another shape is ignored; `nil` restores the default.
    @Test func lpBasisStartsAnotherModel() throws {
        var searches = SolveOptions()
        searches.search = .bestBound
        for seed in 0..<10 as Range<UInt64> {
            let model = randomBuildYears(options: 6, years: 3, seed: 96_000 + seed)
            var relaxed = model
            relaxed.relaxIntegrality()
            let lp = try LPSolver().load(relaxed)
            #expect(lp.startBasis == nil, "seed \(seed): nothing solved yet")
            let lpSolution = try lp.solve(options: SolveOptions())
            #expect(lpSolution.termination == .optimal, "seed \(seed)")
            let basis = try #require(lp.startBasis, "seed \(seed)")
            #expect(basis.count == 1 + model.constraintCount + model.variableCount)

            // A MIP started from it: its root LP is the relaxation's optimum already.
            let mip = try LPSolver().load(model)
            mip.startBasis = basis
            #expect(mip.startBasis == basis)
            mip.startBasis = [1, 2, 3]
            #expect(mip.startBasis == basis, "seed \(seed): a basis of another shape is ignored")
            let warm = try mip.solve(options: searches)
            let fresh = try LPSolver().solve(model, options: searches)
            #expect(warm.termination == .optimal && fresh.termination == .optimal, "seed \(seed)")
            if let a = warm.objective, let b = fresh.objective {
                #expect(TestSupport.relativeDifference(a, b) < 1e-9, "seed \(seed): warm \(a), fresh \(b)")
            }
            if let root = warm.rootRelaxation, let lpValue = lpSolution.objective {
                #expect(TestSupport.relativeDifference(root, lpValue) < 1e-9, "seed \(seed)")
            }

            // Another LP with another objective, started from it.
            var other = LinearExpression()
            for j in 0..<model.variableCount where !model.variables[j].isInteger { other.add(1, model.variable(at: j)) }
            var otherModel = relaxed
            otherModel.setObjective(.maximize, other)
            let second = try LPSolver().load(relaxed)
            second.setObjective(.maximize, other)
            second.startBasis = basis
            let started = try second.solve(options: SolveOptions())
            let alone = try LPSolver().solve(otherModel)
            #expect(started.termination == .optimal && alone.termination == .optimal, "seed \(seed)")
            if let a = started.objective, let b = alone.objective {
                #expect(TestSupport.relativeDifference(a, b) < 1e-9, "seed \(seed): started \(a), alone \(b)")
            }

            // `nil` puts the default basis back: nothing held, the same optimum from scratch.
            second.startBasis = nil
            #expect(second.startBasis == nil, "seed \(seed)")
            let scratch = try second.solve(options: SolveOptions())
            if let a = scratch.objective, let b = alone.objective {
                #expect(TestSupport.relativeDifference(a, b) < 1e-9, "seed \(seed): from scratch \(a), alone \(b)")
            }
            mip.startBasis = nil
            #expect(mip.startBasis == nil, "seed \(seed)")
        }
    }
}
