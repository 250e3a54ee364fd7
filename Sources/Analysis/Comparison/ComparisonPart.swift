import Dispatch
import Foundation
import Formulation
import MILP
import MultiObjective
import Scenario

/// One shard's work of a policy comparison (`compare --shard K/N`). The comparison's work items
/// are its options in order, then the status quo's payoff table (the ranking's fixed scales,
/// `CriterionScales`); shard K solves and simulates the contiguous run
/// `StudyShard.range(of: options + 1)` of them, so the status quo's solve belongs to the last
/// shard that has items. No shard judges anything: the appraisal against the status quo
/// (`PolicyAppraisal`, a computation on the design with nothing solved) and the ranking are done
/// when `merge` assembles the parts, by the same code as a one-machine run
/// (`PolicyComparison.assemble`), so every option is judged against the same status quo.
public struct ComparisonPart: Sendable, Equatable, Codable {
    /// What the part file is (`merge` reads it to tell the kinds of part apart).
    public var command = "compare"
    public var header: Header
    public var shard: StudyShard
    /// The options of `shard.range(of: header.items)`, in option order (the status quo item excluded).
    public var options: [SolvedOption]
    /// The ranking's scales, in the part whose run holds the status quo item (the last one).
    public var scales: Scales?

    /// Everything that decides the parts' results; parts merge only when their headers are equal.
    public struct Header: Sendable, Equatable, Codable {
        public var scenario: String
        /// `Scenario.contentDigest` of the scenario file without policies.
        public var scenarioDigest: String
        /// FNV-1a 64 of the scenario file's text (the report quotes its leading comments).
        public var fileDigest: String
        /// The options' policy expressions, in order, and the content digest of each option's scenario.
        public var options: [String]
        public var optionDigests: [String]
        /// The status quo's name (`status_quo`, or `baseline`) and content digest.
        public var statusQuo: String
        public var statusQuoDigest: String
        /// Monte Carlo samples per option (0: no simulation) and their seed.
        public var samples: Int
        public var seed: UInt64?
        /// `--time-limit` (seconds) and `--search` of each option's solve.
        public var timeLimit: Double?
        public var search: String

        /// `base` is the file without policies and `fileText` its text; `scenarios` the options as
        /// (policy expression, scenario with it applied).
        public init(base: Scenario, fileText: String?, scenarios: [(name: String, scenario: Scenario)], appraisal: PolicyAppraisal,
                    settings: SimulationSettings?, timeLimit: Double?, search: String) {
            scenario = base.name
            scenarioDigest = base.contentDigest
            fileDigest = Scenario.fnv1a(fileText ?? "")
            options = scenarios.map(\.name)
            optionDigests = scenarios.map(\.scenario.contentDigest)
            statusQuo = appraisal.statusQuoName
            statusQuoDigest = appraisal.statusQuo.contentDigest
            samples = settings?.samples ?? 0
            seed = settings?.seed
            self.timeLimit = timeLimit
            self.search = search
        }

        /// The comparison's work items: every option, then the status quo's payoff table.
        public var items: Int { options.count + 1 }

        /// The names of the settings that differ from `other`'s.
        public func differences(from other: Self) -> [String] {
            var names: [String] = []
            if scenario != other.scenario || scenarioDigest != other.scenarioDigest { names.append("scenario content") }
            if fileDigest != other.fileDigest { names.append("scenario file text") }
            if options != other.options { names.append("options") }
            if options == other.options && optionDigests != other.optionDigests {
                let changed = zip(options, zip(optionDigests, other.optionDigests)).filter { $1.0 != $1.1 }.map(\.0)
                names.append("the scenario of option\(changed.count == 1 ? "" : "s") \(changed.joined(separator: ", "))")
            }
            if statusQuo != other.statusQuo || statusQuoDigest != other.statusQuoDigest { names.append("status quo") }
            if samples != other.samples { names.append("samples") }
            if seed != other.seed { names.append("seed") }
            if timeLimit != other.timeLimit { names.append("time limit") }
            if search != other.search { names.append("search") }
            return names.isEmpty ? ["settings"] : names
        }
    }

    /// What a report needs of one option's solve and simulation.
    public struct SolvedOption: Sendable, Equatable, Codable {
        public var name: String
        /// `TerminationStatus.rawValue`.
        public var termination: String
        public var gap: Double?
        public var design: ParkDesign?
        public var objectiveWeights: ObjectiveWeights
        public var risk: SimulationResult?

        init(name: String, result: OptimizationResult, risk: SimulationResult?) {
            self.name = name
            termination = result.termination.rawValue
            gap = result.gap
            design = result.design
            objectiveWeights = result.objectiveWeights
            self.risk = risk
        }

