import Formulation
import MILP
import MultiObjective
import Scenario

/// Near-optimal park designs (`ParkOptimizer.alternatives`): the economic optimum and designs
/// within a slack of its NPV that differ most from it, with the links every design builds.
public struct ParkAlternatives: Sendable {
    public struct Design: Sendable {
        public var design: ParkDesign
        public var proven: Bool
        /// Exchanges and facilities built differently from the optimum.
        public var distanceFromOptimum: Int
        /// ... and from the closest design found before it.
        public var distanceFromClosest: Int
    }

    /// The optimum first, then the alternatives in the order found.
    public var designs: [Design]
    /// Share of the optimal NPV an alternative may give up.
    public var slack: Double
    /// Alternatives asked for.
    public var requested: Int
    /// Every alternative has NPV ≥ this (currency).
    public var npvBound: Double?
    /// Ids of the candidate exchanges (then facilities) every design builds.
    public var robust: [String]
    /// Ids of the candidate exchanges (then facilities) no design builds (blocked ones excluded).
    public var neverBuilt: [String]
    /// How many designs build each candidate exchange or facility, by id.
    public var counts: [String: Int]
    /// Fewer distinct designs than asked exist within the slack.
    public var exhausted: Bool
    public var termination: TerminationStatus
    public var solves: Int
    public var seconds: Double
    public var solverName: String
}

extension ParkOptimizer {
    /// The economic optimum, then up to `count` designs with NPV within `slack` of it that
    /// differ most, in what is built, from the designs before them (`NearOptimalAlternatives`
    /// over the `built[...]` binaries of exchanges and facilities).
    public func alternatives(_ scenario: Scenario, slack: Double, count: Int) throws(SolverError) -> ParkAlternatives {
        let deadline = options.timeLimit.map { monotonicSeconds() + $0 }
        let formulation = ParkFormulation(scenario)
        var settings = options
        settings.timeLimit = nil
        let decisions = formulation.chosen + formulation.chosenFacility
        let ids = formulation.data.exchanges.map(\.exchange.id) + scenario.facilities.map(\.id)
        let run = try NearOptimalAlternatives(backend: backend, slack: slack, count: count, options: settings)
            .generate(formulation.model, objective: formulation.economic, decisions: decisions, deadline: deadline)
        let designs = run.designs.map { found in
            ParkAlternatives.Design(design: BenefitSharing.design(formulation, values: minimalTransfers(formulation, values: found.values), backend: backend),
                                    proven: found.proven, distanceFromOptimum: found.distanceFromOptimum,
                                    distanceFromClosest: found.distanceFromClosest)
        }
        let counts = run.counts
        let termination: TerminationStatus = run.optimum == nil ? run.termination
            : (run.designs.allSatisfy(\.proven) ? .optimal : .timeLimit)
        return ParkAlternatives(
            designs: designs, slack: slack, requested: count,
            npvBound: run.bound.map { $0 * formulation.moneyUnit },
            robust: run.robust.map { ids[$0] }, neverBuilt: run.never.map { ids[$0] },
            counts: Dictionary(uniqueKeysWithValues: zip(ids, counts.isEmpty ? Array(repeating: 0, count: ids.count) : counts)),
            exhausted: run.exhausted, termination: termination, solves: run.solves, seconds: run.seconds,
            solverName: backend.name)
    }
}
