/// One machine's part of a study split over `count` machines (`--shard K/N`, K = `index + 1`):
/// a contiguous run of the study's work items (sample blocks of a simulation, evaluation
/// points of a sensitivity study). The runs of shards `0..<count` cover every item once and
/// depend only on the item count and `count`, so any machine can tell which items are its own.
public struct StudyShard: Sendable, Equatable, Codable {
    /// 0-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// The whole study on one machine.
    public static let whole = StudyShard(index: 0, count: 1)

    /// `K/N` with `1 <= K <= N` (as typed after `--shard`); `nil` for anything else.
    public init?(argument text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k - 1, count: n)
    }

    /// `K/N`, 1-based, as the user typed it.
    public var label: String { "\(index + 1)/\(count)" }

    /// Items `⌊index·total/count⌋ ..< ⌊(index+1)·total/count⌋` of `total`, computed without
    /// overflow for any shard count.
    public func range(of total: Int) -> Range<Int> {
        func boundary(_ k: Int) -> Int {
            let product = k.multipliedFullWidth(by: total)
            return count.dividingFullWidth((product.high, product.low)).quotient
        }
        return boundary(index)..<boundary(index + 1)
    }

    /// Whether `index` lies in `0..<count` (a part file read back may say otherwise).
    public var isValid: Bool { count >= 1 && index >= 0 && index < count }
}
