import Foundation
import Sampling
import TestSupport

/// Deterministic test data for the sampling tests, from TestSupport's SplitMix64.
enum SamplingTestData {
    /// n uniforms in (0, 1).
    static func uniforms(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in (Double(rng.next() >> 11) + 0.5) * 0x1p-53 }
    }

    /// n lognormal values exp(N(0, 1)).
    static func lognormal(_ n: Int, seed: UInt64) -> [Double] {
        uniforms(n, seed: seed).map { exp(NormalDistribution.quantile($0)) }
    }

    /// n values of mixed sign with about 10 % exact zeros: 100·N(0.3, 1) (and a few tiny ones).
    static func mixedSign(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed ^ 0xABCDEF)
        return uniforms(n, seed: seed).map { p in
            switch rng.next() % 100 {
            case 0..<10: return 0
            case 10: return p < 0.5 ? -1e-300 : 0x1p-1030  // 8.7e-311, subnormal
            default: return 100 * (0.3 + NormalDistribution.quantile(p))
            }
        }
    }

    /// The exact lower-inverse-ECDF value of rank k (1-based) of `values`.
    static func order(_ values: [Double], rank k: Int) -> Double {
        values.sorted()[k - 1]
    }
}
