import Foundation
import Testing
import Sampling

@Suite("Counter-based random streams")
struct RandomStreamTests {
    /// The key is (low 32 bits, high 32 bits) of the seed and the counter is (a, b, c, d).
    @Test func keyAndCounterLayout() {
        let stream = RandomStream(seed: 0x0123_4567_89AB_CDEF)
        #expect(stream.key == SIMD2(0x89AB_CDEF, 0x0123_4567))
        let block = Philox4x32.block(counter: SIMD4(7, 2030, 3, 1), key: SIMD2(0x89AB_CDEF, 0x0123_4567))
        #expect(stream.bits(7, 2030, 3, 1) == block)
        #expect(stream.uniform(7, 2030, 3, 1) == RandomStream.openUnitInterval(block.x, block.y))
        #expect(stream.uniforms(7, 2030, 3, 1) == (RandomStream.openUnitInterval(block.x, block.y),
                                                  RandomStream.openUnitInterval(block.z, block.w)))
        #expect(stream.uniform(7, 2030, 3) == stream.uniform(7, 2030, 3, 0))
        #expect(stream.normal(7, 2030, 3, 1) == NormalDistribution.quantile(stream.uniform(7, 2030, 3, 1)))
    }

    /// The extreme bit patterns map strictly inside (0, 1), symmetrically, so normals are finite.
    @Test func openIntervalAtTheExtremes() {
        let lowest = RandomStream.openUnitInterval(0, 0), highest = RandomStream.openUnitInterval(.max, .max)
        #expect(lowest == 0x1p-53)
        #expect(highest == 1 - 0x1p-53)
        #expect(highest < 1 && lowest > 0)
        #expect(NormalDistribution.quantile(lowest) == -NormalDistribution.quantile(highest))
        #expect(NormalDistribution.quantile(lowest).isFinite && NormalDistribution.quantile(lowest) > -8.3)
        // Complementing the bits gives exactly 1 − u.
        for block in (0..<1000).map({ RandomStream(seed: 9).bits($0, 0, 0) }) {
            let u = RandomStream.openUnitInterval(block.x, block.y)
            #expect(RandomStream.openUnitInterval(~block.x, ~block.y) == 1 - u)
        }
    }

    /// 100 000 draws: uniform mean ½ and variance 1/12, normal mean 0 and variance 1 (5σ bounds).
    @Test func firstMoments() {
        let stream = RandomStream(seed: 20_240_601)
        let u = (0..<100_000).map { stream.uniform(UInt32($0), 1, 2) }
        let z = (0..<100_000).map { stream.normal(UInt32($0), 1, 3) }
        let uMoments = Moments(u), zMoments = Moments(z)
        #expect(abs(uMoments.mean - 0.5) < 5 * (1.0 / 12 / 1e5).squareRoot())
        #expect(abs(uMoments.variance! - 1.0 / 12) < 0.002)
        #expect(abs(zMoments.mean) < 5 / 1e5.squareRoot())
        #expect(abs(zMoments.variance! - 1) < 0.03)
        #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
    }

    /// Each counter word and the seed change the draw.
    @Test func everyAddressWordMatters() {
        let stream = RandomStream(seed: 1)
        let base = stream.uniform(1, 1, 1, 1)
        for other in [stream.uniform(2, 1, 1, 1), stream.uniform(1, 2, 1, 1), stream.uniform(1, 1, 2, 1),
                      stream.uniform(1, 1, 1, 2), RandomStream(seed: 2).uniform(1, 1, 1, 1),
                      RandomStream(seed: 1 | 1 << 32).uniform(1, 1, 1, 1)] {
            #expect(other != base)
        }
    }

    /// Draws computed by several concurrent shards equal the sequential ones bit for bit.
    @Test func shardedEqualsSequential() async {
        let stream = RandomStream(seed: 77)
        let sequential = (0..<4000).map { stream.normal(UInt32($0 / 40), UInt32($0 % 40), 5) }
        let sharded = await withTaskGroup(of: (Int, [Double]).self) { group in
            for shard in 0..<4 {
                group.addTask {
                    (shard, (shard * 1000..<(shard + 1) * 1000).map { stream.normal(UInt32($0 / 40), UInt32($0 % 40), 5) })
                }
            }
            var parts = [[Double]](repeating: [], count: 4)
            for await (shard, values) in group { parts[shard] = values }
            return parts.flatMap { $0 }
        }
        #expect(sharded == sequential)
    }

    @Test func substreamsAreDistinctAndReproducible() {
        let stream = RandomStream(seed: 5)
        #expect(stream.substream(1) == stream.substream(1))
        #expect(stream.substream(1) != stream.substream(2))
        #expect(stream.substream(1).uniform(0, 0, 0) != stream.uniform(0, 0, 0))
    }

    @Test func codableAndHashable() throws {
        let stream = RandomStream(seed: .max - 3)
        let decoded = try JSONDecoder().decode(RandomStream.self, from: JSONEncoder().encode(stream))
        #expect(decoded == stream)
        #expect(Set([stream, decoded, RandomStream(seed: 1)]).count == 2)
    }
}
