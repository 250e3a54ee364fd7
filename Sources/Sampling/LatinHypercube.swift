/// Latin hypercube sampling with random access: any sample of any dimension is computed alone.
///
/// M. D. McKay, R. J. Beckman and W. J. Conover, "A comparison of three methods for selecting
/// values of input variables in the analysis of output from a computer code", Technometrics 21,
/// 1979: in each dimension the N samples fall one per stratum [k/N, (k+1)/N). Here the stratum
/// of sample i in dimension d is π_d(i) for a keyed pseudo-random permutation π_d of 0..<N — a
/// 4-round balanced Feistel network on the smallest even number of bits covering N, restricted to
/// 0..<N by cycle walking (M. Luby and C. Rackoff, SIAM J. Comput. 17, 1988; J. Black and
/// P. Rogaway, "Ciphers with arbitrary finite domains", CT-RSA 2002) — with Philox4x32-10 as
/// round function, keyed by the seed and counted by (dimension, round). A Philox jitter then
/// places the sample inside its stratum. No table of N entries is stored, so shards need no
/// shared state and the result does not depend on which shard computes which sample.
public struct LatinHypercube: Sendable {
    /// N, the number of samples and of strata per dimension.
    public let samples: Int
    public let seed: UInt64
    /// Key of the Feistel round function and of the jitter (derived from `seed`, so the draws do
    /// not coincide with `RandomStream(seed:)`'s).
    private let stream: RandomStream
    /// Bits of each Feistel half; the network permutes 0..<2^(2·halfBits) ⊇ 0..<N.
    private let halfBits: Int

    /// Precondition: 1 ≤ samples ≤ 2³².
    public init(samples: Int, seed: UInt64) {
        precondition(samples >= 1 && samples <= 1 << 32, "LatinHypercube needs 1 ≤ samples ≤ 2³², got \(samples)")
        self.samples = samples
        self.seed = seed
        stream = RandomStream(seed: seed).substream(0x4C48_5331)  // "LHS1"
        var bits = 2
        while (1 << bits) < samples { bits += 2 }
        halfBits = bits / 2
    }

    /// The coordinate of `sample` in `dimension`: (π_d(i) + u)/N with a jitter u ∈ (0, 1), so it
    /// lies in stratum π_d(i) and in the open interval (0, 1).
    public func uniform(sample: Int, dimension: Int) -> Double {
        let stratum = self.stratum(sample: sample, dimension: dimension)
        let jitter = stream.uniform(UInt32(truncatingIfNeeded: sample), UInt32(truncatingIfNeeded: dimension),
                                    UInt32(truncatingIfNeeded: sample >> 32), 0x4A49_5454)  // "JITT"
        let x = (Double(stratum) + jitter) / Double(samples)
        // Rounding can reach 1 in the top stratum of large N; stay inside (0, 1).
        return Swift.min(x, 1.0.nextDown)
    }

    /// π_d(i) ∈ 0..<N: the stratum of `sample` in `dimension`. For each dimension, a permutation
    /// of 0..<N. Precondition: 0 ≤ sample < N, dimension ≥ 0.
    public func stratum(sample: Int, dimension: Int) -> Int {
        precondition(sample >= 0 && sample < samples, "LatinHypercube sample \(sample) out of 0..<\(samples)")
        precondition(dimension >= 0 && dimension <= Int(UInt32.max), "LatinHypercube dimension \(dimension) out of range")
        // Cycle walking: the Feistel network permutes a domain of ≤ 4N values; iterate until the
        // value falls back into 0..<N (expected < 4 steps). The result is a permutation of 0..<N.
        var x = UInt64(sample)
        repeat {
            x = feistel(x, dimension: UInt32(dimension))
        } while x >= UInt64(samples)
        return Int(x)
    }

    /// One pass of the 4-round Feistel network on 2·halfBits bits: (L, R) → (R, L ⊕ F_r(R)).
    private func feistel(_ value: UInt64, dimension: UInt32) -> UInt64 {
        let mask: UInt64 = (1 << UInt64(halfBits)) - 1
        var left = value >> UInt64(halfBits), right = value & mask
        for round: UInt32 in 0..<4 {
            let f = stream.bits(UInt32(truncatingIfNeeded: right), dimension, round, 0x4645_4953)  // "FEIS"
            let mixed = (UInt64(f.x) | UInt64(f.y) << 32) & mask
            (left, right) = (right, left ^ mixed)
        }
        return left << UInt64(halfBits) | right
    }
}
