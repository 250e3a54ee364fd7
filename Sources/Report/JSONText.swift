import Foundation

/// The one way reports turn a JSON tree into text.
///
/// `JSONSerialization` refuses a tree that holds NaN or an infinity, and the reports used to
/// swallow that refusal (`try? … ?? Data()`), writing a lone newline with exit status 0. Here
/// every non-finite number becomes `null` (its meaning, "no value", is carried by a status field
/// beside it), so a document is always written whole.
enum JSONText {
    /// Pretty-printed, keys sorted, with a final newline.
    static func render(_ root: Any) -> String {
        let clean = finite(root)
        do {
            let data = try JSONSerialization.data(withJSONObject: clean, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Only a value JSON has no form for reaches this: a programming error, not input.
            preconditionFailure("a report built a tree JSONSerialization cannot write: \(error)")
        }
    }

    /// `value` with every NaN or infinite number replaced by `NSNull`.
    static func finite(_ value: Any) -> Any {
        switch value {
        case let number as Double: return number.isFinite ? number : NSNull()
        case let number as Float: return number.isFinite ? number : NSNull()
        case let dictionary as [String: Any]: return dictionary.mapValues(finite)
        case let array as [Any]: return array.map(finite)
        default: return value
        }
    }
}
