import Foundation
import Scenario

/// A company or a facility: the two kinds of node an exchange connects.
public enum Party: Sendable, Equatable, Hashable {
    case company(Int)
    case facility(Int)
    /// The park operator, who pays for facilities (one per park).
    public static let operatorID = "park_operator"
}

/// The per-year numbers of the park that the formulation needs, computed once from a
/// `Scenario` (after policies): discount factors, carbon prices, volumes, and each
/// candidate exchange's unit economics and tight flow bounds.
///
/// Conventions (docs/model.md): year `t = 0 ..< T`; cash flows of year `t` are multiplied by
/// `discountFactor[t] = 1 / (1 + r)^t`; the carbon price of year `t` is
/// `carbonPrice · (1 + growth)^t`; a company's volume of year `t` is `volume₀ · (1 + g)^t`.
public struct ParkData: Sendable {
    public let scenario: Scenario
    public let years: Int
    public let discountFactor: [Double]
    public private(set) var carbonPrice: [Double]
    public private(set) var exchanges: [ExchangeData]
    /// Exchanges blocked by a forbidden permit (not in the model), by id.
    public let blocked: [String]
    /// Present value, at the build year, of the annuity repaying one currency unit of loan
    /// (`Σ_{k=1..n} A/(1+r)^k`, `A = i / (1 − (1+i)^−n)`); `nil` without a credit line.
    public let loanPresentValue: Double?
    /// The realized path of prices and volumes the numbers are computed for (all 1 by default).
    public private(set) var path: RealizedPath
    /// Multiplier on the capex of options built in year t (`path`'s overrun, 1 by default).
    public private(set) var capexFactor: [Double]
    /// Currency units per model money unit (`ParkData.moneyUnit(for:)`): a million for a park
    /// whose investments are in millions (USD, EUR), more for a currency whose amounts are larger.
    public let moneyUnit: Double
    /// Discounting at the scenario's `discount_rate`: the park's NPV, society's public cost.
    public let parkDiscounting: Discounting
    /// Discounting of each NPV account (companies, then the park operator): a company's own
    /// `hurdle_rate` when it has one, else the scenario's rate; the operator keeps the scenario's.
    public let accountDiscounting: [Discounting]
    /// Whether some company discounts at a rate other than the scenario's.
    public var hasHurdleRates: Bool { accountDiscounting.contains { $0.rate != parkDiscounting.rate } }

    /// How one account discounts: factors `1/(1+r)^t`, the PV at the build year of the loan
    /// annuity repaying one currency unit at that rate, and the factor of the horizon's end
    /// (`1/(1+r)^T`, where residual values are counted).
    public struct Discounting: Sendable {
        public let rate: Double
        public let factor: [Double]
        public let loanPresentValue: Double?
        public let horizonEnd: Double

        init(rate r: Double, years: Int, economics: Economics) {
            rate = r
            factor = (0..<years).map { 1 / pow(1 + r, Double($0)) }
            horizonEnd = 1 / pow(1 + r, Double(years))
            loanPresentValue = Self.loanPresentValue(economics, rate: r)
        }

        /// PV at `rate`, at the build year, of the annuity repaying one currency unit of the
        /// credit line (`Σ_{k=1..n} A/(1+rate)^k`); `nil` without a credit line.
        public static func loanPresentValue(_ economics: Economics, rate: Double) -> Double? {
            guard let (annuity, years) = BuildPlan.annuity(economics) else { return nil }
            return (1...years).reduce(0) { $0 + annuity / pow(1 + rate, Double($1)) }
        }

        /// `Σ d_t` over the years inside the horizon an option built in `buildYear` operates.
        public func operatingYears(builtIn buildYear: Int, lifetime: Int?) -> Double {
            var discounted = 0.0
            for t in buildYear..<max(buildYear, factor.count)
            where ParkData.operates(builtIn: buildYear, lifetime: lifetime, inYear: t) {
                discounted += factor[t]
            }
            return discounted
        }
    }

