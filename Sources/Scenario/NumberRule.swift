/// The allowed range of a numeric setting, shared by the loader and `Scenario.setting(_:to:)`.
enum NumberRule: Sendable {
    /// Any finite number.
    case finite
    /// `>= 0`: volumes, costs, capacities, prices.
    case nonNegative
    /// `> 0`: ratios.
    case positive
    /// `0 ... 1`: subsidies, weights of shares.
    case unitInterval
    /// `> 0` and `<= 1`: shares that must allow something.
    case share
    /// `> -1`: growth and interest rates (a rate of -100% or less makes no sense).
    case aboveMinusOne
    /// `> -1` and `<= 1`: the discount rate. Above 1 (100 % a year) it is a percentage written as
    /// a whole number (`10` for 10 %), which would discount year 1 by a factor of 11.
    case discountRate
    /// `-1 ... 1`: correlations.
    case correlation
    /// Whole number `>= 0`.
    case count
    /// Whole number `>= 1`.
    case positiveCount
    /// Whole number `1 ... 1000`: a count of years that loops run over (the loan term).
    case yearCount

    /// Largest magnitude of any other number. Scenario numbers are multiplied together (volume ×
    /// price × discount factor × distance …) into the model's coefficients: kept below 1e15,
    /// with growth over the horizon kept below 1e15 too (`Scenario.compoundingProblem`), no
    /// product overflows a Double.
    static let largest = 1e15

    /// "must be >= 0, got -5", or `nil` when `value` is allowed.
    func violation(_ value: Double) -> String? {
        guard value.isFinite else { return "must be a finite number, got \(value.formattedForMessage)" }
        let got = ", got \(value.formattedForMessage)"
        if ![.count, .positiveCount, .yearCount].contains(self), abs(value) > Self.largest {
            return "must be at most 1e15 in absolute value" + got
        }
        switch self {
        case .finite: return nil
        case .nonNegative: return value >= 0 ? nil : "must be >= 0" + got
        case .positive: return value > 0 ? nil : "must be > 0" + got
        case .unitInterval: return (0 ... 1).contains(value) ? nil : "must be between 0 and 1" + got
        case .share: return value > 0 && value <= 1 ? nil : "must be > 0 and <= 1" + got
        case .aboveMinusOne: return value > -1 ? nil : "must be > -1" + got
        case .discountRate:
            guard value > -1 else { return "must be > -1" + got }
            guard value <= 1 else {
                return "discount_rate \(value.formattedForMessage) is above 1: write rates as fractions, e.g. 0.10 for 10 %"
            }
            return nil
        case .correlation: return (-1 ... 1).contains(value) ? nil : "must be between -1 and 1" + got
        case .count, .positiveCount, .yearCount:
            guard value.rounded() == value, abs(value) < 1e15 else { return "must be a whole number" + got }
            let minimum: Double = self == .count ? 0 : 1
            if self == .yearCount, value > 1000 { return "must be at most 1000" + got }
            return value >= minimum ? nil : "must be >= \(Int(minimum))" + got
        }
    }
}

extension Double {
    /// `-5` rather than `-5.0`; other values as Swift prints them.
    var formattedForMessage: String {
        guard isFinite else { return isNaN ? ".nan" : (self > 0 ? ".inf" : "-.inf") }
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return "\(self)"
    }
}
