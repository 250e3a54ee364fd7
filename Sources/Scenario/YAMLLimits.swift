import Yams

/// Guards against hostile YAML. Yams composes (and this module reads) nested nodes recursively,
/// so thousands of levels would overflow the stack, and aliases can expand a small text into an
/// enormous tree ("billion laughs"). Scenario files nest about five levels; hand-written ones hold
/// a few thousand values, generated parks up to about 600,000 (`symbiosis generate --companies
/// 3000 --exchanges 18000`). Anything past these limits is rejected.
enum YAMLLimits {
    static let nestingLimit = 64
    /// Most values (scalars, lists, mappings; keys count) a file may hold, aliases expanded:
    /// eight times the largest generated park.
    static let valueLimit = 5_000_000
    /// Most values aliases may add to the file (each use of an alias adds the values of its
    /// anchor): ordinary sharing adds a few hundred, an alias bomb billions.
    static let aliasValueLimit = 200_000

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

    /// What makes `node` too large to read, or `nil`: more than `aliasLimit` values added through
    /// aliases, or more than `valueLimit` values in all. Counting stops at the first limit passed,
    /// so the work is bounded by the limits whatever the aliases expand to.
    ///
    /// Yams resolves an alias to a copy of its anchor's node, marks included, so a copy is
    /// recognized by its mark: nodes read from the text come in text order (a collection's mark is
    /// that of its first entry at the latest, never after), while a copy starts at the anchor,
    /// which lies before the alias (at the same place only when it is the node just read, and then
    /// of the same kind).
    static func sizeProblem(_ node: Node, valueLimit: Int = valueLimit,
                            aliasLimit: Int = aliasValueLimit) -> String? {
        var values = 0, aliasValues = 0
        var last: (line: Int, column: Int, kind: Int)?
        var stack: [(node: Node, copied: Bool)] = [(node, false)]
        while let (node, insideCopy) = stack.popLast() {
            var copied = insideCopy
            if !copied, let mark = node.mark {
                let place = (line: mark.line, column: mark.column, kind: kind(of: node))
                if let last, (place.line, place.column) < (last.line, last.column)
                    || (place.line == last.line && place.column == last.column && place.kind == last.kind) {
                    copied = true
                } else {
                    last = place
                }
            }
            values += 1
            if copied { aliasValues += 1 }
            if aliasValues > aliasLimit {
                return "the YAML's aliases expand to more than \(aliasLimit) values (each use of an alias "
                    + "repeats its anchor's values)"
            }
            if values > valueLimit { return "the YAML has more than \(valueLimit) values" }
            switch node {
            case .scalar: break
            case let .sequence(sequence):
                for child in sequence.reversed() { stack.append((child, copied)) }
            case let .mapping(mapping):
                for (key, value) in mapping.reversed() {
                    stack.append((value, copied))
                    stack.append((key, copied))
                }
            }
        }
        return nil
    }

    /// `sizeProblem` of the document in `yaml` (`nil` for an empty one); throws Yams's syntax errors.
    static func sizeProblem(ofYAML yaml: String, valueLimit: Int = valueLimit,
                            aliasLimit: Int = aliasValueLimit) throws -> String? {
        try Yams.compose(yaml: yaml).flatMap { sizeProblem($0, valueLimit: valueLimit, aliasLimit: aliasLimit) }
    }

    private static func kind(of node: Node) -> Int {
        switch node {
        case .scalar: return 0
        case .sequence: return 1
        case .mapping: return 2
        }
    }
}
