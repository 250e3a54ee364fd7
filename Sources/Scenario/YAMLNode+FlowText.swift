import Yams

public extension Node {
    /// The node as one line of flow-style YAML (`30`, `[a, b]`, `{status: conditional, cost: 20000}`),
    /// which Yams reads back to the same value. Used for `Override.yaml`.
    var flowText: String {
        switch self {
        case let .scalar(scalar):
            let plain = scalar.style == .any || scalar.style == .plain
            return plain && Node.isSafePlain(scalar.string) ? scalar.string : Node.quoted(scalar.string)
        case let .sequence(sequence):
            return "[" + sequence.map(\.flowText).joined(separator: ", ") + "]"
        case let .mapping(mapping):
            return "{" + mapping.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    /// Whether `text` can stand unquoted inside a flow collection and still mean itself.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.first, !" ?:,[]{}#&*!|>'\"%@`".contains(first), text.last != " " else {
            return text.isEmpty
        }
        if first == "-", text == "-" || text.hasPrefix("- ") { return false }
        return !text.contains(": ") && !text.contains(" #") && !text.contains(where: { ",[]{}\n\t".contains($0) })
    }

    /// `text` in double quotes with YAML escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
