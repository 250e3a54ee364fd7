import Foundation
import Formulation
import MILP
import Scenario

/// How a solved design's gain is shared among its firms, by the scenario's `sharing:` rule
/// (docs/model.md §Benefit sharing), and how the shares are settled.
///
/// Each account `a` ends at `x_a`; its transfer through the park's benefit-sharing account is
/// `θ_a = x_a − NPV_a` (`Σ_a θ_a = 0`), then spread over the built links as contract payments
/// (`settlement(of:design:formulation:)`).
/// - `shapley`: `x` is the Shapley value of `ParkGame`, per connected component of the built-link
///   graph: exact (`ShapleyValue.exact`) up to `sharing.exact_players` players, sampled above
///   (`ShapleyValue.sampled`, Castro, Gómez & Tejada 2009) with its standard error.
/// - `nash`: each link's surplus `s_e` (what the link adds to its two ends' NPVs, the operator's
///   facility costs spread equally over the facility's built links) is split by the Nash
///   bargaining solution with transferable utility and disagreement point 0 (no link):
///   `w·s_e` to the sender and `(1−w)·s_e` to the receiver, `w = sharing.sender_weight`.
/// - `proportional`: each component's worth `Σ_a NPV_a` in proportion to each player's
///   investment (own and financed capex with permit costs; equal shares when nobody invests).
/// - `minimal` (default): the smallest transfers that keep every account at NPV ≥ 0 (`minimalTransfers`).
public enum BenefitSharing {
    /// The design of `values` (transfers already minimal) with its transfers set by the
    /// scenario's sharing rule, settled on the links, and the rule's figures in `design.sharing`.
    public static func design(_ formulation: ParkFormulation, values: [Double], backend: any SolverBackend) -> ParkDesign {
        let design = ParkDesign(formulation, values: values)
        let settings = formulation.data.scenario.sharing
        let started = Date()
        var result = ParkDesign.Sharing(rule: settings.rule.rawValue)
        var allocation: [Double]
        switch settings.rule {
        case .minimal:
            allocation = design.companies.map(\.npv)
        case .shapley:
            (allocation, result) = shapley(design, formulation: formulation, values: values, settings: settings, backend: backend)
        case .nash:
            allocation = nash(design, formulation: formulation, senderWeight: settings.senderWeight)
        case .proportional:
            allocation = proportional(design, formulation: formulation, backend: backend)
        }
        if settings.rule != .minimal, settings.rule != .shapley {
            let game = ParkGame(formulation, values: values, design: design, backend: backend)
            result.players = game.players.map { design.companies[$0].id }
            result.coreViolations = coreViolations(game: game, allocation: allocation, design: design, visited: [])
            result.coalitionLPs = game.lpCount
            result.failedLPs = game.failures
        }
        let transfers = design.companies.indices.map { allocation[$0] - design.companies[$0].npvBeforeTransfers }
        var shared = settled(design, transfers: transfers, formulation: formulation, backend: backend)
        result.seconds = Date().timeIntervalSince(started)
        shared.sharing = result
        return shared
    }

    /// The design of a solved point as `solve` reports it: the smallest transfers first
    /// (`ParkOptimizer.minimalTransfers`), then the scenario's sharing rule (`design`). Monte
    /// Carlo's re-optimized samples and the Pareto front's points use it, so every design of a
    /// run shares its gain by the same rule.
    public static func shared(_ formulation: ParkFormulation, values: [Double], backend: any SolverBackend) -> ParkDesign {
        design(formulation, values: ParkOptimizer(backend: backend).minimalTransfers(formulation, values: values), backend: backend)
    }

    /// The design of `values` with the transfers of `values` settled on the links (no sharing rule).
    public static func settled(_ formulation: ParkFormulation, values: [Double], backend: any Solver) -> ParkDesign {
        let design = ParkDesign(formulation, values: values)
        return settled(design, transfers: design.companies.map { $0.npv - $0.npvBeforeTransfers }, formulation: formulation,
                       backend: backend)
    }

    /// Shapley shares per component, the standard errors of sampled ones, and the core check.
    static func shapley(_ design: ParkDesign, formulation: ParkFormulation, values: [Double],
                        settings: SharingSettings, backend: any SolverBackend) -> ([Double], ParkDesign.Sharing) {
        let game = ParkGame(formulation, values: values, design: design, backend: backend)
        var allocation = design.companies.map(\.npvBeforeTransfers)
        var result = ParkDesign.Sharing(rule: settings.rule.rawValue)
        result.players = game.players.map { design.companies[$0].id }
        var visited: [[Int]] = []
        for component in game.components {
            let n = component.count
            if n <= settings.exactPlayers {
                let phi = ShapleyValue.exact(players: n) { mask in
                    let members = (0..<n).filter { mask & (1 << UInt64($0)) != 0 }.map { component[$0] }
                    return game.worth(inComponent: members, of: component)
                }
                for (i, a) in component.enumerated() { allocation[a] = phi[i] }
            } else {
                result.exact = false
                result.samples = settings.samples
                let (phi, error) = ShapleyValue.sampled(players: n, samples: settings.samples, seed: UInt64(settings.seed)) { order in
                    let members = order.map { component[$0] }.sorted()
                    if members.count <= 3 || members.count == n { return game.worth(inComponent: members, of: component) }
                    visited.append(members)
                    return game.worth(inComponent: members, of: component)
                }
                for (i, a) in component.enumerated() {
                    allocation[a] = phi[i]
                    result.standardErrors[design.companies[a].id] = error[i]
                }
            }
        }
        result.coreViolations = coreViolations(game: game, allocation: allocation, design: design, visited: visited)
        result.coalitionLPs = game.lpCount
        result.failedLPs = game.failures
        return (allocation, result)
    }

