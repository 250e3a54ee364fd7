import Yams

/// What a YAML scalar holds when read as a number.
enum NumberReading: Equatable {
    case finite(Double)
    /// `.nan`, `.inf`, `1e999` and the like, with the text as written.
    case nonFinite(String)
    case notANumber
}

/// Typed reads of composed YAML nodes that never trap, whatever the input.
extension Node {
    /// `file:line:column` of this node, if Yams recorded where it came from.
    func location(in file: String) -> SourceLocation? {
        mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// The scalar's text when it was written without quotes (so could be a number, bool or null).
    private var plainText: String? {
        guard case let .scalar(scalar) = self, scalar.style == .any || scalar.style == .plain else { return nil }
        return scalar.string
    }

    /// `key:` with nothing after it, `~` or `null`.
    var isNull: Bool {
        switch plainText {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Any non-null scalar, as text.
    var text: String? {
        guard case let .scalar(scalar) = self, !isNull else { return nil }
        return scalar.string
    }

    /// A plain scalar read as a YAML 1.1 number (underscores allowed, `.inf`/`.nan` recognised).
    var numberReading: NumberReading {
        guard let raw = plainText else { return .notANumber }
        var underscores = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            case UInt8(ascii: "_"): underscores = true
            default:
                // Not digits: only the YAML spellings of infinity and not-a-number are numbers.
                let bare = raw.hasPrefix("+") || raw.hasPrefix("-") ? raw.dropFirst() : Substring(raw)
                switch bare.lowercased() {
                case ".inf", ".nan", "inf", "nan", "infinity": return .nonFinite(raw)
                default: return .notANumber
                }
            }
        }
        let text = underscores ? raw.replacingAll("_", with: "") : raw
        guard let first = text.utf8.first, first != UInt8(ascii: "e"), first != UInt8(ascii: "E"),
              let value = Double(text) else { return .notANumber }
        return value.isFinite ? .finite(value) : .nonFinite(raw)
    }

    /// A YAML boolean (`true`/`false`, and the YAML 1.1 spellings `yes`/`no`/`on`/`off`).
    var boolValue: Bool? {
        switch plainText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The value of the first `key:` of a mapping, compared as text (no tag resolution).
    func value(forKey key: String) -> Node? {
        guard case let .mapping(mapping) = self else { return nil }
        return mapping.first { $0.key.text == key }?.value
    }

    /// How the node looks, for "expected a number, got ..." messages.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case let .scalar(scalar):
            if isNull { return "nothing (null)" }
            if boolValue != nil { return "the boolean `\(scalar.string)`" }
            if case .finite = numberReading { return "the number \(scalar.string)" }
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "..." : scalar.string
            return "the text \"\(shown)\""
        }
    }

    /// The largest line number of this node and everything inside it (for a policy's extent).
    var lastLine: Int {
        let own = mark?.line ?? 0
        switch self {
        case .scalar: return own
        case let .sequence(sequence): return sequence.reduce(own) { max($0, $1.lastLine) }
        case let .mapping(mapping): return mapping.reduce(own) { max($0, max($1.key.lastLine, $1.value.lastLine)) }
        }
    }
}

extension String {
    /// This text with every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
