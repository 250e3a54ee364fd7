import Formulation
import MILP
import Scenario

/// Checks a design's build decisions (read from a file, say) against the park model, and
/// computes the design's own numbers from the model instead of trusting the file's.
///
/// Rules checked from the data first, each naming the link: a build year within the horizon,
/// not before a conditional permit's delay allows it (`earliestBuildYear`), a financed share in
/// [0, 1] and only where the policy offers a credit line. Then the scenario's MILP
/// (`ParkFormulation`) with every build binary fixed to the design and the financed shares
/// fixed, solved for flows, activities, transfers and participation with the given objective
/// weights: an infeasible model means a budget, target, capacity or win-win rule cannot hold
/// with these links, and the smallest set of requirements to relax is named
/// (`InfeasibilityExplainer`).
public struct DesignCheck: Sendable {
    /// The solver of the check (and of the explanation when the design breaks a rule).
    public var backend: any SolverBackend
    public var options: SolveOptions

    public init(backend: any SolverBackend, options: SolveOptions = ParkOptimizer.defaultOptions) {
        self.backend = backend
        self.options = options
    }

    /// Why a design does not fit the model.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Rules the design breaks, one message each.
        case breaksRules([String])
        /// The solve stopped (interrupted or out of time) before deciding.
        case undecided(TerminationStatus)
        case solver(String)

        public var description: String {
            switch self {
            case let .breaksRules(messages): return messages.joined(separator: "; ")
            case let .undecided(status): return "the check of the design ended \(status.rawValue) before deciding"
            case let .solver(message): return message
            }
        }
    }

    /// The design `plan` gives with the flows the model chooses at the scenario's values, or the
    /// rules it breaks.
    public func check(_ plan: BuildPlan, data: ParkData, weights: ObjectiveWeights) throws(Failure) -> ParkDesign {
        let start = data.scenario.startYear
        var broken: [String] = []
        guard plan.exchanges.count == data.exchanges.count, plan.facilities.count == data.scenario.facilities.count else {
            throw .breaksRules(["the design does not match this scenario's exchanges and facilities"])
        }
        let credit = data.loanPresentValue != nil
        for (e, choice) in plan.exchanges.enumerated() {
            guard let choice else { continue }
            let item = data.exchanges[e]
            let id = item.exchange.id
            if choice.year < 0 || choice.year >= data.years {
                broken.append("exchange `\(id)` is built in \(start + choice.year), outside the horizon \(start)-\(start + data.years - 1)")
            } else if choice.year < item.earliestBuildYear {
                let permit = item.permit.map { "permit `\($0.id)` (\($0.status.rawValue), delay \(item.earliestBuildYear) year(s))" } ?? "its permit"
                broken.append("exchange `\(id)` is built in \(start + choice.year), but \(permit) allows it from \(start + item.earliestBuildYear) at the earliest")
            }
            if !(0...1).contains(choice.financedShare) || (!credit && choice.financedShare > 0) {
                broken.append("exchange `\(id)` has financed share \(choice.financedShare), but "
                              + (credit ? "a share is between 0 and 1" : "the policy offers no credit line"))
            } else if credit, (0..<data.years).contains(choice.year) {
                let capex = item.exchange.capex * (1 - data.scenario.economics.capexSubsidy) * data.capexFactor[choice.year]
                let limit = data.loanLimit(capex: capex)
                if choice.financedShare > limit + 1e-9 {
                    broken.append("exchange `\(id)` has financed share \(choice.financedShare), but the credit terms "
                                  + "(loan_share, loan_cap) allow at most \(limit)")
                }
            }
        }
        for (k, choice) in plan.facilities.enumerated() {
            guard let choice else { continue }
            let id = data.scenario.facilities[k].id
            if choice.year < 0 || choice.year >= data.years {
                broken.append("facility `\(id)` is built in \(start + choice.year), outside the horizon \(start)-\(start + data.years - 1)")
            }
            if !(0...1).contains(choice.financedShare) || (!credit && choice.financedShare > 0) {
                broken.append("facility `\(id)` has financed share \(choice.financedShare), but "
                              + (credit ? "a share is between 0 and 1" : "the policy offers no credit line"))
            }
        }
        guard broken.isEmpty else { throw .breaksRules(broken) }

        var formulation = ParkFormulation(data: data)
        for (variable, level) in StochasticDesign.planColumns(plan, formulation) { formulation.fix(variable, to: level) }
        let objective = formulation.expression(weightedBy: weights)
        formulation.maximize(objective.terms.isEmpty ? formulation.economic : objective)
        let solution: Solution
        do { solution = try backend.solve(formulation.model, options: options) } catch { throw .solver("\(error)") }
        if solution.hasSolution { return ParkDesign(formulation, values: solution.values) }
        switch solution.termination {
        case .infeasible, .infeasibleOrUnbounded:
            var rules: [String] = []
            if let explanation = try? InfeasibilityExplainer(backend: backend, timeLimit: options.timeLimit ?? 60).explain(formulation) {
                rules = explanation.requirements.map { "\($0.requirement): \($0.message)" }
            }
            throw .breaksRules(rules.isEmpty
                ? ["no flows satisfy the model's rows (capacities, balances, budgets, targets, win-win) with these links built"]
                : ["with these links built, the model cannot hold: " + rules.joined(separator: "; ")])
        default:
            throw .undecided(solution.termination)
        }
    }
}
