/// A seeded, stateless source of random numbers addressed by four 32-bit counters.
///
/// Every draw is `Philox4x32.block(counter: (a, b, c, d), key: (low 32 bits of seed, high 32
/// bits of seed))` (Salmon et al., SC 2011), so a draw depends only on the seed and its address
/// — callers use (sample, year, parameter, draw) — never on which thread or machine computes it
/// or in what order: a sharded Monte Carlo run is byte-identical to a sequential one.
public struct RandomStream: Sendable, Hashable, Codable {
    /// The 64-bit seed; its low and high halves are the Philox key.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The Philox key: (low 32 bits, high 32 bits) of the seed.
    @inlinable
    public var key: SIMD2<UInt32> {
        SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The 128 random bits at address (a, b, c, d).
    @inlinable
    public func bits(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32 = 0) -> SIMD4<UInt32> {
        Philox4x32.block(counter: SIMD4(a, b, c, d), key: key)
    }

    /// A uniform draw in the open interval (0, 1) from the first two output words of
    /// `bits(a, b, c, d)`; see `openUnitInterval(_:_:)`.
    @inlinable
    public func uniform(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32 = 0) -> Double {
        let word = bits(a, b, c, d)
        return Self.openUnitInterval(word.x, word.y)
    }

    /// Two independent uniform draws in (0, 1) from one block: words (0, 1) and words (2, 3).
    /// The first equals `uniform(a, b, c, d)`.
    @inlinable
    public func uniforms(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32 = 0) -> (Double, Double) {
        let word = bits(a, b, c, d)
        return (Self.openUnitInterval(word.x, word.y), Self.openUnitInterval(word.z, word.w))
    }

    /// A standard normal draw: `NormalDistribution.quantile(uniform(a, b, c, d))` (inversion,
    /// so it is monotone in the uniform and usable in a Gaussian copula); always finite,
    /// |z| ≤ 8.3.
    @inlinable
    public func normal(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32 = 0) -> Double {
        NormalDistribution.quantile(uniform(a, b, c, d))
    }

    /// An independent stream for a purpose (e.g. one per model part), keyed by the 64 bits at
    /// address (purpose, 0, 0, UInt32.max) of this stream; that address is reserved for this use.
    public func substream(_ purpose: UInt32) -> RandomStream {
        let word = bits(purpose, 0, 0, UInt32.max)
        return RandomStream(seed: UInt64(word.x) | UInt64(word.y) << 32)
    }

    /// (k + ½)/2⁵² for the 52-bit integer k formed by the 32 bits of `high` and the top 20 bits
    /// of `low`: strictly inside (0, 1), from 2⁻⁵³ to 1 − 2⁻⁵³, every value exact and the set of
    /// values symmetric about ½ (so `1 − u` is exact and `normal` is exactly odd).
    ///
    /// 52 bits rather than 53: with 53, (k + ½)/2⁵³ is not representable above ½ and rounds,
    /// up to exactly 1 for k = 2⁵³ − 1.
    @inlinable
    public static func openUnitInterval(_ high: UInt32, _ low: UInt32) -> Double {
        let k = UInt64(high) << 20 | UInt64(low >> 12)
        return (Double(k) + 0.5) * 0x1p-52
    }
}
