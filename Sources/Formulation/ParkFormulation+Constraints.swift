import MILP
import Scenario

extension ParkFormulation {
    mutating func addConstraints() {
        addBuildAndFlowLinks()
        addSupplyAndNeed()
        addFacilities()
        addBudgets()
        addResidualRows()
        if data.scenario.objectives.winWin { addWinWin() }
        addTargets()
    }

    /// One build year for a chosen option, none otherwise (`Σ_t build[e,t] = chosen[e]`); flow only while active (`flow[e,t]` is the share of
    /// the tight bound `U[e,t]`): `flow[e,t] ≤ Σ_{τ active in t} build[e,τ]`; loans only on
    /// what is built, `loan[e,t] ≤ build[e,t]`.
    private mutating func addBuildAndFlowLinks() {
        for (e, item) in data.exchanges.enumerated() {
            let id = item.exchange.id
            var years = LinearExpression()
            for y in build[e] { if let y { years.add(1, y) } }
            model.addConstraint(years - chosen[e] == 0, name: "once[\(id)]")
            for t in 0..<data.years where item.flowBound[t] > 0 {
                model.addConstraint(flow[e][t] - active(exchange: e, year: t) <= 0,
                                    name: "active[\(id),\(t)]")
            }
            addUtilizationFloor(exchange: e)
            for (t, l) in loan[e].enumerated() {
                guard let l, let y = build[e][t] else { continue }
                model.addConstraint(l - model[l].upper * y <= 0, name: "loan_cap[\(id),\(t)]")
            }
        }
    }

    /// No idle links: in each year with `U[e,t] > 0` where the link and the facilities at its ends
    /// operate, it carries at least `min_utilization` of `U[e,t]`:
    /// `flow[e,t] − m·(α[e,t] + Σ_k α[k,t]) ≥ −m·n`, with `n` facility ends (the right-hand side
    /// is positive only when all of them operate). Not in the Monte Carlo operating LP.
    private mutating func addUtilizationFloor(exchange e: Int) {
        let m = data.scenario.minUtilization
        let item = data.exchanges[e]
        guard m > 0 else { return }
        let facilities = [item.from, item.to].compactMap { party -> Int? in
            if case let .facility(k) = party { return k }
            return nil
        }
        for t in 0..<data.years where item.flowBound[t] > 0 {
            let active = active(exchange: e, year: t)
            guard !active.terms.isEmpty else { continue }
            var row = LinearExpression(flow[e][t])
            row.add(active, scaledBy: -m)
            for k in facilities { row.add(self.active(facility: k, year: t), scaledBy: -m) }
            model.addConstraint(row >= -m * Double(facilities.count), name: "utilization[\(item.exchange.id),\(t)]")
        }
    }

    /// A sender sends no more than it produces; a receiver replaces no more than it needs
    /// (rows only where two or more exchanges share the resource: one alone is bounded already).
    /// Rows are divided by the year's volume, so coefficients are `U[e,t] / volume ≤ 1`.
    private mutating func addSupplyAndNeed() {
        for (c, company) in data.scenario.companies.enumerated() {
            for item in company.produces {
                let senders = data.exchanges.indices.filter {
                    data.exchanges[$0].from == .company(c) && data.exchanges[$0].sent.id == item.resource
                }
                guard senders.count > 1 else { continue }
                for t in 0..<data.years {
                    let volume = data.produced(company: c, resource: item.resource, year: t)
                    guard volume > 0 else { continue }
                    var sum = LinearExpression()
                    for e in senders { sum.add(data.exchanges[e].flowBound[t] / volume, flow[e][t]) }
                    model.addConstraint(sum <= 1, name: "supply[\(company.id),\(item.resource),\(t)]")
                }
            }
            for item in company.needs {
                let receivers = data.exchanges.indices.filter {
                    data.exchanges[$0].to == .company(c) && data.exchanges[$0].replaced?.id == item.resource
                }
                guard receivers.count > 1 else { continue }
                for t in 0..<data.years {
                    let volume = data.needed(company: c, resource: item.resource, year: t)
                    guard volume > 0 else { continue }
                    var sum = LinearExpression()
                    for e in receivers {
                        sum.add(data.exchanges[e].exchange.ratio * data.exchanges[e].flowBound[t] / volume, flow[e][t])
                    }
                    model.addConstraint(sum <= 1, name: "need[\(company.id),\(item.resource),\(t)]")
                }
            }
        }
    }

