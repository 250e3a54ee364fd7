import Foundation

/// A streaming quantile sketch with relative-error guarantee whose merge is exact: DDSketch.
///
/// C. Masson, J. E. Rim and H. K. Lee, "DDSketch: a fast and fully-mergeable quantile sketch
/// with relative-error guarantees", PVLDB 12(12), 2019. With γ = (1 + α)/(1 − α), a value x > 0
/// goes to bucket i = ⌈log_γ x⌉, which holds (γ^(i−1), γ^i]; its representative 2γ^i/(γ + 1) is
/// within relative error α of every value in it. Negative values go to a mirrored store by |x|,
/// and ±0 to an exact zero count. Counts are integers, so `merge` (adding counts) is exact,
/// commutative and associative: any grouping and order of merges, and any sharding of `add`s,
/// gives an identical (==) sketch, and byte-identical JSON under `JSONEncoder` with
/// `.sortedKeys` (without it, Foundation's encoder orders the keys of every keyed container by
/// hash, differently from run to run).
///
/// The queries are exact for the observations rounded to their bucket representative (the
/// sketch is that empirical distribution), so each value they return is within α·|x| of the
/// corresponding exact answer. Memory is one entry per occupied bucket: at most
/// ln(max/min)/ln γ + 1 per sign, bounded by the range of the values, not by their number.
/// Non-finite values are rejected by a precondition in `add`.
public struct QuantileSketch: Sendable, Codable, Equatable {
    /// α: the guaranteed relative accuracy of quantiles.
    public let relativeAccuracy: Double
    /// ln γ.
    private let logGamma: Double
    /// The number of observations.
    public private(set) var count = 0
    /// Observations exactly equal to zero (either sign).
    public private(set) var zeroCount = 0
    /// Bucket index of x → count, for x > 0.
    private var positive: [Int: Int] = [:]
    /// Bucket index of |x| → count, for x < 0.
    private var negative: [Int: Int] = [:]
    /// The smallest and largest observation, exact (nil when empty).
    public private(set) var minimum: Double?
    public private(set) var maximum: Double?

