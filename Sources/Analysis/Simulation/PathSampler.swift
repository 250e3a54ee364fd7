import Foundation
import Formulation
import Sampling
import Scenario

/// How the uniform numbers behind a simulation's shocks are drawn.
public enum SamplingMethod: String, Sendable, Codable, CaseIterable {
    /// Plain Monte Carlo: Philox4x32-10 keyed by the seed, counter (sample, year, parameter).
    case mc
    /// Latin hypercube: every (year, parameter) dimension stratified into `samples` strata.
    case lhs
    /// Scrambled Sobol points (Joe–Kuo directions, Owen scrambling keyed by the seed).
    case sobol
}

/// Why a simulation cannot run.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case noUncertainty
    case tooManyDimensions(Int, maximum: Int)
    case unreadableCSV(path: String, reason: String)
    case solver(String)
    case noDesign(String)
    case incompatibleParts(String)

    public var description: String {
        switch self {
        case .noUncertainty:
            return "the scenario has no `uncertainty:` block (prices or volumes to vary)"
        case let .tooManyDimensions(count, maximum):
            return "Sobol points support \(maximum) dimensions and this study needs \(count) "
                + "(uncertain parameters x years); use --method lhs or --method mc"
        case let .unreadableCSV(path, reason): return "cannot use the CSV paths in \(path): \(reason)"
        case let .solver(reason): return reason
        case let .noDesign(reason): return "no design to simulate: \(reason)"
        case let .incompatibleParts(reason): return "the parts cannot be merged: \(reason)"
        }
    }
}

/// Draws the realized path of sample `s`: yearly multipliers for every uncertain price and
/// volume of the scenario's `uncertainty:` block.
///
/// Every sample is computed from its index alone (no state carried between samples), so any
/// thread or shard can draw any sample and the results do not depend on how work is split.
/// In year `t` the independent normals `e = Φ⁻¹(u)` of the parameters are correlated by the
/// Cholesky factor of the correlation matrix (`z = L e`); volume multipliers then map `Φ(z)`
/// through their marginal's inverse CDF (a Gaussian copula). Exact one-year steps:
/// - `gbm`: `M_t = M_{t−1} exp(μ − σ²/2 + σ z_t)`, `M_0 = 1`, so `E[P_t] = P_0 e^{μt}`;
/// - `mean_reverting`: on `x = log(P/P_0)`, `x_t = x_{t−1} e^{−κ} + m(1 − e^{−κ}) + σ √((1 − e^{−2κ})/(2κ)) z_t`,
///   `m = log(level/P_0)` (0 without a level), `x_0 = 0`;
/// - volume multipliers are drawn afresh each year (year 0 included); prices keep year 0 at the
///   scenario's value.
/// CSV paths are bootstrapped: each sample takes one row, chosen uniformly (price rows are
/// levels in the scenario's currency, divided by the scenario's value; volume rows are
/// multipliers; the last column repeats when the file has fewer years than the horizon).
public struct PathSampler: Sendable {
    enum Target: Sendable {
        case price(String), disposalCost(String), carbonPrice, volume(String), capex
    }

    struct Parameter: Sendable {
        let target: Target
        /// The scenario's entry (its `process` drives the parameter).
        let source: UncertainParameter
        let isPrice: Bool
        /// The scenario's value of the target (prices), for `level` and CSV levels.
        let base: Double
        let csvRows: [[Double]]?
    }

    let parameters: [Parameter]
    let cholesky: [[Double]]
    let years: Int
    public let method: SamplingMethod
    public let samples: Int
    public let seed: UInt64
    let stream: RandomStream
    let sobol: SobolSequence?
    let hypercube: LatinHypercube?

    /// Dimensions of the unit cube one sample uses: parameters x years.
    public var dimensions: Int { parameters.count * years }

    public init(scenario: Scenario, method: SamplingMethod, samples: Int, seed: UInt64) throws(SimulationError) {
        guard let uncertainty = scenario.uncertainty, !(uncertainty.prices.isEmpty && uncertainty.volumes.isEmpty) else {
            throw .noUncertainty
        }
        var parameters: [Parameter] = []
        for (list, isPrice) in [(uncertainty.prices, true), (uncertainty.volumes, false)] {
            for p in list {
                let target = Self.resolve(p.target, isPrice: isPrice, scenario: scenario)
                var base = 1.0
                switch target {
                case let .price(r): base = scenario.resource(r)?.price ?? 0
                case let .disposalCost(r): base = scenario.resource(r)?.disposalCost ?? 0
                case .carbonPrice: base = scenario.economics.carbonPrice
                case .volume, .capex: base = 1
                }
                var rows: [[Double]]?
                if case let .csv(file) = p.process { rows = try Self.readCSV(file, relativeTo: scenario.sourcePath) }
                parameters.append(Parameter(target: target, source: p, isPrice: isPrice, base: base, csvRows: rows))
            }
        }
        self.parameters = parameters
        let matrix = uncertainty.correlationMatrix
        // Names in the matrix follow prices then volumes, as `parameters` do.
        cholesky = matrix.choleskyFactor() ?? (0..<parameters.count).map { i in (0..<parameters.count).map { $0 == i ? 1 : 0 } }
        years = max(0, scenario.horizonYears)
        self.method = method
        self.samples = samples
        self.seed = seed
        stream = RandomStream(seed: seed)
        let dimensions = parameters.count * years
        switch method {
        case .mc:
            sobol = nil; hypercube = nil
        case .lhs:
            sobol = nil; hypercube = LatinHypercube(samples: max(1, samples), seed: seed)
        case .sobol:
            guard dimensions <= SobolSequence.maximumDimensions else {
                throw .tooManyDimensions(dimensions, maximum: SobolSequence.maximumDimensions)
            }
            sobol = try? SobolSequence(dimensions: max(1, dimensions), scramble: seed)
            hypercube = nil
        }
    }

