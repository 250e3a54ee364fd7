import Foundation
import Scenario

/// Why a candidate link is not in a design, in the order a planner would ask: can it be built
/// in time, does its facility exist, does it ever pay back, can its payer fund it, is its
/// supply or need left, and otherwise: the objective preferred the rest of the design.
///
/// A forbidden permit is reported as `ExchangeResult.blockedBy` (the link is not in the model).
/// The amounts are in currency; `bestNPV` is the park NPV of the link alone, built in its best
/// year with the best financing the policy offers and carrying its tight bound `U[e,t]` in
/// every year its margin is positive (the utilization floor in the others): an upper bound on
/// what it can add by itself (docs/model.md §"Why a link is not built").
public enum LinkAbsence: Sendable, Codable, Equatable {
    /// A conditional permit's delay puts the first build year at or after the horizon's end.
    case permitDelay(earliestYear: Int)
    /// It sends to or receives from a facility the design does not build.
    case facilityNotBuilt(facility: String)
    /// Even at full use in its best build year it loses money: `bestNPV ≤ 0`.
    case noPayback(bestNPV: Double)
    /// Its own-funded capex and permit (after the grant and the largest loan) exceed what is left
    /// of its payer's `capital_budget` (or `park_budget`) once the built links are paid for.
    case budget(payer: String, ownCapex: Double, left: Double)
    /// Its sender's supply of the resource is sent on the built links named.
    case supplyTaken(by: [String])
    /// Its receiver's need (up to `max_share`) is met by the built links named.
    case needTaken(by: [String])
    /// It pays back alone (`bestNPV > 0`; for a link to or from a facility, before the facility's
    /// own costs), but the optimum is better without it: the links built use its supply, need or
    /// budget better, or the weighted objective, the win-win rows or the targets prefer it out.
    case notChosen(bestNPV: Double, beforeFacilityCosts: Bool)
    /// It pays back alone, as `notChosen`, but the design is not proven optimal (the search
    /// stopped for time, nodes or the user): it is not in the best design found, and nothing
    /// says the optimum leaves it out.
    case notReached(bestNPV: Double, beforeFacilityCosts: Bool)

    /// A short machine-readable name: `permit_delay`, `facility_not_built`, `no_payback`,
    /// `budget`, `supply_taken`, `need_taken`, `not_chosen`, `not_reached`.
    public var code: String {
        switch self {
        case .permitDelay: return "permit_delay"
        case .facilityNotBuilt: return "facility_not_built"
        case .noPayback: return "no_payback"
        case .budget: return "budget"
        case .supplyTaken: return "supply_taken"
        case .needTaken: return "need_taken"
        case .notChosen: return "not_chosen"
        case .notReached: return "not_reached"
        }
    }

    /// One English sentence, amounts in `currency` rounded to the unit.
    public func sentence(currency: String) -> String {
        func money(_ x: Double) -> String {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 0
            formatter.locale = Locale(identifier: "en_US")
            return (formatter.string(from: NSNumber(value: x.rounded())) ?? "\(x)") + " " + currency
        }
        switch self {
        case let .permitDelay(year): return "its permit allows building from \(year), after the horizon"
        case let .facilityNotBuilt(facility): return "facility \(facility) is not built"
        case let .noPayback(npv): return "no payback at any volume: at most \(money(npv)) NPV alone in its best year"
        case let .budget(payer, capex, left):
            return "\(payer)'s budget: \(money(capex)) own capex and permit, \(money(max(0, left))) left"
        case let .supplyTaken(ids): return "its supply goes to " + ids.joined(separator: ", ")
        case let .needTaken(ids): return "the receiver's need is met by " + ids.joined(separator: ", ")
        case let .notChosen(npv, facility), let .notReached(npv, facility):
            return "pays back alone (up to \(money(npv)) NPV\(facility ? " before the facility's costs" : "")) "
                + (self == .notChosen(bestNPV: npv, beforeFacilityCosts: facility) ? "but the optimum is better without it"
                    : "but is not in the best design found: the search stopped before it proved the optimum")
        }
    }
}

