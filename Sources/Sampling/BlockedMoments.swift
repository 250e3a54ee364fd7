/// `Moments` accumulated per fixed block of sample indices, so the total is bit-for-bit the same
/// however samples are spread over threads, shards and machines.
///
/// Sample s belongs to block ⌊s / blockSize⌋. Each block is a Welford accumulation
/// (`Moments.add`) of its samples in increasing sample order, and `total` folds the blocks in
/// increasing block order with Chan et al.'s pairwise merge (`Moments.fold`). Neither depends on
/// who computed what, provided each block is computed whole by one worker: shard and thread
/// boundaries must be multiples of `blockSize`. Breaking either rule (a block in both operands of
/// `merge`, or samples of a block added out of order) stops with a precondition failure rather
/// than silently losing reproducibility.
public struct BlockedMoments: Sendable, Codable, Equatable {
    /// The number of consecutive sample indices per block.
    public let blockSize: Int
    /// Block index → (moments of its samples so far, last sample added).
    private var blocks: [Int: Entry] = [:]

    private struct Entry: Sendable, Codable, Equatable {
        var block: Int
        var lastSample: Int
        var moments: Moments
    }

    /// Precondition: blockSize ≥ 1.
    public init(blockSize: Int) {
        precondition(blockSize >= 1, "BlockedMoments needs blockSize ≥ 1")
        self.blockSize = blockSize
    }

    /// Records the value of sample `sample` (≥ 0). Precondition: `sample` is greater than every
    /// sample already added to its block.
    public mutating func add(_ x: Double, sample: Int) {
        precondition(sample >= 0, "BlockedMoments sample indices are ≥ 0")
        let block = sample / blockSize
        var entry = blocks[block] ?? Entry(block: block, lastSample: -1, moments: Moments())
        precondition(sample > entry.lastSample, "BlockedMoments: sample \(sample) added after \(entry.lastSample) in its block")
        entry.moments.add(x)
        entry.lastSample = sample
        blocks[block] = entry
    }

    /// Takes over the blocks of `other` (same block size, no block in common): exact and
    /// independent of merge order.
    public mutating func merge(_ other: BlockedMoments) {
        precondition(other.blockSize == blockSize, "BlockedMoments.merge needs equal block sizes")
        blocks.merge(other.blocks) { mine, _ in
            preconditionFailure("BlockedMoments.merge: block \(mine.block) was computed by both sides; align shards to blocks")
        }
    }

    /// The number of blocks holding at least one sample.
    public var blockCount: Int { blocks.count }

    /// The blocks present, in increasing block order: `(block index, its moments)`.
    public var orderedBlocks: [(block: Int, moments: Moments)] {
        blocks.keys.sorted().map { ($0, blocks[$0]!.moments) }
    }

    /// The moments of all samples: the blocks folded in increasing block order.
    public var total: Moments {
        Moments.fold(blocks.keys.sorted().map { blocks[$0]!.moments })
    }

    // MARK: Codable — blocks as an array in increasing block order, so the JSON is deterministic
    // (with `.sortedKeys` for the keys of each object, as for any Codable type).

    private enum CodingKeys: String, CodingKey { case blockSize, blocks }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blockSize, forKey: .blockSize)
        try container.encode(blocks.keys.sorted().map { blocks[$0]! }, forKey: .blocks)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blockSize = try container.decode(Int.self, forKey: .blockSize)
        guard blockSize >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .blockSize, in: container, debugDescription: "needs blockSize ≥ 1")
        }
        for entry in try container.decode([Entry].self, forKey: .blocks) {
            guard blocks[entry.block] == nil, entry.lastSample / blockSize == entry.block else {
                throw DecodingError.dataCorruptedError(
                    forKey: .blocks, in: container, debugDescription: "block \(entry.block) repeated or inconsistent")
            }
            blocks[entry.block] = entry
        }
    }
}
