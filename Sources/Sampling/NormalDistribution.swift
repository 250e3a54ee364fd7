import Foundation

/// The standard normal distribution: its quantile (inverse CDF) and CDF.
///
/// `quantile` is M. J. Wichura's algorithm AS 241, "The percentage points of the normal
/// distribution", Applied Statistics 37(3), 1988, function PPND16: three rational
/// approximations of degree 7 (central region |p − ½| ≤ 0.425, then r = √(−ln min(p, 1 − p))
/// ≤ 5, then beyond), relative accuracy about 1e-16. `cdf` is Φ(x) = ½·erfc(−x/√2).
public enum NormalDistribution {
    /// Φ⁻¹(p): the x with P(Z ≤ x) = p for Z ~ N(0, 1); −∞ at p = 0, +∞ at p = 1.
    ///
    /// Exactly odd around ½: `quantile(1 − p) == −quantile(p)` whenever 1 − p is exact (e.g. for
    /// every value `RandomStream.uniform` returns). Precondition: 0 ≤ p ≤ 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "NormalDistribution.quantile needs 0 ≤ p ≤ 1, got \(p)")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * horner(central.numerator, r) / horner(central.denominator, r)
        }
        // The tail on p's side: min(p, 1 − p), exact for p < ½ and for p ≥ ½ (Sterbenz).
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = horner(intermediate.numerator, r) / horner(intermediate.denominator, r)
        } else {
            r -= 5
            value = horner(far.numerator, r) / horner(far.denominator, r)
        }
        return q < 0 ? -value : value
    }

    /// Φ(x) = P(Z ≤ x) = ½·erfc(−x/√2): accurate in relative terms far into the lower tail.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The standard normal density φ(x) = e^(−x²/2)/√(2π).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// Σ cᵢ xⁱ by Horner's rule (coefficients from degree 0 up).
    private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * x + c }
        return sum
    }

    private typealias Rational = (numerator: [Double], denominator: [Double])

    // AS 241 coefficients A, B (central), C, D (intermediate) and E, F (far tail), degree 0 up.
    private static let central: Rational = (
        [3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
         1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
         3.3430575583588128105e+4, 2.5090809287301226727e+3] as [Double],
        [1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
         2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
         5.2264952788528545610e+3] as [Double]
    )
    private static let intermediate: Rational = (
        [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
         3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
         2.27238449892691845833e-2, 7.74545014278341407640e-4] as [Double],
        [1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
         1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
         1.05075007164441684324e-9] as [Double]
    )
    private static let far: Rational = (
        [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
         2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
         2.71155556874348757815e-5, 2.01033439929228813265e-7] as [Double],
        [1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
         7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
         2.04426310338993978564e-15] as [Double]
    )
}
