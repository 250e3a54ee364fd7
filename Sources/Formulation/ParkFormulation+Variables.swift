import MILP
import Scenario

extension ParkFormulation {
    /// Columns: build binaries from each option's earliest year; flows, activities and loans as
    /// shares in [0, 1] of their tight bound, capacity and subsidized capex; transfers within
    /// `±M_e` (model money units).
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
        if data.scenario.objectives.winWin {
            for (e, item) in data.exchanges.enumerated() {
                let bound = transferBound(exchange: e)
                transfer.append(account(of: item.from) == account(of: item.to) || bound == 0
                    ? nil : model.addVariable("transfer[\(item.exchange.id)]", lower: -bound, upper: bound))
            }
        } else {
            transfer = Array(repeating: nil, count: data.exchanges.count)
        }
        if data.scenario.targets.minCompanies != nil {
            participates = data.scenario.companies.map { model.addVariable("participates[\($0.id)]", kind: .binary) }
        } else {
            participates = Array(repeating: nil, count: data.scenario.companies.count)
        }
    }

    /// `M_e` (model money units): no party can gain or lose more than the link's whole gross
    /// value over the horizon, so a transfer larger than that is never needed.
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
