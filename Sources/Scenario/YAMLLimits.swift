import Yams

/// Guards against hostile YAML. Yams composes (and this module reads) nested nodes recursively,
/// so thousands of levels would overflow the stack, and aliases can expand a small text into an
/// enormous tree. Scenario files nest about five levels and hold a few thousand nodes, so
/// anything past these limits is rejected.
enum YAMLLimits {
    static let nestingLimit = 64
    static let nodeLimit = 200_000

    /// Line and column (1-based) where `text` first nests deeper than `limit`, counting open flow
    /// collections (`[`, `{`) plus block levels (distinct indentations and `- ` entries); an
    /// over-estimate, which is safe. `nil` when it stays within the limit.
    static func firstPlaceDeeperThan(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
        var indents: [Int] = []
        var flow = 0, line = 1
        var quote: UInt8?
        var bytes = text.utf8.makeIterator()
        var lineBytes: [UInt8] = []
        while true {
            let next = bytes.next()
            if let byte = next, byte != UInt8(ascii: "\n") {
                lineBytes.append(byte)
                continue
            }
            // One whole line: block depth from its indentation, flow depth from its brackets.
            var column = 0
            while column < lineBytes.count, lineBytes[column] == UInt8(ascii: " ") { column += 1 }
            let blank = column == lineBytes.count || lineBytes[column] == UInt8(ascii: "#")
            if !blank, flow == 0, quote == nil {
                while let last = indents.last, last >= column { indents.removeLast() }
                indents.append(column)
            }
            var dashes = 0
            var previous = UInt8(ascii: " ")
            for (index, byte) in lineBytes.enumerated() {
                defer { previous = byte }
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = byte
                case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"): break
                case UInt8(ascii: "["), UInt8(ascii: "{"): flow += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
                case UInt8(ascii: "-") where previous == UInt8(ascii: " ")
                    && (index + 1 == lineBytes.count || lineBytes[index + 1] == UInt8(ascii: " ")):
                    dashes += 1
                default: break
                }
                if indents.count + dashes + flow > limit { return (line, max(index, column) + 1) }
                if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") { break }
            }
            if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") { quote = nil }
            guard next != nil else { return nil }
            line += 1
            lineBytes.removeAll(keepingCapacity: true)
        }
    }

    /// Whether `node`, with its aliases expanded, has more than `limit` nodes (stops counting there).
    static func exceedsNodeLimit(_ node: Node, limit: Int = nodeLimit) -> Bool {
        var remaining = limit
        func visit(_ node: Node) -> Bool {
            remaining -= 1
            guard remaining >= 0 else { return false }
            switch node {
            case .scalar: return true
            case let .sequence(sequence): return sequence.allSatisfy(visit)
            case let .mapping(mapping): return mapping.allSatisfy { visit($0.key) && visit($0.value) }
            }
        }
        return !visit(node)
    }
}
