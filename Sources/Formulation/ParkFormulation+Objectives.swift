import MILP
import Scenario

extension ParkFormulation {
    /// The economic, environmental and social expressions, and each account's NPV.
    ///
    /// NPV of a party = Σ_t d_t · (savings − costs) − Σ_t d_t · own capex − PV of loan repayments,
    /// with `d_t = 1/(1+r)^t`. A loan `L` taken in year `t` costs `d_t · PVann · L` instead of
    /// `d_t · L` (`ParkData.loanPresentValue`), every repayment counted, also those after the horizon.
    /// A flow column is a share of `U[e,t]`, so its coefficients carry `U[e,t]` (docs/model.md).
    ///
    /// The park's NPV (`economic`) discounts every account at the scenario's rate; each company's
    /// own NPV (`companyNPV`, its win-win row and its report) at its `hurdle_rate` when it has one.
    /// Under `residual_value: straight_line` the payer of an option is credited, at the horizon's
    /// end discounted at its own rate, the residual value `B·ρ` of the whole asset (grant
    /// included: the payer owns all of it), `ρ` held by its rows to `min(B, A·N_{T−1})`
    /// (`ParkFormulation+Residual`, `ParkData+Residual`).
    mutating func addObjectiveTerms() {
        let accounts = data.scenario.companies.count + 1
        let park = accountNPVs { _ in data.parkDiscounting }
        let own = data.hasHurdleRates ? accountNPVs { data.accountDiscounting[$0] } : park
        companyNPV = Array(own.prefix(accounts - 1)).map { $0.normalized() }
        operatorNPV = park[accounts - 1].normalized()
        economic = park.sum().normalized()
        addIndicatorTerms()
    }

    /// CO2e avoided, jobs and the public cost of grants (they do not depend on any firm's rate).
    ///
    /// Jobs of an exchange count only while it operates: under a utilization floor (`min_utilization`
    /// > 0) every operating year with `U[e,t] > 0` counts in full (the link carries at least the
    /// floor there); with the floor off (0), `jobs · flow[e,t]`, in proportion to its use.
    private mutating func addIndicatorTerms() {
        let years = data.years
        let subsidy = data.scenario.economics.capexSubsidy
        let money = 1 / moneyUnit, co2e = 1 / Self.co2eUnit
        let floor = data.scenario.minUtilization
        for (e, item) in data.exchanges.enumerated() {
            for t in 0..<years where item.flowBound[t] > 0 {
                environmental.add(item.co2ePerUnit * item.flowBound[t] * co2e, flow[e][t])
            }
            for (year, y) in build[e].enumerated() {
                guard let y else { continue }
                publicCost.add(data.discountFactor[year] * item.exchange.capex * data.capexFactor[year] * subsidy * money, y)
                if floor > 0 { social.add(item.exchange.jobs * data.carryingYears(exchange: e, builtIn: year), y) }
            }
            // Without a utilization floor a link may idle: its jobs count in proportion to its use.
            if floor == 0, item.exchange.jobs > 0 {
                for t in 0..<years where item.flowBound[t] > 0 { social.add(item.exchange.jobs, flow[e][t]) }
            }
        }
        for (k, facility) in data.scenario.facilities.enumerated() {
            for t in 0..<years {
                environmental.add(-facility.co2ePerUnit * facility.capacity * co2e, activity[k][t])
            }
            for (year, z) in buildFacility[k].enumerated() {
                let activeYears = data.operatingYears(builtIn: year, lifetime: facility.lifetime).count
                publicCost.add(data.discountFactor[year] * facility.capex * data.capexFactor[year] * subsidy * money, z)
                social.add(facility.jobs * activeYears, z)
            }
        }
        environmental = environmental.normalized()
        social = social.normalized()
        publicCost = publicCost.normalized()
    }

    /// Each account's NPV (companies, then the operator) with account `a` discounted by
    /// `discounting(a)`.
    private func accountNPVs(_ discounting: (Int) -> ParkData.Discounting) -> [LinearExpression] {
        let years = data.years
        let accounts = data.scenario.companies.count + 1
        var npv = [LinearExpression](repeating: LinearExpression(), count: accounts)
        let subsidy = data.scenario.economics.capexSubsidy
        let money = 1 / moneyUnit

        for (e, item) in data.exchanges.enumerated() {
            let sender = account(of: item.from), receiver = account(of: item.to), payer = account(of: item.payer)
            let (ds, dr, dp) = (discounting(sender), discounting(receiver), discounting(payer))
            for t in 0..<years where item.flowBound[t] > 0 {
                // Multiplied in the same order as before hurdle rates, so that coefficients keep their last bits.
                let f = flow[e][t]
                if case .company = item.from { npv[sender].add(ds.factor[t] * item.flowBound[t] * money * item.senderSaving[t], f) }
                if case .company = item.to { npv[receiver].add(dr.factor[t] * item.flowBound[t] * money * item.receiverSaving[t], f) }
                npv[payer].add(-(dp.factor[t] * item.flowBound[t] * money) * item.unitCost[t], f)
            }
            let capex = item.exchange.capex * (1 - subsidy)
            for (year, y) in build[e].enumerated() {
                guard let y else { continue }
                let d = dp.factor[year]
                let capex = capex * data.capexFactor[year]
                let fixed = dp.operatingYears(builtIn: year, lifetime: item.exchange.lifetime) * item.exchange.fixedCost
                npv[payer].add(-(d * (capex + item.permitCost) + fixed) * money, y)
                if let r = residual[e][year] { npv[payer].add(dp.horizonEnd * residualBook(exchange: e, builtIn: year), r) }
                if let l = loan[e][year] { npv[payer].add(-d * ((dp.loanPresentValue ?? 1) - 1) * capex * money, l) }
            }
        }

        let operatorAccount = accounts - 1
        let dk = discounting(operatorAccount)
        for (k, facility) in data.scenario.facilities.enumerated() {
            for t in 0..<years {
                let d = dk.factor[t] * facility.capacity
                npv[operatorAccount].add(-d * (facility.unitCost + data.carbonPrice[t] * facility.co2ePerUnit) * money, activity[k][t])
            }
            let capex = facility.capex * (1 - subsidy)
            for (year, z) in buildFacility[k].enumerated() {
                let d = dk.factor[year]
                let capex = capex * data.capexFactor[year]
                let fixed = dk.operatingYears(builtIn: year, lifetime: facility.lifetime) * facility.fixedCost
                npv[operatorAccount].add(-(d * capex + fixed) * money, z)
                if let r = residualFacility[k][year] {
                    npv[operatorAccount].add(dk.horizonEnd * residualBook(facility: k, builtIn: year), r)
                }
                if let l = loanFacility[k][year] {
                    npv[operatorAccount].add(-d * ((dk.loanPresentValue ?? 1) - 1) * capex * money, l)
                }
            }
        }
        return npv
    }
}
