import Foundation
import Formulation
import MILP
import Scenario

/// One requirement of the scenario that has to give way for a design to exist, in the
/// scenario's words and units.
public struct RelaxedRequirement: Sendable, Equatable, Codable {
    /// Where it is written in the scenario, as a key path: `companies.cement_grinding.capital_budget`,
    /// `park_budget`, `objectives.win_win.power_plant`, `targets.co2e_avoided`,
    /// `targets.diverted.fly_ash`, `targets.build.ash_to_cement`, `permits.waste_as_material`.
    public var requirement: String
    /// What cannot hold and by how much, e.g. "cement_grinding: capital_budget 2,000,000 USD is
    /// below the 2,150,000 USD its required links need (…)".
    public var message: String

    public init(requirement: String, message: String) {
        self.requirement = requirement
        self.message = message
    }
}

/// Why a scenario has no feasible design: the smallest set of requirements to relax.
public struct InfeasibilityExplanation: Sendable, Equatable {
    /// The requirements to relax: first those the data alone rules out (an exchange required
    /// by `targets.build` behind a forbidden permit), then those of the elastic model.
    public var requirements: [RelaxedRequirement]
    /// Whether the elastic model's set was proven smallest (false when its search stopped at
    /// the time limit: the set then suffices but a smaller one may exist).
    public var provenSmallest: Bool
    /// Anything the reader should know besides the list (e.g. the search found nothing in time).
    public var note: String?

    public init(requirements: [RelaxedRequirement], provenSmallest: Bool = true, note: String? = nil) {
        self.requirements = requirements
        self.provenSmallest = provenSmallest
        self.note = note
    }
}

/// Explains an infeasible park scenario with an elastic version of its model.
///
/// The physical rows (build and flow links, supply and need, facility balances) stay hard:
/// they say what the park can do. Every requirement (each target, each company's capital
/// budget and the park budget, win-win for each party; `Requirement`) gets nonnegative slack
/// columns on its rows, measured relative to the row's size (`max(|side|, max |coefficient|)`),
/// and one binary "relaxed" switch with `slack ≤ M · switch`, where `M` is the most the row
/// can be violated given the column bounds. Then:
///
/// 0. the total relative slack is minimized with every requirement free to give way: cheap for
///    lp_solve (the slacks guide its search), and usually a smallest set already; its set is
///    the starting incumbent of phase 1;
/// 1. the number of relaxed requirements is minimized, budgets and win-win before targets on
///    ties (a target weighs `1 + 1/(G+1)` for `G` requirements, so a smaller set always wins):
///    first with the targets kept (1a), then, if that needs more than one, allowing targets
///    (1b). When the model is infeasible as it stands, `Σ switch ≥ 1` is added, so a set of
///    one is proven smallest at once;
/// 2. with that weighted count, the total relative slack is minimized (ties broken by the
///    smallest transfers, so a loss stays with the party that bears it): each relaxed
///    requirement's numbers are the least violation that lets the others hold (the budget the
///    required links need, the target level the park can reach, a party's shortfall).
///
/// Exchanges left out of the model (a forbidden permit) and those whose conditional permit
/// opens after the horizon are explained from the data before the model is built; their
/// `target_build` rows are dropped from the elastic model.
///
/// Measured: the explanations in `InfeasibilityTests` take 0.1 s; hiep-phuoc with an
/// unreachable CO2e target takes 6.7 s (debug build), almost all of it in phase 0.
public struct InfeasibilityExplainer: Sendable {
    /// The solver of the elastic solves.
    public var backend: any SolverBackend
    /// Seconds for all the elastic solves together; `nil` = no limit.
    public var timeLimit: Double?

    public init(backend: any SolverBackend, timeLimit: Double? = nil) {
        self.backend = backend
        self.timeLimit = timeLimit
    }

    /// Explains why `scenario` (policy applied) has no feasible design.
    public func explain(_ scenario: Scenario) throws(SolverError) -> InfeasibilityExplanation {
        try explain(ParkFormulation(scenario))
    }

