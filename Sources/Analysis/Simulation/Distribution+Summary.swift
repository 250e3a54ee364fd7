import Sampling

/// The statistics a report shows for one outcome.
public struct DistributionSummary: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double
    /// Standard error of the mean, `sd/√n`.
    public var standardError: Double
    public var minimum: Double
    public var maximum: Double
    /// Percentiles 5, 10, 50, 90, 95 (lower inverse ECDF, Hyndman–Fan type 1, within 0.1 %).
    public var p5, p10, p50, p90, p95: Double
    /// Mean of the worst 5 % of samples (CVaR at 5 %, lower tail).
    public var cvar5: Double
    /// Share of samples below zero.
    public var probabilityNegative: Double

    /// Percentile definition, as reports state it.
    public static let definition = "pN is the value with N% of the samples at or below it (lower inverse ECDF, "
        + "Hyndman-Fan type 1, within 0.1%); an industry \"P90\" (exceeded with 90% probability) is p10 here"
}

extension Distribution {
    /// `nil` without samples.
    public var summary: DistributionSummary? {
        let total = moments.total
        guard total.count > 0, let low = total.minimum, let high = total.maximum else { return nil }
        // The sketch's bucket values are within 0.1 %; the exact extremes bound them.
        func within(_ x: Double?) -> Double? { x.map { min(high, max(low, $0)) } }
        guard let p5 = within(sketch.quantile(0.05)), let p10 = within(sketch.quantile(0.10)),
              let p50 = within(sketch.quantile(0.5)), let p90 = within(sketch.quantile(0.9)), let p95 = within(sketch.quantile(0.95)),
              let cvar = within(sketch.lowerTailMean(fraction: 0.05)) else { return nil }
        return DistributionSummary(
            count: total.count, mean: total.mean, standardDeviation: total.standardDeviation ?? 0,
            standardError: total.standardError ?? 0, minimum: total.minimum ?? total.mean, maximum: total.maximum ?? total.mean,
            p5: p5, p10: p10, p50: p50, p90: p90, p95: p95, cvar5: cvar,
            probabilityNegative: Double(negative) / Double(total.count))
    }

    /// The running mean and its standard error after 1, 2, 4, 8, … full blocks of samples, then
    /// after all of them (convergence): at most about 30 points however many samples.
    public var runningMean: [(samples: Int, mean: Double, standardError: Double)] {
        var result = moments.prefixes.map { ($0.count, $0.mean, $0.standardError ?? 0) }
        let total = moments.total
        if total.count > 0, result.last?.0 != total.count {
            result.append((total.count, total.mean, total.standardError ?? 0))
        }
        return result
    }
}
