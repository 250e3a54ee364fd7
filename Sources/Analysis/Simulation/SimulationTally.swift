import Sampling

/// One outcome measured over samples: its moments (accumulated per block of sample indices,
/// so that any split of the work folds to the same bits) and its quantile sketch (integer
/// bucket counts: merging is exact in any order).
public struct Distribution: Sendable, Codable, Equatable {
    public var moments: BlockedMoments
    public var sketch: QuantileSketch
    /// Samples below zero (exact).
    public var negative: Int = 0

    public init(blockSize: Int) {
        moments = BlockedMoments(blockSize: blockSize)
        sketch = QuantileSketch(relativeAccuracy: Distribution.relativeAccuracy)
    }

    /// Relative accuracy of the quantiles (DDSketch, Masson et al. 2019): each reported
    /// quantile is within 0.1 % of the exact order statistic.
    public static let relativeAccuracy = 0.001

    public mutating func add(_ x: Double, sample: Int) {
        moments.add(x, sample: sample)
        sketch.add(x)
        if x < 0 { negative += 1 }
    }

    public mutating func merge(_ other: Distribution) {
        moments.merge(other.moments)
        sketch.merge(other.sketch)
        negative += other.negative
    }

    public var count: Int { sketch.count }
}

/// Everything a simulation accumulates, mergeable across threads, shards and machines: a
/// shard's file is its tally, and `merge` adds tallies whose sample blocks do not overlap.
public struct SimulationTally: Sendable, Codable, Equatable {
    public var npv: Distribution
    public var co2eAvoided: Distribution
    public var jobs: Distribution
    public var wasteDiverted: Distribution
    public var waterSaved: Distribution
    /// NPV of each account after transfers (companies, then the park operator).
    public var accountNPV: [Distribution]
    /// Each account's gain against the status quo along the same path (after transfers, fees and
    /// charges; docs/appraisal.md): filled when the run knows a status quo (`compare`), else empty.
    public var accountGain: [Distribution] = []
    /// Park cash flow of each year (nominal).
    public var cashFlow: [Distribution]
    /// Per exchange: sample-years in which it carried flow, and sample-years it could operate.
    public var carriedYears: [Int]
    public var operatingYears: [Int]
    /// Per exchange: samples in which it was built (re-optimized designs), and per build year.
    public var built: [Int]
    public var buildYears: [[Int]]
    /// The sample blocks this tally covers, to check merges.
    public var blocks: BlockRanges

    public init(accounts: Int, exchanges: Int, years: Int, blockSize: Int) {
        npv = Distribution(blockSize: blockSize)
        co2eAvoided = Distribution(blockSize: blockSize)
        jobs = Distribution(blockSize: blockSize)
        wasteDiverted = Distribution(blockSize: blockSize)
        waterSaved = Distribution(blockSize: blockSize)
        accountNPV = Array(repeating: Distribution(blockSize: blockSize), count: accounts)
        cashFlow = Array(repeating: Distribution(blockSize: blockSize), count: years)
        carriedYears = Array(repeating: 0, count: exchanges)
        operatingYears = Array(repeating: 0, count: exchanges)
        built = Array(repeating: 0, count: exchanges)
        buildYears = Array(repeating: Array(repeating: 0, count: years), count: exchanges)
        blocks = BlockRanges()
    }

    public var samples: Int { npv.count }

    /// Adds another tally covering other sample blocks.
    public mutating func merge(_ other: SimulationTally) throws(SimulationError) {
        if let overlap = blocks.firstCommonBlock(with: other.blocks) {
            throw .incompatibleParts("sample block \(overlap) is in two parts (the same shard given twice?)")
        }
        guard accountNPV.count == other.accountNPV.count, accountGain.count == other.accountGain.count,
              cashFlow.count == other.cashFlow.count,
              built.count == other.built.count, npv.moments.blockSize == other.npv.moments.blockSize else {
            throw .incompatibleParts("the parts describe different parks or block sizes")
        }
        npv.merge(other.npv)
        co2eAvoided.merge(other.co2eAvoided)
        jobs.merge(other.jobs)
        wasteDiverted.merge(other.wasteDiverted)
        waterSaved.merge(other.waterSaved)
        for a in accountNPV.indices { accountNPV[a].merge(other.accountNPV[a]) }
        for a in accountGain.indices { accountGain[a].merge(other.accountGain[a]) }
        for t in cashFlow.indices { cashFlow[t].merge(other.cashFlow[t]) }
        for e in built.indices {
            carriedYears[e] += other.carriedYears[e]
            operatingYears[e] += other.operatingYears[e]
            built[e] += other.built[e]
            for t in buildYears[e].indices { buildYears[e][t] += other.buildYears[e][t] }
        }
        blocks.formUnion(other.blocks)
    }
}

/// A set of sample blocks as sorted, disjoint, non-adjacent ranges: a run's blocks take a few
/// ranges however many blocks there are. Encoded as `[[first, end], …]`.
public struct BlockRanges: Sendable, Codable, Equatable {
    public private(set) var ranges: [Range<Int>] = []

    public init() {}

    public init(_ range: Range<Int>) {
        if !range.isEmpty { ranges = [range] }
    }

    /// The number of blocks.
    public var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// The smallest block in both sets, if any.
    public func firstCommonBlock(with other: BlockRanges) -> Int? {
        var i = 0, j = 0, first: Int?
        while i < ranges.count, j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            if a.overlaps(b) { first = Swift.max(a.lowerBound, b.lowerBound); break }
            if a.upperBound <= b.lowerBound { i += 1 } else { j += 1 }
        }
        return first
    }

    public mutating func formUnion(_ other: BlockRanges) {
        var merged: [Range<Int>] = []
        for range in (ranges + other.ranges).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, last.upperBound >= range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ranges.map { [$0.lowerBound, $0.upperBound] })
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        var end = 0
        for pair in try container.decode([[Int]].self) {
            guard pair.count == 2, pair[0] >= end, pair[1] > pair[0] else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "block ranges must be sorted, disjoint and non-empty")
            }
            ranges.append(pair[0]..<pair[1])
            end = pair[1]
        }
        // Adjacent ranges are joined, so equal sets compare equal.
        let pieces = ranges
        ranges = []
        for piece in pieces { formUnion(BlockRanges(piece)) }
    }
}

extension SimulationTally {
    /// The distribution of account `account`'s gain against the status quo, when the run measured
    /// it (`compare`); `nil` otherwise or before any sample.
    public func gainSummary(account: Int) -> DistributionSummary? {
        account < accountGain.count ? accountGain[account].summary : nil
    }
}
