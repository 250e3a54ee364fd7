import Analysis
import Foundation
import MILP
import MultiObjective
import TestSupport

/// A small pure-binary multi-objective problem and everything about it found by enumerating
/// every 0/1 vector: the feasible objective vectors, the nondominated set, the lexicographic
/// payoff table and, for each ε level of a grid, the ε-constraint optimum.
struct BinaryProblem {
    var problem: MultiObjectiveModel
    /// Objective coefficients `[k][j]` and constraint rows (coefficients, upper side).
    var coefficients: [[Double]]
    var rows: [([Double], Double)]
    var size: Int

    /// `size` binaries, `rowCount` knapsack rows `a·x ≤ b` with a in 1...9 and b about a third
    /// of the row sum, and `objectives` objectives with integer coefficients in 0...20 drawn
    /// so that the objectives conflict (each item favours one direction) and ties are rare.
    static func random(size: Int, objectives: Int, rowCount: Int = 2, seed: UInt64) -> BinaryProblem {
        var rng = SplitMix64(seed: seed)
        func integer(_ range: ClosedRange<Int>) -> Double {
            Double(range.lowerBound + Int(rng.next() % UInt64(range.count)))
        }
        var model = Model(name: "binary-\(seed)")
        let x = (0..<size).map { model.addVariable("x\($0)", kind: .binary) }
        var rows: [([Double], Double)] = []
        for r in 0..<rowCount {
            let a = (0..<size).map { _ in integer(1...9) }
            let b = (a.reduce(0, +) / 3).rounded()
            var row = LinearExpression()
            for j in 0..<size { row.add(a[j], x[j]) }
            model.addConstraint(row <= b, name: "knapsack\(r)")
            rows.append((a, b))
        }
        // Item j is good for objective k as cos(θ_j − 2πk/p) is large: the objectives conflict.
        let angles = (0..<size).map { _ in 2 * Double.pi * Double(rng.next() % 360) / 360 }
        let coefficients = (0..<objectives).map { k in
            (0..<size).map { j in (10 + 8 * cos(angles[j] - 2 * Double.pi * Double(k) / Double(objectives))).rounded() + integer(-2...2) }
        }
        let expressions = coefficients.map { c in
            var f = LinearExpression()
            for j in 0..<size { f.add(c[j], x[j]) }
            return f
        }
        let problem = MultiObjectiveModel(model: model, objectives: expressions, names: (1...objectives).map { "f\($0)" })
        return BinaryProblem(problem: problem, coefficients: coefficients, rows: rows, size: size)
    }

    /// Every feasible 0/1 vector with its objective values.
    var feasiblePoints: [(point: [Double], values: [Double])] {
        var found: [([Double], [Double])] = []
        for bits in 0..<(1 << size) {
            let point = (0..<size).map { Double((bits >> $0) & 1) }
            guard rows.allSatisfy({ row in zip(row.0, point).reduce(0) { $0 + $1.0 * $1.1 } <= row.1 }) else { continue }
            found.append((point, coefficients.map { c in zip(c, point).reduce(0) { $0 + $1.0 * $1.1 } }))
        }
        return found
    }

    /// Every feasible 0/1 vector's objective values.
    var feasibleValues: [[Double]] { feasiblePoints.map(\.values) }

    static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        a.indices.allSatisfy { a[$0] >= b[$0] } && a.indices.contains { a[$0] > b[$0] }
    }

    /// The nondominated objective vectors (distinct).
    static func nondominated(_ values: [[Double]]) -> Set<[Double]> {
        Set(values.filter { v in !values.contains { dominates($0, v) } })
    }

    /// Row `k`: lexicographic maximum of objective k, then the others in index order.
    static func lexicographicPayoff(_ values: [[Double]], objectives: Int) -> [[Double]] {
        (0..<objectives).map { k in
            let order = [k] + (0..<objectives).filter { $0 != k }
            return values.max { a, b in
                for j in order where a[j] != b[j] { return a[j] < b[j] }
                return false
            }!
        }
    }

    /// The ε levels of each constrained objective over the payoff ranges, as documented:
    /// `points − 1` equal steps from nadir to ideal; one level when the range is zero.
    static func levels(_ payoff: [[Double]], points: Int) -> [[Double]] {
        (1..<payoff[0].count).map { k in
            let column = payoff.map { $0[k] }
            let low = column.min()!, high = column.max()!
            guard high - low > 1e-6 * max(1, abs(high)), points > 1 else { return [low] }
            return (0..<points).map { $0 == points - 1 ? high : low + Double($0) * (high - low) / Double(points - 1) }
        }
    }

    /// For each grid level (inner objective fastest), the objective vectors that maximize
    /// `f₀ + δ r₀ Σ_{k≥1} 10^{-(k-1)} f_k/r_k` subject to `f_k ≥ e_k` (ties within 1e-9):
    /// empty when the level is infeasible.
    static func levelOptima(_ values: [[Double]], payoff: [[Double]], levels: [[Double]], augmentation: Double = 1e-4) -> [[Int]: Set<[Double]>] {
        let objectives = payoff[0].count
        func range(_ k: Int) -> Double {
            let column = payoff.map { $0[k] }
            let r = column.max()! - column.min()!
            return r > 1e-6 * max(1, abs(column.max()!)) ? r : max(1, abs(column.max()!))
        }
        let weights = (0..<objectives).map { k in k == 0 ? 1 : augmentation * range(0) * pow(10, -Double(k - 1)) / range(k) }
        func augmented(_ v: [Double]) -> Double { zip(weights, v).reduce(0) { $0 + $1.0 * $1.1 } }
        var combinations: [[Int]] = [[]]
        for dimension in levels { combinations = combinations.flatMap { prefix in (0..<dimension.count).map { prefix + [$0] } } }
        var optima: [[Int]: Set<[Double]>] = [:]
        for level in combinations {
            let feasible = values.filter { v in level.enumerated().allSatisfy { c, i in v[c + 1] >= levels[c][i] - 1e-9 * max(1, abs(levels[c][i])) } }
            guard let best = feasible.map(augmented).max() else { optima[level] = []; continue }
            optima[level] = Set(feasible.filter { augmented($0) >= best - 1e-9 * max(1, abs(best)) })
        }
        return optima
    }
}
