import Foundation

/// A park workbook as a folder of CSV files (RFC 4180), one a sheet, named `SHEET.csv`.
enum CSVSheets {
    struct ReadError: Error, CustomStringConvertible { var description: String }

    /// The sheets of the `.csv` files in `folder`, in name order; every value is text.
    static func read(folder: String) throws(ReadError) -> [SheetTable] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ReadError(description: "cannot list the folder")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard !files.isEmpty else { throw ReadError(description: "no .csv file in the folder") }
        var sheets: [SheetTable] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ReadError(description: "\(file) is not a readable UTF-8 text file")
            }
            let name = String(file.dropLast(4))
            sheets.append(SheetTable(name: name, rows: parse(text).map { $0.map { $0.isEmpty ? nil : .text($0) } }))
        }
        return sheets
    }

    /// The records of CSV text: fields separated by commas, quoted with `"` (doubled inside),
    /// records by LF or CRLF; a byte-order mark is skipped.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        while let scalar = iterator.next() {
            if quoted {
                if scalar == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\n":
                record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            case "\r":
                continue
            default:
                field.unicodeScalars.append(scalar); afterQuote = false
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
