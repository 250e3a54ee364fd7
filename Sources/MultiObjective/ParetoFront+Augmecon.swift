import Foundation
import MILP

/// The exact ε-constraint front of a multi-objective MILP: AUGMECON2 (G. Mavrotas and
/// K. Florios, "An improved version of the augmented ε-constraint method (AUGMECON2) for
/// finding the exact Pareto set in multi-objective integer programming problems", Applied
/// Mathematics and Computation 219 (2013) 9652–9669).
///
/// Objective 0 is maximized; each other objective `k` is held above a grid of ε levels spread
/// over its payoff-table range `[nadir_k, ideal_k]`. Every level solves
///
///     max f₀ + δ·r₀·Σ_{k≥1} 10^{-(k-1)} f_k / r_k    s.t.  f_k ≥ e_k  (k ≥ 1)
///
/// which is AUGMECON2's `f₀ + δ(s₁/r₁ + 10⁻¹ s₂/r₂ + …)` with `s_k = f_k − e_k` (the level's
/// constant `−Σ e_k/r_k` dropped, and `δ` scaled by `r₀` so that it does not depend on f₀'s
/// units). The augmentation makes every optimum efficient: a point that another feasible point
/// dominates has a smaller augmented objective.
///
/// - Bypass: when the optimum `x` at level `i` of the innermost objective has slack
///   `s₁ ≥ b·step₁`, the next `b` levels have the same optimum (their feasible sets shrink but
///   still hold `x`) and are not solved. The same argument skips any level, of any objective,
///   that lies above a solved one componentwise and whose bounds the solved optimum meets.
/// - Early exit: a level proven infeasible makes every level above it infeasible.
/// - Levels run on `threads` threads, one loaded lp_solve model each, whose ε rows only change
///   right-hand sides: with one constrained objective the levels are split into contiguous
///   chunks, with more the outer levels are shared out, from the top down. Each solve starts
///   from the best known point that meets its bounds (payoff rows and earlier optima) as a
///   cutoff.
/// - Neighbourhood search (local branching, M. Fischetti and A. Lodi, Mathematical
///   Programming 98 (2003) 23–47): when `neighbourhood` names the design binaries, each
///   level after the first of its loop first solves its own model restricted to designs
///   within `k = neighbourhoodSize` changes of the previous level's optimum
///   (`Σ_{x̄=0} x + Σ_{x̄=1} (1 − x) ≤ k`; `2k` when none that close meets the level; none
///   when a known point is within `neighbourhoodGap` of the previous optimum already). Its
///   answer only seeds the cutoff of the full solve, which stays exact. Neighbouring levels
///   have neighbouring optima, so the cutoff is often the optimum itself and the full solve
///   only has to prove it (on hiep-phuoc: one level 503 s → 0.8 + 1.3 s).
/// - The result does not depend on the thread count or timing (points are deduplicated and
///   sorted); only the counts of solves and bypasses may. The grid can be split in runs of
///   levels answered apart (`answers(_:payoff:positions:deadline:)`, e.g. on several machines)
///   and the front made of all their answers (`front(_:names:payoff:grid:)`).
public struct AugmentedEpsilonConstraint: Sendable {
    /// ε levels per constrained objective (`--points`): `gridPoints − 1` equal steps from nadir
    /// to ideal. A constrained objective with no range over the payoff table gets one level.
    public var gridPoints: Int
    /// `δ` of the augmentation term (scaled by objective 0's range).
    public var augmentation: Double
    public var threads: Int
    /// The solver of the payoff rows and grid solves (one loaded model per thread).
    public var backend: any SolverBackend
    /// Settings of the grid solves (and neighbourhood searches).
    public var options: SolveOptions
    /// Settings of the payoff-table solves; `nil`: `options`.
    public var payoffOptions: SolveOptions?
    /// Binary columns that describe a design, for the neighbourhood search (none: no search).
    public var neighbourhood: [Variable]
    /// Changes of those binaries the neighbourhood allows.
    public var neighbourhoodSize: Int
    /// Longest a neighbourhood search may take, seconds.
    public var neighbourhoodTimeLimit: Double
    /// No neighbourhood search when a known point meeting the level is within this share of
    /// the previous level's optimum.
    public var neighbourhoodGap = 0.02
    /// Told about every grid solve as it ends (from the worker threads), e.g. to show progress.
    public var progress: (@Sendable (LevelReport) -> Void)?

