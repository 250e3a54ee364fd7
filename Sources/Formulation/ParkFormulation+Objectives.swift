import MILP
import Scenario

extension ParkFormulation {
    /// The economic, environmental and social expressions, and each account's NPV.
    ///
    /// NPV of a party = Σ_t d_t · (savings − costs) − Σ_t d_t · own capex − PV of loan repayments,
    /// with `d_t = 1/(1+r)^t`. A loan `L` taken in year `t` costs `d_t · PVann · L` instead of
    /// `d_t · L` (`ParkData.loanPresentValue`), every repayment counted, also those after the horizon.
    /// A flow column is a share of `U[e,t]`, so its coefficients carry `U[e,t]` (docs/model.md).
    mutating func addObjectiveTerms() {
        let years = data.years
        let accounts = data.scenario.companies.count + 1
        var npv = [LinearExpression](repeating: LinearExpression(), count: accounts)
        let subsidy = data.scenario.economics.capexSubsidy
        let loanCost = (data.loanPresentValue ?? 1) - 1
        let money = 1 / Self.moneyUnit, co2e = 1 / Self.co2eUnit

        for (e, item) in data.exchanges.enumerated() {
            let sender = account(of: item.from), receiver = account(of: item.to), payer = account(of: item.payer)
            for t in 0..<years where item.flowBound[t] > 0 {
                let d = data.discountFactor[t] * item.flowBound[t] * money
                let f = flow[e][t]
                if case .company = item.from { npv[sender].add(d * item.senderSaving[t], f) }
                if case .company = item.to { npv[receiver].add(d * item.receiverSaving[t], f) }
                npv[payer].add(-d * item.unitCost[t], f)
                environmental.add(item.co2ePerUnit * item.flowBound[t] * co2e, f)
            }
            let capex = item.exchange.capex * (1 - subsidy)
            for (year, y) in build[e].enumerated() {
                guard let y else { continue }
                let d = data.discountFactor[year]
                let capex = capex * data.capexFactor[year]
                let (discountedYears, activeYears) = data.operatingYears(builtIn: year, lifetime: item.exchange.lifetime)
                let fixed = discountedYears * item.exchange.fixedCost
                npv[payer].add(-(d * (capex + item.permitCost) + fixed) * money, y)
                publicCost.add(d * item.exchange.capex * data.capexFactor[year] * subsidy * money, y)
                social.add(item.exchange.jobs * activeYears, y)
                if let l = loan[e][year] { npv[payer].add(-d * loanCost * capex * money, l) }
            }
        }

        let operatorAccount = accounts - 1
        for (k, facility) in data.scenario.facilities.enumerated() {
            for t in 0..<years {
                let d = data.discountFactor[t] * facility.capacity
                npv[operatorAccount].add(-d * (facility.unitCost + data.carbonPrice[t] * facility.co2ePerUnit) * money, activity[k][t])
                environmental.add(-facility.co2ePerUnit * facility.capacity * co2e, activity[k][t])
            }
            let capex = facility.capex * (1 - subsidy)
            for (year, z) in buildFacility[k].enumerated() {
                let d = data.discountFactor[year]
                let capex = capex * data.capexFactor[year]
                let (discountedYears, activeYears) = data.operatingYears(builtIn: year, lifetime: facility.lifetime)
                let fixed = discountedYears * facility.fixedCost
                npv[operatorAccount].add(-(d * capex + fixed) * money, z)
                publicCost.add(d * facility.capex * data.capexFactor[year] * subsidy * money, z)
                social.add(facility.jobs * activeYears, z)
                if let l = loanFacility[k][year] { npv[operatorAccount].add(-d * loanCost * capex * money, l) }
            }
        }
        companyNPV = Array(npv.prefix(accounts - 1)).map { $0.normalized() }
        operatorNPV = npv[operatorAccount].normalized()
        economic = npv.sum().normalized()
        environmental = environmental.normalized()
        social = social.normalized()
        publicCost = publicCost.normalized()
    }
}
