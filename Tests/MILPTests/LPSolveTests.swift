import Testing
import MILP
import LPSolve
import TestSupport

@Suite("lp_solve backend on hand-solvable models")
struct LPSolveTests {
    let solver = LPSolver()

    /// max 10a + 13b + 7c + 8d  s.t. 4a + 6b + 3c + 5d <= 10, binary.
    /// Enumerating the 16 subsets: {a, b} weighs 10 and is worth 23; {a, c} 7/17; {b, c} 9/20;
    /// {c, d} 8/15; {a, d} 9/18; no triple fits (the lightest, a+c+d, weighs 12). Optimum 23.
    @Test func knapsack() throws {
        var model = Model(name: "knapsack")
        let values = [10.0, 13, 7, 8], weights = [4.0, 6, 3, 5]
        let items = (0..<4).map { model.addVariable("item\($0)", kind: .binary) }
        var weight = LinearExpression(), value = LinearExpression()
        for i in 0..<4 { weight.add(weights[i], items[i]); value.add(values[i], items[i]) }
        model.addConstraint(weight <= 10, name: "capacity")
        model.setObjective(.maximize, value)
        let solution = try solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(solution.hasSolution)
        #expect(abs(solution.objective! - 23) < 1e-9)
        #expect(items.map { solution[$0].rounded() } == [1, 1, 0, 0])
        #expect(solution.relativeGap == 0)
    }