    /// One grid solve, as `progress` hears of it.
    public struct LevelReport: Sendable {
        /// Level indices of the constrained objectives.
        public var level: [Int]
        public var bounds: [Double]
        public var termination: TerminationStatus
        /// Every objective at the point found; empty without one.
        public var objectives: [Double]
        /// Seconds of the neighbourhood search and of the full solve.
        public var neighbourhoodSeconds: Double
        public var seconds: Double
        /// Levels above it this optimum answers without a solve (the bypass).
        public var bypassed: Int
    }

    public init(backend: any SolverBackend, gridPoints: Int = 11, augmentation: Double = 1e-4, threads: Int = availableCores(),
                options: SolveOptions = SolveOptions(), neighbourhood: [Variable] = [], neighbourhoodSize: Int = 2,
                neighbourhoodTimeLimit: Double = 10) {
        precondition(gridPoints >= 1, "at least one grid point")
        self.backend = backend
        self.gridPoints = gridPoints
        self.augmentation = augmentation
        self.threads = max(1, threads)
        self.options = options
        self.neighbourhood = neighbourhood
        self.neighbourhoodSize = neighbourhoodSize
        self.neighbourhoodTimeLimit = neighbourhoodTimeLimit
    }

    /// The ε levels of each constrained objective (`[c]` for objective `c + 1`), from nadir to ideal.
    public func levels(_ payoff: PayoffTable) -> [[Double]] { Self.levels(payoff, gridPoints: gridPoints) }

    /// The ε levels of `gridPoints` per constrained objective over `payoff`'s ranges.
    public static func levels(_ payoff: PayoffTable, gridPoints: Int) -> [[Double]] {
        (1..<payoff.names.count).map { k in
            let low = payoff.nadir(k), high = payoff.ideal(k)
            guard payoff.varies(k), gridPoints > 1 else { return [low] }
            let intervals = gridPoints - 1
            return (0...intervals).map { $0 == intervals ? high : low + Double($0) * (high - low) / Double(intervals) }
        }
    }

    /// How far below an ε level a point may lie and still meet it: the solver's feasibility
    /// tolerance, applied alike to lp_solve's rows and to the bypass checks.
    public static func levelTolerance(_ level: Double) -> Double { 1e-9 * max(1, abs(level)) }

    /// The objective maximized at every level: `f₀ + δ·r₀·Σ_{k≥1} 10^{-(k-1)} f_k / r_k`.
    public func augmentedObjective(_ problem: MultiObjectiveModel, payoff: PayoffTable) -> LinearExpression {
        var objective = problem.objectives[0]
        let scale = augmentation * payoff.range(0)
        for k in 1..<problem.objectives.count {
            objective.add(problem.objectives[k], scaledBy: scale * pow(10, -Double(k - 1)) / payoff.range(k))
        }
        return objective.normalized()
    }

    /// The model of one grid level, on its own: `problem.model` with `f_k ≥ bounds[k − 1]` and
    /// the augmented objective (for checks and for writing one level out).
    public func model(_ problem: MultiObjectiveModel, payoff: PayoffTable, bounds: [Double]) -> Model {
        var model = problem.model
        for (c, bound) in bounds.enumerated() {
            let f = problem.objectives[c + 1]
            model.addConstraint(f >= bound - Self.levelTolerance(bound), name: "epsilon_\(problem.names[c + 1])")
        }
        model.setObjective(.maximize, augmentedObjective(problem, payoff: payoff))
        return model
    }

    /// The payoff table (lexicographic rows, in parallel), then the front.
    public func front(_ problem: MultiObjectiveModel, deadline: Double? = nil) throws(SolverError) -> ParetoFront {
        precondition(problem.objectives.count >= 2, "a front needs two objectives or more")
        let computed = try PayoffTable.lexicographic(problem, backend: backend, options: payoffOptions ?? options, deadline: deadline, threads: threads)
        guard let payoff = computed.table else {
            var statistics = ParetoFront.Statistics()
            statistics.payoffSolves = computed.solves
            statistics.seconds = computed.seconds
            statistics.nodes = computed.nodes
            statistics.threads = threads
            return ParetoFront(names: problem.names, payoff: PayoffTable(names: problem.names, values: []), levels: [],
                               points: [], statistics: statistics, failure: computed.failure)
        }
        var front = try front(problem, payoff: payoff, deadline: deadline)
        front.statistics.payoffSolves = computed.solves
        front.statistics.seconds += computed.seconds
        front.statistics.nodes += computed.nodes
        return front
    }