extension ParkDesign {
    /// Sets `notBuiltBecause` on every exchange of the model (`data`, the park it was solved for)
    /// that this design does not build. Called once per reported design (`ParkOptimizer`), not on
    /// the designs of Monte Carlo samples or sensitivity evaluations. `proven`: whether the design
    /// is proven optimal (within the requested gap); a link that pays back alone is then
    /// `notChosen`, otherwise `notReached` (a design found before a stop for time is not "the
    /// optimum").
    public mutating func explainAbsences(data: ParkData, proven: Bool) {
        let results = Dictionary(exchanges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let position = Dictionary(exchanges.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in data.exchanges.indices {
            guard let i = position[data.exchanges[e].exchange.id], !exchanges[i].built, exchanges[i].blockedBy == nil else { continue }
            var reason = data.absence(ofExchange: e, in: self, results: results)
            if !proven, case let .notChosen(npv, facility)? = reason { reason = .notReached(bestNPV: npv, beforeFacilityCosts: facility) }
            exchanges[i].notBuiltBecause = reason
        }
    }
}

extension ParkData {
    /// Why exchange `e` (this data's index) is not built in `design`; `nil` when it is built.
    public func absence(ofExchange e: Int, in design: ParkDesign) -> LinkAbsence? {
        absence(ofExchange: e, in: design, results: Dictionary(design.exchanges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    func absence(ofExchange e: Int, in design: ParkDesign, results: [String: ParkDesign.ExchangeResult]) -> LinkAbsence? {
        let item = exchanges[e]
        guard results[item.exchange.id]?.built != true else { return nil }
        if item.earliestBuildYear >= years { return .permitDelay(earliestYear: scenario.startYear + item.earliestBuildYear) }
        for party in [item.from, item.to] {
            if case let .facility(k) = party, design.facilities.first(where: { $0.id == scenario.facilities[k].id })?.built != true {
                return .facilityNotBuilt(facility: scenario.facilities[k].id)
            }
        }
        let (bestNPV, ownCapex) = bestStandalone(exchange: e)
        if bestNPV <= 0 { return .noPayback(bestNPV: bestNPV) }
        if let (payer, left) = budgetLeft(for: item.payer, design: design), ownCapex > left + 0.5 {
            return .budget(payer: payer, ownCapex: ownCapex, left: left)
        }
        let built = exchanges.indices.filter { results[exchanges[$0].exchange.id]?.built == true }
        let operating = (item.earliestBuildYear..<years).filter { item.flowBound[$0] > 0 }
        if case let .company(c) = item.from {
            let rivals = built.filter { exchanges[$0].from == item.from && exchanges[$0].sent.id == item.sent.id }
            let left = operating.map { t in
                produced(company: c, resource: item.sent.id, year: t)
                    - rivals.reduce(0) { $0 + (results[exchanges[$1].exchange.id]?.flows[t] ?? 0) }
            }
            if !rivals.isEmpty, left.allSatisfy({ $0 <= 1e-6 * max(1, item.flowBound.max() ?? 1) }) {
                return .supplyTaken(by: rivals.map { exchanges[$0].exchange.id })
            }
        }
        if case let .company(c) = item.to, let replaced = item.replaced {
            let rivals = built.filter { exchanges[$0].to == item.to && exchanges[$0].replaced?.id == replaced.id }
            let left = operating.map { t in
                item.exchange.maxShare * needed(company: c, resource: replaced.id, year: t)
                    - rivals.reduce(0) { $0 + exchanges[$1].exchange.ratio * (results[exchanges[$1].exchange.id]?.flows[t] ?? 0) }
            }
            if !rivals.isEmpty, left.allSatisfy({ $0 <= 1e-6 * max(1, needed(company: c, resource: replaced.id, year: 0)) }) {
                return .needTaken(by: rivals.map { exchanges[$0].exchange.id })
            }
        }
        let facilityEnd = [item.from, item.to].contains { if case .facility = $0 { return true } else { return false } }
        return .notChosen(bestNPV: bestNPV, beforeFacilityCosts: facilityEnd)
    }

    /// The best park NPV of exchange `e` built alone (over its build years, with no loan or the
    /// largest one, whichever is better) and, for that choice, the own-funded capex and permit
    /// its payer spends (the budget rows' measure: undiscounted, after the grant and the loan).
    ///
    /// The park NPV of one link, docs/model.md §4, at the scenario's rate:
    /// `Σ_t d_t U_t u_t (σS_t + σR_t − κ_t) − d_τ((1−ℓ)Ī + π + PVann·ℓĪ) − Σ_{t operating} d_t F
    /// + d_T ρ_τ I φ_τ`, with `u_t = 1` where the margin is positive and the utilization floor
    /// elsewhere. `BuildPlan.outcome` gives the same number (tested); this form costs one pass
    /// over the link's years instead of one over the whole park per build year.
    func bestStandalone(exchange e: Int) -> (npv: Double, ownCapex: Double) {
        let item = exchanges[e]
        var best = -Double.infinity, ownCapex = 0.0
        for year in item.earliestBuildYear..<max(item.earliestBuildYear, years) {
            let capex = item.exchange.capex * (1 - scenario.economics.capexSubsidy) * capexFactor[year]
            for share in loanPresentValue == nil ? [0] : [0, loanLimit(capex: capex)] {
                let npv = standaloneNPV(exchange: e, builtIn: year, financedShare: share)
                if npv > best { best = npv; ownCapex = capex * (1 - share) + item.permitCost }
            }
        }
        return (best, ownCapex)
    }

    /// The park NPV (currency, at the scenario's rate) of exchange `e` built alone in `year` with
    /// `financedShare` of its subsidized capex borrowed, carrying `U[e,t]` where its margin is
    /// positive and the utilization floor elsewhere (the formula above).
    public func standaloneNPV(exchange e: Int, builtIn year: Int, financedShare share: Double) -> Double {
        let item = exchanges[e]
        let discount = parkDiscounting
        var operating = 0.0
        for t in year..<max(year, years) where ParkData.operates(builtIn: year, lifetime: item.exchange.lifetime, inYear: t) {
            let margin = item.senderSaving[t] + item.receiverSaving[t] - item.unitCost[t]
            operating += discount.factor[t] * (standaloneUnits(exchange: e, year: t) * margin - item.exchange.fixedCost)
        }
        guard year < years else { return 0 }
        let asset = item.exchange.capex * capexFactor[year]
        let capex = asset * (1 - scenario.economics.capexSubsidy)
        let financed = share * capex
        let residual = discount.horizonEnd * standaloneResidual(exchange: e, builtIn: year)
        return operating + residual
            - discount.factor[year] * (capex - financed + item.permitCost + (discount.loanPresentValue ?? 1) * financed)
    }

    /// Residual value at the horizon's end (currency) of exchange `e` built alone in `year` and
    /// carrying `standaloneUnits` in the last year (`ParkData+Residual`; 0 for a facility's link).
    func standaloneResidual(exchange e: Int, builtIn year: Int) -> Double {
        let item = exchanges[e]
        let annuity = residualAnnuity(builtIn: year, lifetime: item.exchange.lifetime)
        guard annuity > 0, !isFacilityLink(e) else { return 0 }
        let book = item.exchange.capex * capexFactor[year] * residualShare(builtIn: year, lifetime: item.exchange.lifetime)
        let cash = standaloneUnits(exchange: e, year: years - 1) * lastYearMargin(exchange: e) - item.exchange.fixedCost
        return Self.residualValue(book: book, annuity: annuity, lastYearCashFlow: cash)
    }

    /// Units exchange `e` carries alone in year `t`: its tight bound where its margin is positive,
    /// the utilization floor's share of it elsewhere.
    public func standaloneUnits(exchange e: Int, year t: Int) -> Double {
        let item = exchanges[e]
        let margin = item.senderSaving[t] + item.receiverSaving[t] - item.unitCost[t]
        return item.flowBound[t] * (margin > 0 ? 1 : scenario.minUtilization)
    }

    /// The payer's budget left once `design`'s built links and facilities are paid for, when it
    /// has one (`capital_budget`, or `park_budget` for the operator).
    private func budgetLeft(for payer: Party, design: ParkDesign) -> (payer: String, left: Double)? {
        switch payer {
        case let .company(c):
            let company = scenario.companies[c]
            guard let budget = company.capitalBudget else { return nil }
            let spent = design.companies.first { $0.id == company.id }?.ownCapex ?? 0
            return (company.id, budget - spent)
        case .facility:
            guard let budget = scenario.economics.parkBudget else { return nil }
            let spent = design.companies.first { $0.id == Party.operatorID }?.ownCapex ?? 0
            return (Party.operatorID, budget - spent)
        }
    }
}
