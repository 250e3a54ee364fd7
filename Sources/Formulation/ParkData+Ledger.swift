import Foundation
import Scenario

/// What the park's firms pay under a set of rules for what they still dispose of and still buy,
/// and what the park still emits, once a design's flows are known. The model itself only needs
/// changes relative to no symbiosis (docs/model.md §4); the appraisal (docs/appraisal.md) needs
/// these levels to compare options whose rules differ.
public struct RuleLedger: Sendable, Equatable {
    /// Per company: −PV of disposing of everything it produces and buying everything it needs,
    /// at this scenario's disposal costs, prices and carbon price: its level before any link (the
    /// model's NPVs are changes from it).
    public var companyLevel: [Double]
    /// The same levels at the `reference` costs and prices and no carbon price.
    public var companyLevelAtReference: [Double]
    /// PV of what the firms pay above the `reference` disposal costs and prices on what they still
    /// dispose of and buy (fees; negative where the rules lower a cost).
    public var feeRevenue: Double
    /// PV of the carbon price paid on `emissions`.
    public var carbonRevenue: Double
    /// t CO2e emitted in each year by what the firms still dispose of and buy, transport and
    /// facilities (the emissions the carbon price is paid on).
    public var emissions: [Double]
    /// t the firms still landfill in each year: what they still dispose of among resources
    /// measured in `t` that are not sold (no `sale_price`), for `landfill_shadow_price`.
    public var landfilled: [Double]
    /// Units of water-kind virgin inputs the firms still buy in each year, for `water_shadow_price`.
    public var waterBought: [Double]
}

extension ParkData {
    /// The flows (`[e][t]`, units sent, in this data's exchange order) and facility activity
    /// (`[k][t]`) of a solved design, matched by id; what the design does not name is 0.
    public func operation(of design: ParkDesign) -> (flows: [[Double]], activity: [[Double]]) {
        let zeros = [Double](repeating: 0, count: years)
        let byID = Dictionary(design.exchanges.map { ($0.id, $0.flows) }, uniquingKeysWith: { a, _ in a })
        let facilityByID = Dictionary(design.facilities.map { ($0.id, $0.activity) }, uniquingKeysWith: { a, _ in a })
        return (exchanges.map { byID[$0.exchange.id] ?? zeros }, scenario.facilities.map { facilityByID[$0.id] ?? zeros })
    }