    static func resolve(_ name: String, isPrice: Bool, scenario: Scenario) -> Target {
        if !isPrice { return name == "capex" ? .capex : .volume(name) }
        if name == "carbon_price" { return .carbonPrice }
        if name.hasSuffix(".disposal_cost") { return .disposalCost(String(name.dropLast(".disposal_cost".count))) }
        if name.hasSuffix(".price") { return .price(String(name.dropLast(".price".count))) }
        return .price(name)
    }

    /// The uniform number of sample `s` in year `t` for parameter `p`.
    func uniform(sample s: Int, year t: Int, parameter p: Int) -> Double {
        switch method {
        case .mc: return stream.uniform(UInt32(truncatingIfNeeded: s), UInt32(t), UInt32(p))
        case .lhs: return hypercube!.uniform(sample: s, dimension: t * parameters.count + p)
        case .sobol: return sobol!.value(UInt32(truncatingIfNeeded: s), dimension: t * parameters.count + p)
        }
    }

    /// Yearly multipliers of every parameter for sample `s` (`[parameter][year]`).
    public func multipliers(sample s: Int) -> [[Double]] {
        let count = parameters.count
        var result = [[Double]](repeating: [Double](repeating: 1, count: years), count: count)
        var level = [Double](repeating: 0, count: count)  // log multiplier of price processes
        var independent = [Double](repeating: 0, count: count)
        for t in 0..<years {
            for p in 0..<count { independent[p] = NormalDistribution.quantile(uniform(sample: s, year: t, parameter: p)) }
            for p in 0..<count {
                var z = 0.0
                for k in 0...p { z += cholesky[p][k] * independent[k] }
                let parameter = parameters[p]
                switch parameter.source.process {
                case let .gbm(drift, volatility):
                    if t > 0 {
                        let step: Double = drift - volatility * volatility / 2
                        level[p] += step + volatility * z
                    }
                    result[p][t] = exp(level[p])
                case let .meanReverting(speed, volatility, target):
                    if t > 0 {
                        var m = 0.0
                        if let target, target > 0, parameter.base > 0 { m = Foundation.log(target / parameter.base) }
                        let decay: Double = Foundation.exp(-speed)
                        var spread = 1.0
                        if speed > 0 { spread = ((1 - decay * decay) / (2 * speed)).squareRoot() }
                        let pulled: Double = level[p] * decay + m * (1 - decay)
                        level[p] = pulled + volatility * spread * z
                    }
                    result[p][t] = exp(level[p])
                case let .lognormal(sigma):
                    result[p][t] = Marginal.lognormalMeanOne(z: z, sigma: sigma)
                case let .triangular(low, mode, high):
                    result[p][t] = Marginal.triangular(p: NormalDistribution.cdf(z), low: low, mode: mode, high: high)
                case let .normal(mean, sd):
                    result[p][t] = Marginal.truncatedNormal(p: NormalDistribution.cdf(z), mean: mean, sd: sd)
                case let .uniform(low, high):
                    result[p][t] = Marginal.uniform(p: NormalDistribution.cdf(z), low: low, high: high)
                case .csv:
                    guard let rows = parameter.csvRows, !rows.isEmpty else { continue }
                    let u = stream.uniform(UInt32(truncatingIfNeeded: s), UInt32.max, UInt32(p))
                    let row = rows[min(rows.count - 1, Int(u * Double(rows.count)))]
                    let value = row.isEmpty ? 1 : row[min(t, row.count - 1)]
                    result[p][t] = parameter.isPrice ? (parameter.base > 0 ? value / parameter.base : 1) : value
                }
            }
        }
        return result
    }

    /// The realized path of sample `s`.
    public func path(sample s: Int) -> RealizedPath {
        let values = multipliers(sample: s)
        var path = RealizedPath()
        for (p, parameter) in parameters.enumerated() {
            switch parameter.target {
            case let .price(r): path.price[r] = values[p]
            case let .disposalCost(r): path.disposalCost[r] = values[p]
            case .carbonPrice: path.carbonPrice = values[p]
            case let .volume(key): path.volume[key] = values[p]
            case .capex: path.capex = values[p]
            }
        }
        return path
    }

    /// Rows of numbers of a CSV file (a first row that is not numeric is a header).
    static func readCSV(_ file: String, relativeTo scenarioPath: String?) throws(SimulationError) -> [[Double]] {
        var full = file
        if !file.hasPrefix("/"), let scenarioPath {
            full = (URL(fileURLWithPath: scenarioPath).deletingLastPathComponent().path) + "/" + file
        }
        guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
            throw .unreadableCSV(path: full, reason: "the file cannot be read")
        }
        var rows: [[Double]] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let values = cells.map { Double($0) }
            if values.contains(where: { $0 == nil }) {
                if number == 0 { continue }
                throw .unreadableCSV(path: full, reason: "line \(number + 1) has a cell that is not a number")
            }
            let numbers = values.compactMap { $0 }
            guard numbers.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw .unreadableCSV(path: full, reason: "line \(number + 1) has a negative or non-finite value")
            }
            rows.append(numbers)
        }
        guard !rows.isEmpty else { throw .unreadableCSV(path: full, reason: "no rows of numbers") }
        return rows
    }
}