    /// The front over the ranges of a given payoff table.
    public func front(_ problem: MultiObjectiveModel, payoff: PayoffTable, deadline: Double? = nil) throws(SolverError) -> ParetoFront {
        let started = monotonicSeconds()
        let grid = levels(payoff)
        let found = try answers(problem, payoff: payoff, deadline: deadline)
        var front = Self.front(found, names: problem.names, payoff: payoff, grid: grid)
        front.statistics.seconds = monotonicSeconds() - started
        front.statistics.threads = min(threads, Self.units(grid, threads: threads, positions: 0..<Self.levelCount(grid)).count)
        return front
    }

    /// The answers at the grid levels at `positions` (in grid order, `levelCount`; all when
    /// `nil`) over the ranges of `payoff`: one machine's share of a front split over several
    /// (`pareto --shard K/N`). Levels outside `positions` are neither solved nor bypassed, so
    /// each run of levels is answered on its own; `front(_:names:payoff:grid:)` makes the front
    /// of the answers at every level.
    public func answers(_ problem: MultiObjectiveModel, payoff: PayoffTable, positions: Range<Int>? = nil,
                        deadline: Double? = nil) throws(SolverError) -> GridAnswers {
        precondition(problem.objectives.count >= 2, "a front needs two objectives or more")
        let grid = levels(payoff)
        let positions = positions ?? 0..<Self.levelCount(grid)
        var work = problem.model
        let rows = (1..<problem.objectives.count).map { k in
            work.addConstraint(LinearConstraint(problem.objectives[k]), name: "epsilon_\(problem.names[k])")
        }
        work.setObjective(.maximize, augmentedObjective(problem, payoff: payoff))
        // Free until a search sets its centre: coefficients +1, i.e. centred on all zeros.
        let neighbourhoodRow = neighbourhood.isEmpty ? nil
            : work.addConstraint(LinearConstraint(terms: neighbourhood.map { .init($0, 1) }, lower: -.infinity, upper: .infinity),
                                 name: "neighbourhood")
        let units = Self.units(grid, threads: threads, positions: positions)
        let workers = min(threads, units.count)
        let state = Locked(GridState())
        let run = GridRun(problem: problem, grid: grid, rows: rows, units: units, backend: backend, options: options,
                          deadline: deadline, knownPoints: payoff.points, neighbourhood: neighbourhood,
                          neighbourhoodRow: neighbourhoodRow, neighbourhoodSize: neighbourhoodSize,
                          neighbourhoodTimeLimit: neighbourhoodTimeLimit, neighbourhoodGap: neighbourhoodGap, progress: progress)
        let model = work
        if workers > 0 { onThreads(workers) { _, _ in run.work(on: model, state: state) } }
        let finished = state.withLock { $0 }
        if let error = finished.error { throw error }
        return finished.answers
    }

    /// Work units, in the order threads claim them: with one constrained objective, contiguous
    /// chunks of its levels (one per thread, at least two); with more, one unit per
    /// combination of the outer levels (the innermost objective's whole range). Units are
    /// claimed from the top down: an optimum found at higher levels meets every lower level,
    /// so the lower units start with it as their cutoff (on hiep-phuoc one thread took 341 s
    /// for a level whose optimum lay far above the previous one, 6 s with that optimum known).
    /// Inside a unit the innermost levels still run upward, for the bypass.
    /// Only the levels at `positions` (in grid order, `levelCount`) are in a unit.
    static func units(_ grid: [[Double]], threads: Int, positions: Range<Int>) -> [GridRun.Unit] {
        let inner = grid[0].count
        if grid.count == 1 {
            let count = positions.count, start = positions.lowerBound
            let chunks = min(max(2, threads), count)
            return (0..<chunks).reversed().map { c in
                GridRun.Unit(outer: [], inner: (start + c * count / chunks)..<(start + (c + 1) * count / chunks))
            }
        }
        var combinations: [[Int]] = [[]]
        for dimension in grid.dropFirst() {
            combinations = combinations.flatMap { prefix in (0..<dimension.count).map { prefix + [$0] } }
        }
        // Descending in the last (outermost) objective first.
        combinations.sort { $1.reversed().lexicographicallyPrecedes($0.reversed()) }
        return combinations.compactMap { outer in
            // The run of this combination's levels in grid order, cut to `positions`.
            let first = position(of: [0] + outer, in: grid)
            let run = (first..<(first + inner)).clamped(to: positions)
            return run.isEmpty ? nil : GridRun.Unit(outer: outer, inner: (run.lowerBound - first)..<(run.upperBound - first))
        }
    }
}

