import MILP

/// What a run of ε-constraint grid levels answered (`AugmentedEpsilonConstraint.answers`): the
/// points its solves found and what became of each level. The answers of runs that cover the
/// grid once, put together (`combined`), make the same front as one run over the whole grid
/// (`AugmentedEpsilonConstraint.front(_:names:payoff:grid:)`): that is how `pareto --shard K/N`
/// splits a front over machines.
public struct GridAnswers: Sendable, Equatable, Codable {
    /// A point a solve found.
    public struct Found: Sendable, Equatable, Codable {
        /// Every objective's value (model units).
        public var objectives: [Double]
        /// The model point (one value per column).
        public var values: [Double]
        /// The level it was found at, and that level's ε bounds.
        public var level: [Int]
        public var bounds: [Double]
        public var proven: Bool
        public var gap: Double?
    }

    /// What became of a level.
    public enum Outcome: String, Sendable, Codable {
        case solved, bypassed, infeasible
        case skippedInfeasible = "skipped_infeasible"
        case noPoint = "no_point"
        case unsolved
    }

    /// One level's answer.
    public struct Answer: Sendable, Equatable, Codable {
        public var level: [Int]
        public var outcome: Outcome
        /// Index in `found` of the level's optimum (solved, bypassed).
        public var point: Int?
        /// `TerminationStatus.rawValue` of a solve without a point (no_point).
        public var termination: String?
    }

    public var found: [Found] = []
    /// In grid order (`AugmentedEpsilonConstraint.position(of:in:)`).
    public var answers: [Answer] = []
    /// What the run cost: MIP solves at grid levels, neighbourhood searches, branch-and-bound
    /// nodes (counts that depend on the split and the threads' timing, not on the front).
    public var solves = 0
    public var neighbourhoodSolves = 0
    public var nodes = 0

    public init() {}

    /// The answers of several runs of levels (in any order) as one: points renumbered, answers
    /// in grid order, counts summed.
    public static func combined(_ runs: [GridAnswers]) -> GridAnswers {
        var all = GridAnswers()
        for run in runs {
            let offset = all.found.count
            all.found += run.found
            all.answers += run.answers.map { answer in
                var moved = answer
                moved.point = answer.point.map { $0 + offset }
                return moved
            }
            all.solves += run.solves
            all.neighbourhoodSolves += run.neighbourhoodSolves
            all.nodes += run.nodes
        }
        all.answers.sort { $0.level.reversed().lexicographicallyPrecedes($1.level.reversed()) }
        return all
    }

    /// What makes these answers impossible for a run at `positions` of `grid` with `objectives`
    /// objectives and model points of `columns` values (`nil`: not checked) to have given (a part
    /// file edited or damaged); `nil` when none.
    public func inconsistency(grid: [[Double]], positions: Range<Int>, objectives: Int, columns: Int?) -> String? {
        func inside(_ level: [Int]) -> Bool {
            level.count == grid.count && zip(level, grid).allSatisfy { $1.indices.contains($0) }
                && positions.contains(AugmentedEpsilonConstraint.position(of: level, in: grid))
        }
        for (index, point) in found.enumerated() {
            if !inside(point.level) { return "point \(index + 1) was found at level \(point.level), not one of this shard's" }
            if point.objectives.count != objectives || point.bounds.count != grid.count {
                return "point \(index + 1) has \(point.objectives.count) objectives and \(point.bounds.count) bounds"
            }
            if let columns, point.values.count != columns { return "point \(index + 1) has \(point.values.count) values for \(columns) columns" }
            if !(point.objectives + point.values + point.bounds).allSatisfy(\.isFinite) { return "point \(index + 1) has a value that is not a number" }
        }
        var seen = Set<[Int]>()
        for answer in answers {
            if !inside(answer.level) { return "level \(answer.level) is not one of this shard's" }
            if !seen.insert(answer.level).inserted { return "level \(answer.level) answered twice" }
            let needsPoint = answer.outcome == .solved || answer.outcome == .bypassed
            if needsPoint != (answer.point.map { found.indices.contains($0) } ?? false) {
                return "level \(answer.level) (\(answer.outcome.rawValue)) with point \(answer.point.map { String($0) } ?? "none")"
            }
            if answer.outcome == .noPoint, TerminationStatus(rawValue: answer.termination ?? "") == nil {
                return "level \(answer.level): status `\(answer.termination ?? "")` unknown"
            }
        }
        return nil
    }
}

extension AugmentedEpsilonConstraint {
    /// Grid levels in all: the product of the levels per constrained objective.
    public static func levelCount(_ grid: [[Double]]) -> Int { grid.reduce(1) { $0 * $1.count } }

    /// A level's place in grid order, outer objectives slowest: `i₁ + n₁·(i₂ + n₂·(…))` for
    /// level indices `i_c` of objective `c` with `n_c` levels.
    public static func position(of level: [Int], in grid: [[Double]]) -> Int {
        zip(level, grid).reversed().reduce(0) { $0 * $1.1.count + $1.0 }
    }

    /// The front from the answers at every level of `grid` over `payoff` (`answers` of one run,
    /// or `GridAnswers.combined` of the runs of a split grid): distinct nondominated points,
    /// sorted, with the grid's statistics. The same answers make the same front.
    public static func front(_ answers: GridAnswers, names: [String], payoff: PayoffTable, grid: [[Double]]) -> ParetoFront {
        var state = GridState()
        state.found = answers.found
        state.solves = answers.solves
        state.neighbourhoodSolves = answers.neighbourhoodSolves
        state.nodes = answers.nodes
        for answer in answers.answers {
            let outcome: GridState.Outcome
            switch answer.outcome {
            case .solved: outcome = .solved(answer.point ?? 0)
            case .bypassed: outcome = .bypassed(answer.point ?? 0)
            case .infeasible: outcome = .infeasible
            case .skippedInfeasible: outcome = .skippedInfeasible
            case .noPoint: outcome = .noPoint(TerminationStatus(rawValue: answer.termination ?? "") ?? .numericalFailure)
            case .unsolved: outcome = .unsolved
            }
            state.outcomes[answer.level] = outcome
        }
        return assemble(state, names: names, payoff: payoff, grid: grid)
    }
}

extension GridState {
    /// The run's answers, levels in grid order.
    var answers: GridAnswers {
        var answers = GridAnswers()
        answers.found = found
        answers.solves = solves
        answers.neighbourhoodSolves = neighbourhoodSolves
        answers.nodes = nodes
        answers.answers = outcomes.map { (level, outcome) -> GridAnswers.Answer in
            switch outcome {
            case let .solved(index): return .init(level: level, outcome: .solved, point: index)
            case let .bypassed(index): return .init(level: level, outcome: .bypassed, point: index)
            case .infeasible: return .init(level: level, outcome: .infeasible)
            case .skippedInfeasible: return .init(level: level, outcome: .skippedInfeasible)
            case let .noPoint(termination): return .init(level: level, outcome: .noPoint, termination: termination.rawValue)
            case .unsolved: return .init(level: level, outcome: .unsolved)
            }
        }.sorted { $0.level.reversed().lexicographicallyPrecedes($1.level.reversed()) }
        return answers
    }
}

extension ParetoFront {
    /// The front of a run whose payoff table found no point (`failure` says why): no grid, no
    /// points, as `AugmentedEpsilonConstraint.front` reports it.
    public static func withoutPayoff(names: [String], failure: TerminationStatus) -> ParetoFront {
        ParetoFront(names: names, payoff: PayoffTable(names: names, values: []), levels: [], points: [], statistics: Statistics(),
                    failure: failure)
    }
}
