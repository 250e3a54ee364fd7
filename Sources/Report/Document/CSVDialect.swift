import Foundation

/// How a CSV file writes its fields: `standard` (`,` between fields, `.` before decimals, what
/// scripts read) or `excel-vi` (`;` and a decimal comma, what Excel set to Vietnamese opens as
/// numbers). Numbers are rounded to a meaningful precision, never in exponent form: no
/// `600000.0000000002`, no `-8.49e-07`.
public enum CSVDialect: String, Sendable, CaseIterable {
    case standard
    case excelVi = "excel-vi"

    public var separator: String { self == .excelVi ? ";" : "," }

    /// `value` rounded to `decimals` decimals, trailing zeros dropped (`14999626.22`, `0.5`,
    /// `450000`); a value that rounds to zero is `0`.
    public func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "" }
        let scale = pow(10, Double(max(0, decimals)))
        let rounded = (value * scale).rounded() / scale
        if rounded == 0 { return "0" }
        var text = String(format: "%.\(max(0, decimals))f", rounded)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return self == .excelVi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A field, quoted when it holds the separator, a quote or a line break.
    public func field(_ text: String) -> String {
        guard text.contains(where: { String($0) == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of fields.
    public func row(_ fields: [String]) -> String { fields.map(field).joined(separator: separator) }

    /// `text`, CSV written in the standard dialect (RFC 4180: `,`, `"` quotes, CRLF or LF lines,
    /// a leading byte order mark kept), rewritten in this one: each field that is a plain number
    /// (`-12.5`, `3e-07`) takes a decimal comma, other fields are kept as they are, quoted
    /// where this dialect needs it. What every command's `--format csv` goes through for
    /// `--csv-dialect excel-vi`; the standard dialect returns `text` unchanged.
    public func rewriting(_ text: String) -> String {
        guard self != .standard else { return text }
        var out = "", field = "", fields: [String] = [], quoted = false, wasQuoted = false
        func endField() {
            let isNumber = !wasQuoted && field.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
            fields.append(isNumber ? field.replacingOccurrences(of: ".", with: ",") : self.field(field))
            field = ""; wasQuoted = false
        }
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? characters.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true; wasQuoted = true
            case ",": endField()
            case "\r\n", "\n":
                endField()
                out += fields.joined(separator: separator) + String(c)
                fields = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            out += fields.joined(separator: separator)
        }
        return out
    }
}
