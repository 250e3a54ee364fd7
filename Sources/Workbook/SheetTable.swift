/// What a spreadsheet cell holds.
enum CellValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case flag(Bool)

    /// The value as a person would read it in the cell.
    var shown: String {
        switch self {
        case let .text(text): return text
        case let .number(number): return CellValue.numberText(number)
        case let .flag(flag): return flag ? "true" : "false"
        }
    }

    /// Shortest text that reads back as `number`: whole numbers without `.0`.
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}

/// A cell's place: 1-based row and column, written `C12`.
struct CellReference: Sendable, Hashable, CustomStringConvertible {
    var row: Int
    var column: Int

    /// `A`, `B`, …, `Z`, `AA`, … for column 1, 2, …
    static func letters(_ column: Int) -> String {
        var n = column, result = ""
        while n > 0 {
            let digit = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + digit))) + result
            n = (n - 1) / 26
        }
        return result
    }

    var description: String { CellReference.letters(column) + String(row) }

    /// Reads `C12` (absolute `$C$12` too); `nil` for anything else.
    init?(_ text: String) {
        var column = 0, digits = ""
        for character in text where character != "$" {
            if let ascii = character.asciiValue, character.isLetter, digits.isEmpty {
                column = column * 26 + Int(ascii & 0xDF) - 64
                if column > 16_384 { return nil }
            } else if character.isNumber, let digit = character.wholeNumberValue, character.isASCII {
                digits.append(String(digit))
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0, row <= 1_048_576 else { return nil }
        self.row = row; self.column = column
    }

    init(row: Int, column: Int) { self.row = row; self.column = column }
}

/// One sheet as values: `rows[r - 1][c - 1]` is cell (r, c); absent or empty cells are `nil`.
struct SheetTable: Sendable, Equatable {
    var name: String
    var rows: [[CellValue?]] = []

    init(name: String, rows: [[CellValue?]] = []) { self.name = name; self.rows = rows }

    /// The cell at 1-based `row`, `column`, `nil` when empty.
    subscript(row: Int, column: Int) -> CellValue? {
        get {
            guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return nil }
            return rows[row - 1][column - 1]
        }
        set {
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count < column { rows[row - 1].append(nil) }
            rows[row - 1][column - 1] = newValue
        }
    }

    /// Appends a row.
    mutating func append(_ row: [CellValue?]) { rows.append(row) }

    /// The trimmed text of a cell, `nil` when empty or blank.
    func text(_ row: Int, _ column: Int) -> String? {
        guard let value = self[row, column] else { return nil }
        let shown = value.shown.trimmingWhitespace
        return shown.isEmpty ? nil : shown
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first ... last])
    }
}