    /// Explains why `formulation`'s model has no feasible point (its objective is ignored).
    public func explain(_ formulation: ParkFormulation) throws(SolverError) -> InfeasibilityExplanation {
        let deadline = timeLimit.map { monotonicSeconds() + $0 }
        let (fromData, ruledOut) = explainFromData(formulation)
        let elastic = ElasticModel(formulation, dropping: ruledOut)
        guard !elastic.groups.isEmpty else {
            if !fromData.isEmpty { return InfeasibilityExplanation(requirements: fromData) }
            return physicalConflict
        }

        // When the solver found the model infeasible as it stands (nothing was ruled out from
        // the data), at least one requirement must give way: `Σ relaxed ≥ 1` lets lp_solve prove
        // a set of one smallest.
        let mustRelax = fromData.isEmpty
        var objective = LinearExpression(), count = LinearExpression(), targets = LinearExpression()
        for group in elastic.groups {
            objective.add(group.weight, group.relaxed)
            count.add(1, group.relaxed)
            if group.requirement.isTarget { targets.add(1, group.relaxed) }
        }
        func relaxedCount(_ point: [Double]) -> Int { Int(count.value(at: point).rounded()) }
        let optimizer = ParkOptimizer(backend: backend)

        // Phase 0: the least total violation, any requirement free to give way. Cheap for
        // lp_solve (the slacks guide its search) and usually already a smallest set: the
        // starting point of phase 1.
        var violating = elastic.model
        violating.setObjective(.minimize, elastic.violation)
        let start = try backend.solve(violating, options: options(until: deadline, share: 0.3))
        var known = start.hasSolution ? [elastic.switchedOn(start.values)] : []

        // Phase 1: the fewest requirements relaxed, targets last on ties.
        // 1a: keep the board's targets, relax budgets and win-win only (often settled by the LP).
        var limitsOnly = elastic.model
        for group in elastic.groups where group.requirement.isTarget { limitsOnly.setBounds(group.relaxed, lower: 0, upper: 0) }
        if mustRelax { limitsOnly.addConstraint(count >= 1, name: "relax_some") }
        limitsOnly.setObjective(.minimize, objective)
        let limits = try optimizer.solve(limitsOnly, knownPoints: known, options: options(until: deadline, share: 0.3))
        if limits.hasSolution { known.append(limits.values) }
        var best = known.min { objective.value(at: $0) < objective.value(at: $1) }
        var proven = limits.termination == .optimal || (limits.termination == .infeasible && targets.terms.isEmpty)
        // 1b: a smaller set that gives up a target (or the only kind of set, when 1a has none).
        let bestCount = best.map(relaxedCount)
        let settled = mustRelax && bestCount == 1 && (limits.hasSolution || limits.termination == .infeasible)
        if !targets.terms.isEmpty, !settled, bestCount.map({ $0 > 1 }) ?? true {
            var any = elastic.model
            if mustRelax { any.addConstraint(count >= 1, name: "relax_some") }
            if let bestCount { any.addConstraint(count <= Double(bestCount - 1), name: "fewer_relaxed") }
            if limits.termination == .infeasible { any.addConstraint(targets >= 1, name: "relax_a_target") }
            any.setObjective(.minimize, objective)
            let smaller = try optimizer.solve(any, knownPoints: known, options: options(until: deadline, share: 0.4))
            if smaller.hasSolution {
                best = smaller.values
                proven = smaller.termination == .optimal
            } else if smaller.termination != .infeasible {
                proven = false
            } else if best == nil {
                proven = limits.termination == .infeasible
            } else {
                proven = limits.termination == .optimal || limits.termination == .infeasible
            }
        } else if settled {
            proven = true
        }
        guard let first = best else {
            if proven, mustRelax { return physicalConflict }
            if proven { return InfeasibilityExplanation(requirements: fromData) }
            return InfeasibilityExplanation(
                requirements: fromData, provenSmallest: false,
                note: "no set of requirements to relax was found within the time limit; try a longer --time-limit")
        }
        // A set of one is the smallest whenever something must give way.
        if mustRelax, relaxedCount(first) == 1 { proven = true }
        let weight = objective.value(at: first)
        guard weight > 0.5 else { return InfeasibilityExplanation(requirements: fromData) }

        // Phase 2: as few relaxed, then the least violation.
        var least = elastic.model
        least.addConstraint(objective <= weight + 1e-6, name: "relaxed_count")
        var violation = elastic.violation
        // Ties broken by the smallest transfers: a loss stays with the party that bears it
        // before transfers, so win-win is relaxed for the party that cannot be compensated.
        var withTransfers = first
        for tau in formulation.accountTransfer.compactMap({ $0 }) {
            let size = least.addVariable("abs_\(least[tau].name)")
            least.addConstraint(LinearExpression(size) - tau >= 0, name: "abs_pos[\(least[tau].name)]")
            least.addConstraint(LinearExpression(size) + tau >= 0, name: "abs_neg[\(least[tau].name)]")
            violation.add(Self.transferWeight, size)
            withTransfers.append(abs(first[tau.index]))
        }
        least.setObjective(.minimize, violation)
        let second = try optimizer.solve(least, knownPoints: [withTransfers], options: options(until: deadline, share: 1))
        // Relaxed are the requirements whose slack is in use (a switch may be on for nothing).
        let point = elastic.switchedOn(second.hasSolution ? second.values : first)
        if mustRelax, relaxedCount(point) == 1 { proven = true }
        let messages = elastic.groups.filter { point[$0.relaxed.index] > 0.5 }.map {
            message(for: $0.requirement, formulation: formulation, point: Array(point.prefix(formulation.model.variableCount)))
        }
        var notes: [String] = []
        if !proven { notes.append("the search for the smallest set stopped at the time limit; relaxing these suffices, fewer may") }
        if second.termination != .optimal {
            notes.append("the amounts come from the best point found in time, not from the least violation")
        }
        return InfeasibilityExplanation(requirements: fromData + messages, provenSmallest: proven,
                                        note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// Weight of `Σ |transfer|` (model money) next to the relative slacks in phase 2.
    static let transferWeight = 1e-4

    private func options(until deadline: Double?, share: Double) -> SolveOptions {
        var options = ParkOptimizer.defaultOptions
        if let deadline { options.timeLimit = max(0.05, (deadline - monotonicSeconds()) * share) }
        return options
    }

    /// The rows that are not requirements conflict among themselves: no relaxation helps.
    private var physicalConflict: InfeasibilityExplanation {
        InfeasibilityExplanation(requirements: [RelaxedRequirement(
            requirement: "model",
            message: "the model is infeasible even with every target, budget and win-win requirement relaxed: its "
                + "physical rows (balances, supply and need, build links) conflict, which the scenario checks should "
                + "have caught; please report it with the scenario")])
    }

    // MARK: From the data

    /// Exchanges required by `targets.build` that the model cannot build at all: left out for a
    /// forbidden permit (or an unknown end), or a conditional permit that opens after the horizon.
    func explainFromData(_ formulation: ParkFormulation) -> ([RelaxedRequirement], Set<Requirement>) {
        let data = formulation.data, scenario = data.scenario
        var found: [RelaxedRequirement] = [], ruledOut = Set<Requirement>()
        var seen = Set<String>()
        for id in scenario.targets.build where seen.insert(id).inserted {
            if data.blocked.contains(id) {
                ruledOut.insert(.build(exchange: id))
                if let permitID = scenario.exchange(id)?.permit, scenario.permit(permitID)?.status == .forbidden {
                    found.append(RelaxedRequirement(
                        requirement: "permits.\(permitID)",
                        message: "\(id) is required (targets.build) but permit \(permitID) is forbidden, so the exchange "
                            + "is left out of the model; allow the permit (e.g. a policy that makes it conditional) "
                            + "or drop \(id) from targets.build"))
                } else {
                    found.append(RelaxedRequirement(
                        requirement: Requirement.build(exchange: id).keyPath,
                        message: "\(id) is required (targets.build) but an end or its resource is not in the park, so "
                            + "the exchange is left out of the model"))
                }
            } else if let item = data.exchanges.first(where: { $0.exchange.id == id }), item.earliestBuildYear >= data.years,
                      let permit = item.permit {
                ruledOut.insert(.build(exchange: id))
                let last = scenario.startYear + data.years - 1
                found.append(RelaxedRequirement(
                    requirement: "permits.\(permit.id).delay_years",
                    message: "\(id) is required (targets.build) but permit \(permit.id) lets it be built only from "
                        + "\(scenario.startYear + item.earliestBuildYear) (delay_years \(permit.delayYears)), after the "
                        + "horizon ends in \(last)"))
            }
        }
        return (found, ruledOut)
    }

    // MARK: Messages

    /// What one relaxed requirement's rows say at the elastic point, in the scenario's units.
    func message(for requirement: Requirement, formulation: ParkFormulation, point: [Double]) -> RelaxedRequirement {
        let data = formulation.data, scenario = data.scenario
        let model = formulation.model
        let rows = formulation.requirements.first { $0.requirement == requirement }?.rows ?? []
        func activity(_ row: ConstraintRef) -> Double {
            model.constraints[row.index].constraint.terms.reduce(0) { $0 + $1.coefficient * point[$1.variable.index] }
        }
        let money = formulation.moneyUnit, currency = scenario.currency
        let text: String
        switch requirement {
        case let .capitalBudget(company):
            let budget = scenario.company(company)?.capitalBudget ?? 0
            let need = rows.first.map(activity).map { $0 * money } ?? 0
            let links = spending(rows.first, formulation: formulation, point: point)
            text = "\(company): capital_budget \(Self.amount(budget)) \(currency) is below the \(Self.amount(need)) \(currency) "
                + "its required links need" + Self.list(links, currency: currency)
        case .parkBudget:
            let budget = scenario.economics.parkBudget ?? 0
            let need = rows.first.map(activity).map { $0 * money } ?? 0
            let options = spending(rows.first, formulation: formulation, point: point)
            text = "\(Party.operatorID): park_budget \(Self.amount(budget)) \(currency) is below the \(Self.amount(need)) "
                + "\(currency) the required facilities and links need" + Self.list(options, currency: currency)
        case let .winWin(party):
            let npv = rows.first.map(activity).map { $0 * money } ?? 0
            let links = builtLinks(of: party, formulation: formulation, point: point)
            let which = links.isEmpty ? "the required design" : "the required links (\(links.joined(separator: ", ")))"
            text = "win-win cannot hold for \(party): \(which) leave it at an NPV of \(Self.amount(npv)) \(currency) "
                + "after transfers"
        case .co2eAvoided:
            let target = scenario.targets.co2eAvoided ?? 0
            let reached = rows.first.map(activity).map { $0 * ParkFormulation.co2eUnit } ?? 0
            text = "targets.co2e_avoided: \(Self.amount(target)) t CO2e is above the \(Self.amount(max(0, reached))) t CO2e "
                + "the park can avoid under the other requirements"
        case let .diverted(resource):
            let target = scenario.targets.diverted.first { $0.resource == resource }
            let share = target?.share ?? 0
            // The year that falls furthest short.
            let years = rows.map { row -> (year: Int, share: Double) in
                let name = model.constraints[row.index].name
                let t = Int(name.split(separator: ",").last?.dropLast() ?? "") ?? 0
                return (t, activity(row))
            }
            let worst = years.min { $0.share < $1.share } ?? (0, 0)
            var produced = 0.0
            for c in scenario.companies.indices { produced += data.produced(company: c, resource: resource, year: worst.year) }
            let unit = scenario.resource(resource)?.unit ?? "units"
            text = "targets.diverted.\(resource): \(Self.percent(share)) of \(resource) each year from \(target?.by ?? scenario.startYear) "
                + "is above the \(Self.percent(max(0, worst.share))) the park can divert in \(scenario.startYear + worst.year) "
                + "(\(Self.amount(max(0, worst.share) * produced)) of \(Self.amount(produced)) \(unit)) under the other requirements"
        case .minExchanges:
            let target = scenario.targets.minExchanges ?? 0
            let reached = Int(((rows.first.map(activity) ?? 0) + 1e-6).rounded(.down))
            text = "targets.min_exchanges: \(target) exchanges is above the \(max(0, reached)) the park can build under the "
                + "other requirements"
        case .minCompanies:
            let target = scenario.targets.minCompanies ?? 0
            let reached = Int(((rows.first.map(activity) ?? 0) + 1e-6).rounded(.down))
            text = "targets.min_companies: \(target) companies is above the \(max(0, reached)) that can take part under the "
                + "other requirements (\(scenario.companies.count) in the park)"
        case let .build(exchange):
            text = "targets.build: \(exchange) cannot be built under the other requirements"
        }
        return RelaxedRequirement(requirement: requirement.keyPath, message: text)
    }

    /// What each option (exchange or facility) spends in a budget row at the point, currency.
    private func spending(_ row: ConstraintRef?, formulation: ParkFormulation, point: [Double]) -> [(String, Double)] {
        guard let row else { return [] }
        var owner: [Int: String] = [:]
        // A budget row holds an option's spend on `built[o]` or, when it varies by year, on `build[o,t]`.
        for (e, item) in formulation.data.exchanges.enumerated() {
            owner[formulation.chosen[e].index] = item.exchange.id
            for v in formulation.build[e] + formulation.loan[e] { if let v { owner[v.index] = item.exchange.id } }
        }
        for (k, facility) in formulation.data.scenario.facilities.enumerated() {
            owner[formulation.chosenFacility[k].index] = facility.id
            for v in formulation.buildFacility[k] { owner[v.index] = facility.id }
            for v in formulation.loanFacility[k] { if let v { owner[v.index] = facility.id } }
        }
        var spent: [String: Double] = [:], order: [String] = []
        for term in formulation.model.constraints[row.index].constraint.terms {
            guard let id = owner[term.variable.index] else { continue }
            if spent[id] == nil { order.append(id) }
            spent[id, default: 0] += term.coefficient * point[term.variable.index] * formulation.moneyUnit
        }
        return order.compactMap { id in spent[id].flatMap { $0 > 0.5 ? (id, $0) : nil } }
    }

    /// The exchanges built at the point with `party` (a company or the park operator) at an end.
    private func builtLinks(of party: String, formulation: ParkFormulation, point: [Double]) -> [String] {
        let scenario = formulation.data.scenario
        func owner(_ end: Party) -> String {
            if case let .company(c) = end { return scenario.companies[c].id }
            return Party.operatorID
        }
        return formulation.data.exchanges.enumerated().compactMap { e, item in
            point[formulation.chosen[e].index] > 0.5 && (owner(item.from) == party || owner(item.to) == party)
                ? item.exchange.id : nil
        }
    }

    private static func list(_ items: [(String, Double)], currency: String) -> String {
        items.isEmpty ? "" : " (" + items.map { "\($0.0) \(amount($0.1)) \(currency)" }.joined(separator: ", ") + ")"
    }

    /// `2,150,000`; two decimals below 100 when not whole; a minus sign for negatives.
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        if abs(value) < 100, abs(value - value.rounded()) > 0.005 {
            return String(format: "%.2f", value)
        }
        let rounded = value.rounded()
        var digits = String(Int64(abs(rounded))), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (rounded < 0 ? "-" : "") + digits + out
    }

    /// `77.0%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}

/// The elastic copy of a park model: slack on each requirement's rows, one switch per requirement.
struct ElasticModel {
    struct Group {
        var requirement: Requirement
        /// Binary: 1 when the requirement is relaxed.
        var relaxed: Variable
        /// In the count objective: 1 for limits, `1 + 1/(G+1)` for targets (relaxed last).
        var weight: Double
    }

    struct Slack {
        var column: Variable
        var row: ConstraintRef
        /// Index in `groups` of the requirement it relaxes.
        var group: Int
    }

    var model: Model
    var groups: [Group] = []
    var slacks: [Slack] = []

    /// `formulation`'s model with the rows of `dropped` freed and slack on every other requirement.
    init(_ formulation: ParkFormulation, dropping dropped: Set<Requirement>) {
        model = formulation.model
        model.setObjective(.minimize, LinearExpression())
        let kept = formulation.requirements.filter { !dropped.contains($0.requirement) }
        for rows in formulation.requirements where dropped.contains(rows.requirement) {
            for row in rows.rows { model.setBounds(row, lower: -.infinity, upper: .infinity) }
        }
        let targetWeight = 1 + 1 / Double(kept.count + 1)
        for rows in kept {
            let relaxed = model.addVariable("relaxed[\(rows.requirement.keyPath)]", kind: .binary)
            var used = false
            for row in rows.rows {
                let info = model.constraints[row.index]
                let c = info.constraint
                let (low, high) = Self.activityRange(c.terms, in: model)
                let side = c.lower.isFinite ? c.lower : c.upper
                let scale = max(abs(side.isFinite ? side : 0), c.terms.map { abs($0.coefficient) }.max() ?? 0, 1e-9)
                // Most the row can be violated on each side, in units of its scale.
                let sides = [(c.lower.isFinite, c.lower - low, 1.0, "short"), (c.upper.isFinite, high - c.upper, -1.0, "over")]
                for (finite, violation, sign, tag) in sides where finite && violation > 1e-9 {
                    let bound = violation.isFinite ? violation / scale * (1 + 1e-6) + 1e-9 : 1e6
                    let slack = model.addVariable("\(tag)[\(info.name)]", upper: bound)
                    model.addTerm(sign * scale, slack, to: row)
                    model.addConstraint(LinearExpression(slack) - bound * relaxed <= 0, name: "relax_\(tag)[\(info.name)]")
                    slacks.append(Slack(column: slack, row: row, group: groups.count))
                    used = true
                }
            }
            if used {
                groups.append(Group(requirement: rows.requirement, relaxed: relaxed,
                                    weight: rows.requirement.isTarget ? targetWeight : 1))
            } else {
                // The rows can never be violated: the switch stays off.
                model.setBounds(relaxed, lower: 0, upper: 0)
            }
        }
    }

    /// `Σ slack`: the total violation, each row's in units of its size.
    var violation: LinearExpression {
        var sum = LinearExpression()
        for slack in slacks { sum.add(1, slack.column) }
        return sum
    }

    /// `point` with each requirement's switch on exactly when one of its slacks is in use
    /// (slacks below 1e-9 of their row's size set to 0): a clean starting point for the count
    /// phases, and the relaxed set of a final point.
    func switchedOn(_ point: [Double]) -> [Double] {
        var clean = point
        var used = Set<Int>()
        for slack in slacks where slack.column.index < clean.count {
            if clean[slack.column.index] <= 1e-9 { clean[slack.column.index] = 0 } else { used.insert(slack.group) }
        }
        for (g, group) in groups.enumerated() { clean[group.relaxed.index] = used.contains(g) ? 1 : 0 }
        return clean
    }

    /// Smallest and largest value the row's terms can take within the column bounds.
    static func activityRange(_ terms: [LinearExpression.Term], in model: Model) -> (Double, Double) {
        var low = 0.0, high = 0.0
        for term in terms {
            let info = model[term.variable]
            let a = term.coefficient * info.lower, b = term.coefficient * info.upper
            low += min(a, b)
            high += max(a, b)
        }
        return (low, high)
    }
}
