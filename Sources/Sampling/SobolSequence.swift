/// The Sobol low-discrepancy sequence with Joe–Kuo direction numbers, computed point by point
/// from the index, optionally with hash-based Owen scrambling.
///
/// I. M. Sobol', USSR Comput. Math. Math. Phys. 7(4), 1967; direction numbers of S. Joe and
/// F. Y. Kuo, SIAM J. Sci. Comput. 30, 2008 (`new-joe-kuo-6.21201`, first 1,000 dimensions,
/// embedded in `JoeKuoDirectionNumbers`). 32-bit integers: point i of dimension d is
/// x = ⨁_j g_j v_(d,j) for the bits g_j of the Gray code g = i ⊕ (i >> 1) (Antonov & Saleev,
/// USSR Comput. Math. Math. Phys. 19, 1979), so `point(i)` is the i-th point in **Gray-code
/// order** — the order of Joe & Kuo's `sobol.cc` and of SciPy's `Sobol(scramble=False)`,
/// and of the reference table: (0, …), (½, …), (¾, ¼, …), (¼, ¾, …), … The first 2^k points
/// are the same set as in natural order, so every balance property holds for them.
///
/// Unscrambled: x/2³² ∈ [0, 1); the first point is all zeros and is kept. Scrambled with a
/// seed: nested uniform (Owen) scrambling by B. Burley's hash, "Practical Hash-based Owen
/// Scrambling", JCGT 9(4), 2020 — reverse the bits, apply the Laine–Karras permutation keyed by
/// a per-dimension seed drawn from Philox(seed, dimension), reverse back — which keeps the
/// (t, m, s)-net structure (each dyadic stratum keeps its point count) and moves 0 away from 0.
/// Scrambled values are centered in their 2⁻³² cell, (x + ½)/2³² ∈ (0, 1), so
/// `NormalDistribution.quantile` of them is finite.
public struct SobolSequence: Sendable {
    /// The number of dimensions with embedded direction numbers.
    public static let maximumDimensions: Int = JoeKuoDirectionNumbers.dimensions

    /// The number of coordinates of each point.
    public let dimensions: Int
    /// The scrambling seed, or nil for the plain sequence.
    public let scrambleSeed: UInt64?
    /// v_(d,j) at `directions[32 d + j]`.
    private let directions: [UInt32]
    /// The Laine–Karras key of each dimension (empty when unscrambled).
    private let dimensionSeeds: [UInt32]

    /// A sequence of points with `dimensions` coordinates, scrambled when `seed` is given.
    /// Throws `SamplingError.dimensionsOutOfRange` outside 1...`maximumDimensions`.
    public init(dimensions: Int, scramble seed: UInt64? = nil) throws(SamplingError) {
        guard dimensions >= 1, dimensions <= Self.maximumDimensions else {
            throw .dimensionsOutOfRange(requested: dimensions, maximum: Self.maximumDimensions)
        }
        self.dimensions = dimensions
        scrambleSeed = seed
        directions = Array(JoeKuoDirectionNumbers.directionIntegers.prefix(32 * dimensions))
        if let seed {
            let stream = RandomStream(seed: seed).substream(0x536F_626C)  // "Sobl"
            dimensionSeeds = (0..<dimensions).map { stream.bits(UInt32($0), 0, 0, 0).x }
        } else {
            dimensionSeeds = []
        }
    }

    /// Point `index` (Gray-code order), one coordinate per dimension.
    public func point(_ index: UInt32) -> [Double] {
        (0..<dimensions).map { value(index, dimension: $0) }
    }

    /// Coordinate `dimension` (0-based) of point `index`: in [0, 1) unscrambled, in (0, 1)
    /// scrambled.
    public func value(_ index: UInt32, dimension: Int) -> Double {
        let x = integer(index, dimension: dimension)
        return scrambleSeed == nil ? Double(x) * 0x1p-32 : (Double(x) + 0.5) * 0x1p-32
    }

    /// The 32-bit integer behind `value(index, dimension:)` (x with value x/2³², scrambled or not).
    public func integer(_ index: UInt32, dimension: Int) -> UInt32 {
        precondition(dimension >= 0 && dimension < dimensions, "Sobol dimension \(dimension) out of 0..<\(dimensions)")
        var gray = index ^ (index >> 1)
        var x: UInt32 = 0
        var j = 32 * dimension
        while gray != 0 {
            if gray & 1 == 1 { x ^= directions[j] }
            gray >>= 1
            j += 1
        }
        guard !dimensionSeeds.isEmpty else { return x }
        return Self.nestedUniformScramble(x, seed: dimensionSeeds[dimension])
    }

    /// Burley 2020, listing 2: Owen scrambling as a Laine–Karras permutation of the reversed bits.
    static func nestedUniformScramble(_ x: UInt32, seed: UInt32) -> UInt32 {
        reverseBits(laineKarrasPermutation(reverseBits(x), seed: seed))
    }

    /// Burley 2020, listing 1 (after Laine & Karras 2011): each bit is changed only by lower
    /// bits, so on reversed bits every digit is permuted depending on the higher digits alone.
    static func laineKarrasPermutation(_ value: UInt32, seed: UInt32) -> UInt32 {
        var x = value &+ seed
        x ^= x &* 0x6C50_B47C
        x ^= x &* 0xB82F_1E52
        x ^= x &* 0xC7AF_E638
        x ^= x &* 0x8D22_F6E6
        return x
    }

    static func reverseBits(_ value: UInt32) -> UInt32 {
        var v = value
        v = (v >> 1) & 0x5555_5555 | (v & 0x5555_5555) << 1
        v = (v >> 2) & 0x3333_3333 | (v & 0x3333_3333) << 2
        v = (v >> 4) & 0x0F0F_0F0F | (v & 0x0F0F_0F0F) << 4
        v = (v >> 8) & 0x00FF_00FF | (v & 0x00FF_00FF) << 8
        return v >> 16 | v << 16
    }
}