/// What the grid workers share.
struct GridState: Sendable {
    enum Outcome: Sendable, Equatable {
        /// Solved here; index into `found`.
        case solved(Int)
        /// Answered by an optimum found at a lower level; index into `found`.
        case bypassed(Int)
        case infeasible
        case skippedInfeasible
        /// Solved, no point (time limit without incumbent, numerical trouble, ...).
        case noPoint(TerminationStatus)
        /// Not attempted: the time limit had passed.
        case unsolved
    }

    typealias Found = GridAnswers.Found

    var nextUnit = 0
    var outcomes: [[Int]: Outcome] = [:]
    var found: [Found] = []
    var infeasibleLevels: [[Int]] = []
    var solves = 0
    var neighbourhoodSolves = 0
    var nodes = 0
    var error: SolverError?
}

/// One ε-constraint run over the grid: the part each worker thread executes.
struct GridRun: Sendable {
    struct Unit: Sendable, Equatable {
        var outer: [Int]
        var inner: Range<Int>
    }

    let problem: MultiObjectiveModel
    let grid: [[Double]]
    let rows: [ConstraintRef]
    let units: [Unit]
    let backend: any SolverBackend
    let options: SolveOptions
    let deadline: Double?
    let knownPoints: [[Double]]
    let neighbourhood: [Variable]
    let neighbourhoodRow: ConstraintRef?
    let neighbourhoodSize: Int
    let neighbourhoodTimeLimit: Double
    let neighbourhoodGap: Double
    let progress: (@Sendable (AugmentedEpsilonConstraint.LevelReport) -> Void)?

    /// What one worker remembers between levels.
    struct Worker {
        let loaded: any LoadedModel
        /// The neighbourhood row's coefficients as loaded (+1: centre 0, −1: centre 1).
        var signs: [Double]
    }

    private enum Decision {
        case skipInfeasible
        case known(Int)
        case solve([[Double]])
    }

    static func isBelowOrEqual(_ a: [Int], _ b: [Int]) -> Bool { zip(a, b).allSatisfy { $0 <= $1 } }

    func meets(_ objectives: [Double], _ bounds: [Double]) -> Bool {
        bounds.enumerated().allSatisfy { c, e in objectives[c + 1] >= e - AugmentedEpsilonConstraint.levelTolerance(e) }
    }

    /// Claims units until none is left; each unit runs its inner levels upward.
    func work(on model: Model, state: Locked<GridState>) {
        var worker: Worker
        do { worker = Worker(loaded: try backend.load(model), signs: Array(repeating: 1, count: neighbourhood.count)) } catch {
            state.withLock { if $0.error == nil { $0.error = error } }
            return
        }
        while let unit = claim(state) {
            do { try run(unit, on: &worker, state: state) } catch {
                state.withLock { if $0.error == nil { $0.error = error } }
                return
            }
        }
    }

    private func claim(_ state: Locked<GridState>) -> Unit? {
        state.withLock { s -> Unit? in
            guard s.error == nil, s.nextUnit < units.count else { return nil }
            s.nextUnit += 1
            return units[s.nextUnit - 1]
        }
    }

    /// The best design within `size` changes of `centre` at the loaded level (within
    /// `neighbourhoodTimeLimit`); the neighbourhood row is free again afterwards.
    private func searchNeighbourhood(of centre: [Double], size: Int, on worker: inout Worker) throws(SolverError) -> Solution {
        guard let row = neighbourhoodRow else { preconditionFailure("no neighbourhood row") }
        var ones = 0.0
        for (e, variable) in neighbourhood.enumerated() {
            let on = centre[variable.index] > 0.5
            if on { ones += 1 }
            let sign: Double = on ? -1 : 1
            if worker.signs[e] != sign {
                worker.loaded.setCoefficient(row, variable, sign)
                worker.signs[e] = sign
            }
        }
        worker.loaded.setBounds(row, lower: -.infinity, upper: Double(size) - ones)
        defer { worker.loaded.setBounds(row, lower: -.infinity, upper: .infinity) }
        let limit = deadline.map { min($0, monotonicSeconds() + neighbourhoodTimeLimit) } ?? monotonicSeconds() + neighbourhoodTimeLimit
        return try worker.loaded.solve(options: options.until(limit))
    }