        /// The solve as a result (what the part does not carry — timings, node counts, the
        /// payoff table — left empty; the report reads none of it).
        var result: OptimizationResult {
            OptimizationResult(termination: TerminationStatus(rawValue: termination) ?? .numericalFailure, design: design,
                               mipObjective: nil, bestBound: nil, gap: gap, rootRelaxation: nil, payoff: nil, lexicographic: nil,
                               solverName: "", seconds: 0, nodes: 0, rows: 0, columns: 0, binaries: 0, objectiveWeights: objectiveWeights)
        }
    }

    /// `CriterionScales` as written in a part.
    public struct Scales: Sendable, Equatable, Codable {
        public var socialValue: Double
        public var co2eAvoided: Double
        public var jobs: Double
        init(_ scales: CriterionScales) {
            socialValue = scales.socialValue; co2eAvoided = scales.co2eAvoided; jobs = scales.jobs
        }
        var criterionScales: CriterionScales { CriterionScales(socialValue: socialValue, co2eAvoided: co2eAvoided, jobs: jobs) }
    }

    /// What makes a decoded part impossible for `compare --shard` to have written (a part file
    /// edited or corrupted); `nil` when none.
    public var inconsistency: String? {
        if let problem = shard.partInconsistency(command: command, expected: "compare") { return problem }
        if header.options.isEmpty || header.optionDigests.count != header.options.count {
            return "\(header.options.count) options with \(header.optionDigests.count) scenario digests"
        }
        let range = shard.range(of: header.items)
        let expected = Array(header.options[range.clamped(to: 0..<header.options.count)])
        if options.map(\.name) != expected {
            return "options \(options.map(\.name)) for the options \(expected) of shard \(shard.label)"
        }
        if let unknown = options.first(where: { TerminationStatus(rawValue: $0.termination) == nil }) {
            return "\(unknown.name): status `\(unknown.termination)` unknown"
        }
        if (scales != nil) != range.contains(header.options.count) {
            return scales == nil ? "shard \(shard.label) holds the status quo's scales, the part has none"
                : "shard \(shard.label) does not hold the status quo's scales, the part has them"
        }
        return nil
    }

    /// The options of every shard and the scales, from one part per shard in any order. Refuses
    /// parts of different comparisons (naming the two files by `names`, one per part), the same
    /// shard twice, different shard counts and missing shards: a report is made from all the
    /// options or not at all.
    public static func merge(_ parts: [ComparisonPart], names: [String]? = nil) throws(SimulationError)
        -> (header: Header, options: [SolvedOption], scales: CriterionScales) {
        guard let first = parts.first else { throw .incompatibleParts("no parts given") }
        let names = names ?? parts.indices.map { "part \($0 + 1)" }
        for (index, part) in parts.enumerated().dropFirst() where part.header != first.header {
            throw .incompatibleParts("\(names[0]) and \(names[index]) come from different comparisons "
                                     + "(they differ in \(first.header.differences(from: part.header).joined(separator: ", ")))")
        }
        let ordered = try StudyShard.ordered(parts, shard: \.shard, names: names, study: "a comparison")
        // `inconsistency` checked each part holds its own run of items, so exactly one has the scales.
        guard let scales = ordered.lazy.compactMap(\.scales).first else { throw .incompatibleParts("no part holds the status quo's scales") }
        return (first.header, ordered.flatMap(\.options), scales.criterionScales)
    }
}

