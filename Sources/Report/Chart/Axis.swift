import Foundation

/// A linear chart axis: a data range widened to "nice" round bounds, with ticks at nice
/// steps (1, 2 or 5 times a power of ten), after P. S. Heckbert, "Nice numbers for graph
/// labels", in Graphics Gems, Academic Press, 1990, pp. 61–63.
///
/// ```swift
/// let axis = Axis(label: "kt CO2e", data: [154.7, 579.1])   // 100 ... 600, step 100
/// axis.ticks          // [100, 200, 300, 400, 500, 600]
/// axis.label(for: 200) // "200"
/// ```
public struct Axis: Sendable, Equatable {
    public var label: String
    /// The axis runs from `lower` to `upper` (nice bounds around the data).
    public var lower: Double
    public var upper: Double
    /// Distance between ticks.
    public var step: Double
    public var ticks: [Double]
    /// Decimals that tell neighbouring ticks apart.
    public var decimals: Int
    /// How tick labels are written (grouping and decimal marks of the report's language).
    public var style: NumberStyle
    /// Whether the ticks are calendar years (never grouped: `2025`).
    public var isYear: Bool

    /// An axis covering `data` with about `tickCount` ticks. `includeZero` stretches it to 0.
    /// With no data or one value, a unit range around it.
    public init(label: String, data: [Double], tickCount: Int = 5, includeZero: Bool = false,
                style: NumberStyle = NumberStyle(), years: Bool = false) {
        self.style = style
        self.isYear = years
        let finite = data.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if high - low <= 1e-12 * max(1, abs(high)) {
            let pad = max(1, abs(high) * 0.1)
            low -= pad
            high += pad
        }
        let (lower, upper, step) = Self.niceBounds(low, high, tickCount: tickCount)
        self.label = label
        self.lower = lower
        self.upper = upper
        self.step = step
        let count = Int(((upper - lower) / step).rounded())
        // Ticks computed from integers, so that 0.1 + 0.2 never shows as 0.30000000000000004.
        ticks = (0...count).map { lower + Double($0) * step }.map { abs($0) < step * 1e-9 ? 0 : $0 }
        decimals = max(0, -Int(floor(log10(step))))
    }

    /// Heckbert's nice number: the 1, 2, 5 or 10 times a power of ten nearest `x` (`round`)
    /// or at least `x`.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// "Loose" labeling: the nice range and step enclosing `[low, high]` with about `tickCount` ticks.
    public static func niceBounds(_ low: Double, _ high: Double, tickCount: Int) -> (lower: Double, upper: Double, step: Double) {
        let range = niceNumber(high - low, round: false)
        let step = niceNumber(range / Double(max(1, tickCount - 1)), round: true)
        return (floor(low / step) * step, ceil(high / step) * step, step)
    }

    /// The tick text: `decimals` decimals, grouped as the report's language groups them (`style`),
    /// never `-0`; a year never grouped.
    public func label(for value: Double) -> String {
        isYear ? style.year(Int(value.rounded())) : style.number(value, decimals: decimals)
    }

    /// Where `value` falls between pixel positions `start` (at `lower`) and `end` (at `upper`).
    public func position(of value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
