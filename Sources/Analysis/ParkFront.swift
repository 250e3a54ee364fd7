import Formulation
import MILP
import MultiObjective
import Scenario

extension ParkFormulation {
    /// The park's objectives as a multi-objective model (all maximized), in the given order.
    public func multiObjective(_ objectives: [Objective]) -> MultiObjectiveModel {
        MultiObjectiveModel(model: model, objectives: objectives.map(expression), names: objectives.map(\.rawValue))
    }
}

extension ParkFormulation.Objective {
    /// Report units per model unit for `scenario`: currency per model money unit (a million
    /// for USD-sized amounts, `ParkData.moneyUnit(for:)`), t per kt (environmental), FTE-years
    /// per FTE-year (social).
    public func reportScale(for scenario: Scenario) -> Double {
        switch self {
        case .economic: return ParkData.moneyUnit(for: scenario)
        case .environmental: return ParkFormulation.co2eUnit
        case .social: return 1
        }
    }

    /// The report unit, e.g. `USD`, `t CO2e`, `FTE-years`.
    public func unit(currency: String) -> String {
        switch self {
        case .economic: return currency
        case .environmental: return "t CO2e"
        case .social: return "FTE-years"
        }
    }
}

/// A park's Pareto front (`ParkOptimizer.front`) in the scenario's units: each point's
/// objectives, design and trade-offs with its neighbours.
public struct ParkFront: Sendable {
    public struct TradeOff: Sendable, Equatable {
        /// The constrained objective gained.
        public var objective: ParkFormulation.Objective
        /// Index in `points` of the neighbour with the least more of it.
        public var neighbour: Int
        /// Report units gained (t CO2e, FTE-years).
        public var gain: Double
        /// Report units of the primary objective given up (currency for economic).
        public var cost: Double
        /// `cost / gain`, e.g. USD per t CO2e.
        public var ratio: Double { cost / gain }
    }

    public struct Point: Sendable {
        /// Each objective in report units, in `ParkFront.objectives` order.
        public var values: [Double]
        public var design: ParkDesign
        /// The MIP at this point was proven optimal.
        public var proven: Bool
        public var gap: Double?
        /// The ε bounds it was found at (report units), for objectives 1...
        public var bounds: [Double]
        /// One per constrained objective that has a next point.
        public var tradeOffs: [TradeOff]
    }

    /// The primary (maximized) objective first, then the constrained ones.
    public var objectives: [ParkFormulation.Objective]
    public var points: [Point]
    /// The solver-neutral front (model units), with the payoff table and the run's statistics.
    public var front: ParetoFront
    public var termination: TerminationStatus
    public var solverName: String
    public var rows: Int
    public var columns: Int
    public var binaries: Int
}

extension ParkOptimizer {
    /// Node selection of the ε-level solves: pseudo-costs. Measured on hiep-phuoc's
    /// economic–environmental front (docs/performance.md): its hardest level proved optimal in
    /// 80 s against more than 300 s with the default rule (and depth-first, most-fractional),
    /// the whole 21-point front in 201 s against 451 s. The payoff rows keep `options`' rule.
    public static let gridBranching = SolveOptions.Branching.pseudoCost

    /// The exact ε-constraint front of `objectives` (2 or 3, the first maximized) with
    /// `gridPoints` ε levels per constrained objective: the payoff table with lexicographic
    /// rows, then AUGMECON2 on `threads` threads (`AugmentedEpsilonConstraint`). `options`'
    /// time limit covers the whole run; points not proven optimal are marked.
    public func front(_ scenario: Scenario, objectives: [ParkFormulation.Objective], gridPoints: Int,
                      threads: Int = availableCores(),
                      progress: (@Sendable (AugmentedEpsilonConstraint.LevelReport) -> Void)? = nil) throws(SolverError) -> ParkFront {
        let deadline = options.timeLimit.map { monotonicSeconds() + $0 }
        let setup = frontMethod(scenario, objectives: objectives, gridPoints: gridPoints, threads: threads, progress: progress)
        let front = try setup.method.front(setup.problem, deadline: deadline)
        return parkFront(front, formulation: setup.formulation, objectives: objectives)
    }

    /// Shard `shard`'s part of the front `front` would trace with the same arguments: the
    /// payoff table (every shard solves it: it sets the grid), then the answers at the shard's
    /// contiguous run of grid levels (`StudyShard.range(of:)` of the levels in grid order,
    /// outer objectives slowest). `header` describes the whole study.
    public func frontPart(_ scenario: Scenario, header: ParetoPart.Header, shard: StudyShard, threads: Int = availableCores(),
                          progress: (@Sendable (AugmentedEpsilonConstraint.LevelReport) -> Void)? = nil) throws(SolverError)
        -> (part: ParetoPart, statistics: ParetoFront.Statistics) {
        let deadline = options.timeLimit.map { monotonicSeconds() + $0 }
        let started = monotonicSeconds()
        let objectives = header.objectives.compactMap(ParkFormulation.Objective.init(rawValue:))
        let setup = frontMethod(scenario, objectives: objectives, gridPoints: header.gridPoints, threads: threads, progress: progress)
        let computed = try PayoffTable.lexicographic(setup.problem, backend: backend, options: setup.method.payoffOptions ?? setup.method.options,
                                                     deadline: deadline, threads: threads)
        var statistics = ParetoFront.Statistics()
        statistics.payoffSolves = computed.solves
        statistics.nodes = computed.nodes
        statistics.threads = threads
        var part = ParetoPart(header: header, shard: shard, payoff: computed.table, failure: computed.failure?.rawValue, answers: GridAnswers())
        if let payoff = computed.table {
            let grid = setup.method.levels(payoff)
            let answers = try setup.method.answers(setup.problem, payoff: payoff,
                                                   positions: shard.range(of: AugmentedEpsilonConstraint.levelCount(grid)), deadline: deadline)
            part.answers = answers
            statistics.gridLevels = answers.answers.count
            statistics.solves = answers.solves
            statistics.neighbourhoodSolves = answers.neighbourhoodSolves
            statistics.nodes += answers.nodes
            statistics.bypassed = answers.answers.filter { $0.outcome == .bypassed }.count
            statistics.skippedInfeasible = answers.answers.filter { $0.outcome == .skippedInfeasible }.count
        }
        statistics.seconds = monotonicSeconds() - started
        return (part, statistics)
    }

