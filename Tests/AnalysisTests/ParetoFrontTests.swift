import Analysis
import Foundation
import LPSolve
import MILP
import MultiObjective
import Testing
import TestSupport

/// AUGMECON2 on small binary problems whose every feasible point is enumerated.
@Suite("ε-constraint front against brute force")
struct ParetoFrontTests {
    /// Checks a computed front against the enumeration: the payoff table is the lexicographic
    /// one, every point is feasible and nondominated, no two points are equal, every point is
    /// the ε-optimum of some grid level, and every level whose ε-optimum is unique is in the
    /// front (nothing the grid can reach is missed).
    /// With `neighbourhood`, every level first searches near the previous optimum (over all
    /// the binaries): the front must not change.
    func check(_ instance: BinaryProblem, points: Int, threads: Int, neighbourhood: Bool = false,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> ParetoFront {
        let count = instance.problem.objectives.count
        let binaries = neighbourhood ? (0..<instance.size).map { instance.problem.model.variable(at: $0) } : []
        let front = try AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: points, threads: threads, neighbourhood: binaries, neighbourhoodSize: 2)
            .front(instance.problem)
        let values = instance.feasibleValues
        let payoff = BinaryProblem.lexicographicPayoff(values, objectives: count)
        #expect(front.failure == nil, sourceLocation: sourceLocation)
        let table = front.payoff.values.map { $0.map { $0.rounded() } }
        #expect(table == payoff, "payoff \(front.payoff.values) vs \(payoff)", sourceLocation: sourceLocation)
        let levels = BinaryProblem.levels(payoff, points: points)
        #expect(front.levels.count == levels.count && zip(front.levels, levels).allSatisfy { a, b in
            a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 }
        }, sourceLocation: sourceLocation)
        let nondominated = BinaryProblem.nondominated(values)
        let optima = BinaryProblem.levelOptima(values, payoff: payoff, levels: levels)
        let reachable = optima.values.reduce(into: Set<[Double]>()) { $0.formUnion($1) }
        let required = Set(optima.values.filter { $0.count == 1 }.map { $0.first! })
        // Solver values are integers up to lp_solve's tolerance: round before comparing.
        let found = front.points.map { $0.objectives.map { $0.rounded() } }
        for (point, rounded) in zip(front.points, found) {
            #expect(zip(point.objectives, rounded).allSatisfy { abs($0 - $1) < 1e-6 }, sourceLocation: sourceLocation)
            #expect(point.proven, sourceLocation: sourceLocation)
        }
        #expect(Set(found).count == found.count, "duplicate points \(found)", sourceLocation: sourceLocation)
        #expect(Set(found).isSubset(of: nondominated), "dominated: \(Set(found).subtracting(nondominated))", sourceLocation: sourceLocation)
        #expect(Set(found).isSubset(of: reachable), "not an ε-optimum: \(Set(found).subtracting(reachable))", sourceLocation: sourceLocation)
        #expect(required.isSubset(of: Set(found)), "missed: \(required.subtracting(Set(found)))", sourceLocation: sourceLocation)
        let s = front.statistics
        #expect(s.gridLevels == levels.reduce(1) { $0 * $1.count }, sourceLocation: sourceLocation)
        // Every level is accounted for exactly once.
        #expect(s.solves + s.bypassed + s.skippedInfeasible + s.unsolved == s.gridLevels, "\(s)", sourceLocation: sourceLocation)
        #expect(s.unsolved == 0 && s.notProven == 0 && s.dominated == 0, sourceLocation: sourceLocation)
        return front
    }

    /// Re-solving each point alone, from a fresh model built here (the problem, `f_k ≥ e_k` at
    /// the point's first level, the augmented objective), gives the same objectives.
    func resolveAlone(_ instance: BinaryProblem, _ front: ParetoFront, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = instance.problem
        let ranges = problem.objectives.indices.map { front.payoff.range($0) }
        for point in front.points {
            var model = problem.model
            for (c, bound) in point.bounds.enumerated() {
                model.addConstraint(problem.objectives[c + 1] >= bound - 1e-9 * max(1, abs(bound)), name: "eps\(c)")
            }
            var objective = problem.objectives[0]
            for k in 1..<problem.objectives.count {
                objective.add(problem.objectives[k], scaledBy: 1e-4 * ranges[0] * pow(10, -Double(k - 1)) / ranges[k])
            }
            model.setObjective(.maximize, objective)
            let alone = try LPSolver().solve(model)
            #expect(alone.termination == .optimal, sourceLocation: sourceLocation)
            let again = problem.values(at: alone.values)
            #expect(zip(again, point.objectives).allSatisfy { abs($0 - $1) < 1e-6 }, "\(again) vs \(point.objectives)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 0..<12 as Range<UInt64>)
    func biObjectiveFrontIsExact(seed: UInt64) throws {
        let instance = BinaryProblem.random(size: 12, objectives: 2, seed: 100 + seed)
        let front = try check(instance, points: 21, threads: 2, neighbourhood: seed % 2 == 1)
        #expect(front.points.count >= 2)
        if seed % 2 == 1 { #expect(front.statistics.neighbourhoodSolves > 0) }
        try resolveAlone(instance, front)
    }

    @Test(arguments: 0..<6 as Range<UInt64>)
    func triObjectiveFrontIsExact(seed: UInt64) throws {
        let instance = BinaryProblem.random(size: 11, objectives: 3, seed: 300 + seed)
        let front = try check(instance, points: 8, threads: 2, neighbourhood: seed % 2 == 0)
        try resolveAlone(instance, front)
    }

    /// A fine grid reaches every nondominated point of a bi-objective integer problem (levels
    /// one unit of f2 apart), and the bypass then saves most of the solves.
    @Test func fineGridFindsTheWholeFront() throws {
        let instance = BinaryProblem.random(size: 12, objectives: 2, seed: 6)
        let values = instance.feasibleValues
        let payoff = BinaryProblem.lexicographicPayoff(values, objectives: 2)
        let span = Int(payoff.map { $0[1] }.max()! - payoff.map { $0[1] }.min()!)
        let front = try check(instance, points: span + 1, threads: 1)
        #expect(Set(front.points.map { $0.objectives.map { $0.rounded() } }) == BinaryProblem.nondominated(values))
        #expect(front.statistics.bypassed > 0)
        #expect(front.statistics.solves < front.statistics.gridLevels)
    }

    /// One thread or two: the same points in the same order.
    @Test func threadsDoNotChangeTheFront() throws {
        let instance = BinaryProblem.random(size: 12, objectives: 3, seed: 42)
        let one = try AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: 6, threads: 1).front(instance.problem)
        let two = try AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: 6, threads: 2).front(instance.problem)
        #expect(one.points.map(\.objectives) == two.points.map(\.objectives))
    }

    /// The grid split into 1 to 4 contiguous runs of levels (`pareto --shard K/N`), each answered
    /// on its own (no bypass across runs) and the answers combined: the front of the whole grid
    /// (checked against the enumeration by `check`): the same points and bounds,
    /// and every level answered once. Two and three objectives (the runs then cut the outer
    /// objective's rows mid-way).
    @Test(arguments: [(2, UInt64(7)), (3, UInt64(43))])
    func splitGridGivesTheWholeFront(objectives: Int, seed: UInt64) throws {
        let instance = BinaryProblem.random(size: 12, objectives: objectives, seed: seed)
        let whole = try check(instance, points: 5, threads: 1)
        let method = AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: 5, threads: 2)
        let levels = AugmentedEpsilonConstraint.levelCount(whole.levels)
        for runs in 1...4 {
            let answers = try (0..<runs).map { k in
                try method.answers(instance.problem, payoff: whole.payoff, positions: (k * levels / runs)..<((k + 1) * levels / runs))
            }
            let combined = GridAnswers.combined(answers.reversed())
            #expect(combined.answers.count == levels && Set(combined.answers.map(\.level)).count == levels, "\(runs) runs")
            let split = AugmentedEpsilonConstraint.front(combined, names: instance.problem.names, payoff: whole.payoff, grid: whole.levels)
            #expect(split.points.map { $0.objectives.map { $0.rounded() } } == whole.points.map { $0.objectives.map { $0.rounded() } }, "\(runs) runs")
            #expect(split.points.map(\.bounds) == whole.points.map(\.bounds), "\(runs) runs")
            #expect(split.complete && split.statistics.gridLevels == levels)
        }
    }

    /// Levels above the reachable values are skipped after the first infeasible one (early
    /// exit), and the counts say so.
    @Test func infeasibleLevelsEndTheInnerLoop() throws {
        // Three objectives with f2 and f3 in strong conflict: high levels of both are infeasible.
        var model = Model(name: "conflict")
        let x = (0..<6).map { model.addVariable("x\($0)", kind: .binary) }
        model.addConstraint(x.dropFirst().reduce(LinearExpression(x[0])) { $0 + $1 } <= 3, name: "three")
        let f1 = 5 * x[0] + 4 * x[1] + 3 * x[2] + 2 * x[3] + 1 * x[4] + 1 * x[5]
        let f2 = 1 * x[0] + 2 * x[1] + 6 * x[2] + 1 * x[3] + 8 * x[4] + 1 * x[5]
        let f3 = 1 * x[0] + 1 * x[1] + 1 * x[2] + 7 * x[3] + 1 * x[4] + 9 * x[5]
        let problem = MultiObjectiveModel(model: model, objectives: [f1, f2, f3], names: ["f1", "f2", "f3"])
        let front = try AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: 5, threads: 1).front(problem)
        #expect(front.statistics.infeasible > 0)
        #expect(front.statistics.skippedInfeasible > 0)
        let s = front.statistics
        #expect(s.solves + s.bypassed + s.skippedInfeasible == s.gridLevels)
    }

    /// An infeasible model has no payoff table and no front, and says why.
    @Test func infeasibleModelHasNoFront() throws {
        var model = Model(name: "empty")
        let x = model.addVariable("x", kind: .binary)
        model.addConstraint(LinearExpression(x) >= 2, name: "impossible")
        let problem = MultiObjectiveModel(model: model, objectives: [LinearExpression(x), -LinearExpression(x)], names: ["a", "b"])
        let front = try AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: 3).front(problem)
        #expect(front.failure == .infeasible)
        #expect(front.points.isEmpty)
    }
}