    /// Mass balance from `converts`: inflows of each consumed resource equal activity × |coef|;
    /// outflows of each yielded resource at most activity × coef; activity within capacity
    /// while active; a link to or from a facility is built no earlier than the facility.
    /// Balance rows are divided by `capacity · |coef|` (activity is a share of capacity).
    private mutating func addFacilities() {
        for (k, facility) in data.scenario.facilities.enumerated() {
            let id = facility.id
            var once = LinearExpression()
            for z in buildFacility[k] { once.add(1, z) }
            model.addConstraint(once - chosenFacility[k] == 0, name: "once[\(id)]")
            for t in 0..<data.years {
                model.addConstraint(activity[k][t] - active(facility: k, year: t) <= 0, name: "active[\(id),\(t)]")
                for item in facility.converts where item.amount != 0 && facility.capacity > 0 {
                    let scale = facility.capacity * abs(item.amount)
                    var sum = LinearExpression()
                    for (e, exchange) in data.exchanges.enumerated() where exchange.sent.id == item.resource {
                        let share = exchange.flowBound[t] / scale
                        if item.amount < 0, exchange.to == .facility(k) { sum.add(share, flow[e][t]) }
                        if item.amount > 0, exchange.from == .facility(k) { sum.add(share, flow[e][t]) }
                    }
                    if item.amount < 0 {
                        model.addConstraint(sum - activity[k][t] == 0, name: "balance[\(id),\(item.resource),\(t)]")
                    } else if !sum.terms.isEmpty {
                        model.addConstraint(sum - activity[k][t] <= 0, name: "yield[\(id),\(item.resource),\(t)]")
                    }
                }
            }
            for (e, exchange) in data.exchanges.enumerated() where exchange.from == .facility(k) || exchange.to == .facility(k) {
                for t in 0..<data.years {
                    var links = LinearExpression()
                    for (year, y) in build[e].enumerated() where year <= t { if let y { links.add(1, y) } }
                    guard !links.terms.isEmpty else { continue }
                    for year in 0...t { links.add(-1, buildFacility[k][year]) }
                    model.addConstraint(links <= 0, name: "after[\(exchange.exchange.id),\(id),\(t)]")
                }
            }
            for (t, l) in loanFacility[k].enumerated() {
                guard let l else { continue }
                model.addConstraint(l - model[l].upper * buildFacility[k][t] <= 0, name: "loan_cap[\(id),\(t)]")
            }
        }
    }

    /// Own-funded capex (after subsidy, not financed, permit costs included) within each
    /// company's `capital_budget`, and the operator's within `park_budget` (model money units).
    ///
    /// Where an option costs the same in every build year, its spend is written on `built[o]`
    /// (`= Σ_t build[o,t]` by `once[o]`): the same LP, but a knapsack row over one binary per
    /// option, from which the search's cover cuts (`KnapsackCoverSeparator`) can be read.
    private mutating func addBudgets() {
        let accounts = data.scenario.companies.count + 1
        var spend = [LinearExpression](repeating: LinearExpression(), count: accounts)
        let subsidy = data.scenario.economics.capexSubsidy
        let money = 1 / moneyUnit
        for (e, item) in data.exchanges.enumerated() {
            let payer = account(of: item.payer)
            let capex = item.exchange.capex * (1 - subsidy)
            let uniform = uniformCost(build[e].indices.filter { build[e][$0] != nil }) { (capex * data.capexFactor[$0] + item.permitCost) * money }
            if let uniform { spend[payer].add(uniform, chosen[e]) }
            for (t, y) in build[e].enumerated() {
                guard let y else { continue }
                let capex = capex * data.capexFactor[t]
                if uniform == nil { spend[payer].add((capex + item.permitCost) * money, y) }
                if let l = loan[e][t] { spend[payer].add(-capex * money, l) }
            }
        }
        for (k, facility) in data.scenario.facilities.enumerated() {
            let capex = facility.capex * (1 - subsidy)
            let uniform = uniformCost(Array(buildFacility[k].indices)) { capex * data.capexFactor[$0] * money }
            if let uniform { spend[accounts - 1].add(uniform, chosenFacility[k]) }
            for (t, z) in buildFacility[k].enumerated() {
                let capex = capex * data.capexFactor[t]
                if uniform == nil { spend[accounts - 1].add(capex * money, z) }
                if let l = loanFacility[k][t] { spend[accounts - 1].add(-capex * money, l) }
            }
        }
        for (c, company) in data.scenario.companies.enumerated() {
            guard let budget = company.capitalBudget, !spend[c].terms.isEmpty else { continue }
            addRequirement(.capitalBudget(company: company.id), spend[c] <= budget * money, name: "budget[\(company.id)]")
        }
        if let budget = data.scenario.economics.parkBudget, !spend[accounts - 1].terms.isEmpty {
            addRequirement(.parkBudget, spend[accounts - 1] <= budget * money, name: "budget[\(Party.operatorID)]")
        }
    }

