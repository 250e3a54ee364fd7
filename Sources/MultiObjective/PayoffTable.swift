import MILP

/// Each objective optimized alone (ties broken on the others): its row holds every
/// objective's value at that optimum. Ideal = best value of each objective over the table,
/// nadir = worst; the weighted objective of `solve` normalizes each over `[nadir, ideal]`, and
/// the ε-constraint front spreads its grid over the same ranges.
public struct PayoffTable: Sendable, Codable, Equatable {
    /// The objectives' names, in column order (`economic`, `environmental`, ... for a park;
    /// Analysis's `PayoffTable+Park.swift` reads them as park objectives).
    public var names: [String]
    /// `values[k][j]`: objective `j` at the optimum of objective `k`.
    public var values: [[Double]]
    /// A row stopped at the time limit: its incumbent stands in for the optimum.
    public var approximate: Bool
    /// A row found no design in its time: the run optimized the economic objective alone.
    public var fellBackToEconomic = false
    /// The design (model point) of each row, to start later solves from.
    public var points: [[Double]] = []
    /// Each objective's LP-relaxation optimum (model units), where the LP was solved to
    /// optimality: a proven bound on that objective over every design.
    public var relaxationOptima: [Double?] = []

    enum CodingKeys: String, CodingKey {
        case names = "objectives"
        case values, approximate, fellBackToEconomic
    }

    public init(names: [String], values: [[Double]], approximate: Bool = false) {
        self.names = names
        self.values = values
        self.approximate = approximate
    }

    public func ideal(_ j: Int) -> Double { values.map { $0[j] }.max() ?? 0 }
    public func nadir(_ j: Int) -> Double { values.map { $0[j] }.min() ?? 0 }

    /// Whether objective `j` varies over the table by more than solver noise.
    public func varies(_ j: Int) -> Bool { ideal(j) - nadir(j) > 1e-6 * max(1, abs(ideal(j))) }

    /// `ideal − nadir`, or a unit scale when the objective does not vary over the table.
    public func range(_ j: Int) -> Double {
        // A range at solver-noise level would blow the weight up: treat it as no range.
        varies(j) ? ideal(j) - nadir(j) : max(1, abs(ideal(j)))
    }

    /// The weighted sum of normalized objectives `solve` maximizes:
    /// `Σ_j w_j (f_j − nadir_j) / range_j` (the `−nadir` parts are the constant).
    public func normalizedSum(_ objectives: [LinearExpression], weights: [Double]) -> LinearExpression {
        var sum = LinearExpression()
        for (j, weight) in weights.enumerated() {
            sum.add(objectives[j], scaledBy: weight / range(j))
            sum.constant -= weight * nadir(j) / range(j)
        }
        return sum
    }
}

extension PayoffTable {
    /// What computing a table cost, and why it failed when it did.
    public struct Computation: Sendable {
        /// `nil` when a row found no point (`failure` says why).
        public var table: PayoffTable?
        public var failure: TerminationStatus?
        public var solves: Int
        /// Wall time, seconds.
        public var seconds: Double
        public var nodes: Int
    }

    /// The payoff table with lexicographic tie-breaking: row `k` maximizes objective `k`, then
    /// each other objective in turn (in column order) with the earlier ones held at their
    /// optima (`LexicographicOptimization` with tolerance 0), so no weakly dominated point
    /// enters the table. `p` objectives cost up to `p²` MIP solves; the rows run in parallel
    /// on `threads` threads, one loaded model each.
    public static func lexicographic(_ problem: MultiObjectiveModel, backend: any SolverBackend, options: SolveOptions = SolveOptions(),
                                     deadline: Double? = nil, threads: Int = 1,
                                     knownPoints: [[Double]] = []) throws(SolverError) -> Computation {
        let count = problem.objectives.count
        let results = Locked<[Int: Result<LexicographicOptimization.Result, SolverError>]>([:])
        let started = monotonicSeconds()
        onThreads(min(max(1, threads), count)) { worker, workers in
            for k in stride(from: worker, to: count, by: workers) {
                let order = [k] + (0..<count).filter { $0 != k }
                let run = LexicographicOptimization(backend: backend, order: order, tolerance: 0, options: options)
                let outcome = Result { () throws(SolverError) in try run.solve(problem, deadline: deadline, knownPoints: knownPoints) }
                results.withLock { $0[k] = outcome }
            }
        }
        var rows: [[Double]] = [], points: [[Double]] = []
        var approximate = false, solves = 0, nodes = 0
        var failure: TerminationStatus?
        for k in 0..<count {
            let row = try results.withLock { $0[k]! }.get()
            solves += row.stages.count
            nodes += row.nodes
            approximate = approximate || !row.proven
            if row.objectiveValues.isEmpty {
                if failure == nil { failure = row.solution.termination }
                continue
            }
            rows.append(row.objectiveValues)
            points.append(row.solution.values)
        }
        let seconds = monotonicSeconds() - started
        guard failure == nil else { return Computation(table: nil, failure: failure, solves: solves, seconds: seconds, nodes: nodes) }
        var table = PayoffTable(names: problem.names, values: rows, approximate: approximate)
        table.points = points
        return Computation(table: table, failure: nil, solves: solves, seconds: seconds, nodes: nodes)
    }
}