    /// Capacitated facility location with single sourcing; the optimum is found in the test
    /// by enumerating all 3^5 assignments (facility opened iff used), independent of lp_solve.
    @Test func capacitatedFacilityLocation() throws {
        let fixed = [100.0, 80, 120]
        let capacity = [50.0, 40, 70]
        let demand = [20.0, 15, 25, 10, 18]
        let cost: [[Double]] = [  // cost[f][c] per unit
            [2, 4, 5, 3, 6], [3, 1, 4, 6, 2], [5, 3, 2, 2, 4],
        ]
        var best = Double.infinity
        for code in 0..<243 {
            var rest = code, load = [0.0, 0, 0], total = 0.0
            for c in 0..<5 {
                let f = rest % 3; rest /= 3
                load[f] += demand[c]; total += cost[f][c] * demand[c]
            }
            if (0..<3).contains(where: { load[$0] > capacity[$0] }) { continue }
            total += (0..<3).filter { load[$0] > 0 }.map { fixed[$0] }.reduce(0, +)
            best = min(best, total)
        }

        var model = Model(name: "cfl")
        let open = (0..<3).map { model.addVariable("open\($0)", kind: .binary) }
        let assign = (0..<3).map { f in (0..<5).map { c in model.addVariable("assign\(f)_\(c)", kind: .binary) } }
        var objective = LinearExpression()
        for f in 0..<3 {
            objective.add(fixed[f], open[f])
            var load = LinearExpression()
            for c in 0..<5 {
                objective.add(cost[f][c] * demand[c], assign[f][c])
                load.add(demand[c], assign[f][c])
                model.addConstraint(assign[f][c] <= open[f], name: "link\(f)_\(c)")
            }
            model.addConstraint(load <= capacity[f] * open[f], name: "cap\(f)")
        }
        for c in 0..<5 {
            model.addConstraint((0..<3).map { LinearExpression(assign[$0][c]) }.sum() == 1, name: "serve\(c)")
        }
        model.setObjective(.minimize, objective)
        let solution = try solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! - best) < 1e-6)
        #expect(model.violations(of: solution.values).isEmpty)
    }

    /// max 3x + 2y  s.t.  x + y <= 4 (r1),  x + 3y <= 7 (r2),  x <= 3 (r3).
    /// Optimum x = 3, y = 1, objective 11; r1 and r3 are tight, r2 has slack (6 < 7).
    /// Duals by hand: raising r1's side by δ moves y to 1 + δ, gaining 2δ, so dual(r1) = 2;
    /// raising r3's by δ moves x to 3 + δ and y to 1 − δ, gaining 3δ − 2δ, so dual(r3) = 1;
    /// dual(r2) = 0 (slack).
    @Test func linearProgramDualsByHand() throws {
        var model = Model(name: "lp")
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.addConstraint(x + y <= 4, name: "r1")
        model.addConstraint(x + 3 * y <= 7, name: "r2")
        model.addConstraint(1 * x <= 3, name: "r3")
        model.setObjective(.maximize, 3 * x + 2 * y)
        let solution = try solver.solve(model, options: SolveOptions(computeDuals: true))
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! - 11) < 1e-9)
        #expect(abs(solution[x] - 3) < 1e-9 && abs(solution[y] - 1) < 1e-9)
        let duals = try #require(solution.duals)
        #expect(abs(duals[0] - 2) < 1e-9)
        #expect(abs(duals[1]) < 1e-9)
        #expect(abs(duals[2] - 1) < 1e-9)
        let reduced = try #require(solution.reducedCosts)
        #expect(reduced.allSatisfy { abs($0) < 1e-9 })  // both columns basic
    }

    @Test func minimizationDualSign() throws {
        // min 2x + 3y s.t. x + y >= 10 (r), y >= 2 (s). Optimum x = 8, y = 2: objective 22.
        // Raising r's side by δ costs 2δ: dual(r) = 2. Raising s by δ swaps x for y: +1 per unit.
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.addConstraint(x + y >= 10, name: "r")
        model.addConstraint(1 * y >= 2, name: "s")
        model.setObjective(.minimize, 2 * x + 3 * y)
        let solution = try solver.solve(model, options: SolveOptions(computeDuals: true))
        #expect(abs(solution.objective! - 22) < 1e-9)
        let duals = try #require(solution.duals)
        #expect(abs(duals[0] - 2) < 1e-9)
        #expect(abs(duals[1] - 1) < 1e-9)
    }

    /// The root LP relaxation includes the objective constant: knapsack relaxation takes items
    /// a and c whole and half of b: 10 + 7 + 6.5 = 23.5, plus the constant 100. A known
    /// incumbent (the optimum itself, or below it) prunes without losing the optimum; one
    /// above the optimum is reported as a limit, not as optimal.
    @Test func rootRelaxationAndIncumbentCutoff() throws {
        var model = Model(name: "knapsack")
        let values = [10.0, 13, 7, 8], weights = [4.0, 6, 3, 5]
        let items = (0..<4).map { model.addVariable("item\($0)", kind: .binary) }
        var weight = LinearExpression(), value = LinearExpression(constant: 100)
        for i in 0..<4 { weight.add(weights[i], items[i]); value.add(values[i], items[i]) }
        model.addConstraint(weight <= 10, name: "capacity")
        model.setObjective(.maximize, value)
        let plain = try solver.solve(model)
        #expect(abs(try #require(plain.rootRelaxation) - 123.5) < 1e-9)
        for incumbent in [122.0, 123.0] {
            let cut = try solver.solve(model, options: SolveOptions(incumbentObjective: incumbent))
            #expect(cut.termination == .optimal && abs(cut.objective! - 123) < 1e-9)
        }
        let wrong = try solver.solve(model, options: SolveOptions(incumbentObjective: 124))
        #expect(wrong.termination != .optimal)
    }

    @Test func infeasibleModel() throws {
        var model = Model()
        let x = model.addVariable("x", upper: 5, kind: .integer)
        model.addConstraint(1 * x >= 6, name: "too_much")
        model.setObjective(.maximize, 1 * x)
        let solution = try solver.solve(model)
        #expect(solution.termination == .infeasible)
        #expect(!solution.hasSolution)
        #expect(solution.objective == nil)
        #expect(solution.rawStatusText == "INFEASIBLE")
    }

    @Test func unboundedModel() throws {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.addConstraint(x - y <= 1, name: "r")
        model.setObjective(.maximize, x + y)
        let solution = try solver.solve(model)
        #expect(solution.termination == .unbounded)
        #expect(!solution.hasSolution)
    }

    @Test func rangeRowsAndNegativeBounds() throws {
        // max x - y, -2 <= x + y <= 3, x in [-1, 2], y in [-4, 5] free-ish: optimum x = 2, y = -4 → x+y = -2 ok.
        var model = Model()
        let x = model.addVariable("x", lower: -1, upper: 2)
        let y = model.addVariable("y", lower: -4, upper: 5)
        model.addConstraint(LinearConstraint(x + y, lower: -2, upper: 3), name: "band")
        model.setObjective(.maximize, x - y + 10)
        let solution = try solver.solve(model)
        #expect(abs(solution.objective! - 16) < 1e-9)  // 2 - (-4) + 10
    }

    /// A market-split instance (Cornuéjols & Dawande 1999), notoriously hard for branch and
    /// bound: lp_solve finds an incumbent at once and cannot close the gap in 1 s.
    @Test func timeLimitReturnsIncumbentAndGap() throws {
        var rng = SplitMix64(seed: 2024)
        var model = Model(name: "market-split")
        let n = 40, m = 5
        let x = (0..<n).map { model.addVariable("x\($0)", kind: .binary) }
        var objective = LinearExpression()
        for i in 0..<m {
            let a = (0..<n).map { _ in Double(rng.next() % 100) }
            let plus = model.addVariable("over\(i)"), minus = model.addVariable("under\(i)")
            var row = LinearExpression()
            for j in 0..<n { row.add(a[j], x[j]) }
            model.addConstraint(row + plus - minus == (a.reduce(0, +) / 2).rounded(.down), name: "split\(i)")
            objective += plus + minus
        }
        model.setObjective(.minimize, objective)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 1.0))
        #expect(solution.termination == .timeLimit)
        #expect(solution.hasSolution)
        #expect(solution.seconds < TestSupport.timeBound(3))
        let incumbent = try #require(solution.objective)
        let bound = try #require(solution.bestBound)
        #expect(bound <= incumbent + 1e-9)
        #expect(try #require(solution.relativeGap) > 0)
        #expect(model.violations(of: solution.values).isEmpty)
    }

    @Test func callerCanInterrupt() throws {
        var rng = SplitMix64(seed: 7)
        var model = Model()
        let x = (0..<40).map { model.addVariable("x\($0)", kind: .binary) }
        var objective = LinearExpression()
        for i in 0..<5 {
            let a = (0..<40).map { _ in Double(rng.next() % 100) }
            let plus = model.addVariable("p\(i)"), minus = model.addVariable("m\(i)")
            var row = LinearExpression()
            for j in 0..<40 { row.add(a[j], x[j]) }
            model.addConstraint(row + plus - minus == (a.reduce(0, +) / 2).rounded(.down))
            objective += plus + minus
        }
        model.setObjective(.minimize, objective)
        let start = ContinuousClock.now
        let solution = try solver.solve(model, options: SolveOptions(shouldStop: { ContinuousClock.now - start > .milliseconds(300) }))
        let elapsed = ContinuousClock.now - start
        // A solve that ends before the stop request could only be proven optimal in time.
        #expect(solution.termination == .interrupted || (solution.termination == .optimal && elapsed < .milliseconds(300)),
                "\(solution.termination) after \(elapsed), \(solution.nodes) nodes")
    }
}
