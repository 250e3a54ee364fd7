import MILP

/// Objectives optimized one after another (lexicographic, or preemptive, optimization): stage
/// `j` maximizes objective `order[j]` while every earlier objective keeps within `tolerance` of
/// the optimum its own stage found.
///
/// The bound kept from a stage with optimum `z` is
/// `f ≥ z − max(tolerance·|z|, 1e-7·max(1, |z|))`: the second term is the numeric floor that
/// keeps a zero tolerance solvable within the solver's feasibility tolerance. All stages
/// re-solve one loaded model (a new objective and one row's side per stage), each
/// starting from the points of the stages before (`solve(knownPoints:options:)`).
public struct LexicographicOptimization: Sendable {
    /// Objective indices, most important first.
    public var order: [Int]
    /// Share of each stage's optimum that later stages may give up (0.01 = 1 %).
    public var tolerance: Double
    /// The solver the stages re-solve one loaded model with.
    public var backend: any SolverBackend
    public var options: SolveOptions

    public init(backend: any SolverBackend, order: [Int], tolerance: Double = 0, options: SolveOptions = SolveOptions()) {
        precondition(!order.isEmpty && Set(order).count == order.count, "a non-empty order without repeats")
        self.backend = backend
        self.order = order
        self.tolerance = tolerance
        self.options = options
    }

    /// One stage's answer.
    public struct Stage: Sendable, Equatable {
        /// Index of the objective this stage maximized.
        public var objective: Int
        public var termination: TerminationStatus
        /// The stage's optimum (its incumbent when stopped early); `nil` without a point.
        public var optimum: Double?
        /// What later stages keep: objective ≥ `bound` (`nil` for the last stage).
        public var bound: Double?
        public var seconds: Double
        public var nodes: Int
    }

    public struct Result: Sendable {
        public var stages: [Stage]
        /// The last stage's solution, or that of the first stage that found no point.
        public var solution: Solution
        /// Every objective's value at the final point (empty without one).
        public var objectiveValues: [Double]
        /// Every stage's point (to start later solves from).
        public var points: [[Double]]
        /// Every stage proven optimal.
        public var proven: Bool { stages.count > 0 && stages.allSatisfy { $0.termination == .optimal } }
        public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
        public var nodes: Int { stages.reduce(0) { $0 + $1.nodes } }
    }

    /// The bound a later stage keeps below an optimum `z`.
    public static func bound(below optimum: Double, tolerance: Double) -> Double {
        optimum - max(tolerance * abs(optimum), 1e-7 * max(1, abs(optimum)))
    }

    /// Runs the stages; a stage without a point (infeasible, or no incumbent in time) ends the
    /// run with its termination. Each stage gets an equal share of the time left before `deadline`.
    public func solve(_ problem: MultiObjectiveModel, deadline: Double? = nil,
                      knownPoints: [[Double]] = []) throws(SolverError) -> Result {
        var work = problem.model
        let rows = order.dropLast().map { k in
            work.addConstraint(LinearConstraint(problem.objectives[k]), name: "lexicographic_\(problem.names[k])")
        }
        let loaded = try backend.load(work)
        var points = knownPoints, found: [[Double]] = []
        var stages: [Stage] = []
        for (j, k) in order.enumerated() {
            let objective = problem.objectives[k]
            loaded.setObjective(.maximize, objective)
            let share = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) / Double(order.count - j) }
            let solution = try loaded.solve(knownPoints: points, options: options.until(share))
            var stage = Stage(objective: k, termination: solution.termination, optimum: nil, bound: nil,
                              seconds: solution.seconds, nodes: solution.nodes)
            guard solution.hasSolution else {
                stages.append(stage)
                return Result(stages: stages, solution: solution, objectiveValues: [], points: found)
            }
            let optimum = objective.value(at: solution.values)
            stage.optimum = optimum
            points.append(solution.values)
            found.append(solution.values)
            if j < rows.count {
                let bound = Self.bound(below: optimum, tolerance: tolerance)
                stage.bound = bound
                loaded.setBounds(rows[j], lower: bound - objective.constant, upper: .infinity)
            }
            stages.append(stage)
            if j == order.count - 1 {
                return Result(stages: stages, solution: solution, objectiveValues: problem.values(at: solution.values), points: found)
            }
        }
        preconditionFailure("unreachable: the last stage returns")
    }
}
