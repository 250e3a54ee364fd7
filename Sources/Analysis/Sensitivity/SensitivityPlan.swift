import MILP
import Sampling
import Scenario

/// The plan of a sensitivity study: the method, the parameters and the method's settings. Its
/// evaluation points follow from these alone (no solve), and its result from these and the
/// evaluations at its points, so the points can be evaluated on several machines
/// (`SensitivityPart`) and the result computed wherever the evaluations meet.
public struct SensitivityPlan: Sendable, Equatable {
    public enum Method: String, Sendable, Codable, CaseIterable { case tornado, sweep, morris, sobol }

    public var method: Method
    public var parameters: [SensitivityParameter]
    /// Sweep: levels per parameter.
    public var grid: Int?
    /// Morris: trajectories.
    public var trajectories: Int?
    /// Sobol: base sample size N.
    public var samples: Int?
    /// Morris and Sobol: the seed of the design.
    public var seed: UInt64?

    /// Keeps only the settings `method` uses, so that two runs of the same study compare
    /// equal whatever else was typed.
    public init(method: Method, parameters: [SensitivityParameter], grid: Int = 5, trajectories: Int = 20,
                samples: Int = 1024, seed: UInt64 = 7) {
        self.method = method
        self.parameters = parameters
        self.grid = method == .sweep ? grid : nil
        self.trajectories = method == .morris ? trajectories : nil
        self.samples = method == .sobol ? samples : nil
        self.seed = method == .morris || method == .sobol ? seed : nil
    }

    /// The parameter values of every evaluation, in the order the result reads them (`nil`
    /// keeps the scenario's value):
    /// - tornado: the base, then each parameter at its low and its high value;
    /// - sweep: the product of `grid` evenly spaced levels per parameter, the first slowest;
    /// - morris: `trajectories × (D + 1)` points of the trajectories (`MorrisScreening.design`);
    /// - sobol: `N × (D + 2)` Saltelli points (`SobolIndices.design`).
    public func points() throws(SimulationError) -> [[Double?]] {
        switch method {
        case .tornado:
            var rows: [[Double?]] = [Array(repeating: nil, count: parameters.count)]
            for (i, p) in parameters.enumerated() {
                for value in [p.low, p.high] {
                    var row: [Double?] = Array(repeating: nil, count: parameters.count)
                    row[i] = value
                    rows.append(row)
                }
            }
            return rows
        case .sweep:
            return sweepLevels().map { $0.map { Optional($0) } }
        case .morris:
            return scaled(MorrisScreening.design(trajectories: trajectories ?? 20, dimensions: parameters.count, seed: seed ?? 7))
        case .sobol:
            return scaled(try sobolUnitPoints())
        }
    }

