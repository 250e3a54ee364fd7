import Testing
@testable import LPSolve
@testable import MILP
import TestSupport

/// A 0-1 knapsack over `n` items with three weight rows: values 10–40, weights 5–30, each
/// capacity 40 % of its row's total weight.
func randomMultiKnapsack(items n: Int, seed: UInt64) -> Model {
    var rng = SplitMix64(seed: seed)
    func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_000) / 1_000_000 }
    var model = Model(name: "knapsack-\(seed)")
    let x = (0..<n).map { model.addVariable("x\($0)", kind: .binary) }
    var objective = LinearExpression()
    for j in 0..<n { objective.add(uniform(10, 40), x[j]) }
    for r in 0..<3 {
        var row = LinearExpression()
        var total = 0.0
        for j in 0..<n {
            let weight = uniform(5, 30)
            row.add(weight, x[j]); total += weight
        }
        model.addConstraint(row <= 0.4 * total, name: "weight\(r)")
    }
    model.setObjective(.maximize, objective)
    return model
}

/// The best objective of a pure 0-1 model by trying every point (`2ⁿ` of them).
func bruteForceOptimum(_ model: Model) -> Double {
    let n = model.variableCount
    var best = -Double.infinity
    var point = [Double](repeating: 0, count: n)
    for mask in 0..<(1 << n) {
        for j in 0..<n { point[j] = mask & (1 << j) != 0 ? 1 : 0 }
        guard model.violations(of: point).isEmpty else { continue }
        best = max(best, model.objectiveValue(at: point))
    }
    return best
}

@Suite("A node-limited best-bound search")
struct NodeLimitTests {
    /// A three-row knapsack of 16 items needs branching: its root LP point is fractional (the
    /// separators added 27 cuts there), and neither those cuts nor the root's 10-LP dive and
    /// neighbourhood search close the gap to the optimum; the unlimited search took 31 nodes
    /// (112 LPs) when this test was written, and that it needs more than the limit of 3 is
    /// checked here, not assumed. Stopped at the node limit, the search reports `.nodeLimit`
    /// (word `node_limit`), not a time limit, with a feasible incumbent no better than the
    /// optimum found by enumerating all 65 536 points and a bound no worse than it.
    @Test func stopsAtTheNodeLimitWithATrueBound() throws {
        let model = randomMultiKnapsack(items: 16, seed: 1)
        let optimum = bruteForceOptimum(model)
        var options = SolveOptions()
        options.search = .bestBound
        let full = try LPSolveModel(model).searchBestBound(options: options, start: nil)
        #expect(full.termination == .optimal)
        #expect(abs((full.objective ?? 0) - optimum) < 1e-6 * optimum)
        let limit = 3
        try #require(full.nodes > limit, "the model must need more than \(limit) nodes (it took \(full.nodes))")

        options.nodeLimit = limit
        // Starting from the empty knapsack (feasible, value 0) guarantees an incumbent.
        let start = [Double](repeating: 0, count: model.variableCount)
        let stopped = try LPSolveModel(model).searchBestBound(options: options, start: start)
        #expect(stopped.termination == .nodeLimit, "\(stopped.rawStatusText)")
        #expect(stopped.rawStatusText.hasPrefix("NODELIMIT"))
        #expect(stopped.statusWord == "node_limit")
        #expect(stopped.nodes <= limit)
        let incumbent = try #require(stopped.objective)
        let bound = try #require(stopped.bestBound)
        #expect(model.violations(of: stopped.values).isEmpty)
        #expect(abs(model.objectiveValue(at: stopped.values) - incumbent) < 1e-6 * max(1, abs(incumbent)))
        #expect(incumbent <= optimum + 1e-6 * optimum)
        #expect(bound >= optimum - 1e-6 * optimum)
        // Through the `Solver` protocol the node limit reaches the search as well.
        let solved = try LPSolver().solve(model, options: options)
        #expect(solved.termination == .nodeLimit && solved.nodes <= limit)
    }

    /// How a search's outcome reads as a `Solution`: a node limit is `.nodeLimit` with the open
    /// nodes' bound even without a point; `.optimal` without a point is the cutoff having
    /// pruned everything (`.solutionLimit`, no bound).
    @Test func outcomeReadsAsSolution() {
        var outcome = BranchAndBound.Outcome(status: .nodeLimit)
        outcome.bound = 42
        outcome.nodes = 7
        let stopped = outcome.solution(threads: 1, seconds: 0.5, options: SolveOptions())
        #expect(stopped.termination == .nodeLimit && stopped.primal == .noSolution)
        #expect(stopped.bestBound == 42 && stopped.nodes == 7 && stopped.seconds == 0.5)
        #expect(stopped.statusWord == "node_limit_no_solution")
        #expect(stopped.rawStatusText.hasPrefix("NODELIMIT (best-bound search, 1 thread: 7 nodes"))

        var pruned = BranchAndBound.Outcome(status: .optimal)
        pruned.bound = 42
        let cutoff = pruned.solution(threads: 2, seconds: 0, options: SolveOptions())
        #expect(cutoff.termination == .solutionLimit && cutoff.bestBound == nil)

        var found = BranchAndBound.Outcome(status: .optimal)
        found.point = [1]; found.objective = 3; found.bound = 3.000001
        let optimal = found.solution(threads: 1, seconds: 0, options: SolveOptions())
        #expect(optimal.termination == .optimal && optimal.bestBound == 3)
    }

    /// The node limit's words: `node_limit` with a design, `node_limit_no_solution` without.
    @Test func statusWords() {
        #expect(StatusWord.of(.nodeLimit, hasDesign: true) == "node_limit")
        #expect(StatusWord.of(.nodeLimit, hasDesign: false) == "node_limit_no_solution")
    }
}