    /// The park's numbers at the scenario's values, or along a realized `path` of them.
    public init(_ scenario: Scenario, path: RealizedPath = RealizedPath()) {
        self.scenario = scenario
        self.path = path
        moneyUnit = Self.moneyUnit(for: scenario)
        let years = max(0, scenario.horizonYears)
        self.years = years
        let r = scenario.discountRate
        let economics = scenario.economics
        let park = Discounting(rate: r, years: years, economics: economics)
        parkDiscounting = park
        accountDiscounting = scenario.companies.map { company in
            company.hurdleRate.map { Discounting(rate: $0, years: years, economics: economics) } ?? park
        } + [park]
        discountFactor = park.factor
        loanPresentValue = park.loanPresentValue
        carbonPrice = Self.carbonPrices(economics, years: years, path: path)
        capexFactor = (0..<years).map { path.capexFactor(year: $0) }
        var built: [ExchangeData] = []
        var blocked: [String] = []
        let companyIndex = Dictionary(scenario.companies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let facilityIndex = Dictionary(scenario.facilities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let resourceIndex = Dictionary(scenario.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for exchange in scenario.exchanges {
            let permit = exchange.permit.flatMap { scenario.permit($0) }
            if permit?.status == .forbidden { blocked.append(exchange.id); continue }
            guard let from = companyIndex[exchange.from].map(Party.company) ?? facilityIndex[exchange.from].map(Party.facility),
                  let to = companyIndex[exchange.to].map(Party.company) ?? facilityIndex[exchange.to].map(Party.facility),
                  let sent = resourceIndex[exchange.send]
            else { blocked.append(exchange.id); continue }
            built.append(ExchangeData(
                exchange: exchange, from: from, to: to, sent: sent,
                replaced: exchange.replace.flatMap { resourceIndex[$0] }, permit: permit,
                distance: scenario.distance(of: exchange), scenario: scenario, years: years, carbonPrice: carbonPrice,
                path: path))
        }
        exchanges = built
        self.blocked = blocked
    }

    /// The same park along another path of prices and volumes: what depends on the path is
    /// computed again, the rest (exchanges, permits, distances) is kept.
    public func along(_ path: RealizedPath) -> ParkData {
        var copy = self
        copy.path = path
        copy.carbonPrice = Self.carbonPrices(scenario.economics, years: years, path: path)
        copy.capexFactor = (0..<years).map { path.capexFactor(year: $0) }
        copy.exchanges = exchanges.map { $0.along(path, scenario: scenario, carbonPrice: copy.carbonPrice) }
        return copy
    }

    /// `carbon_price · (1 + growth)^t`, times the path's multiplier.
    private static func carbonPrices(_ economics: Economics, years: Int, path: RealizedPath) -> [Double] {
        (0..<years).map { economics.carbonPrice * pow(1 + economics.carbonPriceGrowth, Double($0)) * path.carbonPriceFactor(year: $0) }
    }

    /// Which years an option built in `buildYear` with `lifetime` operates in year `t`.
    public static func operates(builtIn buildYear: Int, lifetime: Int?, inYear t: Int) -> Bool {
        t >= buildYear && (lifetime.map { t - buildYear < $0 } ?? true)
    }

    /// The years an option built in `buildYear` operates: `Σ d_t` over them (to price a yearly
    /// fixed cost) and their number (for FTE-years).
    public func operatingYears(builtIn buildYear: Int, lifetime: Int?) -> (discounted: Double, count: Double) {
        var discounted = 0.0, count = 0.0
        for t in buildYear..<max(buildYear, years) where ParkData.operates(builtIn: buildYear, lifetime: lifetime, inYear: t) {
            discounted += discountFactor[t]
            count += 1
        }
        return (discounted, count)
    }

    /// Largest share of a subsidized capex `capex` (currency, overrun included) a loan may cover:
    /// `min(loan_share, loan_cap / capex)`.
    public func loanLimit(capex: Double) -> Double {
        let economics = scenario.economics
        var limit = min(1, max(0, economics.loanShare))
        if let cap = economics.loanCap, capex > 0 { limit = min(limit, max(0, cap) / capex) }
        return limit
    }

    /// The model's money unit for `scenario`: `10^6 · 10^k` currency units, with
    /// `k = max(0, round(log10(m) − 6))` and `m` the median positive capex of the candidate
    /// exchanges and facilities (a million when there is none). A park in USD or EUR, whose
    /// typical investment is between 316 thousand and 3.16 million, counts in millions as
    /// before; the same park in VND (×25,000) counts in 10^10 dong, so its coefficients have the
    /// same magnitudes as in USD and lp_solve sees the same numerics (no range warning; the same
    /// design, tested). Never below a million: small parks keep the model they always had.
    public static func moneyUnit(for scenario: Scenario) -> Double {
        let capex = (scenario.exchanges.map(\.capex) + scenario.facilities.map(\.capex))
            .filter { $0 > 0 && $0.isFinite }.sorted()
        guard !capex.isEmpty else { return 1e6 }
        let median = capex.count % 2 == 1 ? capex[capex.count / 2] : (capex[capex.count / 2 - 1] + capex[capex.count / 2]) / 2
        let k = max(0, min(12, (log10(median) - 6).rounded()))
        return 1e6 * pow(10, k)
    }

    /// Operating years inside the horizon of exchange `e` built in `buildYear` in which it can
    /// carry something (`U[e,t] > 0`): the years its jobs count.
    public func carryingYears(exchange e: Int, builtIn buildYear: Int) -> Double {
        let item = exchanges[e]
        var count = 0.0
        for t in buildYear..<max(buildYear, years)
        where item.flowBound[t] > 0 && ParkData.operates(builtIn: buildYear, lifetime: item.exchange.lifetime, inYear: t) {
            count += 1
        }
        return count
    }

    /// Units per year produced by a company in year `t`.
    public func produced(company: Int, resource: String, year t: Int) -> Double {
        let c = scenario.companies[company]
        return c.produced(resource) * c.growthFactor(year: t) * path.volumeFactor(company: c.id, resource: resource, year: t)
    }

    /// Units per year needed by a company in year `t`.
    public func needed(company: Int, resource: String, year t: Int) -> Double {
        let c = scenario.companies[company]
        return c.needed(resource) * c.growthFactor(year: t) * path.volumeFactor(company: c.id, resource: resource, year: t)
    }
}

/// One candidate exchange's unit economics per year, and its tight upper bound on flow.
public struct ExchangeData: Sendable {
    public let exchange: Exchange
    public let from: Party
    public let to: Party
    public let sent: Resource
    public let replaced: Resource?
    public let permit: Permit?
    /// km.
    public let distance: Double
    /// First year it may be built (a conditional permit's delay).
    public let earliestBuildYear: Int
    /// Per unit sent, year t: disposal cost and carbon cost the sender avoids, minus the sale
    /// price it forgoes (company senders); negative for a by-product that sells.
    public private(set) var senderSaving: [Double]
    /// Per unit sent, year t: virgin purchase and carbon cost the receiver avoids (company receivers).
    public private(set) var receiverSaving: [Double]
    /// Per unit sent, year t: processing, transport and transport carbon cost, paid by the payer.
    public private(set) var unitCost: [Double]
    /// t CO2e avoided per unit sent (disposal and virgin input avoided, minus transport).
    public let co2ePerUnit: Double
    /// Upper bound on units sent in year t: min(capacity, supply, max_share · need / ratio).
    public private(set) var flowBound: [Double]
    /// The conditional permit's cost, paid once in the build year by the payer (0 otherwise).
    public var permitCost: Double { permit?.status == .conditional ? permit?.cost ?? 0 : 0 }

    init(exchange: Exchange, from: Party, to: Party, sent: Resource, replaced: Resource?, permit: Permit?,
         distance: Double, scenario: Scenario, years: Int, carbonPrice: [Double], path: RealizedPath) {
        self.exchange = exchange; self.from = from; self.to = to; self.sent = sent; self.replaced = replaced
        self.permit = permit; self.distance = distance
        earliestBuildYear = permit?.status == .conditional ? max(0, permit?.delayYears ?? 0) : 0
        let yearly = Self.yearly(exchange: exchange, from: from, to: to, sent: sent, replaced: replaced, distance: distance,
                                 scenario: scenario, years: years, carbonPrice: carbonPrice, path: path)
        (senderSaving, receiverSaving, unitCost, flowBound) = (yearly.sender, yearly.receiver, yearly.cost, yearly.bound)
        let fromCompany = if case .company = from { true } else { false }
        let replacedAtCompany: Resource? = if case .company = to { replaced } else { nil }
        co2ePerUnit = (fromCompany ? sent.disposalCo2e : 0)
            + (replacedAtCompany.map { exchange.ratio * $0.co2e } ?? 0)
            - distance * exchange.transportCo2e
    }

    /// The same exchange along another path of prices and volumes.
    func along(_ path: RealizedPath, scenario: Scenario, carbonPrice: [Double]) -> ExchangeData {
        var copy = self
        let yearly = Self.yearly(exchange: exchange, from: from, to: to, sent: sent, replaced: replaced, distance: distance,
                                 scenario: scenario, years: flowBound.count, carbonPrice: carbonPrice, path: path)
        (copy.senderSaving, copy.receiverSaving, copy.unitCost, copy.flowBound) = (yearly.sender, yearly.receiver, yearly.cost, yearly.bound)
        return copy
    }

    /// Per-unit savings and costs and the tight flow bound of each year (docs/model.md §1).
    private static func yearly(exchange: Exchange, from: Party, to: Party, sent: Resource, replaced: Resource?, distance: Double,
                               scenario: Scenario, years: Int, carbonPrice: [Double], path: RealizedPath)
        -> (sender: [Double], receiver: [Double], cost: [Double], bound: [Double]) {
        let fromCompany: Company? = if case let .company(c) = from { scenario.companies[c] } else { nil }
        let toCompany: Company? = if case let .company(c) = to { scenario.companies[c] } else { nil }
        let replacedAtCompany = toCompany != nil ? replaced : nil
        // The path's multipliers, looked up once per exchange.
        let disposal = path.disposalCost[sent.id]
        let price = replacedAtCompany.flatMap { path.price[$0.id] }
        let supplied = fromCompany.flatMap { path.volume.isEmpty ? nil : path.volume[$0.id + "." + sent.id] }
        let needed = toCompany.flatMap { company in replaced.flatMap { path.volume.isEmpty ? nil : path.volume[company.id + "." + $0.id] } }
        let f = RealizedPath.factor
        let sender = carbonPrice.enumerated().map { t, cp in
            fromCompany == nil ? 0 : sent.disposalCost * f(disposal, t) - sent.salePrice + cp * sent.disposalCo2e
        }
        let receiver = carbonPrice.enumerated().map { t, cp in
            replacedAtCompany.map { exchange.ratio * ($0.price * f(price, t) + cp * $0.co2e) } ?? 0
        }
        let cost = carbonPrice.map { cp in exchange.unitCost + distance * (exchange.transportCost + cp * exchange.transportCo2e) }
        var senderGrowth = 1.0, receiverGrowth = 1.0
        let bound = (0..<years).map { t in
            var bound = exchange.capacity
            if let company = fromCompany {
                bound = min(bound, company.produced(sent.id) * senderGrowth * f(supplied, t))
                senderGrowth *= 1 + company.growth
            } else if case let .facility(k) = from {
                let facility = scenario.facilities[k]
                let yield = facility.converts.first { $0.resource == sent.id }?.amount ?? 0
                bound = min(bound, facility.capacity * max(0, yield))
            }
            if let company = toCompany, let replaced, exchange.ratio > 0 {
                bound = min(bound, exchange.maxShare * company.needed(replaced.id) * receiverGrowth * f(needed, t) / exchange.ratio)
                receiverGrowth *= 1 + company.growth
            } else if case let .facility(k) = to {
                let facility = scenario.facilities[k]
                let use = facility.converts.first { $0.resource == sent.id }?.amount ?? 0
                bound = min(bound, facility.capacity * max(0, -use))
            }
            return max(0, bound)
        }
        return (sender, receiver, cost, bound)
    }

    /// The party that pays capex and costs before transfers.
    public var payer: Party { exchange.paidBy == .from ? from : to }
}

