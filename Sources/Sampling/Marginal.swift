import Foundation

/// Inverse CDFs of the marginal distributions used for yearly multipliers.
///
/// Each maps a uniform p ∈ (0, 1) (or, for the lognormal, a standard normal score z) to a value
/// by inversion, x = F⁻¹(p), so the draw is monotone in p and a Gaussian copula (p = Φ(z) with
/// correlated z) carries its rank correlation to the marginals. Formulas: the triangular and
/// uniform inverse CDFs (e.g. Johnson, Kotz & Balakrishnan, *Continuous Univariate
/// Distributions*, vol. 2, ch. 26); the lognormal with E = 1, exp(σz − σ²/2); the normal
/// truncated below at 0 by inverting F(x) = (Φ((x − μ)/σ) − Φ(α))/(1 − Φ(α)), α = −μ/σ
/// (Robert, "Simulation of truncated normal variables", Statistics and Computing 5, 1995).
public enum Marginal {
    /// The triangular distribution on [low, high] with peak at `mode`:
    /// low + √(p(high − low)(mode − low)) for p < F(mode) = (mode − low)/(high − low), else
    /// high − √((1 − p)(high − low)(high − mode)). Precondition: low ≤ mode ≤ high, 0 ≤ p ≤ 1.
    public static func triangular(p: Double, low: Double, mode: Double, high: Double) -> Double {
        precondition(low <= mode && mode <= high, "triangular needs low ≤ mode ≤ high")
        precondition(p >= 0 && p <= 1, "triangular needs 0 ≤ p ≤ 1, got \(p)")
        let width = high - low
        guard width > 0 else { return low }
        let modeFraction = (mode - low) / width
        let x = p < modeFraction
            ? low + (p * width * (mode - low)).squareRoot()
            : high - ((1 - p) * width * (high - mode)).squareRoot()
        return Swift.min(Swift.max(x, low), high)
    }

    /// The uniform distribution on [low, high]: low + p(high − low).
    public static func uniform(p: Double, low: Double, high: Double) -> Double {
        precondition(low <= high, "uniform needs low ≤ high")
        precondition(p >= 0 && p <= 1, "uniform needs 0 ≤ p ≤ 1, got \(p)")
        return Swift.min(low + p * (high - low), high)
    }

    /// The lognormal multiplier with mean 1 and log-standard-deviation σ, from a standard normal
    /// score z: exp(σz − σ²/2) (E[e^(σZ)] = e^(σ²/2)). Median e^(−σ²/2) < 1.
    public static func lognormalMeanOne(z: Double, sigma: Double) -> Double {
        precondition(sigma >= 0, "lognormalMeanOne needs σ ≥ 0")
        return exp(sigma * z - 0.5 * sigma * sigma)
    }

    /// The same lognormal from a uniform p: `lognormalMeanOne(z: Φ⁻¹(p), sigma:)`.
    public static func lognormalMeanOne(p: Double, sigma: Double) -> Double {
        lognormalMeanOne(z: NormalDistribution.quantile(p), sigma: sigma)
    }

    /// The normal N(μ, σ²) truncated below at 0 (conditioned on X ≥ 0, not clipped), by inverse
    /// CDF: x = μ + σ Φ⁻¹(Φ(α) + p Φ(−α)), α = −μ/σ. When that target lies above ½ it is
    /// evaluated through the upper tail, x = μ − σ Φ⁻¹((1 − p) Φ(−α)), which stays accurate for
    /// p near 1 and when the truncation removes almost all the mass. If Φ(−α) < 1e-290 (α > 36)
    /// the conditional law is its exponential limit, x = −(σ/α) ln(1 − p) (Mills' ratio).
    /// Result ≥ 0 and finite. Precondition: σ > 0, 0 ≤ p < 1.
    public static func truncatedNormal(p: Double, mean: Double, sd: Double) -> Double {
        precondition(sd > 0, "truncatedNormal needs sd > 0")
        precondition(p >= 0 && p < 1, "truncatedNormal needs 0 ≤ p < 1, got \(p)")
        let alpha = -mean / sd
        let kept = NormalDistribution.cdf(-alpha), removed = NormalDistribution.cdf(alpha)
        guard kept >= 1e-290 else { return -(sd / alpha) * log1p(-p) }
        let upperTail = (1 - p) * kept
        let x = upperTail < 0.5
            ? mean - sd * NormalDistribution.quantile(upperTail)
            : mean + sd * NormalDistribution.quantile(removed + p * kept)
        return Swift.max(x, 0)
    }
}
