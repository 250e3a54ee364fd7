import Foundation

/// Morris's elementary-effects screening (M. D. Morris, "Factorial sampling plans for
/// preliminary computational experiments", Technometrics 33, 1991), with Campolongo et al.'s
/// μ* (Environ. Model. Softw. 22, 2007).
///
/// `r` trajectories on a `p`-level grid of the unit cube, each of `D + 1` points: a random
/// base point on the grid, then one input at a time moved by `Δ = p / (2(p − 1))` up or down
/// (random order and direction, staying on the grid). The elementary effect of input `i` on a
/// trajectory is `(f(x + Δe_i) − f(x)) / Δ` (sign taken along the move). Reported: μ (mean
/// effect), μ* (mean absolute effect), σ (standard deviation of the effects, n − 1), and the
/// 95 % bootstrap half-width of μ* (SALib's convention).
public struct MorrisScreening: Sendable, Equatable {
    public var mu: [Double]
    public var muStar: [Double]
    public var sigma: [Double]
    public var muStarConfidence: [Double]

    public static let levels = 4

    /// The points to evaluate: `trajectories × (dimensions + 1)` rows in the unit cube.
    public static func design(trajectories: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
        let stream = RandomStream(seed: seed)
        let p = Double(levels)
        let delta = p / (2 * (p - 1))
        var rows: [[Double]] = []
        for r in 0..<trajectories {
            // Base point: levels 0 ..< p/2 so that +Δ stays inside; direction chosen per input.
            var x = (0..<d).map { i -> Double in
                let u = stream.uniform(UInt32(r), UInt32(i), 0xB0B)
                return Double(min(levels / 2 - 1, Int(u * Double(levels / 2)))) / (p - 1)
            }
            var up = (0..<d).map { stream.uniform(UInt32(r), UInt32($0), 0xD1) < 0.5 }
            for i in 0..<d where !up[i] { x[i] += delta }  // start high, move down
            // Random order of the inputs (Fisher–Yates driven by the stream).
            var order = Array(0..<d)
            for k in stride(from: d - 1, to: 0, by: -1) {
                let j = min(k, Int(stream.uniform(UInt32(r), UInt32(k), 0x0D) * Double(k + 1)))
                order.swapAt(k, j)
            }
            rows.append(x)
            for i in order {
                x[i] += up[i] ? delta : -delta
                up[i].toggle()
                rows.append(x)
            }
        }
        return rows
    }

    /// Effects from the outputs of `design(trajectories:dimensions:seed:)`'s rows, in order.
    public init(points: [[Double]], outputs y: [Double], dimensions d: Int, bootstrap resamples: Int = 1000, seed: UInt64 = 1) {
        let per = d + 1
        let trajectories = y.count / per
        var effects = [[Double]](repeating: [], count: d)
        for r in 0..<trajectories {
            for k in 0..<d {
                let before = points[r * per + k], after = points[r * per + k + 1]
                guard let i = (0..<d).first(where: { before[$0] != after[$0] }) else { continue }
                let step = after[i] - before[i]
                effects[i].append((y[r * per + k + 1] - y[r * per + k]) / step)
            }
        }
        mu = effects.map { Moments($0).mean }
        muStar = effects.map { Moments($0.map(abs)).mean }
        sigma = effects.map { Moments($0).standardDeviation ?? 0 }
        let stream = RandomStream(seed: seed)
        let z = NormalDistribution.quantile(0.975)
        muStarConfidence = effects.enumerated().map { i, values in
            guard values.count > 1 else { return 0 }
            let means = (0..<resamples).map { b -> Double in
                var sum = 0.0
                for k in 0..<values.count {
                    let pick = min(values.count - 1, Int(stream.uniform(UInt32(b), UInt32(k), UInt32(i)) * Double(values.count)))
                    sum += abs(values[pick])
                }
                return sum / Double(values.count)
            }
            return z * (Moments(means).standardDeviation ?? 0)
        }
    }
}
