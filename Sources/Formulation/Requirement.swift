import MILP

/// A requirement of the scenario that the model states as rows: a target of the board, a
/// budget, or win-win for one party. The physical rows (balances, supply and need, build and
/// flow links) are not requirements: they say what the park can do, not what is asked of it.
/// An infeasible scenario is explained in these terms (`InfeasibilityExplainer`).
public enum Requirement: Hashable, Sendable, CustomStringConvertible {
    /// `targets.co2e_avoided`: row `target_co2e`.
    case co2eAvoided
    /// `targets.diverted.<resource>`: the rows `target_diverted[x,t]` of every year it holds.
    case diverted(resource: String)
    /// `targets.min_exchanges`: row `target_min_exchanges`.
    case minExchanges
    /// `targets.min_companies`: row `target_min_companies`.
    case minCompanies
    /// An exchange named in `targets.build`: row `target_build[e]`.
    case build(exchange: String)
    /// `companies.<c>.capital_budget`: row `budget[c]`.
    case capitalBudget(company: String)
    /// `park_budget`: row `budget[park_operator]`.
    case parkBudget
    /// `objectives.win_win` for one party, a company or the park operator: row `win_win[a]`.
    case winWin(party: String)

    /// Where the requirement is written in the scenario, as a key path
    /// (`companies.cement_grinding.capital_budget`, `targets.build.ash_to_cement`).
    public var keyPath: String {
        switch self {
        case .co2eAvoided: return "targets.co2e_avoided"
        case let .diverted(resource): return "targets.diverted.\(resource)"
        case .minExchanges: return "targets.min_exchanges"
        case .minCompanies: return "targets.min_companies"
        case let .build(exchange): return "targets.build.\(exchange)"
        case let .capitalBudget(company): return "companies.\(company).capital_budget"
        case .parkBudget: return "park_budget"
        case let .winWin(party): return "objectives.win_win.\(party)"
        }
    }

    /// A target of the board (what the design should achieve), as opposed to a limit on what
    /// the parties can pay or lose (budgets, win-win).
    public var isTarget: Bool {
        switch self {
        case .co2eAvoided, .diverted, .minExchanges, .minCompanies, .build: return true
        case .capitalBudget, .parkBudget, .winWin: return false
        }
    }

    public var description: String { keyPath }
}

/// The rows of the model that state one requirement.
public struct RequirementRows: Sendable {
    public var requirement: Requirement
    public var rows: [ConstraintRef]
}

extension ParkFormulation {
    /// Adds a row that states (part of) `requirement` and records it in `requirements`.
    mutating func addRequirement(_ requirement: Requirement, _ constraint: LinearConstraint, name: String) {
        let row = model.addConstraint(constraint, name: name)
        if let index = requirements.firstIndex(where: { $0.requirement == requirement }) {
            requirements[index].rows.append(row)
        } else {
            requirements.append(RequirementRows(requirement: requirement, rows: [row]))
        }
    }
}
