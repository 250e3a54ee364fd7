/// Streaming count, mean, variance, minimum and maximum, mergeable.
///
/// `add` is Welford's update (B. P. Welford, Technometrics 4(3), 1962): with δ = x − mean,
/// mean += δ/n, M2 += δ(x − mean). `merge` is the pairwise formula of T. F. Chan, G. H. Golub
/// and R. J. LeVeque, "Updating formulae and a pairwise algorithm for computing sample
/// variances", Stanford CS tech. report STAN-CS-79-773, 1979: with δ = mean_b − mean_a,
/// mean = mean_a + δ n_b/n, M2 = M2_a + M2_b + δ² n_a n_b/n. Both keep a relative error of
/// order ε·(1 + |mean|/sd) in the variance, unlike Σx² − n·mean².
///
/// Floating-point merging is not associative: the same values added or merged in a different
/// order give results equal only to rounding. For byte-identical results across thread and
/// shard counts, accumulate one `Moments` per fixed block of sample indices (each block filled
/// in increasing sample order by whoever owns it, independent of the thread or shard layout)
/// and fold them in a fixed order with `Moments.fold` — or let `BlockedMoments` do it (a fixed
/// binary tree of blocks, in memory logarithmic in the number of blocks).
public struct Moments: Sendable, Codable, Equatable {
    /// The number of observations.
    public private(set) var count = 0
    /// The running mean (0 when empty).
    public private(set) var mean = 0.0
    /// M2 = Σ (x − mean)²: the sum of squared deviations.
    public private(set) var m2 = 0.0
    /// The smallest and largest observation (nil when empty).
    public private(set) var minimum: Double?
    public private(set) var maximum: Double?

    public init() {}

    /// Moments of `values`, added in order.
    public init<S: Sequence<Double>>(_ values: S) {
        for x in values { add(x) }
    }

    /// Records one observation (Welford). Precondition: x is finite.
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "Moments.add needs a finite value, got \(x)")
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
        minimum = Swift.min(minimum ?? x, x)
        maximum = Swift.max(maximum ?? x, x)
    }

    /// Combines with the moments of other observations (Chan et al.). Merging an empty value
    /// either way leaves the other unchanged bit for bit.
    public mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let na = Double(count), nb = Double(other.count), n = na + nb
        let delta = other.mean - mean
        mean += delta * (nb / n)
        m2 += other.m2 + delta * delta * (na * nb / n)
        count += other.count
        minimum = Swift.min(minimum!, other.minimum!)
        maximum = Swift.max(maximum!, other.maximum!)
    }

    /// The left fold of `blocks` in the given order: ((b₀ ⊕ b₁) ⊕ b₂) ⊕ … Deterministic for a
    /// given order of blocks, whoever computed them.
    public static func fold(_ blocks: some Sequence<Moments>) -> Moments {
        var total = Moments()
        for block in blocks { total.merge(block) }
        return total
    }

    /// The sample variance M2/(n − 1); nil for fewer than 2 observations.
    public var variance: Double? {
        count > 1 ? m2 / Double(count - 1) : nil
    }

    /// √variance; nil for fewer than 2 observations.
    public var standardDeviation: Double? {
        variance?.squareRoot()
    }

    /// The standard error of the mean, standardDeviation/√n; nil for fewer than 2 observations.
    public var standardError: Double? {
        standardDeviation.map { $0 / Double(count).squareRoot() }
    }
}
