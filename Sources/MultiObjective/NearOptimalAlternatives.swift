import MILP

/// Designs within a slack of the optimum that differ most from it and from each other:
/// modelling to generate alternatives (E. D. Brill, "The use of optimization models in public-
/// sector planning", Management Science 25 (1979); as PyPSA's MGA and Calliope's SPORES do for
/// energy systems).
///
/// After the optimum `z*` of `objective`, the model keeps `objective ≥ z* − max(slack·|z*|, ε)`
/// (the same bound as `LexicographicOptimization.bound`, so it is right whatever the sign of
/// `z*`). Alternative `n + 1` then maximizes its total Hamming distance to the `n` designs found
/// so far over the `decisions` binaries,
///
///     Σ_d Σ_e |x_e − x_e^d| = Σ_e (n − 2·c_e)·x_e + const,   c_e = designs that set e,
///
/// so a decision every design took is penalized and one none took rewarded (the hop-skip-jump
/// idea, weighted by how often each decision was taken). A small `objectiveWeight·objective/|z*|`
/// breaks ties toward the better design. The run stops early when a solve returns a design
/// already found: there is no other one within the slack.
///
/// Each solve depends on the designs before it, so the alternatives are found one after the
/// other on one loaded model (its objective and one row's side change).
public struct NearOptimalAlternatives: Sendable {
    /// Share of the optimum that may be given up (0.05 = designs within 5 %).
    public var slack: Double
    /// Alternatives wanted (besides the optimum).
    public var count: Int
    /// The solver the alternatives are found with.
    public var backend: any SolverBackend
    public var options: SolveOptions
    public var objectiveWeight: Double

    public init(backend: any SolverBackend, slack: Double, count: Int, options: SolveOptions = SolveOptions(),
                objectiveWeight: Double = 1e-3) {
        precondition(slack >= 0 && count >= 0, "slack and count must be >= 0")
        self.backend = backend
        self.slack = slack
        self.count = count
        self.options = options
        self.objectiveWeight = objectiveWeight
    }

    public struct Design: Sendable {
        /// The model point.
        public var values: [Double]
        /// The objective at the point.
        public var objective: Double
        /// Each decision binary, as taken.
        public var decisions: [Bool]
        /// The solve was proven optimal (for the distance objective, or the optimum's own).
        public var proven: Bool
        /// Decisions that differ from the optimum's.
        public var distanceFromOptimum: Int
        /// Decisions that differ from the closest design found before it (0 for the optimum).
        public var distanceFromClosest: Int
    }

    public struct Result: Sendable {
        /// `nil` when the optimum solve found no point (see `termination`).
        public var optimum: Design?
        public var alternatives: [Design]
        /// Termination of the optimum's solve.
        public var termination: TerminationStatus
        /// Every alternative keeps `objective ≥ bound`.
        public var bound: Double?
        /// A solve returned a design already found: fewer than `count` distinct alternatives exist.
        public var exhausted: Bool
        public var solves: Int
        public var seconds: Double
        public var nodes: Int

        /// The optimum, then the alternatives.
        public var designs: [Design] { (optimum.map { [$0] } ?? []) + alternatives }
        /// How many designs take each decision.
        public var counts: [Int] {
            guard let first = designs.first else { return [] }
            return first.decisions.indices.map { e in designs.reduce(0) { $0 + ($1.decisions[e] ? 1 : 0) } }
        }
        /// Decisions every design takes (robust).
        public var robust: [Int] { counts.indices.filter { counts[$0] == designs.count && !designs.isEmpty } }
        /// Decisions no design takes.
        public var never: [Int] { counts.indices.filter { counts[$0] == 0 } }
    }

    /// Finds the optimum, then up to `count` alternatives, before `deadline`.
    public func generate(_ model: Model, objective: LinearExpression, decisions: [Variable],
                         deadline: Double? = nil, knownPoints: [[Double]] = []) throws(SolverError) -> Result {
        let started = monotonicSeconds()
        var work = model
        let near = work.addConstraint(LinearConstraint(objective), name: "near_optimal")
        work.setObjective(.maximize, objective)
        let loaded = try backend.load(work)
        var result = Result(optimum: nil, alternatives: [], termination: .otherError, bound: nil, exhausted: false,
                            solves: 1, seconds: 0, nodes: 0)
        let share = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) / Double(count + 1) }
        let first = try loaded.solve(knownPoints: knownPoints, options: options.until(share))
        result.termination = first.termination
        result.nodes = first.nodes
        guard first.hasSolution else { result.seconds = monotonicSeconds() - started; return result }
        let taken: ([Double]) -> [Bool] = { point in decisions.map { point[$0.index] > 0.5 } }
        let optimum = objective.value(at: first.values)
        let optimal = taken(first.values)
        result.optimum = Design(values: first.values, objective: optimum, decisions: optimal,
                                proven: first.termination == .optimal, distanceFromOptimum: 0, distanceFromClosest: 0)
        let bound = LexicographicOptimization.bound(below: optimum, tolerance: slack)
        result.bound = bound
        loaded.setBounds(near, lower: bound - objective.constant, upper: .infinity)
        func distance(_ a: [Bool], _ b: [Bool]) -> Int { zip(a, b).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) } }
        let scale = max(1, abs(optimum))

        for n in stride(from: 1, through: count, by: 1) {
            let designs = result.designs
            var distanceObjective = LinearExpression()
            for (e, variable) in decisions.enumerated() {
                let taking = designs.reduce(0) { $0 + ($1.decisions[e] ? 1 : 0) }
                distanceObjective.add(Double(designs.count - 2 * taking), variable)
            }
            distanceObjective.add(objective, scaledBy: objectiveWeight / scale)
            loaded.setObjective(.maximize, distanceObjective)
            let share = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) / Double(count - n + 1) }
            let solution = try loaded.solve(knownPoints: designs.map(\.values), options: options.until(share))
            result.solves += 1
            result.nodes += solution.nodes
            guard solution.hasSolution else { break }
            let pattern = taken(solution.values)
            if designs.contains(where: { $0.decisions == pattern }) {
                result.exhausted = solution.termination == .optimal
                break
            }
            result.alternatives.append(Design(
                values: solution.values, objective: objective.value(at: solution.values), decisions: pattern,
                proven: solution.termination == .optimal, distanceFromOptimum: distance(pattern, optimal),
                distanceFromClosest: designs.map { distance(pattern, $0.decisions) }.min() ?? 0))
            if let deadline, monotonicSeconds() >= deadline { break }
        }
        result.seconds = monotonicSeconds() - started
        return result
    }
}
