import Foundation
import XMLCoder
import ZIPFoundation

/// Why a workbook could not be read at all (before any cell is looked at).
struct XLSXReadError: Error, Sendable, CustomStringConvertible {
    var description: String
}

extension XLSXFile {
    /// Largest uncompressed part read, so that a "zip bomb" cannot exhaust memory.
    static let largestPart = 256 << 20

    /// The sheets of an `.xlsx` file, in workbook order, with their cell values (shared and
    /// inline strings, numbers, booleans; formula cells as their cached value).
    static func sheets(in data: Data) throws(XLSXReadError) -> [SheetTable] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw XLSXReadError(description: "not an .xlsx workbook (not a ZIP archive)")
        }
        let decoder = XMLDecoder()
        decoder.trimValueWhitespaces = false
        decoder.shouldProcessNamespaces = false
        func part<T: Decodable>(_ path: String, as type: T.Type) throws(XLSXReadError) -> T? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= largestPart else {
                throw XLSXReadError(description: "the part \(path) is larger than \(largestPart >> 20) MiB")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
                return try decoder.decode(type, from: bytes)
            } catch {
                throw XLSXReadError(description: "cannot read the part \(path): \(error)")
            }
        }
        guard let book = try part("xl/workbook.xml", as: WorkbookXML.self) else {
            throw XLSXReadError(description: "not an .xlsx workbook (no xl/workbook.xml)")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels", as: RelationshipsXML.self)?.Relationship ?? []
        let shared = try part("xl/sharedStrings.xml", as: SharedStringsXML.self)?.si?.map(\.text) ?? []
        var tables: [SheetTable] = []
        for sheet in book.sheets.sheet ?? [] {
            guard let target = relationships.first(where: { $0.Id == sheet.relationship })?.Target else {
                throw XLSXReadError(description: "sheet `\(sheet.name)` has no part")
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let worksheet = try part(path, as: WorksheetXML.self) else {
                throw XLSXReadError(description: "sheet `\(sheet.name)`: missing part \(path)")
            }
            tables.append(try table(worksheet, name: sheet.name, shared: shared))
        }
        return tables
    }

    private static func table(_ worksheet: WorksheetXML, name: String, shared: [String]) throws(XLSXReadError) -> SheetTable {
        var table = SheetTable(name: name)
        var nextRow = 1
        for row in worksheet.sheetData.row ?? [] {
            let rowNumber = row.r ?? nextRow
            nextRow = rowNumber + 1
            var nextColumn = 1
            for cell in row.c ?? [] {
                let place = cell.r.flatMap(CellReference.init) ?? CellReference(row: rowNumber, column: nextColumn)
                nextColumn = place.column + 1
                guard place.row <= 1_048_576, place.column <= 16_384 else { continue }
                let value: CellValue?
                switch cell.t ?? "n" {
                case "s":
                    guard let index = cell.v.flatMap({ Int($0.trimmingWhitespace) }), shared.indices.contains(index) else {
                        throw XLSXReadError(description: "\(name)!\(place): a shared string that does not exist")
                    }
                    value = .text(shared[index])
                case "inlineStr": value = cell.inline.map { .text($0.text) }
                case "str": value = cell.v.map { .text($0) }
                case "b": value = cell.v.map { .flag($0.trimmingWhitespace == "1") }
                case "e": value = cell.v.map { .text($0) }
                default:
                    value = cell.v.flatMap { text in
                        let trimmed = text.trimmingWhitespace
                        return trimmed.isEmpty ? nil : Double(trimmed).map(CellValue.number) ?? .text(trimmed)
                    }
                }
                if let value { table[place.row, place.column] = value }
            }
        }
        return table
    }
}

// MARK: XML parts decoded with XMLCoder (only what is read; everything else is ignored)

private struct WorkbookXML: Decodable {
    struct Sheet: Decodable {
        var name: String
        var relationship: String
        enum CodingKeys: String, CodingKey { case name, relationship = "r:id" }
    }

    struct Sheets: Decodable { var sheet: [Sheet]? }
    var sheets: Sheets
}

private struct RelationshipsXML: Decodable {
    struct Relationship: Decodable {
        var Id: String
        var Target: String
    }

    var Relationship: [Relationship]?
}

/// A run of text (`<t>`), with its spaces kept.
private struct TextXML: Decodable {
    var value: String
    enum CodingKeys: String, CodingKey { case value = "" }
    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self),
           let text = try? container.decode(String.self, forKey: .value) {
            value = text
        } else {
            value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
        }
    }
}

/// A string item: plain (`<t>`) or rich text (`<r><t>` runs); phonetic runs are left out.
private struct StringItemXML: Decodable {
    struct Run: Decodable { var t: TextXML? }
    var t: TextXML?
    var r: [Run]?
    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

private struct SharedStringsXML: Decodable {
    var si: [StringItemXML]?
}

private struct WorksheetXML: Decodable {
    struct Cell: Decodable {
        var r: String?
        var t: String?
        var v: String?
        var inline: StringItemXML?
        enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
    }

    struct Row: Decodable {
        var r: Int?
        var c: [Cell]?
    }

    struct SheetData: Decodable { var row: [Row]? }
    var sheetData: SheetData
}
