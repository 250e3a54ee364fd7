/// The Philox4x32-10 counter-based random bijection: one 128-bit counter and a 64-bit key give
/// 128 random bits, with no state between calls.
///
/// J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011; the round function and constants are those of Random123's `philox4x32`
/// with 10 rounds (multipliers 0xD2511F53 and 0xCD9E8D57, Weyl key increments 0x9E3779B9 and
/// 0xBB67AE85). Because the output depends only on (counter, key), any thread or machine can
/// compute any draw of a simulation without the others, and results do not depend on sharding.
public enum Philox4x32 {
    @inlinable static var multiplier0: UInt32 { 0xD251_1F53 }
    @inlinable static var multiplier1: UInt32 { 0xCD9E_8D57 }
    @inlinable static var keyIncrement0: UInt32 { 0x9E37_79B9 }
    @inlinable static var keyIncrement1: UInt32 { 0xBB67_AE85 }
    /// The number of rounds (Random123's recommended default; 7 already passes BigCrush).
    @inlinable public static var rounds: Int { 10 }

    /// The 4 × 32-bit output block for `counter` under `key`.
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var x = counter
        var k = key
        for round in 0..<rounds {
            if round > 0 {
                k.x &+= keyIncrement0
                k.y &+= keyIncrement1
            }
            // One round: two 32 × 32 → 64-bit products, their high halves mixed with the key.
            let product0 = UInt64(multiplier0) &* UInt64(x.x)
            let product1 = UInt64(multiplier1) &* UInt64(x.z)
            let hi0 = UInt32(truncatingIfNeeded: product0 >> 32), lo0 = UInt32(truncatingIfNeeded: product0)
            let hi1 = UInt32(truncatingIfNeeded: product1 >> 32), lo1 = UInt32(truncatingIfNeeded: product1)
            x = SIMD4(hi1 ^ x.y ^ k.x, lo1, hi0 ^ x.w ^ k.y, lo0)
        }
        return x
    }
}
