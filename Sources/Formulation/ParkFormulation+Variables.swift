import MILP
import Scenario

extension ParkFormulation {
    /// Columns: build binaries from each option's earliest year; flows, activities and loans as
    /// shares in [0, 1] of their tight bound, capacity and subsidized capex; each account's
    /// transfer within `±M_a` (model money units).
    mutating func addVariables() {
        let years = data.years
        let credit = data.loanPresentValue != nil
        let subsidy = data.scenario.economics.capexSubsidy
        chosen = data.exchanges.map { item in
            model.addVariable("built[\(item.exchange.id)]", upper: item.earliestBuildYear < years ? 1 : 0, kind: .binary)
        }
        chosenFacility = data.scenario.facilities.map { model.addVariable("built[\($0.id)]", kind: .binary) }
        for item in data.exchanges {
            let id = item.exchange.id
            build.append((0..<years).map { t in
                t >= item.earliestBuildYear ? model.addVariable("build[\(id),\(t)]", kind: .binary) : nil
            })
            flow.append((0..<years).map { t in model.addVariable("flow[\(id),\(t)]", upper: item.flowBound[t] > 0 ? 1 : 0) })
            let capex = item.exchange.capex * (1 - subsidy)
            loan.append((0..<years).map { t in
                credit && capex > 0 && t >= item.earliestBuildYear && data.loanLimit(capex: capex * data.capexFactor[t]) > 0
                    ? model.addVariable("loan[\(id),\(t)]", upper: data.loanLimit(capex: capex * data.capexFactor[t])) : nil
            })
        }
        for facility in data.scenario.facilities {
            buildFacility.append((0..<years).map { t in model.addVariable("build[\(facility.id),\(t)]", kind: .binary) })
            activity.append((0..<years).map { t in model.addVariable("activity[\(facility.id),\(t)]", upper: facility.capacity > 0 ? 1 : 0) })
            let capex = facility.capex * (1 - subsidy)
            loanFacility.append((0..<years).map { t in
                credit && capex > 0 && data.loanLimit(capex: capex * data.capexFactor[t]) > 0
                    ? model.addVariable("loan[\(facility.id),\(t)]", upper: data.loanLimit(capex: capex * data.capexFactor[t])) : nil
            })
        }
        let accounts = data.scenario.companies.count + 1
        if data.scenario.objectives.winWin {
            let bounds = accountTransferBounds()
            accountTransfer = (0..<accounts).map { a in
                let id = a < accounts - 1 ? data.scenario.companies[a].id : Party.operatorID
                return bounds[a] > 0 ? model.addVariable("transfer[\(id)]", lower: -bounds[a], upper: bounds[a]) : nil
            }
        } else {
            accountTransfer = Array(repeating: nil, count: accounts)
        }
        if data.scenario.targets.minCompanies != nil {
            participates = data.scenario.companies.map { model.addVariable("participates[\($0.id)]", kind: .binary) }
        } else {
            participates = Array(repeating: nil, count: data.scenario.companies.count)
        }
        addResidualVariables()
    }

    /// `M_a = Σ_{e: a is an end of e} M_e` (plus, for the operator, `Σ_k M_k`): no account gains
    /// or loses more than the whole gross value of the links and facilities it is part of, so it
    /// never needs a larger transfer (model money units; 0 for an account nothing touches).
    func accountTransferBounds() -> [Double] {
        let accounts = data.scenario.companies.count + 1
        var bounds = [Double](repeating: 0, count: accounts)
        for (e, item) in data.exchanges.enumerated() {
            let ends = Set([account(of: item.from), account(of: item.to)])
            for a in ends { bounds[a] += transferBound(exchange: e) }
        }
        let loanPremium = max(0, (data.loanPresentValue ?? 1) - 1)
        for facility in data.scenario.facilities {
            var bound = facility.capex * (data.capexFactor.max() ?? 1) * (1 + loanPremium)
            for t in 0..<data.years {
                let perUnit = abs(facility.unitCost + data.carbonPrice[t] * facility.co2ePerUnit)
                bound += data.discountFactor[t] * (facility.capacity * perUnit + facility.fixedCost)
            }
            bounds[accounts - 1] += bound / moneyUnit
        }
        return bounds
    }

    /// `M_e` (model money units): no party can gain or lose more than the link's whole gross
    /// value over the horizon.
    func transferBound(exchange e: Int) -> Double {
        let item = data.exchanges[e]
        // A loan dearer than the discount rate can cost more than the capex itself.
        let loanPremium = max(0, (data.loanPresentValue ?? 1) - 1)
        var bound = item.exchange.capex * (data.capexFactor.max() ?? 1) * (1 + loanPremium) + item.permitCost
        for t in 0..<data.years {
            let perUnit = abs(item.senderSaving[t]) + abs(item.receiverSaving[t]) + item.unitCost[t]
            bound += data.discountFactor[t] * (item.flowBound[t] * perUnit + item.exchange.fixedCost)
        }
        return bound / moneyUnit
    }
}