    private func run(_ unit: Unit, on worker: inout Worker, state: Locked<GridState>) throws(SolverError) {
        let loaded = worker.loaded
        /// The last optimum of this unit: the centre of the next neighbourhood search.
        var previous: [Double]?
        var i = unit.inner.lowerBound
        func mark(_ range: Range<Int>, _ outcome: GridState.Outcome) {
            state.withLock { s in for j in range { s.outcomes[[j] + unit.outer] = outcome } }
        }
        while i < unit.inner.upperBound {
            let level = [i] + unit.outer
            let bounds = level.enumerated().map { grid[$0][$1] }
            if let deadline, monotonicSeconds() >= deadline {
                mark(i..<unit.inner.upperBound, .unsolved)
                return
            }
            let decision: Decision = state.withLock { (s: inout GridState) -> Decision in
                if s.infeasibleLevels.contains(where: { Self.isBelowOrEqual($0, level) }) { return .skipInfeasible }
                if let index = s.found.firstIndex(where: { $0.proven && Self.isBelowOrEqual($0.level, level) && meets($0.objectives, bounds) }) {
                    return .known(index)
                }
                return .solve(s.found.filter { meets($0.objectives, bounds) }.map(\.values))
            }
            switch decision {
            case .skipInfeasible:
                mark(i..<unit.inner.upperBound, .skippedInfeasible)
                return
            case let .known(index):
                mark(i..<(i + 1), .bypassed(index))
                i += 1
            case let .solve(found):
                for (c, e) in bounds.enumerated() {
                    let lower = e - AugmentedEpsilonConstraint.levelTolerance(e) - problem.objectives[c + 1].constant
                    loaded.setBounds(rows[c], lower: lower, upper: .infinity)
                }
                var seeds = knownPoints + found
                // Around the previous optimum of this loop (which the bypass leaves infeasible here):
                // k changes, then 2k when no design that close meets the level. Not worth it when a
                // known point already comes within `neighbourhoodGap` of the previous optimum, an
                // upper bound here (the feasible set only shrank).
                var searchSeconds = 0.0
                let bestKnown = seeds.filter { loaded.model.violations(of: $0, tolerance: 1e-7).isEmpty }
                    .map { loaded.model.objectiveValue(at: $0) }.max()
                let close = previous.map { centre in
                    let bound = loaded.model.objectiveValue(at: centre)
                    return bestKnown.map { bound - $0 <= neighbourhoodGap * max(1, abs(bound)) } ?? false
                } ?? false
                if let centre = previous, neighbourhoodRow != nil, !close {
                    for size in [neighbourhoodSize, 2 * neighbourhoodSize] {
                        let local = try searchNeighbourhood(of: centre, size: size, on: &worker)
                        searchSeconds += local.seconds
                        state.withLock { $0.neighbourhoodSolves += 1; $0.nodes += local.nodes }
                        if local.hasSolution { seeds.append(local.values) }
                        if local.termination != .infeasible { break }
                    }
                }
                let solution = try loaded.solve(knownPoints: seeds, options: options.until(deadline))
                func report(_ objectives: [Double], bypassed: Int) {
                    progress?(.init(level: level, bounds: bounds, termination: solution.termination, objectives: objectives,
                                    neighbourhoodSeconds: searchSeconds, seconds: solution.seconds, bypassed: bypassed))
                }
                guard solution.hasSolution else {
                    report([], bypassed: 0)
                    let infeasible = solution.termination == .infeasible
                    state.withLock { (s: inout GridState) in
                        s.solves += 1
                        s.nodes += solution.nodes
                        s.outcomes[level] = infeasible ? .infeasible : .noPoint(solution.termination)
                        if infeasible { s.infeasibleLevels.append(level) }
                    }
                    if infeasible {
                        // Early exit: every higher level of this loop is infeasible too.
                        mark((i + 1)..<unit.inner.upperBound, .skippedInfeasible)
                        return
                    }
                    i += 1
                    continue
                }
                let objectives = problem.values(at: solution.values)
                let proven = solution.termination == .optimal
                previous = solution.values
                let index = state.withLock { (s: inout GridState) -> Int in
                    s.solves += 1
                    s.nodes += solution.nodes
                    s.found.append(.init(objectives: objectives, values: solution.values, level: level, bounds: bounds,
                                         proven: proven, gap: proven ? nil : solution.relativeGap))
                    s.outcomes[level] = .solved(s.found.count - 1)
                    return s.found.count - 1
                }
                i += 1
                // AUGMECON2's bypass: b = ⌊s₁/step₁⌋ levels up still hold this optimum. Checked
                // level by level, so rounding never skips a level the point does not meet.
                var bypassed = 0
                while proven, i < unit.inner.upperBound {
                    let e = grid[0][i]
                    guard objectives[1] >= e - AugmentedEpsilonConstraint.levelTolerance(e) else { break }
                    mark(i..<(i + 1), .bypassed(index))
                    i += 1
                    bypassed += 1
                }
                report(objectives, bypassed: bypassed)
            }
        }
    }
}

