import Formulation
import MILP
import Scenario

/// The yearly flow LP of a fixed build plan (the recourse of a two-stage model): with what is
/// built kept, each year's flows and facility activities are re-optimized for that year's
/// realized prices and volumes.
///
/// Years are independent once the plan is fixed: build, loan and fixed-cost terms do not
/// depend on flows, so the horizon's flow problem splits into one LP per year. Each LP has the
/// model's flow rows for the built options (docs/model.md §3: flow bounds `U[e,t]`, shared
/// supply and need rows, facility balances) and maximizes the year's part of the objective
/// the design was solved for (`ObjectiveWeights`: economic and environmental terms; jobs do not
/// depend on flows). Design-time requirements (targets, budgets, win-win) are not re-imposed:
/// transfers are kept as agreed.
///
/// One lp_solve model is loaded once and re-solved for every year and sample: only bounds,
/// right-hand sides and objective coefficients change, and lp_solve starts from the last basis.
/// An exchange that shares no row with another built option (no common supply or need, no
/// facility) is its own component of the LP, `max c·x, 0 ≤ x ≤ U`, solved in closed form:
/// `x = U` when `c > 0`, else 0; it is left out of the lp_solve model. One instance per thread.
public final class OperatingModel {
    public let plan: BuildPlan
    public let weights: ObjectiveWeights
    private let years: Int
    /// `nil` when the plan builds no exchange: nothing flows.
    private let solver: (any LoadedModel)?
    /// Flow column of each model exchange that is built (units sent / `scale[e]`).
    private let flowColumn: [Variable?]
    /// Activity column (share of capacity) of each built facility.
    private let activityColumn: [Variable?]
    private let scale: [Double]
    /// Built exchanges that touch a facility the plan does not build: they cannot carry flow.
    private let stranded: [Bool]
    /// Built exchanges that share no row with any other option (closed form).
    private let alone: [Bool]
    private struct SharedRow {
        let row: ConstraintRef
        let company: Int
        let resource: String
        let isSupply: Bool
        let normalizer: Double
    }
    private let sharedRows: [SharedRow]
    /// LP solves done (for throughput figures).
    public private(set) var solves = 0

    /// `closedForm: false` puts every built exchange into the LP (to check the closed form).
    public init(plan: BuildPlan, data: ParkData, weights: ObjectiveWeights, closedForm: Bool = true,
                backend: any SolverBackend) throws(SolverError) {
        self.plan = plan
        self.weights = weights
        years = data.years
        let scenario = data.scenario
        var model = Model(name: "operations")
        var flowColumn: [Variable?] = [], scale: [Double] = [], stranded: [Bool] = []
        let alone = closedForm ? Self.alone(plan: plan, data: data) : Array(repeating: false, count: data.exchanges.count)
        for (e, item) in data.exchanges.enumerated() {
            let built = plan.exchanges[e] != nil
            var isStranded = false
            for party in [item.from, item.to] {
                if case let .facility(k) = party, plan.facilities[k] == nil { isStranded = true }
            }
            stranded.append(isStranded)
            scale.append(max(item.flowBound.max() ?? 0, 1e-9))
            let inLP = built && !isStranded && !alone[e]
            flowColumn.append(inLP ? model.addVariable("flow[\(item.exchange.id)]", upper: 0) : nil)
        }
        let activityColumn: [Variable?] = scenario.facilities.enumerated().map { k, facility in
            plan.facilities[k] != nil ? model.addVariable("activity[\(facility.id)]", upper: 0) : nil
        }
        var shared: [SharedRow] = []
        for (c, company) in scenario.companies.enumerated() {
            for (items, isSupply) in [(company.produces, true), (company.needs, false)] {
                for item in items {
                    let members = data.exchanges.indices.filter { e in
                        guard flowColumn[e] != nil else { return false }
                        let x = data.exchanges[e]
                        return isSupply ? (x.from == .company(c) && x.sent.id == item.resource)
                            : (x.to == .company(c) && x.replaced?.id == item.resource)
                    }
                    guard members.count > 1 else { continue }
                    let volumes = (0..<years).map {
                        isSupply ? data.produced(company: c, resource: item.resource, year: $0)
                            : data.needed(company: c, resource: item.resource, year: $0)
                    }
                    let normalizer = max(volumes.max() ?? 0, 1e-9)
                    var sum = LinearExpression()
                    for e in members {
                        let ratio = isSupply ? 1 : data.exchanges[e].exchange.ratio
                        sum.add(ratio * scale[e] / normalizer, flowColumn[e]!)
                    }
                    let row = model.addConstraint(sum <= 1, name: "\(isSupply ? "supply" : "need")[\(company.id),\(item.resource)]")
                    shared.append(SharedRow(row: row, company: c, resource: item.resource, isSupply: isSupply, normalizer: normalizer))
                }
            }
        }
        for (k, facility) in scenario.facilities.enumerated() {
            guard let v = activityColumn[k], facility.capacity > 0 else { continue }
            for convert in facility.converts where convert.amount != 0 {
                let consumed = convert.amount < 0
                var sum = LinearExpression()
                for (e, item) in data.exchanges.enumerated() where item.sent.id == convert.resource {
                    guard let f = flowColumn[e], consumed ? item.to == .facility(k) : item.from == .facility(k) else { continue }
                    sum.add(scale[e] / (facility.capacity * abs(convert.amount)), f)
                }
                if !consumed && sum.terms.isEmpty { continue }
                let name = "\(consumed ? "balance" : "yield")[\(facility.id),\(convert.resource)]"
                if consumed {
                    _ = model.addConstraint(sum - v == 0, name: name)
                } else {
                    _ = model.addConstraint(sum - v <= 0, name: name)
                }
            }
        }
        model.setObjective(.maximize, LinearExpression())
        self.flowColumn = flowColumn
        self.activityColumn = activityColumn
        self.scale = scale
        self.stranded = stranded
        self.alone = alone
        sharedRows = shared
        solver = model.variableCount == 0 ? nil : try backend.load(model)
    }