    /// The number of points, counted without building them (a part file read back is checked
    /// against it before anything is allocated); `nil` for settings the command refuses — no
    /// parameter, a range that is not finite or is inverted, a grid below 1 or a sweep of more
    /// than 2 parameters, fewer than 2 or more than 2³² trajectories or samples, more Sobol
    /// dimensions than the direction numbers have — or a count beyond `Int`.
    public var pointCount: Int? {
        let d = parameters.count
        guard d >= 1, parameters.allSatisfy({ $0.low.isFinite && $0.high.isFinite && $0.low <= $0.high }) else { return nil }
        func product(_ a: Int, _ b: Int) -> Int? {
            let (value, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : value
        }
        switch method {
        case .tornado:
            return 2 * d + 1
        case .sweep:
            guard let g = grid, g >= 1, d <= 2 else { return nil }
            return d == 1 ? g : product(g, g)
        case .morris:
            guard let r = trajectories, (2...SampleLimits.maximumSamples).contains(r) else { return nil }
            return product(r, d + 1)
        case .sobol:
            guard let n = samples, (2...SampleLimits.maximumSamples).contains(n), 2 * d <= SobolSequence.maximumDimensions else { return nil }
            return product(n, d + 2)
        }
    }

    /// The study's result from the evaluations at `points()`, in that order.
    public func outcome(_ results: [ParkEvaluation]) throws(SimulationError) -> SensitivityOutcome {
        let rows = try points()
        guard results.count == rows.count else {
            throw .incompatibleParts("\(results.count) evaluations for a study of \(rows.count) points")
        }
        switch method {
        case .tornado:
            let base = results[0]
            let bars = parameters.enumerated().map { i, p in
                let low = results[1 + 2 * i], high = results[2 + 2 * i]
                return TornadoBar(parameter: p, low: low, high: high, switchesDesign: low.built != base.built || high.built != base.built)
            }
            // An end without a design (infeasible) is the largest swing there is: such bars first.
            return .tornado(base: base, bars: bars.sorted { $0.npvSwingMagnitude > $1.npvSwingMagnitude })
        case .sweep:
            return .sweep(levels: sweepLevels(), results: results)
        case .morris:
            try requireSolutions(results, rows: rows)
            let unit = MorrisScreening.design(trajectories: trajectories ?? 20, dimensions: parameters.count, seed: seed ?? 7)
            return .morris((0..<ParkEvaluation.outputs.count).map { k in
                MorrisScreening(points: unit, outputs: results.map { $0.values[k] }, dimensions: parameters.count, seed: seed ?? 7)
            })
        case .sobol:
            try requireSolutions(results, rows: rows)
            return .sobol(indices: (0..<ParkEvaluation.outputs.count).map { k in
                SobolIndices(outputs: results.map { $0.values[k] }, dimensions: parameters.count, seed: seed ?? 7)
            }, evaluations: results.count)
        }
    }

    /// Sweep levels: `grid` evenly spaced values per parameter (the low value when 1), the
    /// product with the first parameter varying slowest.
    func sweepLevels() -> [[Double]] {
        let points = grid ?? 5
        let axes = parameters.map { p in
            (0..<points).map { k in points == 1 ? p.low : p.low + (p.high - p.low) * Double(k) / Double(points - 1) }
        }
        var rows: [[Double]] = [[]]
        for axis in axes { rows = rows.flatMap { row in axis.map { row + [$0] } } }
        return rows
    }

    func sobolUnitPoints() throws(SimulationError) -> [[Double]] {
        do { return try SobolIndices.design(samples: samples ?? 1024, dimensions: parameters.count, seed: seed ?? 7) } catch {
            throw .tooManyDimensions(2 * parameters.count, maximum: SobolSequence.maximumDimensions)
        }
    }

    /// Unit-cube rows mapped to the parameters' ranges.
    public func scaled(_ unit: [[Double]]) -> [[Double?]] {
        unit.map { row in zip(row, parameters).map { u, p in p.low + u * (p.high - p.low) } }
    }

    /// Variance-based and screening methods need an output at every point.
    func requireSolutions(_ results: [ParkEvaluation], rows: [[Double?]]) throws(SimulationError) {
        guard let bad = results.indices.first(where: { !results[$0].npv.isFinite }) else { return }
        let values = zip(parameters, rows[bad]).map { "\($0.keyPath) = \($1.map { String($0) } ?? "-")" }.joined(separator: ", ")
        throw .noDesign("no design (\(StatusWord.of(results[bad].termination, hasDesign: results[bad].npv.isFinite))) at \(values); narrow the ranges")
    }
}

/// What a sensitivity study found, by method.
public enum SensitivityOutcome: Sendable {
    /// The base run and one bar per parameter, sorted by NPV swing.
    case tornado(base: ParkEvaluation, bars: [TornadoBar])
    /// Each grid point's levels and evaluation.
    case sweep(levels: [[Double]], results: [ParkEvaluation])
    /// Screening per output (`ParkEvaluation.outputs`).
    case morris([MorrisScreening])
    /// Indices per output, and the number of evaluations they took.
    case sobol(indices: [SobolIndices], evaluations: Int)
}

extension SensitivityPlan: Codable {
    private enum CodingKeys: String, CodingKey { case method, parameters, grid, trajectories, samples, seed }
    /// A parameter in a part file: its key path and range.
    private struct Parameter: Codable {
        var keyPath: String, low: Double, high: Double
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(Method.self, forKey: .method)
        parameters = try container.decode([Parameter].self, forKey: .parameters).map {
            SensitivityParameter(keyPath: $0.keyPath, low: $0.low, high: $0.high)
        }
        grid = try container.decodeIfPresent(Int.self, forKey: .grid)
        trajectories = try container.decodeIfPresent(Int.self, forKey: .trajectories)
        samples = try container.decodeIfPresent(Int.self, forKey: .samples)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(parameters.map { Parameter(keyPath: $0.keyPath, low: $0.low, high: $0.high) }, forKey: .parameters)
        try container.encodeIfPresent(grid, forKey: .grid)
        try container.encodeIfPresent(trajectories, forKey: .trajectories)
        try container.encodeIfPresent(samples, forKey: .samples)
        try container.encodeIfPresent(seed, forKey: .seed)
    }
}

extension ParkEvaluation: Codable {
    private enum CodingKeys: String, CodingKey { case npv, co2eAvoided, jobs, built, termination }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        npv = try container.decode(Double.self, forKey: .npv)
        co2eAvoided = try container.decode(Double.self, forKey: .co2eAvoided)
        jobs = try container.decode(Double.self, forKey: .jobs)
        built = try container.decode([String].self, forKey: .built)
        let word = try container.decode(String.self, forKey: .termination)
        guard let termination = TerminationStatus(rawValue: word) else {
            throw DecodingError.dataCorruptedError(forKey: .termination, in: container, debugDescription: "unknown termination \(word)")
        }
        self.termination = termination
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(npv, forKey: .npv)
        try container.encode(co2eAvoided, forKey: .co2eAvoided)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(built, forKey: .built)
        try container.encode(termination.rawValue, forKey: .termination)
    }
}
