extension Model {
    /// Column and row names safe for MPS and LP text: the model's names with characters
    /// outside `[A-Za-z0-9_.[\]]` replaced by `_`, made unique, never starting with a digit.
    ///
    /// A name that would collide (after cleaning) with an earlier one falls back to
    /// `C<index>` or `R<index>`, so the written file always has one name per column and row.
    func fileSafeNames() -> (columns: [String], rows: [String]) {
        var used: Set<String> = ["obj", "R0"]
        func clean(_ raw: String, fallback: String) -> String {
            var text = String(raw.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber || "_.[]".contains(character)) ? character : "_"
            })
            if text.isEmpty || text.first!.isNumber || text.first == "." { text = "_" + text }
            if text.count > 200 || used.contains(text) { text = fallback }
            while used.contains(text) { text += "_" }
            used.insert(text)
            return text
        }
        let columns = variables.enumerated().map { clean($0.element.name, fallback: "C\($0.offset + 1)") }
        let rows = constraints.enumerated().map { clean($0.element.name, fallback: "R\($0.offset + 1)") }
        return (columns, rows)
    }
}

/// Shortest text that reads back as the same `Double` (`5`, `0.15`, `1e-07`).
func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