    /// Every coalition of up to three players, and each of `visited`, whose worth exceeds what
    /// `allocation` gives its members by more than `coreTolerance`, largest excess first.
    static func coreViolations(game: ParkGame, allocation: [Double], design: ParkDesign,
                               visited: [[Int]]) -> [ParkDesign.Sharing.CoreViolation] {
        coreViolations(players: game.players, allocation: allocation, visited: visited) { game.worth(Set($0)) }
            .map { .init(members: $0.members.map { design.companies[$0].id }, worth: $0.worth, allocated: $0.allocated) }
    }

    /// The core check on any game: `allocation[i]` is player `i`'s share, `worth` values a sorted
    /// list of players.
    static func coreViolations(players: [Int], allocation: [Double], visited: [[Int]], worth: ([Int]) -> Double)
        -> [(members: [Int], worth: Double, allocated: Double)] {
        var seen = Set<[Int]>()
        var found: [(members: [Int], worth: Double, allocated: Double)] = []
        func check(_ members: [Int]) {
            guard seen.insert(members).inserted else { return }
            let value = worth(members)
            let given = members.reduce(0) { $0 + allocation[$1] }
            if value - given > coreTolerance { found.append((members, value, given)) }
        }
        for i in players.indices {
            check([players[i]])
            for j in (i + 1)..<players.count {
                check([players[i], players[j]])
                for k in (j + 1)..<players.count { check([players[i], players[j], players[k]]) }
            }
        }
        for members in visited { check(members.sorted()) }
        return found.sorted { $0.worth - $0.allocated > $1.worth - $1.allocated }
    }

    /// A coalition is short-changed only by more than this (currency): solver noise is not a violation.
    static let coreTolerance = 1.0

    /// Nash bargaining on each link (see the type's note).
    static func nash(_ design: ParkDesign, formulation: ParkFormulation, senderWeight w: Double) -> [Double] {
        let data = formulation.data
        let accounts = design.companies.count
        let operatorAccount = accounts - 1
        let plan = BuildPlan(design: design, data: data)
        let zeros = [Double](repeating: 0, count: data.years)
        let flowsByID = Dictionary(design.exchanges.map { ($0.id, $0.flows) }, uniquingKeysWith: { a, _ in a })
        var allocation = [Double](repeating: 0, count: accounts)
        var surplus: [Int: Double] = [:]
        var onLinks = [Double](repeating: 0, count: accounts)
        var facilityLinks: [Int] = []
        for (e, item) in data.exchanges.enumerated() where plan.exchanges[e] != nil {
            // The link alone, with its flows in the design: what it adds to each account.
            let single = BuildPlan(exchanges: plan.exchanges.indices.map { $0 == e ? plan.exchanges[e] : nil },
                                   facilities: data.scenario.facilities.map { _ in nil },
                                   accountTransfers: [Double](repeating: 0, count: accounts))
            let flows = data.exchanges.indices.map { $0 == e ? flowsByID[item.exchange.id] ?? zeros : zeros }
            let npv = single.outcome(data: data, flows: flows,
                                     activity: data.scenario.facilities.map { _ in zeros }).accountNPV
            for a in npv.indices { onLinks[a] += npv[a] }
            surplus[e] = npv.reduce(0, +)
            if case .facility = item.from { facilityLinks.append(e) } else if case .facility = item.to { facilityLinks.append(e) }
        }
        // What no single link carries: the operator's facilities, spread over their links.
        let rest = (0..<accounts).map { design.companies[$0].npvBeforeTransfers - onLinks[$0] }
        for a in 0..<accounts where a != operatorAccount || facilityLinks.isEmpty { allocation[a] += rest[a] }
        for e in facilityLinks { surplus[e, default: 0] += rest[operatorAccount] / Double(facilityLinks.count) }
        for (e, s) in surplus {
            let item = data.exchanges[e]
            allocation[formulation.account(of: item.from)] += w * s
            allocation[formulation.account(of: item.to)] += (1 - w) * s
        }
        return allocation
    }

    /// Shares in proportion to investment within each component (see the type's note).
    static func proportional(_ design: ParkDesign, formulation: ParkFormulation, backend: any SolverBackend) -> [Double] {
        let game = ParkGame(formulation, values: [], design: design, backend: backend)
        var allocation = design.companies.map(\.npvBeforeTransfers)
        for component in game.components {
            let worth = component.reduce(0) { $0 + design.companies[$1].npvBeforeTransfers }
            let invested = component.map { design.companies[$0].ownCapex + design.companies[$0].financedCapex }
            let total = invested.reduce(0, +)
            for (i, a) in component.enumerated() {
                allocation[a] = total > 0 ? worth * invested[i] / total : worth / Double(component.count)
            }
        }
        return allocation
    }
}
