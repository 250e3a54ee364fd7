/// One realization of the uncertain inputs across the horizon, as yearly multipliers on the
/// scenario's own values (1 = the scenario's value).
///
/// A Monte Carlo sample is one path. `ParkData(scenario, path:)` applies it: prices and
/// disposal costs per resource, the carbon price, produced and needed volumes per
/// `company.resource`, and capex (an overrun on every option built in that year). The
/// multipliers sit on top of the deterministic trends (company `growth`, `carbon_price_growth`).
public struct RealizedPath: Sendable, Equatable {
    /// Multiplier on a resource's `price`, by resource id, per year.
    public var price: [String: [Double]] = [:]
    /// Multiplier on a resource's `disposal_cost`, by resource id, per year.
    public var disposalCost: [String: [Double]] = [:]
    /// Multiplier on the carbon price, per year.
    public var carbonPrice: [Double]?
    /// Multiplier on a company's produced and needed volume of a resource, keyed `company.resource`.
    public var volume: [String: [Double]] = [:]
    /// Multiplier on the capex of options built in each year.
    public var capex: [Double]?

    public init() {}

    /// `values[t]`, or 1 without values for that year.
    @inline(__always)
    public static func factor(_ values: [Double]?, _ t: Int) -> Double {
        guard let values, t >= 0, t < values.count else { return 1 }
        return values[t]
    }

    public func priceFactor(_ resource: String, year t: Int) -> Double { Self.factor(price[resource], t) }
    public func disposalCostFactor(_ resource: String, year t: Int) -> Double { Self.factor(disposalCost[resource], t) }
    public func carbonPriceFactor(year t: Int) -> Double { Self.factor(carbonPrice, t) }
    public func volumeFactor(company: String, resource: String, year t: Int) -> Double {
        volume.isEmpty ? 1 : Self.factor(volume[company + "." + resource], t)
    }
    public func capexFactor(year t: Int) -> Double { Self.factor(capex, t) }
}
