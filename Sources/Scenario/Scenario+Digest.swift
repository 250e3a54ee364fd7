/// A stable digest of a loaded scenario's content, to tell whether two runs used the same park.
extension Scenario {
    /// FNV-1a 64 (hex, 16 digits) of a canonical text of the scenario as loaded, with its policy
    /// applied: every field's value (numbers at full precision, lists in order, dictionaries and
    /// sets sorted), but not where the file was read from (`sourcePath`) nor the definitions of
    /// the policy options (`policies`; the applied ones are already in the values), nor
    /// `uncertainty.seed` and `uncertainty.samples` (a simulation records the ones it used). So it
    /// ignores the file's layout, comments, key order and number spelling (`1e3` = `1000`), and
    /// changes with any value the model uses, e.g. one volatility. A CSV path's file is named,
    /// not read.
    public var contentDigest: String {
        var copy = self
        copy.sourcePath = nil
        copy.policies = []
        // The appraisal keys change how options are judged, not the park or its simulation.
        copy.appraisal = AppraisalSettings()
        // The effective seed and sample count are part of a simulation's header anyway.
        copy.uncertainty?.seed = 0
        copy.uncertainty?.samples = 0
        var text = ""
        Self.canonicalText(of: copy, into: &text)
        return Self.fnv1a(text)
    }

    /// FNV-1a 64 of `text`'s UTF-8 bytes (Fowler, Noll & Vo), 16 hex digits.
    public static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A deterministic text of any value built of structs, enums, optionals, collections and
    /// scalars (the field order is the declaration order).
    static func canonicalText(of value: Any, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?, .tuple?:
            out += "{"
            for child in mirror.children {
                out += (child.label ?? "_") + "="
                canonicalText(of: child.value, into: &out)
                out += ";"
            }
            out += "}"
        case .enum?:
            if let payload = mirror.children.first {
                out += (payload.label ?? "_") + "("
                canonicalText(of: payload.value, into: &out)
                out += ")"
            } else {
                out += "\(value)"
            }
        case .optional?:
            if let wrapped = mirror.children.first { canonicalText(of: wrapped.value, into: &out) } else { out += "nil" }
        case .collection?:
            out += "["
            for child in mirror.children {
                canonicalText(of: child.value, into: &out)
                out += ","
            }
            out += "]"
        case .dictionary?, .set?:
            // Hash order differs from run to run: sort the entries' texts.
            let entries = mirror.children.map { child -> String in
                var entry = ""
                canonicalText(of: child.value, into: &entry)
                return entry
            }.sorted()
            out += "<" + entries.joined(separator: ",") + ">"
        default:
            out += "\(type(of: value)):\(value)"
        }
    }
}