    /// The cost shared by every year in `years` (`nil` when they differ or there are none).
    private func uniformCost(_ years: [Int], _ cost: (Int) -> Double) -> Double? {
        guard let first = years.first.map(cost) else { return nil }
        return years.allSatisfy({ cost($0) == first }) ? first : nil
    }

    /// Every company and the operator ends with NPV ≥ 0 after its transfer through the park's
    /// benefit-sharing account, `NPV_a + θ_a ≥ 0`, and the account balances, `Σ_a θ_a = 0`: a
    /// payment needs no link, so no link is built to carry one.
    private mutating func addWinWin() {
        let accounts = data.scenario.companies.count + 1
        var balance = companyNPV + [operatorNPV]
        var sharing = LinearExpression()
        for a in 0..<accounts {
            guard let theta = accountTransfer[a] else { continue }
            balance[a].add(1, theta)
            sharing.add(1, theta)
        }
        if !sharing.terms.isEmpty { model.addConstraint(sharing == 0, name: "benefit_account") }
        for a in 0..<accounts where !balance[a].terms.isEmpty {
            let id = a < accounts - 1 ? data.scenario.companies[a].id : Party.operatorID
            addRequirement(.winWin(party: id), balance[a].normalized() >= 0, name: "win_win[\(id)]")
        }
    }

    private mutating func addTargets() {
        let targets = data.scenario.targets
        if let co2e = targets.co2eAvoided {
            addRequirement(.co2eAvoided, environmental >= co2e / Self.co2eUnit, name: "target_co2e")
        }
        for target in targets.diverted {
            let first = max(0, target.by - data.scenario.startYear)
            for t in first..<max(first, data.years) {
                var produced = 0.0
                for c in data.scenario.companies.indices {
                    produced += data.produced(company: c, resource: target.resource, year: t)
                }
                guard produced > 0 else { continue }
                var sum = LinearExpression()
                for (e, item) in data.exchanges.enumerated() where item.sent.id == target.resource {
                    if case .company = item.from { sum.add(item.flowBound[t] / produced, flow[e][t]) }
                }
                addRequirement(.diverted(resource: target.resource), sum >= target.share,
                               name: "target_diverted[\(target.resource),\(t)]")
            }
        }
        if let count = targets.minExchanges {
            var sum = LinearExpression()
            for e in data.exchanges.indices { sum.add(built(exchange: e)) }
            addRequirement(.minExchanges, sum >= Double(count), name: "target_min_exchanges")
        }
        for id in targets.build {
            if let e = data.exchanges.firstIndex(where: { $0.exchange.id == id }) {
                addRequirement(.build(exchange: id), built(exchange: e) >= 1, name: "target_build[\(id)]")
            } else {
                // Blocked by a forbidden permit: the requirement cannot be met.
                addRequirement(.build(exchange: id), LinearConstraint(terms: [], lower: 1, upper: .infinity),
                               name: "target_build[\(id)]")
            }
        }
        if let count = targets.minCompanies {
            var total = LinearExpression()
            for (c, company) in data.scenario.companies.enumerated() {
                guard let w = participates[c] else { continue }
                var links = LinearExpression()
                for (e, item) in data.exchanges.enumerated() where item.from == .company(c) || item.to == .company(c) {
                    links.add(built(exchange: e))
                }
                model.addConstraint(LinearExpression(w) - links <= 0, name: "participates[\(company.id)]")
                total.add(1, w)
            }
            addRequirement(.minCompanies, total >= Double(count), name: "target_min_companies")
        }
    }
}