    /// The ledger of these rules with `flows` and `activity` (nothing built: all zero).
    /// `reference` holds the disposal costs and prices that are real resource costs (the file
    /// without any policy): what a scenario charges above them is a fee paid to the public budget.
    /// Discounted with `discount` (`d_t`), so that every option is priced at one rate. Prices and
    /// disposal costs follow this data's path (a Monte Carlo sample; 1 on the deterministic path).
    public func ledger(flows: [[Double]], activity: [[Double]], reference: [Resource], discount: [Double]) -> RuleLedger {
        let companies = scenario.companies
        let resources = Dictionary(scenario.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let real = Dictionary(reference.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let (producedUnits, neededUnits) = unitsByCompany()
        // Units each company still disposes of and still buys, per resource and year.
        var disposed = producedUnits, bought = neededUnits
        var emissions = [Double](repeating: 0, count: years)
        for (e, item) in exchanges.enumerated() {
            for t in 0..<years where flows[e][t] != 0 {
                let units = flows[e][t]
                if case let .company(c) = item.from, let i = disposed[c].firstIndex(where: { $0.0 == item.sent.id }) {
                    disposed[c][i].1[t] -= units
                }
                if case let .company(c) = item.to, let replaced = item.replaced,
                   let i = bought[c].firstIndex(where: { $0.0 == replaced.id }) {
                    bought[c][i].1[t] -= item.exchange.ratio * units
                }
                emissions[t] += item.distance * item.exchange.transportCo2e * units
            }
        }
        for (k, facility) in scenario.facilities.enumerated() {
            for t in 0..<years { emissions[t] += facility.co2ePerUnit * activity[k][t] }
        }
        let levels = companyLevels(produced: producedUnits, needed: neededUnits, resources: resources, real: real, discount: discount)
        var fees = 0.0
        var landfilled = [Double](repeating: 0, count: years), water = landfilled
        for c in companies.indices {
            // Fees and emissions on what is still disposed of and bought.
            for (id, units) in disposed[c] {
                guard let r = resources[id] else { continue }
                let realCost = real[id]?.disposalCost ?? r.disposalCost
                let isLandfilled = r.salePrice == 0 && r.unit.trimmingCharacters(in: .whitespaces).lowercased() == "t"
                for t in 0..<years {
                    fees += discount[t] * path.disposalCostFactor(id, year: t) * (r.disposalCost - realCost) * units[t]
                    emissions[t] += r.disposalCo2e * units[t]
                    if isLandfilled { landfilled[t] += units[t] }
                }
            }
            for (id, units) in bought[c] {
                guard let r = resources[id] else { continue }
                let realPrice = real[id]?.price ?? r.price
                for t in 0..<years {
                    fees += discount[t] * path.priceFactor(id, year: t) * (r.price - realPrice) * units[t]
                    emissions[t] += r.co2e * units[t]
                    if r.kind == .water { water[t] += units[t] }
                }
            }
        }
        let carbon = (0..<years).reduce(0.0) { $0 + discount[$1] * carbonPrice[$1] * emissions[$1] }
        return RuleLedger(companyLevel: levels.level, companyLevelAtReference: levels.atReference, feeRevenue: fees,
                          carbonRevenue: carbon, emissions: emissions, landfilled: landfilled, waterBought: water)
    }

    /// `RuleLedger.companyLevel` and `companyLevelAtReference` alone: they depend on the rules
    /// and the path, not on any flow, so a Monte Carlo sample needs no whole ledger for them.
    public func companyLevels(reference: [Resource], discount: [Double]) -> (level: [Double], atReference: [Double]) {
        let (produced, needed) = unitsByCompany()
        return companyLevels(produced: produced, needed: needed,
                             resources: Dictionary(scenario.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                             real: Dictionary(reference.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), discount: discount)
    }

    /// Units of each resource each company produces and needs, per year, in the file's order
    /// (sums come out the same bit for bit in every run).
    private func unitsByCompany() -> (produced: [[(String, [Double])]], needed: [[(String, [Double])]]) {
        let companies = scenario.companies
        let produced = companies.indices.map { c in
            companies[c].produces.map { item in (item.resource, (0..<years).map { self.produced(company: c, resource: item.resource, year: $0) }) }
        }
        let needed = companies.indices.map { c in
            companies[c].needs.map { item in (item.resource, (0..<years).map { self.needed(company: c, resource: item.resource, year: $0) }) }
        }
        return (produced, needed)
    }

    /// Levels before any link, on everything produced and needed: under these rules (carbon
    /// price included) and at the `real` costs and prices.
    private func companyLevels(produced: [[(String, [Double])]], needed: [[(String, [Double])]], resources: [String: Resource],
                               real: [String: Resource], discount: [Double]) -> (level: [Double], atReference: [Double]) {
        var level = [Double](repeating: 0, count: scenario.companies.count)
        var levelAtReference = level
        for c in scenario.companies.indices {
            for (id, units) in produced[c] {
                guard let r = resources[id] else { continue }
                let realCost = real[id]?.disposalCost ?? r.disposalCost
                for t in 0..<years {
                    let market = path.disposalCostFactor(id, year: t)
                    level[c] -= discount[t] * (market * r.disposalCost + carbonPrice[t] * r.disposalCo2e) * units[t]
                    levelAtReference[c] -= discount[t] * market * realCost * units[t]
                }
            }
            for (id, units) in needed[c] {
                guard let r = resources[id] else { continue }
                let realPrice = real[id]?.price ?? r.price
                for t in 0..<years {
                    let market = path.priceFactor(id, year: t)
                    level[c] -= discount[t] * (market * r.price + carbonPrice[t] * r.co2e) * units[t]
                    levelAtReference[c] -= discount[t] * market * realPrice * units[t]
                }
            }
        }
        return (level, levelAtReference)
    }
}
