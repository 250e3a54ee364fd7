import Foundation
import Scenario

/// What a build plan yields when it is operated with given flows along one path of prices and
/// volumes: every account's NPV, the park's CO2e, its yearly cash flow and indicators.
public struct PlanOutcome: Sendable, Equatable {
    /// NPV of each company, then of the park operator, before transfers (currency), each at the
    /// account's own rate (a company's `hurdle_rate` when it has one).
    public var accountNPV: [Double]
    /// The same NPVs all at the scenario's `discount_rate`: they sum to `npv`, so the appraisal's
    /// accounts add up to the value to society (docs/appraisal.md).
    public var accountNPVAtParkRate: [Double]
    /// Park-wide NPV relative to no symbiosis (currency); transfers cancel out.
    public var npv: Double
    /// t CO2e avoided over the horizon.
    public var co2eAvoided: Double
    /// Park-wide cash flow of each year, nominal (currency): operating margins, fixed costs,
    /// own-funded capex and permit costs in the build year, loan annuities in the years after.
    public var cashFlow: [Double]
    /// Tonnes of waste diverted from disposal over the horizon: units sent by a company of the
    /// resources that are disposed of (`Resource.isDisposed`) and counted in `t`, as the design's
    /// `tonnesDiverted`. Never a sum over units (t of ash and m3 of wastewater are not added).
    public var wasteDiverted: Double
    /// Units of water-kind inputs replaced over the horizon.
    public var waterSaved: Double
    /// Whether each exchange carried flow in each year (`[e][t]`).
    public var carried: [[Bool]]
}

extension BuildPlan {
    /// The accounts of this plan operated with `flows[e][t]` (units sent) and
    /// `activity[k][t]` (facility activity units) along the numbers of `data`.
    ///
    /// The same algebra as the model's objective terms (docs/model.md §4): for the payer of an
    /// option built in year τ, `−d_τ((1−ℓ)Ī + π + PVann·ℓ·Ī) − Σ_{t operating} d_t F`, with
    /// `Ī` the subsidized capex times the path's overrun; sender and receiver savings and the
    /// payer's unit costs on every unit sent. A test checks it against the model's expressions.
    public func outcome(data: ParkData, flows: [[Double]], activity: [[Double]]) -> PlanOutcome {
        let park = accounts(data: data, flows: flows, activity: activity) { _ in data.parkDiscounting }
        let own = data.hasHurdleRates
            ? accounts(data: data, flows: flows, activity: activity) { data.accountDiscounting[$0] }.npv : park.npv
        return PlanOutcome(accountNPV: own, accountNPVAtParkRate: park.npv, npv: park.npv.reduce(0, +), co2eAvoided: park.co2e, cashFlow: park.cash,
                           wasteDiverted: park.diverted, waterSaved: park.water, carried: park.carried)
    }

    /// The accounts' NPVs with account `a` discounted by `discounting(a)`, and the indicators.
    private func accounts(data: ParkData, flows: [[Double]], activity: [[Double]],
                          discounting: (Int) -> ParkData.Discounting)
        -> (npv: [Double], co2e: Double, cash: [Double], diverted: Double, water: Double, carried: [[Bool]]) {
        let scenario = data.scenario
        let years = data.years
        let operatorAccount = scenario.companies.count
        var npv = [Double](repeating: 0, count: operatorAccount + 1)
        var cash = [Double](repeating: 0, count: years)
        var co2e = 0.0, diverted = 0.0, water = 0.0
        let subsidy = scenario.economics.capexSubsidy
        let annuity = Self.annuity(scenario.economics)
        var carried = [[Bool]](repeating: [Bool](repeating: false, count: years), count: data.exchanges.count)
        // Which links divert tonnes of waste (the only waste diverted that is summed here).
        let divertsTonnes = data.exchanges.map { item in
            scenario.resource(item.exchange.send).map { $0.isDisposed && $0.unit == Scenario.massUnit } ?? false
        }
        func account(_ party: Party) -> Int {
            if case let .company(c) = party { return c }
            return operatorAccount
        }
        /// Capex in the build year and the loan annuities after it; the residual value `residual`
        /// (currency at the horizon's end, `ParkData+Residual`) discounted at the account's rate.
        func invest(_ a: Int, capex: Double, residual: Double, permit: Double, choice: Choice) {
            let discount = discounting(a)
            let d = discount.factor[choice.year]
            let financed = choice.financedShare * capex
            npv[a] -= d * (capex - financed + permit + (discount.loanPresentValue ?? 1) * financed)
            npv[a] += discount.horizonEnd * residual
            cash[choice.year] -= capex - financed + permit
            if financed > 0, let annuity {
                for k in 1...annuity.years where choice.year + k < years { cash[choice.year + k] -= financed * annuity.rate }
            }
        }
        for (e, item) in data.exchanges.enumerated() {
            let sender = account(item.from), receiver = account(item.to), payer = account(item.payer)
            for t in 0..<years {
                let units = flows[e][t]
                guard units > 0 else { continue }
                carried[e][t] = true
                let saved = units * item.senderSaving[t], avoided = units * item.receiverSaving[t]
                let cost = units * item.unitCost[t]
                npv[sender] += discounting(sender).factor[t] * saved
                npv[receiver] += discounting(receiver).factor[t] * avoided
                npv[payer] -= discounting(payer).factor[t] * cost
                cash[t] += saved + avoided - cost
                co2e += units * item.co2ePerUnit
                if case .company = item.from, divertsTonnes[e] { diverted += units }
                if case .company = item.to, let replaced = item.replaced, replaced.kind == .water {
                    water += item.exchange.ratio * units
                }
            }
            guard let choice = exchanges[e], choice.year < years else { continue }
            let capex = item.exchange.capex * (1 - subsidy) * data.capexFactor[choice.year]
            invest(payer, capex: capex, residual: residualValue(exchange: e, data: data, flows: flows), permit: item.permitCost,
                   choice: choice)
            for t in choice.year..<years where operates(exchange: e, year: t, data: data) {
                npv[payer] -= discounting(payer).factor[t] * item.exchange.fixedCost
                cash[t] -= item.exchange.fixedCost
            }
        }
        let discount = discounting(operatorAccount)
        for (k, facility) in scenario.facilities.enumerated() {
            for t in 0..<years where activity[k][t] > 0 {
                let cost = activity[k][t] * (facility.unitCost + data.carbonPrice[t] * facility.co2ePerUnit)
                npv[operatorAccount] -= discount.factor[t] * cost
                cash[t] -= cost
                co2e -= activity[k][t] * facility.co2ePerUnit
            }
            guard let choice = facilities[k], choice.year < years else { continue }
            let capex = facility.capex * (1 - subsidy) * data.capexFactor[choice.year]
            invest(operatorAccount, capex: capex, residual: residualValue(facility: k, data: data, flows: flows, activity: activity),
                   permit: 0, choice: choice)
            for t in choice.year..<years where operates(facility: k, year: t, data: data) {
                npv[operatorAccount] -= discount.factor[t] * facility.fixedCost
                cash[t] -= facility.fixedCost
            }
        }
        return (npv, co2e, cash, diverted, water, carried)
    }