    /// The front of merged parts (`ParetoPart.merge`), as `front` traces it on one machine:
    /// `scenario` is the parts' scenario (its digest checked against their header by the caller).
    /// Throws when the parts' model points do not fit the scenario's model.
    public func front(_ scenario: Scenario, merged: (header: ParetoPart.Header, payoff: PayoffTable?, failure: TerminationStatus?, answers: GridAnswers))
        throws(SimulationError) -> ParkFront {
        let objectives = merged.header.objectives.compactMap(ParkFormulation.Objective.init(rawValue:))
        let setup = frontMethod(scenario, objectives: objectives, gridPoints: merged.header.gridPoints, threads: 1, progress: nil)
        let columns = setup.problem.model.variableCount
        if let wrong = merged.answers.found.first(where: { $0.values.count != columns }) {
            throw .incompatibleParts("a point of the parts has \(wrong.values.count) values, the scenario's model \(columns) columns")
        }
        let front: ParetoFront
        if let payoff = merged.payoff {
            front = AugmentedEpsilonConstraint.front(merged.answers, names: setup.problem.names, payoff: payoff,
                                                     grid: setup.method.levels(payoff))
        } else {
            // As `AugmentedEpsilonConstraint.front` reports a payoff table that found no point.
            front = .withoutPayoff(names: setup.problem.names, failure: merged.failure ?? .numericalFailure)
        }
        return parkFront(front, formulation: setup.formulation, objectives: objectives)
    }

    /// The formulation, its multi-objective problem and the AUGMECON2 run of a front.
    private func frontMethod(_ scenario: Scenario, objectives: [ParkFormulation.Objective], gridPoints: Int, threads: Int,
                             progress: (@Sendable (AugmentedEpsilonConstraint.LevelReport) -> Void)?)
        -> (formulation: ParkFormulation, problem: MultiObjectiveModel, method: AugmentedEpsilonConstraint) {
        precondition((2...3).contains(objectives.count) && Set(objectives).count == objectives.count,
                     "2 or 3 distinct objectives")
        let formulation = ParkFormulation(scenario)
        let problem = formulation.multiObjective(objectives)
        var settings = options
        settings.timeLimit = nil
        var grid = settings
        grid.branching = Self.gridBranching
        // The neighbourhood search hands lp_solve's depth-first search a good cutoff; the
        // best-bound search finds such designs itself, and there the searches only cost time
        // (hiep-phuoc's 21-point front: 131.7 s with searches of up to 10 s, 113.5 s with 3 s,
        // 90.9 s without; the levels' proofs took as long either way).
        let neighbourhood = options.search == .solver ? formulation.chosen + formulation.chosenFacility : []
        var method = AugmentedEpsilonConstraint(backend: backend, gridPoints: gridPoints, threads: threads, options: grid,
                                                neighbourhood: neighbourhood)
        method.payoffOptions = settings
        method.progress = progress
        return (formulation, problem, method)
    }

    /// The front in the scenario's units: each point's design (benefit shared) and trade-offs.
    private func parkFront(_ front: ParetoFront, formulation: ParkFormulation, objectives: [ParkFormulation.Objective]) -> ParkFront {
        let scales = objectives.map { $0.reportScale(for: formulation.data.scenario) }
        var points: [ParkFront.Point] = front.points.map { point in
            ParkFront.Point(
                values: zip(point.objectives, scales).map { $0 * $1 },
                design: BenefitSharing.shared(formulation, values: point.values, backend: backend),
                proven: point.proven, gap: point.gap,
                bounds: point.bounds.enumerated().map { $1 * scales[$0 + 1] },
                tradeOffs: [])
        }
        for index in points.indices {
            points[index].tradeOffs = (1..<objectives.count).compactMap { k in
                front.tradeOff(at: index, along: k).map {
                    ParkFront.TradeOff(objective: objectives[k], neighbour: $0.neighbour,
                                       gain: $0.gain * scales[k], cost: $0.cost * scales[0])
                }
            }
        }
        let termination: TerminationStatus
        if let failure = front.failure {
            termination = failure
        } else if !front.complete || front.statistics.notProven > 0 || front.payoff.approximate {
            termination = .timeLimit
        } else {
            termination = .optimal
        }
        let model = formulation.model
        return ParkFront(objectives: objectives, points: points, front: front, termination: termination,
                         solverName: backend.name, rows: model.constraintCount, columns: model.variableCount,
                         binaries: model.integerCount)
    }
}