extension PolicyComparison {
    /// The work of `shard` (`ComparisonPart`): its options solved (several at once on
    /// `threads` threads, one lp_solve model each), each design simulated with `settings` (all
    /// threads per simulation); and the status quo's payoff table, the ranking's scales, where
    /// the shard's run holds it. Options in `scenarios` order.
    static func solve(_ scenarios: [(name: String, scenario: Scenario)], appraisal: PolicyAppraisal,
                      optimizer: ParkOptimizer, settings: SimulationSettings?, threads: Int, shard: StudyShard,
                      progress: @escaping @Sendable (PolicyComparison.Step) -> Void,
                      shouldStop: @escaping @Sendable () -> Bool) throws(SimulationError)
        -> (options: [(result: OptimizationResult, risk: SimulationResult?)], scales: CriterionScales?) {
        // The last job is the status quo, solved only for its payoff table.
        let jobs = scenarios + [(name: appraisal.statusQuoName, scenario: appraisal.statusQuo)]
        let range = shard.range(of: jobs.count)
        let results = Results(count: jobs.count)
        let queue = Results.Queue(count: range.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, range.count))) { _ in
            while let offset = queue.next(), !shouldStop() {
                let index = range.lowerBound + offset
                let (name, scenario) = jobs[index]
                progress(index == scenarios.count ? PolicyComparison.Step.solvingStatusQuo(policy: name) : PolicyComparison.Step.solving(option: name))
                do throws(SolverError) {
                    results.set(index, .success(try optimizer.optimize(scenario)))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        var options: [(result: OptimizationResult, risk: SimulationResult?)] = []
        for index in range where index < scenarios.count {
            let (name, scenario) = scenarios[index]
            guard let outcome = results.value(index) else { throw .solver("stopped before \(name) was solved") }
            let result: OptimizationResult
            switch outcome {
            case let .success(found): result = found
            case let .failure(error): throw .solver("\(name): \(error)")
            }
            var risk: SimulationResult?
            if let settings, scenario.uncertainty != nil, let design = result.design, !shouldStop() {
                progress(.simulating(option: name))
                let data = ParkData(scenario)
                let plan = BuildPlan(design: design, data: data)
                // Every option draws the same paths (same seed and uncertainty block), and each
                // firm's gain is measured against the status quo along the same path.
                var simulation = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings,
                                                backend: optimizer.backend)
                simulation.statusQuo = appraisal.simulationReference
                let run = try simulation.run(shouldStop: shouldStop)
                let header = SimulationHeader(scenario: scenario, policy: name, settings: settings, design: design)
                risk = SimulationResult(header: header, tally: run.tally, partial: run.stopped)
            }
            options.append((result, risk))
        }
        guard range.contains(scenarios.count) else { return (options, nil) }
        // A status quo without a payoff table (one objective weighed, or its solve failed) leaves
        // scale 1: with one criterion weighed, the scale does not change the order.
        let payoff: PayoffTable? = if case let .success(found)? = results.value(scenarios.count) { found.payoff } else { nil }
        return (options, CriterionScales(payoff: payoff, moneyUnit: ParkData.moneyUnit(for: appraisal.statusQuo)))
    }

    /// The comparison of `scenarios` from their solves and simulations (in `scenarios` order):
    /// each design judged against `appraisal`'s status quo, ranked on `scales`.
    static func assemble(_ scenarios: [(name: String, scenario: Scenario)], solved: [(result: OptimizationResult, risk: SimulationResult?)],
                         appraisal: PolicyAppraisal, scales: CriterionScales) -> PolicyComparison {
        let options = zip(scenarios, solved).map { item, solved in
            var option = PolicyOption(name: item.name, description: Self.describe(item.name, item.scenario), scenario: item.scenario,
                                      result: solved.result, risk: solved.risk)
            option.appraisal = solved.result.design.map { appraisal.appraise(item.scenario, design: $0) }
            return option
        }
        let w = scenarios.first?.scenario.objectives
        return PolicyComparison(options: options, weights: (w?.economic ?? 1, w?.environmental ?? 0, w?.social ?? 0),
                                appraisal: appraisal, scales: scales)
    }

    /// Shard `shard`'s part of the comparison `run` would make of the same arguments; `header`
    /// describes the whole comparison.
    public static func part(_ scenarios: [(name: String, scenario: Scenario)], header: ComparisonPart.Header, shard: StudyShard,
                            appraisal: PolicyAppraisal, optimizer: ParkOptimizer, settings: SimulationSettings?, threads: Int,
                            progress: @escaping @Sendable (PolicyComparison.Step) -> Void = { _ in },
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws(SimulationError) -> ComparisonPart {
        let work = try solve(scenarios, appraisal: appraisal, optimizer: optimizer, settings: settings, threads: threads, shard: shard,
                             progress: progress, shouldStop: shouldStop)
        let range = shard.range(of: scenarios.count + 1)
        let names = scenarios[range.clamped(to: 0..<scenarios.count)].map(\.name)
        return ComparisonPart(header: header, shard: shard,
                              options: zip(names, work.options).map { ComparisonPart.SolvedOption(name: $0, result: $1.result, risk: $1.risk) },
                              scales: work.scales.map(ComparisonPart.Scales.init))
    }

    /// The comparison of merged parts (`ComparisonPart.merge`), as `run` makes it on one machine:
    /// `scenarios` are the options loaded again (their digests checked against the parts' header).
    public static func merged(_ options: [ComparisonPart.SolvedOption], scales: CriterionScales,
                              scenarios: [(name: String, scenario: Scenario)], appraisal: PolicyAppraisal) -> PolicyComparison {
        assemble(scenarios, solved: options.map { ($0.result, $0.risk) }, appraisal: appraisal, scales: scales)
    }
}
