import Foundation
import Testing
import Sampling
import TestSupport

@Suite("Streaming moments and block-ordered folding")
struct MomentsTests {
    private static func twoPass(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        return (mean, variance)
    }

    /// Welford and the pairwise merge agree with the two-pass formulas to 1e-12, also on data
    /// with an offset of 1,000 standard deviations (where Σx² − n·mean² loses 6 digits).
    /// (Single-pass error grows like ε·|mean|/sd: an offset of 1e6 would cost about 1e-11.)
    @Test(arguments: [0.0, 2e3])
    func matchesTwoPass(offset: Double) {
        let values = SamplingTestData.lognormal(10_000, seed: 21).map { $0 + offset }
        let exact = Self.twoPass(values)
        var merged = Moments()
        for part in 0..<4 { merged.merge(Moments(values[part * 2500..<(part + 1) * 2500])) }
        for moments in [Moments(values), merged] {
            #expect(moments.count == 10_000)
            #expect(TestSupport.relativeDifference(moments.mean, exact.mean) < 1e-12)
            #expect(abs(moments.variance! - exact.variance) <= 1e-12 * exact.variance)
            #expect(moments.minimum == values.min() && moments.maximum == values.max())
            #expect(moments.standardDeviation == moments.variance!.squareRoot())
            #expect(moments.standardError == moments.standardDeviation! / 100)
        }
    }

    @Test func smallAndEmpty() {
        let empty = Moments()
        #expect(empty.count == 0 && empty.variance == nil && empty.standardError == nil && empty.minimum == nil)
        let one = Moments([3.5])
        #expect(one.mean == 3.5 && one.variance == nil && one.minimum == 3.5 && one.maximum == 3.5)
        var merged = one
        merged.merge(empty)
        #expect(merged == one)
        var fromEmpty = Moments()
        fromEmpty.merge(one)
        #expect(fromEmpty == one)
        #expect(Moments([1, 2, 3, 4]).variance == 5.0 / 3)
    }

    /// `fold` is the left fold in the given order.
    @Test func foldIsTheLeftFold() {
        let blocks = (0..<5).map { Moments(SamplingTestData.uniforms(100, seed: UInt64($0))) }
        var expected = blocks[0]
        for block in blocks.dropFirst() { expected.merge(block) }
        #expect(Moments.fold(blocks) == expected)
        #expect(Moments.fold([]) == Moments())
    }

    /// One worker, or four concurrent shards aligned to blocks merged in any order: the same
    /// total bit for bit, and the same JSON bytes.
    @Test func blockedMomentsAreShardIndependent() async throws {
        let values = SamplingTestData.mixedSign(10_000, seed: 22)
        var single = BlockedMoments(blockSize: 250)
        for (sample, x) in values.enumerated() { single.add(x, sample: sample) }
        let shards = await withTaskGroup(of: BlockedMoments.self) { group in
            for shard in 0..<4 {
                group.addTask {
                    var part = BlockedMoments(blockSize: 250)
                    for sample in stride(from: shard * 2500, to: (shard + 1) * 2500, by: 1) { part.add(values[sample], sample: sample) }
                    return part
                }
            }
            return await group.reduce(into: [BlockedMoments]()) { $0.append($1) }
        }
        var rng = SplitMix64(seed: 5)
        var merged = BlockedMoments(blockSize: 250)
        for part in shards.shuffled(using: &rng) { merged.merge(part) }
        #expect(merged == single)
        #expect(merged.blockCount == 40)
        #expect(merged.total == single.total)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(merged.total) == encoder.encode(single.total))
        #expect(try encoder.encode(merged) == encoder.encode(single))
        #expect(try JSONDecoder().decode(BlockedMoments.self, from: encoder.encode(merged)) == single)
        let exact = Self.twoPass(values)
        #expect(TestSupport.relativeDifference(single.total.mean, exact.mean) < 1e-12)
        #expect(abs(single.total.variance! - exact.variance) <= 1e-12 * exact.variance)
    }

    /// Issue 20 (5): the moments kept do not grow with the samples. 100,000 samples in blocks of
    /// 4 (25,000 blocks) keep a few dozen nodes, whether added in order or as blocks merged in a
    /// shuffled order, with the same bits either way and a convergence trace of 1, 2, 4, … blocks.
    @Test func blockedMomentsKeepLogarithmicallyManyNodes() throws {
        let values = SamplingTestData.mixedSign(100_000, seed: 31)
        var single = BlockedMoments(blockSize: 4)
        for (sample, x) in values.enumerated() {
            single.add(x, sample: sample)
            #expect(single.storedNodes <= 2 * 15 + 1, "after sample \(sample): \(single.storedNodes) nodes")
            if single.storedNodes > 31 { break }
        }
        #expect(single.blockCount == 25_000)
        var rng = SplitMix64(seed: 8)
        var merged = BlockedMoments(blockSize: 4)
        var largest = 0
        // Blocks finish out of order, as with threads: a window of 8 blocks shuffled at a time.
        for window in stride(from: 0, to: 25_000, by: 8) {
            for block in Array(window..<min(25_000, window + 8)).shuffled(using: &rng) {
                var part = BlockedMoments(blockSize: 4)
                for sample in (4 * block)..<(4 * block + 4) { part.add(values[sample], sample: sample) }
                merged.merge(part)
                largest = max(largest, merged.storedNodes)
            }
        }
        #expect(largest <= 2 * 15 + 8)
        #expect(merged == single)
        #expect(merged.total == single.total)
        let exact = Self.twoPass(values)
        #expect(TestSupport.relativeDifference(single.total.mean, exact.mean) < 1e-12)
        #expect(abs(single.total.variance! - exact.variance) <= 1e-12 * exact.variance)
        // Prefixes 0 ..< 2^k blocks: 1, 2, 4, …, 16384 blocks.
        #expect(single.prefixes.map(\.count) == (0...14).map { 4 << $0 })
        #expect(TestSupport.relativeDifference(single.prefixes[3].mean, Moments(values.prefix(32)).mean) < 1e-12)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(single).count < 20_000)
        #expect(try JSONDecoder().decode(BlockedMoments.self, from: encoder.encode(merged)) == single)
    }

    /// A short block (the last of a study) stays a leaf; it never pairs with a full sibling.
    @Test func aShortLastBlockStaysALeaf() {
        var moments = BlockedMoments(blockSize: 10)
        for sample in 0..<25 { moments.add(Double(sample), sample: sample) }
        #expect(moments.blockCount == 3)
        #expect(moments.storedNodes == 2)
        #expect(moments.total.count == 25)
        #expect(moments.total.mean == 12)
    }

    @Test func codable() throws {
        let moments = Moments(SamplingTestData.lognormal(100, seed: 23))
        #expect(try JSONDecoder().decode(Moments.self, from: JSONEncoder().encode(moments)) == moments)
        #expect(try JSONDecoder().decode(Moments.self, from: JSONEncoder().encode(Moments())) == Moments())
    }
}