    /// One bucket of the sketch: its value range, observation count and representative value.
    /// Positive buckets hold (lower, upper], negative ones [lower, upper), the zero bucket 0.
    public struct Bucket: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var representative: Double
    }

    /// An empty sketch with relative accuracy α (0 < α < 1).
    public init(relativeAccuracy: Double = 0.001) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "QuantileSketch needs 0 < α < 1")
        self.relativeAccuracy = relativeAccuracy
        logGamma = log((1 + relativeAccuracy) / (1 - relativeAccuracy))
    }

    public var isEmpty: Bool { count == 0 }

    /// Records one observation. Precondition: x is finite.
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "QuantileSketch.add needs a finite value, got \(x)")
        if x > 0 {
            positive[index(x), default: 0] += 1
        } else if x < 0 {
            negative[index(-x), default: 0] += 1
        } else {
            zeroCount += 1
        }
        count += 1
        minimum = Swift.min(minimum ?? x, x)
        maximum = Swift.max(maximum ?? x, x)
    }

    /// Adds the observations of `other` (same α): exact and independent of merge order.
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.relativeAccuracy == relativeAccuracy, "QuantileSketch.merge needs equal α")
        positive.merge(other.positive, uniquingKeysWith: +)
        negative.merge(other.negative, uniquingKeysWith: +)
        zeroCount += other.zeroCount
        count += other.count
        if let low = other.minimum { minimum = Swift.min(minimum ?? low, low) }
        if let high = other.maximum { maximum = Swift.max(maximum ?? high, high) }
    }

    /// The lower inverse of the empirical CDF (Hyndman & Fan type 1): the smallest observation x
    /// with at least k = ⌈q·n⌉ observations ≤ x (k at least 1, so q = 0 gives the minimum),
    /// returned as its bucket's representative — within α·|x| of the exact type-1 quantile.
    /// A product q·n within 8 ulps of an integer counts as that integer (0.95 × 10 000 is 9 500).
    /// Nil when empty. Precondition: 0 ≤ q ≤ 1.
    public func quantile(_ q: Double) -> Double? {
        precondition(q >= 0 && q <= 1, "QuantileSketch.quantile needs 0 ≤ q ≤ 1, got \(q)")
        guard count > 0 else { return nil }
        let target = q * Double(count)
        let nearest = target.rounded()
        let rank = abs(target - nearest) <= 8 * target.ulp ? nearest : target.rounded(.up)
        let k = Swift.min(Swift.max(Int(rank), 1), count)
        var cumulative = 0
        for bucket in buckets {
            cumulative += bucket.count
            if cumulative >= k { return bucket.representative }
        }
        return buckets.last?.representative
    }

    /// The mean of the lowest m = fraction·n observations (CVaR / expected shortfall of the lower
    /// tail); when m is not an integer the next observation counts with weight m − ⌊m⌋. Each
    /// observation is taken at its bucket representative. Nil when empty.
    /// Precondition: 0 < fraction ≤ 1.
    public func lowerTailMean(fraction: Double) -> Double? {
        precondition(fraction > 0 && fraction <= 1, "lowerTailMean needs 0 < fraction ≤ 1, got \(fraction)")
        guard count > 0 else { return nil }
        let weight = fraction * Double(count)
        var remaining = weight, sum = 0.0
        for bucket in buckets where remaining > 0 {
            let taken = Swift.min(Double(bucket.count), remaining)
            sum += taken * bucket.representative
            remaining -= taken
        }
        return sum / weight
    }

    /// The fraction of observations whose bucket representative is < x; exact for x = 0 (the
    /// fraction of strictly negative observations, e.g. the probability of a loss), within one
    /// bucket of the exact ECDF otherwise. 0 when empty.
    public func fractionBelow(_ x: Double) -> Double {
        precondition(!x.isNaN, "QuantileSketch.fractionBelow needs a number")
        guard count > 0 else { return 0 }
        var below = 0
        if x > 0 {
            below = negative.values.reduce(0, +) + zeroCount
            for (i, c) in positive where representative(i) < x { below += c }
        } else {
            for (i, c) in negative where -representative(i) < x { below += c }
        }
        return Double(below) / Double(count)
    }

    /// The occupied buckets in increasing order of value (for histograms and CDF plots).
    public var buckets: [Bucket] {
        var result: [Bucket] = []
        result.reserveCapacity(positive.count + negative.count + 1)
        for i in negative.keys.sorted(by: >) {
            result.append(Bucket(lower: -upperBound(i), upper: -lowerBound(i), count: negative[i]!, representative: -representative(i)))
        }
        if zeroCount > 0 { result.append(Bucket(lower: 0, upper: 0, count: zeroCount, representative: 0)) }
        for i in positive.keys.sorted() {
            result.append(Bucket(lower: lowerBound(i), upper: upperBound(i), count: positive[i]!, representative: representative(i)))
        }
        return result
    }

    /// ⌈log_γ x⌉ for x > 0.
    private func index(_ x: Double) -> Int {
        Int((log(x) / logGamma).rounded(.up))
    }

    private func lowerBound(_ i: Int) -> Double { exp(Double(i - 1) * logGamma) }
    private func upperBound(_ i: Int) -> Double { exp(Double(i) * logGamma) }

    /// 2γ^i/(γ + 1) = γ^i (1 − α), finite.
    private func representative(_ i: Int) -> Double {
        Swift.min(upperBound(i) * (1 - relativeAccuracy), .greatestFiniteMagnitude)
    }

    // MARK: Codable — buckets sparse, as objects index → count ({"-3": 2, "0": 5, "17": 1}),
    // written in increasing index order (string order under `.sortedKeys`); count is derived.

    private enum CodingKeys: String, CodingKey {
        case relativeAccuracy, zeroCount, negative, positive, minimum, maximum
    }

    private struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String
        init(_ index: Int) { intValue = index; stringValue = String(index) }
        init?(intValue: Int) { self.init(intValue) }
        init?(stringValue: String) {
            guard let index = Int(stringValue) else { return nil }
            self.init(index)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relativeAccuracy, forKey: .relativeAccuracy)
        try container.encode(zeroCount, forKey: .zeroCount)
        for (key, store) in [(CodingKeys.negative, negative), (.positive, positive)] {
            var buckets = container.nestedContainer(keyedBy: IndexKey.self, forKey: key)
            for i in store.keys.sorted() { try buckets.encode(store[i]!, forKey: IndexKey(i)) }
        }
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let alpha = try container.decode(Double.self, forKey: .relativeAccuracy)
        guard alpha > 0 && alpha < 1 else {
            throw DecodingError.dataCorruptedError(forKey: .relativeAccuracy, in: container, debugDescription: "needs 0 < α < 1")
        }
        self.init(relativeAccuracy: alpha)
        zeroCount = try container.decode(Int.self, forKey: .zeroCount)
        for key in [CodingKeys.negative, .positive] {
            let buckets = try container.nestedContainer(keyedBy: IndexKey.self, forKey: key)
            var store: [Int: Int] = [:]
            for bucket in buckets.allKeys {
                let c = try buckets.decode(Int.self, forKey: bucket)
                guard c > 0 else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "bucket counts must be positive")
                }
                store[bucket.intValue!] = c
            }
            if key == .negative { negative = store } else { positive = store }
        }
        guard zeroCount >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .zeroCount, in: container, debugDescription: "negative count")
        }
        count = zeroCount + negative.values.reduce(0, +) + positive.values.reduce(0, +)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
    }
}
