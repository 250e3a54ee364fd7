import MILP

/// The efficient points an ε-constraint run found, each a MIP optimum, with the payoff table
/// that set the grid and what the run cost (`AugmentedEpsilonConstraint` computes it).
///
/// Objective 0 is the one maximized at every grid level; objectives 1... are the constrained
/// ones. Points are distinct, none dominates another, and they are sorted by objective 1,
/// then 2, ascending (along a bi-objective front: objective 0 descending).
public struct ParetoFront: Sendable {
    /// One efficient point.
    public struct Point: Sendable {
        /// Every objective's value (model units), in the problem's order.
        public var objectives: [Double]
        /// The model point (one value per column of the problem's model).
        public var values: [Double]
        /// Grid level indices of the constrained objectives (`levels[c]` for objective `c + 1`)
        /// at which the point was optimal; the first is where it was found.
        public var levels: [[Int]]
        /// The ε bounds of the first level: objective `c + 1` ≥ `bounds[c]`.
        public var bounds: [Double]
        /// The MIP solve that found it was proven optimal (not stopped by the time limit).
        public var proven: Bool
        /// Relative gap when not proven.
        public var gap: Double?
    }

    /// Counts of what the run did with each grid level.
    public struct Statistics: Sendable, Equatable {
        /// Grid levels in all (the product of the levels per constrained objective).
        public var gridLevels = 0
        /// MIP solves at grid levels (the payoff table not included).
        public var solves = 0
        /// Levels whose answer was known without a solve: an optimum found at a lower level still
        /// meets this level's bounds (AUGMECON2's bypass `b = ⌊s₂/step₂⌋`, and the same
        /// argument across outer levels).
        public var bypassed = 0
        /// Levels skipped because a lower level was infeasible (the early exit).
        public var skippedInfeasible = 0
        /// Solves that proved their level infeasible.
        public var infeasible = 0
        /// Solves that found the same objectives as an earlier point.
        public var duplicates = 0
        /// Solves that found a point another point dominates (only possible when not proven).
        public var dominated = 0
        /// Solves stopped by the time limit (with or without a point).
        public var notProven = 0
        /// Levels never solved because the time limit had passed.
        public var unsolved = 0
        /// MIP solves of the payoff table.
        public var payoffSolves = 0
        /// Neighbourhood searches (small MIPs that seed the grid solves' cutoffs).
        public var neighbourhoodSolves = 0
        public var nodes = 0
        /// Wall time, seconds (payoff table included).
        public var seconds = 0.0
        public var threads = 1

        public init() {}

        /// Solves the bypass and the early exit saved.
        public var saved: Int { bypassed + skippedInfeasible }
    }

    public var names: [String]
    public var payoff: PayoffTable
    /// The ε levels of each constrained objective (`levels[c]` for objective `c + 1`).
    public var levels: [[Double]]
    public var points: [Point]
    public var statistics: Statistics
    /// Why there is no front: the payoff table found no point (the model is infeasible, or a
    /// row found no incumbent in time). `nil` when the grid was run.
    public var failure: TerminationStatus?

    /// Whether every grid level was answered (solved, bypassed or skipped as infeasible).
    public var complete: Bool { statistics.unsolved == 0 }
}

extension ParetoFront {
    /// What one more unit of a constrained objective costs in the primary one, moving to the
    /// next point of the front along it.
    public struct TradeOff: Sendable, Equatable {
        /// Index (in `points`) of the neighbour: the point with the least more of objective `k`
        /// that gives up none of the other constrained objectives.
        public var neighbour: Int
        /// Objective `k` gained (model units, > 0).
        public var gain: Double
        /// Objective 0 given up (model units; negative when it also rises, which no efficient
        /// pair allows unless another objective falls).
        public var cost: Double
        /// `cost / gain`: objective-0 units per unit of objective `k`.
        public var ratio: Double { cost / gain }
    }

    /// The trade-off of point `index` along constrained objective `k` (1-based objective index),
    /// `nil` at the end of the front in that direction.
    public func tradeOff(at index: Int, along k: Int) -> TradeOff? {
        let point = points[index]
        let tolerance = 1e-9
        var best: (Int, Double)?
        for (other, candidate) in points.enumerated() where other != index {
            let gain = candidate.objectives[k] - point.objectives[k]
            guard gain > tolerance * max(1, abs(point.objectives[k])) else { continue }
            let keepsTheRest = (1..<names.count).allSatisfy { j in
                j == k || candidate.objectives[j] >= point.objectives[j] - tolerance * max(1, abs(point.objectives[j]))
            }
            guard keepsTheRest else { continue }
            if best == nil || gain < best!.1 { best = (other, gain) }
        }
        guard let (neighbour, gain) = best else { return nil }
        return TradeOff(neighbour: neighbour, gain: gain, cost: point.objectives[0] - points[neighbour].objectives[0])
    }
}
