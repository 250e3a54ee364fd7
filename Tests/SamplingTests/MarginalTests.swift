import Foundation
import Testing
import Sampling

@Suite("Marginal inverse CDFs")
struct MarginalTests {
    private let grid = (0..<10_000).map { (Double($0) + 0.5) / 10_000 }

    @Test func triangular() {
        let (low, mode, high) = (0.8, 1.0, 1.5)
        #expect(Marginal.triangular(p: 0, low: low, mode: mode, high: high) == low)
        #expect(Marginal.triangular(p: 1, low: low, mode: mode, high: high) == high)
        #expect(abs(Marginal.triangular(p: 0.2 / 0.7, low: low, mode: mode, high: high) - mode) < 1e-12)
        // F(x) = (x − low)²/((high − low)(mode − low)) below the mode: the inverse round-trips.
        for p in [0.01, 0.1, 0.25] {
            let x = Marginal.triangular(p: p, low: low, mode: mode, high: high)
            #expect(abs((x - low) * (x - low) / ((high - low) * (mode - low)) - p) < 1e-12)
        }
        let values = grid.map { Marginal.triangular(p: $0, low: low, mode: mode, high: high) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(Moments(values).mean - (low + mode + high) / 3) < 1e-6)
        #expect(Marginal.triangular(p: 0.3, low: 2, mode: 2, high: 2) == 2)
        #expect(Marginal.triangular(p: 0.3, low: 0, mode: 0, high: 1) > 0)
    }

    @Test func uniform() {
        #expect(Marginal.uniform(p: 0, low: -1, high: 3) == -1)
        #expect(Marginal.uniform(p: 1, low: -1, high: 3) == 3)
        #expect(Marginal.uniform(p: 0.25, low: -1, high: 3) == 0)
    }

    /// Mean 1 by stratified quadrature over p; median e^(−σ²/2); σ = 0 gives 1.
    @Test func lognormalMeanOne() {
        for sigma in [0.05, 0.2, 0.5] {
            let mean = Moments(grid.map { Marginal.lognormalMeanOne(p: $0, sigma: sigma) }).mean
            #expect(abs(mean - 1) < 2e-3 * sigma)
            #expect(abs(Marginal.lognormalMeanOne(z: 0, sigma: sigma) - exp(-sigma * sigma / 2)) < 1e-15)
        }
        #expect(Marginal.lognormalMeanOne(z: 3, sigma: 0) == 1)
        #expect(Marginal.lognormalMeanOne(p: 0.9, sigma: 0.3) == Marginal.lognormalMeanOne(z: NormalDistribution.quantile(0.9), sigma: 0.3))
    }

    /// The inverse of the truncated CDF: P(X > x | X ≥ 0) = 1 − p, checked through the upper tail
    /// Φ((μ − x)/σ)/Φ(μ/σ); never clipped (no mass at 0) and ≥ 0.
    @Test(arguments: [(1.0, 0.5), (0.0, 1.0), (-2.0, 1.0), (-10.0, 1.0), (3.0, 0.1), (-30.0, 0.9)])
    func truncatedNormal(mean: Double, sd: Double) {
        for p in [0.0, 1e-9, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9, 1 - 0x1p-53] {
            let x = Marginal.truncatedNormal(p: p, mean: mean, sd: sd)
            #expect(x >= 0 && x.isFinite)
            let survival = NormalDistribution.cdf((mean - x) / sd) / NormalDistribution.cdf(mean / sd)
            #expect(abs(survival - (1 - p)) <= 1e-9 * max(1 - p, 1e-6), "p = \(p), x = \(x)")
        }
        #expect(Marginal.truncatedNormal(p: 0, mean: mean, sd: sd) < 1e-9 * sd)
        #expect(Marginal.truncatedNormal(p: 0.01, mean: mean, sd: sd) > 0)
    }

    /// Half-normal median Φ⁻¹(¾); the deep-truncation limit is exponential with mean σ/α.
    @Test func truncatedNormalSpecialCases() {
        #expect(abs(Marginal.truncatedNormal(p: 0.5, mean: 0, sd: 1) - 0.6744897501960817) < 1e-15)
        let deep = grid.map { Marginal.truncatedNormal(p: $0, mean: -50, sd: 1) }
        #expect(deep.allSatisfy { $0 > 0 && $0.isFinite })
        #expect(abs(Moments(deep).mean - 1.0 / 50) < 1e-3 / 50)
        #expect(zip(deep, deep.dropFirst()).allSatisfy { $0 < $1 })
        // Far above 0 the truncation does nothing: the plain normal quantile.
        #expect(abs(Marginal.truncatedNormal(p: 0.3, mean: 100, sd: 1) - (100 + NormalDistribution.quantile(0.3))) < 1e-12)
    }
}