    /// Residual value at the horizon's end (currency, not discounted) of exchange `e` as built by
    /// this plan and operated with `flows`: `max(0, min(B, A·N_{T−1}))` with `N_{T−1}` its last
    /// year's units times margin less its fixed cost (`ParkData+Residual`); 0 for a link to or
    /// from a facility (valued with the facility), an unbuilt link or one with no life left.
    public func residualValue(exchange e: Int, data: ParkData, flows: [[Double]]) -> Double {
        guard let choice = exchanges[e], !data.isFacilityLink(e) else { return 0 }
        let item = data.exchanges[e]
        let annuity = data.residualAnnuity(builtIn: choice.year, lifetime: item.exchange.lifetime)
        guard annuity > 0 else { return 0 }
        let book = item.exchange.capex * data.capexFactor[choice.year] * data.residualShare(builtIn: choice.year, lifetime: item.exchange.lifetime)
        return ParkData.residualValue(book: book, annuity: annuity, lastYearCashFlow: lastYearCashFlow(exchange: e, data: data, flows: flows))
    }

    /// Residual value at the horizon's end (currency, not discounted) of facility `k`: its chain's
    /// last-year net cash flow (its links' margins and fixed costs, its own operating and fixed costs).
    public func residualValue(facility k: Int, data: ParkData, flows: [[Double]], activity: [[Double]]) -> Double {
        guard let choice = facilities[k] else { return 0 }
        let facility = data.scenario.facilities[k]
        let annuity = data.residualAnnuity(builtIn: choice.year, lifetime: facility.lifetime)
        guard annuity > 0 else { return 0 }
        let last = data.years - 1
        var cash = -activity[k][last] * data.lastYearUnitCost(facility: k)
            - (operates(facility: k, year: last, data: data) ? facility.fixedCost : 0)
        for e in data.links(ofFacility: k) { cash += lastYearCashFlow(exchange: e, data: data, flows: flows) }
        let book = facility.capex * data.capexFactor[choice.year] * data.residualShare(builtIn: choice.year, lifetime: facility.lifetime)
        return ParkData.residualValue(book: book, annuity: annuity, lastYearCashFlow: cash)
    }

    /// Present value at the scenario's rate of every residual value of the plan (currency).
    public func residualPresentValue(data: ParkData, flows: [[Double]], activity: [[Double]]) -> Double {
        var total = 0.0
        for e in data.exchanges.indices { total += residualValue(exchange: e, data: data, flows: flows) }
        for k in data.scenario.facilities.indices { total += residualValue(facility: k, data: data, flows: flows, activity: activity) }
        return data.parkDiscounting.horizonEnd * total
    }

    /// Exchange `e`'s net operating cash flow in the horizon's last year: units × margin, less
    /// its fixed cost when it operates then (currency).
    private func lastYearCashFlow(exchange e: Int, data: ParkData, flows: [[Double]]) -> Double {
        let last = data.years - 1
        guard last >= 0 else { return 0 }
        return flows[e][last] * data.lastYearMargin(exchange: e)
            - (operates(exchange: e, year: last, data: data) ? data.exchanges[e].exchange.fixedCost : 0)
    }

    /// The credit line's yearly repayment per currency unit borrowed, and its number of years.
    static func annuity(_ economics: Economics) -> (rate: Double, years: Int)? {
        guard let i = economics.interestRate, economics.loanYears > 0 else { return nil }
        let n = Double(economics.loanYears)
        return (i == 0 ? 1 / n : i / (1 - pow(1 + i, -n)), economics.loanYears)
    }

    /// FTE-years of jobs of the plan (they do not depend on flows).
    public func jobs(data: ParkData) -> Double {
        var total = 0.0
        for (e, item) in data.exchanges.enumerated() {
            guard let choice = exchanges[e] else { continue }
            total += item.exchange.jobs * data.carryingYears(exchange: e, builtIn: choice.year)
        }
        for (k, facility) in data.scenario.facilities.enumerated() {
            guard let choice = facilities[k] else { continue }
            total += facility.jobs * data.operatingYears(builtIn: choice.year, lifetime: facility.lifetime).count
        }
        return total
    }
}