    /// The objective's value of one unit sent on exchange `e` in year `t` (model units).
    private func value(exchange e: Int, year t: Int, data: ParkData) -> Double {
        let item = data.exchanges[e]
        let margin = item.senderSaving[t] + item.receiverSaving[t] - item.unitCost[t]
        let economic = weights.economic * data.discountFactor[t] * margin / data.moneyUnit
        return economic + weights.environmental * item.co2ePerUnit / ParkFormulation.co2eUnit
    }

    /// Which built exchanges share no supply or need row with another built exchange and touch
    /// no facility.
    static func alone(plan: BuildPlan, data: ParkData) -> [Bool] {
        var partners = [Int](repeating: 0, count: data.exchanges.count)
        var touchesFacility = [Bool](repeating: false, count: data.exchanges.count)
        let built = data.exchanges.indices.filter { plan.exchanges[$0] != nil }
        for e in built {
            let item = data.exchanges[e]
            for party in [item.from, item.to] { if case .facility = party { touchesFacility[e] = true } }
            for f in built where f != e {
                let other = data.exchanges[f]
                let sameSupply = item.from == other.from && item.sent.id == other.sent.id
                let sameNeed = item.to == other.to && item.replaced != nil && item.replaced?.id == other.replaced?.id
                if sameSupply || sameNeed { partners[e] += 1 }
            }
        }
        return data.exchanges.indices.map { plan.exchanges[$0] != nil && partners[$0] == 0 && !touchesFacility[$0] }
    }

    /// Flows (units sent, `[e][t]`) and facility activities (`[k][t]`) of the plan along the
    /// numbers of `data` (the same park as at `init`, along another path).
    public func operate(_ data: ParkData) throws(SolverError) -> (flows: [[Double]], activity: [[Double]]) {
        var flows = [[Double]](repeating: [Double](repeating: 0, count: years), count: flowColumn.count)
        var activity = [[Double]](repeating: [Double](repeating: 0, count: years), count: activityColumn.count)
        let money = 1 / data.moneyUnit, kt = 1 / ParkFormulation.co2eUnit
        for t in 0..<years {
            for e in flowColumn.indices where alone[e] && !stranded[e] && plan.operates(exchange: e, year: t, data: data) {
                if value(exchange: e, year: t, data: data) > 0 { flows[e][t] = data.exchanges[e].flowBound[t] }
            }
        }
        guard let solver else { return (flows, activity) }
        var objective: [(Variable, Double)] = []
        objective.reserveCapacity(flowColumn.count + activityColumn.count)
        for t in 0..<years {
            objective.removeAll(keepingCapacity: true)
            var anyOpen = false
            for (e, column) in flowColumn.enumerated() {
                guard let column else { continue }
                let item = data.exchanges[e]
                let open = !stranded[e] && plan.operates(exchange: e, year: t, data: data) && item.flowBound[t] > 0
                solver.setBounds(column, lower: 0, upper: open ? item.flowBound[t] / scale[e] : 0)
                objective.append((column, open ? value(exchange: e, year: t, data: data) * scale[e] : 0))
                anyOpen = anyOpen || open
            }
            guard anyOpen else { continue }
            for (k, column) in activityColumn.enumerated() {
                guard let column else { continue }
                let facility = data.scenario.facilities[k]
                let open = plan.operates(facility: k, year: t, data: data) && facility.capacity > 0
                solver.setBounds(column, lower: 0, upper: open ? 1 : 0)
                let cost = weights.economic * data.discountFactor[t] * (facility.unitCost + data.carbonPrice[t] * facility.co2ePerUnit) * money
                    + weights.environmental * facility.co2ePerUnit * kt
                objective.append((column, -cost * facility.capacity))
            }
            solver.setObjectiveCoefficients(objective)
            for shared in sharedRows {
                let volume = shared.isSupply ? data.produced(company: shared.company, resource: shared.resource, year: t)
                    : data.needed(company: shared.company, resource: shared.resource, year: t)
                solver.setBounds(shared.row, lower: -.infinity, upper: max(0, volume) / shared.normalizer)
            }
            let solution = try solver.solve(options: SolveOptions())
            solves += 1
            guard solution.termination == .optimal, solution.hasSolution else {
                throw SolverError.solveFailed("the operating LP of year \(t) ended \(solution.statusWord)")
            }
            for (e, column) in flowColumn.enumerated() {
                guard let column else { continue }
                let units = solution[column] * scale[e]
                flows[e][t] = units > 1e-9 * scale[e] ? units : 0
            }
            for (k, column) in activityColumn.enumerated() {
                guard let column else { continue }
                let share = solution[column]
                activity[k][t] = share > 1e-9 ? share * data.scenario.facilities[k].capacity : 0
            }
        }
        return (flows, activity)
    }
}