extension AugmentedEpsilonConstraint {
    /// Distinct, nondominated points, sorted; statistics from the outcomes.
    static func assemble(_ state: GridState, names: [String], payoff: PayoffTable, grid: [[Double]]) -> ParetoFront {
        var statistics = ParetoFront.Statistics()
        statistics.gridLevels = grid.reduce(1) { $0 * $1.count }
        statistics.solves = state.solves
        statistics.neighbourhoodSolves = state.neighbourhoodSolves
        statistics.nodes = state.nodes
        var levelsOf: [Int: [[Int]]] = [:]
        for (level, outcome) in state.outcomes {
            switch outcome {
            case let .solved(index): levelsOf[index, default: []].append(level)
                if !state.found[index].proven { statistics.notProven += 1 }
            case let .bypassed(index): levelsOf[index, default: []].append(level); statistics.bypassed += 1
            case .infeasible: statistics.infeasible += 1
            case .skippedInfeasible: statistics.skippedInfeasible += 1
            case let .noPoint(termination): if termination == .timeLimit || termination == .interrupted { statistics.notProven += 1 }
            case .unsolved: statistics.unsolved += 1
            }
        }
        statistics.unsolved += statistics.gridLevels - state.outcomes.count
        let order: ([Int], [Int]) -> Bool = { $0.reversed().lexicographicallyPrecedes($1.reversed()) }
        let tolerance = names.indices.map { 1e-6 * max(1, payoff.range($0)) }
        func same(_ a: [Double], _ b: [Double]) -> Bool { a.indices.allSatisfy { abs(a[$0] - b[$0]) <= tolerance[$0] } }
        func dominates(_ a: [Double], _ b: [Double]) -> Bool {
            a.indices.allSatisfy { a[$0] >= b[$0] - tolerance[$0] } && a.indices.contains { a[$0] > b[$0] + tolerance[$0] }
        }
        // Found points in grid order (outer objectives slowest), merged when equal.
        var points: [ParetoFront.Point] = []
        for index in state.found.indices.sorted(by: { order(state.found[$0].level, state.found[$1].level) }) {
            let found = state.found[index]
            let levels = (levelsOf[index] ?? [found.level]).sorted(by: order)
            if let same = points.firstIndex(where: { same($0.objectives, found.objectives) }) {
                statistics.duplicates += 1
                points[same].levels = (points[same].levels + levels).sorted(by: order)
                continue
            }
            points.append(.init(objectives: found.objectives, values: found.values, levels: levels, bounds: found.bounds,
                                proven: found.proven, gap: found.gap))
        }
        let efficient = points.filter { p in !points.contains { dominates($0.objectives, p.objectives) } }
        statistics.dominated = points.count - efficient.count
        let sorted = efficient.sorted { a, b in
            for k in 1..<a.objectives.count where abs(a.objectives[k] - b.objectives[k]) > tolerance[k] {
                return a.objectives[k] < b.objectives[k]
            }
            return a.objectives[0] > b.objectives[0]
        }
        return ParetoFront(names: names, payoff: payoff, levels: grid, points: sorted, statistics: statistics, failure: nil)
    }
}
