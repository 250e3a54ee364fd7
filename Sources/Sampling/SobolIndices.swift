import Foundation

/// Variance-based sensitivity indices from Saltelli's sampling scheme.
///
/// Two `N × D` matrices `A` and `B` of points in the unit cube (here the two halves of a
/// scrambled `2D`-dimensional Sobol sequence) and, for each input `i`, `AB_i` = `A` with column
/// `i` from `B`; the model is evaluated on all `N (D + 2)` rows. With `Y = f(·)`:
/// - first order (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
///   Comput. Phys. Commun. 181, Table 2 (b)): `S_i = mean(f(B) (f(AB_i) − f(A))) / V`;
/// - total (Jansen 1999, Table 2 (f)): `ST_i = mean((f(A) − f(AB_i))²) / (2V)`;
/// with `V` the population variance of `f(A)` and `f(B)` together, after centring every output
/// on the mean of all `N (D + 2)` outputs (the first-order estimator is not shift-invariant
/// otherwise; SALib centres the same way). These are SALib's
/// `sobol.analyze` estimators (calc_second_order = False), and a test checks equality with
/// SALib to 1e-9 on the same outputs. Confidence intervals: bootstrap over the `N` rows,
/// `z_{0.975} · sd` of the resampled estimates (SALib's convention).
public struct SobolIndices: Sendable, Equatable {
    public var firstOrder: [Double]
    public var total: [Double]
    /// Half-widths of the 95 % confidence intervals.
    public var firstOrderConfidence: [Double]
    public var totalConfidence: [Double]

    /// The rows to evaluate, in SALib's order: for each sample `j`, `A_j`, `AB_{j,1..D}`, `B_j`.
    /// Values in the unit cube; map them to the inputs' ranges.
    public static func design(samples: Int, dimensions: Int, seed: UInt64) throws(SamplingError) -> [[Double]] {
        let sequence = try SobolSequence(dimensions: 2 * dimensions, scramble: seed)
        var rows: [[Double]] = []
        rows.reserveCapacity(samples * (dimensions + 2))
        for j in 0..<samples {
            let point = sequence.point(UInt32(j))
            let a = Array(point[0..<dimensions]), b = Array(point[dimensions..<(2 * dimensions)])
            rows.append(a)
            for i in 0..<dimensions {
                var ab = a
                ab[i] = b[i]
                rows.append(ab)
            }
            rows.append(b)
        }
        return rows
    }

    /// Indices from outputs `y` in the order of `design` (`samples × (dimensions + 2)` values).
    public init(outputs raw: [Double], dimensions d: Int, bootstrap resamples: Int = 200, seed: UInt64 = 1) {
        let centre = raw.reduce(0, +) / Double(max(1, raw.count))
        let y = raw.map { $0 - centre }
        let step = d + 2
        let n = y.count / step
        let a = (0..<n).map { y[$0 * step] }, b = (0..<n).map { y[$0 * step + step - 1] }
        let ab = (0..<d).map { i in (0..<n).map { y[$0 * step + 1 + i] } }
        let rows = Array(0..<n)
        firstOrder = (0..<d).map { Self.first(a, ab[$0], b, rows) }
        total = (0..<d).map { Self.total(a, ab[$0], b, rows) }
        // Bootstrap: the same resampled rows for every index.
        let stream = RandomStream(seed: seed)
        var firstSamples = [[Double]](repeating: [], count: d), totalSamples = [[Double]](repeating: [], count: d)
        for r in 0..<resamples {
            let picked = (0..<n).map { min(n - 1, Int(stream.uniform(UInt32(r), UInt32($0), 0x5AB0) * Double(n))) }
            for i in 0..<d {
                firstSamples[i].append(Self.first(a, ab[i], b, picked))
                totalSamples[i].append(Self.total(a, ab[i], b, picked))
            }
        }
        let z = NormalDistribution.quantile(0.975)
        firstOrderConfidence = firstSamples.map { z * (Moments($0).standardDeviation ?? 0) }
        totalConfidence = totalSamples.map { z * (Moments($0).standardDeviation ?? 0) }
    }

    /// Population variance of `f(A)` and `f(B)` over `rows`.
    static func variance(_ a: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        var sum = 0.0
        for j in rows { sum += a[j] + b[j] }
        let mean = sum / Double(2 * rows.count)
        var squares = 0.0
        for j in rows { squares += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean) }
        return squares / Double(2 * rows.count)
    }

    static func first(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        let v = variance(a, b, rows)
        guard v > 0 else { return 0 }
        var sum = 0.0
        for j in rows { sum += b[j] * (ab[j] - a[j]) }
        return sum / Double(rows.count) / v
    }

    static func total(_ a: [Double], _ ab: [Double], _ b: [Double], _ rows: [Int]) -> Double {
        let v = variance(a, b, rows)
        guard v > 0 else { return 0 }
        var sum = 0.0
        for j in rows { sum += (a[j] - ab[j]) * (a[j] - ab[j]) }
        return 0.5 * sum / Double(rows.count) / v
    }
}
