import Analysis
import Formulation
import Foundation
import Sampling
import Scenario
import Testing
import TestSupport

/// The processes of `PathSampler` against their closed forms (shared/data/reference-values.md).
@Suite struct PathSamplerTests {
    /// A two-company park whose only uncertainty is the given `uncertainty:` block.
    static func park(uncertainty: String, horizon: Int = 10) throws -> Scenario {
        let yaml = """
        name: Process test
        start_year: 2026
        horizon_years: \(horizon)
        discount_rate: 0.08
        resources:
          fly_ash: {unit: t, disposal_cost: 20}
          clinker: {unit: t, price: 50}
          slag: {unit: t, price: 30}
        companies:
          plant: {produces: {fly_ash: 5000}}
          cement: {needs: {clinker: 20000}}
        exchanges:
          ash: {from: plant, to: cement, send: fly_ash, replace: clinker, capacity: 1000, capex: 100000, unit_cost: 2}
        uncertainty:
        \(uncertainty)
        """
        return try Scenario.parse(yaml: yaml, file: "process.yaml").scenario
    }

    @Test func gbmHasItsClosedFormMeanAndVariance() throws {
        let (mu, sigma) = (0.05, 0.2)
        let scenario = try Self.park(uncertainty: "  prices: {clinker: {model: gbm, drift: \(mu), volatility: \(sigma)}}")
        let n = 20_000
        let sampler = try PathSampler(scenario: scenario, method: .mc, samples: n, seed: 1)
        let paths = (0..<n).map { sampler.multipliers(sample: $0)[0] }
        #expect(paths.allSatisfy { $0[0] == 1 }, "year 0 keeps the scenario's price")
        for t in [1, 5, 9] {
            let moments = Moments(paths.map { $0[t] })
            let mean = exp(mu * Double(t))
            let variance = exp(2 * mu * Double(t)) * (exp(sigma * sigma * Double(t)) - 1)
            #expect(abs(moments.mean - mean) < 4 * moments.standardError!, "year \(t): mean \(moments.mean) vs \(mean)")
            #expect(abs(moments.variance! / variance - 1) < 0.08, "year \(t): variance \(moments.variance!) vs \(variance)")
        }
    }

    @Test func meanRevertingLogPriceHasItsClosedForm() throws {
        let (kappa, sigma, level) = (0.5, 0.3, 80.0)
        let scenario = try Self.park(uncertainty: "  prices: {clinker: {model: mean_reverting, speed: \(kappa), volatility: \(sigma), level: \(level)}}")
        let n = 20_000
        let sampler = try PathSampler(scenario: scenario, method: .mc, samples: n, seed: 2)
        let m = log(level / 50)
        for t in [1, 4, 9] {
            let logs = (0..<n).map { log(sampler.multipliers(sample: $0)[0][t]) }
            let moments = Moments(logs)
            let mean = m * (1 - exp(-kappa * Double(t)))
            let variance = sigma * sigma * (1 - exp(-2 * kappa * Double(t))) / (2 * kappa)
            #expect(abs(moments.mean - mean) < 4 * moments.standardError!, "year \(t): mean \(moments.mean) vs \(mean)")
            #expect(abs(moments.variance! / variance - 1) < 0.05, "year \(t): variance \(moments.variance!) vs \(variance)")
        }
    }

    @Test func correlatedShocksHaveTheirCorrelation() throws {
        let scenario = try Self.park(uncertainty: """
          prices:
            clinker: {model: gbm, volatility: 0.2}
            slag: {model: gbm, volatility: 0.3}
          correlations: [[clinker, slag, 0.6]]
        """)
        let n = 10_000
        let sampler = try PathSampler(scenario: scenario, method: .mc, samples: n, seed: 3)
        var a: [Double] = [], b: [Double] = []
        for s in 0..<n {
            let m = sampler.multipliers(sample: s)
            a.append(log(m[0][3] / m[0][2]))
            b.append(log(m[1][3] / m[1][2]))
        }
        let ma = Moments(a), mb = Moments(b)
        var covariance = 0.0
        for i in 0..<n { covariance += (a[i] - ma.mean) * (b[i] - mb.mean) }
        let rho = covariance / Double(n - 1) / (ma.standardDeviation! * mb.standardDeviation!)
        // Standard error of a sample correlation ≈ (1 − ρ²)/√n = 0.0064.
        #expect(abs(rho - 0.6) < 0.03, "sample correlation \(rho)")
    }

    /// With Latin hypercube sampling each of the N strata of every year is hit exactly once
    /// (a uniform multiplier maps the stratified uniforms through Φ⁻¹ and back).
    @Test func latinHypercubeStratifiesEveryYear() throws {
        let scenario = try Self.park(uncertainty: "  volumes: {plant.fly_ash: {model: uniform, low: 0, high: 1}}")
        let n = 500
        let sampler = try PathSampler(scenario: scenario, method: .lhs, samples: n, seed: 4)
        let paths = (0..<n).map { sampler.multipliers(sample: $0)[0] }
        for t in 0..<10 {
            let strata = Set(paths.map { Int(($0[t] * Double(n)).rounded(.down)) })
            #expect(strata == Set(0..<n), "year \(t): \(n - strata.count) strata missed")
        }
    }

    @Test func sobolNeedsFewEnoughDimensions() throws {
        let scenario = try Self.park(uncertainty: "  prices: {clinker: {model: gbm, volatility: 0.2}, slag: {model: gbm, volatility: 0.2}}",
                                     horizon: 501)
        #expect(throws: SimulationError.tooManyDimensions(1002, maximum: SobolSequence.maximumDimensions)) {
            _ = try PathSampler(scenario: scenario, method: .sobol, samples: 8, seed: 1)
        }
    }
}
