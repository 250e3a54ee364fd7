import Foundation
import Testing
import Sampling
import TestSupport

@Suite("Standard normal quantile (AS 241) and CDF")
struct NormalDistributionTests {
    /// Values from mpmath at 40–60 digits for the decimal p; relative tolerance 1e-15, except
    /// near 1 where the double nearest to p is itself 1e-11 away in quantile.
    @Test(arguments: [
        (0.975, 1.959963984540054, 1e-15), (0.025, -1.959963984540054, 1e-15),
        (0.3, -0.524400512708040784, 1e-15), (0.9, 1.281551565544600467, 1e-15),
        (1e-5, -4.264890793922824629, 1e-15), (0.999999, 4.753424308822898948, 1e-10),
        (1e-10, -6.361340902404056205, 1e-15), (1e-20, -9.262340089798407574, 1e-15),
        (1e-300, -37.04709629936119924, 1e-15),
    ])
    func knownValues(p: Double, expected: Double, tolerance: Double) {
        #expect(abs(NormalDistribution.quantile(p) - expected) <= tolerance * abs(expected))
    }

    @Test func endsAndCentre() {
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(NormalDistribution.cdf(0) == 0.5)
        #expect(NormalDistribution.cdf(-.infinity) == 0 && NormalDistribution.cdf(.infinity) == 1)
    }

    /// quantile(1 − p) = −quantile(p) exactly for dyadic p (1 − p exact), over all three regions.
    @Test func oddSymmetry() {
        for k in 1..<(1 << 12) {
            let p = Double(k) * 0x1p-12
            #expect(NormalDistribution.quantile(1 - p) == -NormalDistribution.quantile(p))
        }
        for e in 13...52 {  // p down to 2⁻⁵³, where 1 − p is still exact
            let p = 0x1p-1 * pow(2, -Double(e))
            #expect(NormalDistribution.quantile(1 - p) == -NormalDistribution.quantile(p))
        }
    }

    /// cdf(quantile(p)) = p from 1e-300 to ½, to 4e-15·max(1, x²) relative (an error δ in x
    /// moves ln Φ by about |x|·δ in the tail), and quantile is increasing.
    @Test func roundTripThroughCDF() {
        var previous = -Double.infinity
        for k in 0...600 {
            let p = pow(10, -300 + Double(k) * 299.69897 / 600)  // 1e-300 … 0.5
            let x = NormalDistribution.quantile(p)
            #expect(abs(NormalDistribution.cdf(x) - p) <= 4e-15 * max(1, x * x) * p, "p = \(p)")
            #expect(x > previous)
            previous = x
        }
        // Above 2, Φ(x) rounds to a multiple of 2⁻⁵³ too coarse to recover x; use −x there.
        for k in 0..<1000 {
            let x = -8 + 10 * Double(k) / 1000
            #expect(abs(NormalDistribution.quantile(NormalDistribution.cdf(x)) - x) <= 1e-14 * max(1, abs(x)), "x = \(x)")
        }
    }

    /// Φ by erfc at known points (mpmath).
    @Test func knownCDFValues() {
        #expect(abs(NormalDistribution.cdf(-1) - 0.15865525393145705141) < 1e-16)
        #expect(abs(NormalDistribution.cdf(3) - 0.99865010196836990547) < 1e-16)
        #expect(abs(NormalDistribution.cdf(-10) / 7.619853024160526066e-24 - 1) < 1e-14)
        #expect(abs(NormalDistribution.cdf(-37.5) / 4.6053530095819548438e-308 - 1) < 1e-12)
        #expect(abs(NormalDistribution.density(0) - 0.3989422804014327) < 1e-16)
    }
}
