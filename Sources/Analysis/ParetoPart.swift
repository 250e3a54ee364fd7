import Formulation
import MILP
import MultiObjective
import Scenario

/// One shard's work of a Pareto front (`pareto --shard K/N`): the payoff table, which every
/// shard solves (it sets the grid, so each shard needs it; `merge` checks that all found the
/// same one), and the answers at the shard's contiguous run of grid levels
/// (`StudyShard.range(of:)` of the levels in grid order, outer objectives slowest). The front is
/// made when `merge` puts the answers of every level together, by the same code as a
/// one-machine run (`AugmentedEpsilonConstraint.front(_:names:payoff:grid:)`,
/// `ParkOptimizer.front(_:merged:)`).
public struct ParetoPart: Sendable, Equatable, Codable {
    /// What the part file is (`merge` reads it to tell the kinds of part apart).
    public var command = "pareto"
    public var header: Header
    public var shard: StudyShard
    /// `nil` when a payoff row found no design (`failure` says why): no grid was run.
    public var payoff: PayoffTable?
    /// `TerminationStatus.rawValue` of the payoff row that found no design.
    public var failure: String?
    public var answers: GridAnswers

    /// Everything that decides the front; parts merge only when their headers are equal.
    public struct Header: Sendable, Equatable, Codable {
        public var scenario: String
        /// `Scenario.contentDigest` of the scenario as loaded with its policy applied.
        public var scenarioDigest: String
        public var policy: String
        /// The objectives, the first maximized (`economic`, `environmental`, `social`).
        public var objectives: [String]
        /// `--points`: ε levels per constrained objective.
        public var gridPoints: Int
        /// `--time-limit` (seconds, each shard's whole run) and `--search`.
        public var timeLimit: Double?
        public var search: String

        public init(scenario: Scenario, policy: String?, objectives: [ParkFormulation.Objective], gridPoints: Int,
                    timeLimit: Double?, search: String) {
            self.scenario = scenario.name
            scenarioDigest = scenario.contentDigest
            self.policy = policy ?? AppliedPolicy.statusQuoName
            self.objectives = objectives.map(\.rawValue)
            self.gridPoints = gridPoints
            self.timeLimit = timeLimit
            self.search = search
        }

        /// The names of the settings that differ from `other`'s.
        public func differences(from other: Self) -> [String] {
            var names: [String] = []
            if scenario != other.scenario || scenarioDigest != other.scenarioDigest { names.append("scenario content") }
            if policy != other.policy { names.append("policy") }
            if objectives != other.objectives { names.append("objectives") }
            if gridPoints != other.gridPoints { names.append("points") }
            if timeLimit != other.timeLimit { names.append("time limit") }
            if search != other.search { names.append("search") }
            return names.isEmpty ? ["settings"] : names
        }
    }

    public init(header: Header, shard: StudyShard, payoff: PayoffTable?, failure: String?, answers: GridAnswers) {
        self.header = header
        self.shard = shard
        self.payoff = payoff
        self.failure = failure
        self.answers = answers
    }

    /// What makes a decoded part impossible for `pareto --shard` to have written (a part file
    /// edited or corrupted); `nil` when none.
    public var inconsistency: String? {
        if let problem = shard.partInconsistency(command: command, expected: "pareto") { return problem }
        let objectives = header.objectives.compactMap(ParkFormulation.Objective.init(rawValue:))
        if objectives.count != header.objectives.count || !(2...3).contains(objectives.count) || Set(objectives).count != objectives.count {
            return "objectives \(header.objectives) are not 2 or 3 of economic, environmental, social"
        }
        if header.gridPoints < 2 { return "\(header.gridPoints) grid points (at least 2)" }
        guard let payoff else {
            if failure.flatMap(TerminationStatus.init(rawValue:)) == nil { return "neither a payoff table nor why there is none" }
            return answers == GridAnswers() ? nil : "answers without a payoff table"
        }
        if failure != nil { return "a payoff table and a failure" }
        if payoff.names != header.objectives || payoff.values.count != objectives.count
            || payoff.values.contains(where: { $0.count != objectives.count || !$0.allSatisfy(\.isFinite) }) {
            return "a payoff table that is not \(objectives.count) × \(objectives.count) numbers of \(header.objectives)"
        }
        let grid = AugmentedEpsilonConstraint.levels(payoff, gridPoints: header.gridPoints)
        return answers.inconsistency(grid: grid, positions: shard.range(of: AugmentedEpsilonConstraint.levelCount(grid)),
                                     objectives: objectives.count, columns: nil)
    }

    /// The payoff table and the answers at every level, from one part per shard in any order.
    /// Refuses parts of different studies or with different payoff tables (naming the two files
    /// by `names`, one per part), the same shard twice, different shard counts and missing
    /// shards: a front is made from every level or not at all.
    public static func merge(_ parts: [ParetoPart], names: [String]? = nil) throws(SimulationError)
        -> (header: Header, payoff: PayoffTable?, failure: TerminationStatus?, answers: GridAnswers) {
        guard let first = parts.first else { throw .incompatibleParts("no parts given") }
        let names = names ?? parts.indices.map { "part \($0 + 1)" }
        for (index, part) in parts.enumerated().dropFirst() {
            guard part.header == first.header else {
                throw .incompatibleParts("\(names[0]) and \(names[index]) come from different fronts "
                                         + "(they differ in \(first.header.differences(from: part.header).joined(separator: ", ")))")
            }
            guard part.payoff == first.payoff, part.failure == first.failure else {
                throw .incompatibleParts("\(names[0]) and \(names[index]) found different payoff tables, so their grids differ "
                                         + "(a payoff solve stopped at the time limit?)")
            }
        }
        let ordered = try StudyShard.ordered(parts, shard: \.shard, names: names, study: "a Pareto front")
        return (first.header, first.payoff, first.failure.flatMap(TerminationStatus.init(rawValue:)),
                GridAnswers.combined(ordered.map(\.answers)))
    }
}
