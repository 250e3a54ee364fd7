/// `Moments` accumulated per fixed block of sample indices and combined along a fixed binary
/// tree of blocks, so the total is bit-for-bit the same however samples are spread over threads,
/// shards and machines — in memory that does not grow with the number of samples.
///
/// Sample s belongs to block ⌊s / blockSize⌋. Each block is a Welford accumulation
/// (`Moments.add`) of its samples in increasing sample order. Blocks are the leaves of a fixed
/// dyadic tree: node (level k, index j) covers blocks j·2^k ..< (j+1)·2^k and its moments are
/// always its left child's merged with its right child's (Chan et al., `Moments.merge`). Whenever
/// both children of a node are present and full (a leaf is full with `blockSize` samples), they
/// are replaced by the node. Whatever the order in which blocks and parts arrive, the nodes kept
/// are then the maximal full dyadic runs of the blocks present (plus any short block, such as the
/// last one of a study), each with the same bits, and `total` folds them in increasing block
/// order. For the blocks of a contiguous run this is at most about 2·log₂(blocks) nodes, so a
/// long run keeps O(log n) moments instead of one per block.
///
/// The moments of each prefix 0 ..< 2^k of blocks are kept as they are formed (at most one per
/// level): the convergence trace (`prefixes`).
///
/// Provided each block is computed whole by one worker (shard and thread boundaries multiples of
/// `blockSize`), the result depends on nothing but the values. Breaking that rule (a block in
/// both operands of `merge`, or samples of a block added out of order) stops with a precondition
/// failure rather than silently losing reproducibility.
public struct BlockedMoments: Sendable, Codable, Equatable {
    /// The number of consecutive sample indices per block.
    public let blockSize: Int
    /// (level, index) → the node's moments.
    private var nodes: [Key: Entry] = [:]
    /// The moments of blocks 0 ..< 2^k, at index k, once formed.
    private var prefix: [Moments?] = []

    private struct Key: Hashable, Sendable {
        var level: Int
        var index: Int
        var first: Int { index << level }
        var parent: Key { Key(level: level + 1, index: index >> 1) }
        var sibling: Key { Key(level: level, index: index ^ 1) }
    }

    private struct Entry: Sendable, Codable, Equatable {
        var level: Int
        var index: Int
        /// The last sample added (leaves; -1 above them).
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
        let key = Key(level: 0, index: block)
        var entry: Entry
        if let existing = nodes[key] {
            entry = existing
        } else {
            precondition(covering(block) == nil, "BlockedMoments: sample \(sample) added to a finished block")
            entry = Entry(level: 0, index: block, lastSample: -1, moments: Moments())
        }
        precondition(sample > entry.lastSample, "BlockedMoments: sample \(sample) added after \(entry.lastSample) in its block")
        entry.moments.add(x)
        entry.lastSample = sample
        nodes[key] = entry
        if isFull(entry) { settle(key) }
    }

    /// Takes over the blocks of `other` (same block size, no block in common): exact and
    /// independent of merge order.
    public mutating func merge(_ other: BlockedMoments) {
        precondition(other.blockSize == blockSize, "BlockedMoments.merge needs equal block sizes")
        for level in other.prefix.indices {
            guard let moments = other.prefix[level] else { continue }
            record(moments, level: level)
        }
        for key in other.nodes.keys.sorted(by: { ($0.first, $0.level) < ($1.first, $1.level) }) {
            let entry = other.nodes[key]!
            let width = 1 << key.level
            precondition(nodes.keys.allSatisfy { $0.first + (1 << $0.level) <= key.first || $0.first >= key.first + width },
                         "BlockedMoments.merge: blocks \(key.first)..<\(key.first + width) were computed by both sides; align shards to blocks")
            nodes[key] = entry
            if isFull(entry) { settle(key) }
        }
    }

    /// The number of blocks holding at least one sample.
    public var blockCount: Int { nodes.keys.reduce(0) { $0 + (1 << $1.level) } }

    /// The number of moments kept (nodes of the tree): O(log blocks) for a contiguous run.
    public var storedNodes: Int { nodes.count }

    /// The kept nodes in increasing block order: `(first block, blocks covered, moments)`.
    public var orderedNodes: [(block: Int, blocks: Int, moments: Moments)] {
        nodes.keys.sorted { $0.first < $1.first }.map { ($0.first, 1 << $0.level, nodes[$0]!.moments) }
    }

    /// The moments of all samples: the kept nodes folded in increasing block order.
    public var total: Moments {
        Moments.fold(orderedNodes.map(\.moments))
    }

    /// The moments of blocks 0 ..< 2^k for every k formed so far, in increasing k: the running
    /// statistics after 1, 2, 4, … full blocks (a convergence trace of bounded length).
    public var prefixes: [Moments] { prefix.compactMap { $0 } }

    private func isFull(_ entry: Entry) -> Bool {
        entry.level > 0 || entry.moments.count == blockSize
    }

    /// The kept node that covers `block`, if any.
    private func covering(_ block: Int) -> Key? {
        for level in 0..<62 {
            let key = Key(level: level, index: block >> level)
            if nodes[key] != nil { return key }
        }
        return nil
    }

    /// Replaces full siblings by their parent, up the tree from the full node `key`.
    private mutating func settle(_ start: Key) {
        var key = start
        if key.index == 0 { record(nodes[key]!.moments, level: key.level) }
        while let sibling = nodes[key.sibling], isFull(sibling) {
            let (left, right) = key.index & 1 == 0 ? (key, key.sibling) : (key.sibling, key)
            var moments = nodes[left]!.moments
            moments.merge(nodes[right]!.moments)
            nodes[left] = nil
            nodes[right] = nil
            key = key.parent
            nodes[key] = Entry(level: key.level, index: key.index, lastSample: -1, moments: moments)
            if key.index == 0 { record(moments, level: key.level) }
        }
    }

    private mutating func record(_ moments: Moments, level: Int) {
        while prefix.count <= level { prefix.append(nil) }
        prefix[level] = moments
    }

    // MARK: Codable — nodes as an array in increasing block order, so the JSON is deterministic
    // (with `.sortedKeys` for the keys of each object, as for any Codable type).

    private enum CodingKeys: String, CodingKey { case blockSize, nodes, prefixes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blockSize, forKey: .blockSize)
        try container.encode(nodes.keys.sorted { $0.first < $1.first }.map { nodes[$0]! }, forKey: .nodes)
        try container.encode(prefix, forKey: .prefixes)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blockSize = try container.decode(Int.self, forKey: .blockSize)
        guard blockSize >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .blockSize, in: container, debugDescription: "needs blockSize ≥ 1")
        }
        prefix = try container.decode([Moments?].self, forKey: .prefixes)
        guard prefix.count < 63 else {
            throw DecodingError.dataCorruptedError(forKey: .prefixes, in: container, debugDescription: "too many levels")
        }
        var end = 0
        for entry in try container.decode([Entry].self, forKey: .nodes) {
            let key = Key(level: entry.level, index: entry.index)
            guard entry.level >= 0, entry.level < 62, entry.index >= 0, entry.index <= Int.max >> (entry.level + 1),
                  key.first >= end,
                  entry.level == 0 ? entry.lastSample / blockSize == entry.index : entry.lastSample == -1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .nodes, in: container, debugDescription: "node \(entry.level)/\(entry.index) repeated, overlapping or inconsistent")
            }
            end = key.first + (1 << entry.level)
            nodes[key] = entry
        }
    }
}
