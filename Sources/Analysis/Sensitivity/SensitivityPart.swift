import Scenario

/// One shard's evaluations of a sensitivity study (`sensitivity --shard K/N`): the study, what
/// it ran on, and the evaluations at its contiguous run of the study's points
/// (`StudyShard.range(of:)`). `merge` puts the parts of all N shards together and computes the
/// study's result from them, exactly as one machine would from its own evaluations.
public struct SensitivityPart: Sendable, Equatable, Codable {
    /// What the part file is (`merge` reads it to tell sensitivity parts from simulation parts).
    public var command = "sensitivity"
    public var header: Header
    public var shard: StudyShard
    /// The evaluations of `shard.range(of: header.points)`, in point order.
    public var evaluations: [ParkEvaluation]

    /// Everything that decides the evaluations; parts merge only when their headers are equal.
    public struct Header: Sendable, Equatable, Codable {
        public var scenario: String
        /// `Scenario.contentDigest` of the scenario as loaded with its policy applied.
        public var scenarioDigest: String
        public var policy: String
        public var currency: String
        public var study: SensitivityPlan
        /// The weights of the base solve, the objective every evaluation is solved for.
        public var weights: ObjectiveWeights
        /// `--time-limit` (seconds) and `--search` of the evaluations' MIPs.
        public var timeLimit: Double?
        public var search: String
        /// The study's number of evaluation points.
        public var points: Int

        public init(scenario: Scenario, policy: String?, study: SensitivityPlan, weights: ObjectiveWeights,
                    timeLimit: Double?, search: String, points: Int) {
            self.scenario = scenario.name
            scenarioDigest = scenario.contentDigest
            self.policy = policy ?? AppliedPolicy.statusQuoName
            currency = scenario.currency
            self.study = study
            self.weights = weights
            self.timeLimit = timeLimit
            self.search = search
            self.points = points
        }
    }

    public init(header: Header, shard: StudyShard, evaluations: [ParkEvaluation]) {
        self.header = header
        self.shard = shard
        self.evaluations = evaluations
    }

    /// What makes a decoded part impossible for `sensitivity --shard` to have written (a part
    /// file edited or corrupted); `nil` when none.
    public var inconsistency: String? {
        if let problem = shard.partInconsistency(command: command, expected: "sensitivity") { return problem }
        guard let expected = header.study.pointCount else {
            return "study settings `sensitivity` does not accept (\(header.study.method.rawValue), \(header.study.parameters.count) parameters)"
        }
        if expected != header.points { return "the study has \(expected) points, the part says \(header.points)" }
        let range = shard.range(of: header.points)
        if evaluations.count != range.count {
            return "\(evaluations.count) evaluations for the \(range.count) points of shard \(shard.label)"
        }
        return nil
    }

    /// The evaluations of every point of the study, from one part per shard in any order.
    /// Refuses parts of different studies (naming the two files by `names`, one per part), the
    /// same shard twice, different shard counts and missing shards: a result is computed from
    /// all the points or not at all.
    public static func merge(_ parts: [SensitivityPart], names: [String]? = nil) throws(SimulationError) -> (header: Header, evaluations: [ParkEvaluation]) {
        guard let first = parts.first else { throw .incompatibleParts("no parts given") }
        let names = names ?? parts.indices.map { "part \($0 + 1)" }
        for (index, part) in parts.enumerated().dropFirst() {
            if part.header.scenarioDigest != first.header.scenarioDigest {
                throw .incompatibleParts(
                    "\(names[0]) and \(names[index]) study different scenarios (content digest \(first.header.scenarioDigest) "
                        + "vs \(part.header.scenarioDigest)): the scenario file or the policy changed between the runs")
            }
            guard part.header == first.header else {
                throw .incompatibleParts("\(names[0]) and \(names[index]) come from different studies "
                                         + "(they differ in \(first.header.differences(from: part.header).joined(separator: ", ")))")
            }
        }
        let evaluations = try StudyShard.ordered(parts, shard: \.shard, names: names, study: "a sensitivity study").flatMap(\.evaluations)
        return (first.header, evaluations)
    }
}

extension SensitivityPart.Header {
    /// The names of the settings that differ from `other`'s.
    func differences(from other: Self) -> [String] {
        var names: [String] = []
        if scenario != other.scenario { names.append("scenario") }
        if policy != other.policy { names.append("policy") }
        if study.method != other.study.method { names.append("method") }
        if study.parameters != other.study.parameters { names.append("parameters") }
        if study.grid != other.study.grid { names.append("grid") }
        if study.trajectories != other.study.trajectories { names.append("trajectories") }
        if study.samples != other.study.samples { names.append("samples") }
        if study.seed != other.study.seed { names.append("seed") }
        if weights != other.weights { names.append("objective weights") }
        if timeLimit != other.timeLimit { names.append("time limit") }
        if search != other.search { names.append("search") }
        if currency != other.currency || points != other.points { names.append("points") }
        return names.isEmpty ? ["settings"] : names
    }
}
