import Analysis
import Foundation
import LPSolve
import MILP
import MultiObjective
import Testing
import TestSupport

@Suite("Lexicographic optimization against brute force")
struct LexicographicTests {
    /// Stage by stage: the best of the next objective among the points that keep every earlier
    /// one within the tolerance of its optimum.
    func bruteForce(_ values: [[Double]], order: [Int], tolerance: Double) -> (optima: [Double], final: Double) {
        var candidates = values
        var optima: [Double] = []
        for k in order {
            let best = candidates.map { $0[k] }.max()!
            optima.append(best)
            let bound = LexicographicOptimization.bound(below: best, tolerance: tolerance)
            candidates = candidates.filter { $0[k] >= bound - 1e-9 }
        }
        return (optima, optima.last!)
    }

    @Test(arguments: [(UInt64(1), 0.0), (2, 0.05), (3, 0.2), (4, 0.1)])
    func stagesMatchEnumeration(seed: UInt64, tolerance: Double) throws {
        let instance = BinaryProblem.random(size: 12, objectives: 3, seed: 500 + seed)
        for order in [[0, 1, 2], [2, 0, 1], [1, 2]] {
            let run = try LexicographicOptimization(backend: LPSolver(), order: order, tolerance: tolerance).solve(instance.problem)
            let expected = bruteForce(instance.feasibleValues, order: order, tolerance: tolerance)
            #expect(run.proven)
            #expect(run.stages.map(\.objective) == order)
            #expect(zip(run.stages.map { $0.optimum ?? .nan }, expected.optima).allSatisfy { abs($0 - $1) < 1e-6 },
                    "\(order) tolerance \(tolerance): \(run.stages.map(\.optimum)) vs \(expected.optima)")
            // Later stages keep every earlier objective within its bound.
            for stage in run.stages.dropLast() {
                #expect(run.objectiveValues[stage.objective] >= stage.bound! - 1e-6)
            }
        }
    }

    /// The bound below an optimum gives up a share of its size, whatever its sign.
    @Test func boundBelowNegativeAndZeroOptima() {
        #expect(abs(LexicographicOptimization.bound(below: 100, tolerance: 0.05) - 95) < 1e-12)
        #expect(abs(LexicographicOptimization.bound(below: -100, tolerance: 0.05) - -105) < 1e-12)
        #expect(LexicographicOptimization.bound(below: 0, tolerance: 0.05) == -1e-7)
        #expect(LexicographicOptimization.bound(below: 3, tolerance: 0) == 3 - 3e-7)
    }

    /// An infeasible first stage ends the run with its termination and no point.
    @Test func infeasibleStageEndsTheRun() throws {
        var model = Model()
        let x = model.addVariable("x", kind: .binary)
        model.addConstraint(LinearExpression(x) >= 2, name: "impossible")
        let problem = MultiObjectiveModel(model: model, objectives: [LinearExpression(x), -LinearExpression(x)], names: ["a", "b"])
        let run = try LexicographicOptimization(backend: LPSolver(), order: [0, 1]).solve(problem)
        #expect(run.solution.termination == .infeasible)
        #expect(run.objectiveValues.isEmpty && run.stages.count == 1 && !run.proven)
    }
}

@Suite("Near-optimal alternatives against brute force")
struct NearOptimalAlternativesTests {
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func alternativesAreFarAndGoodEnough(seed: UInt64) throws {
        let instance = BinaryProblem.random(size: 12, objectives: 1, seed: 700 + seed)
        let decisions = (0..<instance.size).map { instance.problem.model.variable(at: $0) }
        let run = try NearOptimalAlternatives(backend: LPSolver(), slack: 0.1, count: 3)
            .generate(instance.problem.model, objective: instance.problem.objectives[0], decisions: decisions)
        let points = instance.feasiblePoints
        let best = points.map { $0.values[0] }.max()!
        let optimum = try #require(run.optimum)
        #expect(abs(optimum.objective - best) < 1e-6)
        let bound = try #require(run.bound)
        #expect(abs(bound - (best - 0.1 * abs(best))) < 1e-9)
        // Within the slack, distinct, and the first alternative as far from the optimum as any
        // design within the slack can be.
        let near = points.filter { $0.values[0] >= bound - 1e-9 }
        let taken = { (p: [Double]) in p.map { $0 > 0.5 } }
        let farthest = near.map { zip(taken($0.point), optimum.decisions).filter { $0 != $1 }.count }.max()!
        #expect(run.alternatives.first?.distanceFromOptimum == farthest)
        #expect(run.alternatives.allSatisfy { $0.objective >= bound - 1e-6 && $0.proven })
        let patterns = run.designs.map(\.decisions)
        #expect(Set(patterns).count == patterns.count)
        #expect(run.alternatives.count == 3 || run.exhausted)
        // Robust and never-taken decisions, counted here.
        for e in decisions.indices {
            let count = patterns.filter { $0[e] }.count
            #expect(run.robust.contains(e) == (count == patterns.count))
            #expect(run.never.contains(e) == (count == 0))
        }
    }

    /// A slack of zero on a problem with one optimum leaves no alternative.
    @Test func zeroSlackWithAUniqueOptimumIsExhausted() throws {
        var model = Model()
        let x = (0..<3).map { model.addVariable("x\($0)", kind: .binary) }
        model.addConstraint(x[0] + x[1] + x[2] <= 2, name: "two")
        let value = 5 * x[0] + 3 * x[1] + 1 * x[2]
        let run = try NearOptimalAlternatives(backend: LPSolver(), slack: 0, count: 2).generate(model, objective: value, decisions: x)
        #expect(run.optimum?.decisions == [true, true, false])
        #expect(run.alternatives.isEmpty && run.exhausted)
        #expect(run.robust == [0, 1] && run.never == [2])
    }
}
