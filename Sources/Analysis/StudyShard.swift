/// One machine's part of a study split over `count` machines (`--shard K/N`, K = `index + 1`):
/// a contiguous run of the study's work items (sample blocks of a simulation, evaluation
/// points of a sensitivity study). The runs of shards `0..<count` cover every item once and
/// depend only on the item count and `count`, so any machine can tell which items are its own.
public struct StudyShard: Sendable, Equatable, Codable {
    /// The checks every kind of part file starts with: `command` is the one that writes this
    /// kind (`expected`), and this shard exists; `nil` when both hold.
    public func partInconsistency(command: String, expected: String) -> String? {
        if command != expected { return "command `\(command)` is not `\(expected)`" }
        if !isValid { return "shard \(index + 1) of \(count) does not exist" }
        return nil
    }

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

extension StudyShard {
    /// `parts` (one per shard, any order) in shard order. Refuses parts split into different
    /// shard counts, the same shard twice and missing shards, naming the files by `names` (one
    /// per part): a `study` ("a comparison", "a sensitivity study") is merged from all its parts
    /// or not at all. Callers check first that the parts come from one study (their headers).
    static func ordered<Part>(_ parts: [Part], shard: (Part) -> StudyShard, names: [String], study: String)
        throws(SimulationError) -> [Part] {
        guard let first = parts.first.map(shard) else { throw .incompatibleParts("no parts given") }
        var byShard: [Int: Int] = [:]
        for (index, part) in parts.enumerated() {
            let own = shard(part)
            guard own.count == first.count else {
                throw .incompatibleParts("\(names[0]) is a shard of \(first.count) and \(names[index]) a shard of \(own.count)")
            }
            if let earlier = byShard[own.index] {
                throw .incompatibleParts("\(names[earlier]) and \(names[index]) are both shard \(own.label) (the same shard given twice?)")
            }
            byShard[own.index] = index
        }
        let missing = (0..<first.count).filter { byShard[$0] == nil }
        if !missing.isEmpty {
            let list = missing.prefix(10).map { String($0 + 1) }.joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw .incompatibleParts("shard\(missing.count == 1 ? "" : "s") \(list) of \(first.count) missing: "
                                     + "\(study) is merged from all its parts")
        }
        return (0..<first.count).map { parts[byShard[$0]!] }
    }
}
