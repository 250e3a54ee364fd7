/// The `uncertainty:` block: stochastic processes on prices and volumes, and their correlations.
public struct Uncertainty: Sendable, Equatable {
    public var seed: UInt64
    public var samples: Int
    /// Target key (`clinker` = price of clinker, `fly_ash.disposal_cost`, `carbon_price`) -> process.
    public var prices: [UncertainParameter]
    /// Target key (`company.resource` = that company's produced or needed volume, or `capex`) -> multiplier.
    public var volumes: [UncertainParameter]
    public var correlations: [Correlation]
    public init(seed: UInt64 = 42, samples: Int = 1000, prices: [UncertainParameter] = [],
                volumes: [UncertainParameter] = [], correlations: [Correlation] = []) {
        self.seed = seed; self.samples = samples; self.prices = prices; self.volumes = volumes
        self.correlations = correlations
    }
}

/// One uncertain parameter and the process that drives it across the horizon.
public struct UncertainParameter: Sendable, Equatable {
    public var target: String
    public var process: Process
    public init(target: String, process: Process) { self.target = target; self.process = process }
}

/// Yearly stochastic processes (exact discrete steps).
public enum Process: Sendable, Equatable {
    /// Geometric Brownian motion: `E[P_t] = P_0 exp(drift t)`.
    case gbm(drift: Double, volatility: Double)
    /// Ornstein-Uhlenbeck on log price toward `log(level ?? P_0)` at `speed` per year.
    case meanReverting(speed: Double, volatility: Double, level: Double?)
    /// Multiplier drawn each year, log-normal with mean 1.
    case lognormal(sigma: Double)
    case triangular(low: Double, mode: Double, high: Double)
    /// Multiplier ~ N(mean, sd) truncated at 0.
    case normal(mean: Double, sd: Double)
    case uniform(low: Double, high: Double)
    /// Paths read from a CSV file (one column per year), bootstrapped.
    case csv(path: String)
}

/// A correlation between the shocks of two named parameters.
public struct Correlation: Sendable, Equatable {
    public var first: String
    public var second: String
    public var rho: Double
    public init(_ first: String, _ second: String, _ rho: Double) { self.first = first; self.second = second; self.rho = rho }
}

/// The `sensitivity:` block: parameters by key path with uniform ranges.
public struct SensitivityStudy: Sendable, Equatable {
    public var parameters: [SensitivityParameter]
    public var samples: Int
    public var seed: UInt64
    public init(parameters: [SensitivityParameter] = [], samples: Int = 1024, seed: UInt64 = 7) {
        self.parameters = parameters; self.samples = samples; self.seed = seed
    }
}

public struct SensitivityParameter: Sendable, Equatable {
    public var keyPath: String
    public var low: Double
    public var high: Double
    public init(keyPath: String, low: Double, high: Double) { self.keyPath = keyPath; self.low = low; self.high = high }
}
