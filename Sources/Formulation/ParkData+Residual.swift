import Foundation
import Scenario

/// The residual value of an asset at the horizon's end, under `residual_value: straight_line`
/// (docs/model.md §1 "Residual value").
///
/// European Commission, *Guide to Cost-Benefit Analysis of Investment Projects: Economic
/// appraisal tool for Cohesion Policy 2014–2020* (2014), financial analysis, "residual value": the residual value of an asset whose life runs past the reference period is the present
/// value, at the period's end, of the net cash flows of its remaining life; its book value
/// (straight-line depreciation) is the alternative the guide allows. Here the two are combined so
/// that an asset never counts more than it can earn nor more than it is worth on the books:
///
///     V_T = max(0, min(B, A·N_{T−1})),   B = I·φ_τ·R/L,   A = Σ_{k=0}^{R−1} (1+r)^{−k},
///
/// with `R = max(0, τ + L − T)` years of life left at the horizon's end `T`, `L` the asset's
/// `lifetime` (`assumedLifetime` without one), `I·φ_τ` its whole capex (grant included, times a
/// Monte Carlo overrun), `r` the scenario's `discount_rate` and `N_{T−1}` its net operating cash
/// flow of the horizon's last year (margins on the units sent, less fixed costs), assumed to
/// continue unchanged. An asset idle in the last year has `N ≤ 0` and keeps no value, so a grant
/// and a cheap loan cannot make a link built to carry nothing pay through its book value.
///
/// A link to or from a facility is valued with its facility: the facility's `N` is its chain's
/// (the margins and fixed costs of the links at either end, less its own operating and fixed
/// costs) and such a link keeps no value of its own, so no margin is counted twice.
extension ParkData {
    /// Economic life assumed, for a residual value, of an option without a `lifetime` (years).
    public static let assumedLifetime = 20

    /// Years of life left at the horizon's end of an option built in `buildYear`:
    /// `max(0, τ + L − T)` under `residual_value: straight_line`, 0 under `none`.
    public func residualLife(builtIn buildYear: Int, lifetime: Int?) -> Int {
        guard scenario.residualValue == .straightLine, buildYear < years else { return 0 }
        let life = max(1, lifetime ?? Self.assumedLifetime)
        return max(0, buildYear + life - years)
    }

    /// The straight-line share of an option's life left at the horizon's end, `R/L` (0 under `none`).
    public func residualShare(builtIn buildYear: Int, lifetime: Int?) -> Double {
        let left = residualLife(builtIn: buildYear, lifetime: lifetime)
        return left == 0 ? 0 : Double(left) / Double(max(1, lifetime ?? Self.assumedLifetime))
    }

    /// `A = Σ_{k=0}^{R−1} (1+r)^{−k}`: the value at the horizon's end of one currency unit a year
    /// over the `R` years left, at the scenario's `discount_rate`.
    /// Summed term by term for any real remaining life; beyond `closedFormYears` (a lifetime no
    /// asset has, but a file may say) by the geometric series' closed form
    /// `(1 − v^R)/(1 − v)`, `v = 1/(1+r)`, so that a lifetime of 10^15 years costs no more time.
    public func residualAnnuity(builtIn buildYear: Int, lifetime: Int?) -> Double {
        let left = residualLife(builtIn: buildYear, lifetime: lifetime)
        let rate = scenario.discountRate
        guard left > Self.closedFormYears else { return (0..<left).reduce(0) { $0 + 1 / pow(1 + rate, Double($1)) } }
        let v = 1 / (1 + rate)
        return abs(1 - v) < 1e-12 ? Double(left) : (1 - pow(v, Double(left))) / (1 - v)
    }

    /// Remaining lives up to this many years are summed term by term (`residualAnnuity`).
    static let closedFormYears = 1_000

    /// `V_T = max(0, min(B, A·N))` (currency, at the horizon's end, before discounting to today).
    public static func residualValue(book: Double, annuity: Double, lastYearCashFlow: Double) -> Double {
        max(0, min(book, annuity * lastYearCashFlow))
    }

    /// Whether exchange `e` is valued with a facility at one of its ends (then it keeps no
    /// residual value of its own).
    public func isFacilityLink(_ e: Int) -> Bool {
        if case .facility = exchanges[e].from { return true }
        if case .facility = exchanges[e].to { return true }
        return false
    }

    /// Margin per unit sent through exchange `e` in the horizon's last year: savings at both
    /// ends less the payer's unit cost (currency per unit).
    public func lastYearMargin(exchange e: Int) -> Double {
        guard years > 0 else { return 0 }
        let item = exchanges[e], t = years - 1
        return item.senderSaving[t] + item.receiverSaving[t] - item.unitCost[t]
    }

    /// Cost per unit of activity of facility `k` in the horizon's last year (currency per unit).
    public func lastYearUnitCost(facility k: Int) -> Double {
        guard years > 0 else { return 0 }
        let facility = scenario.facilities[k]
        return facility.unitCost + carbonPrice[years - 1] * facility.co2ePerUnit
    }

    /// The exchanges with facility `k` at one of their ends.
    public func links(ofFacility k: Int) -> [Int] {
        exchanges.indices.filter { exchanges[$0].from == .facility(k) || exchanges[$0].to == .facility(k) }
    }
}
