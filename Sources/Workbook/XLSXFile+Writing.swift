import Foundation
import XMLCoder
import ZIPFoundation

/// Office Open XML spreadsheets (ECMA-376 Part 1, SpreadsheetML): a ZIP archive of XML parts,
/// written with ZIPFoundation and XMLCoder.
enum XLSXFile {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A list of choices for the cells of a column (a data-validation list in the workbook).
    struct Choices: Sendable {
        var column: Int
        var firstRow: Int
        var lastRow: Int
        var values: [String]
    }

    /// One sheet to write: its values, the style of its first rows, widths and validation lists.
    struct SheetPart: Sendable {
        var table: SheetTable
        /// Rows kept in view when scrolling (the header, units and notes rows); 0 for none.
        var frozenRows = 0
        /// Rows shown bold (headers) and in italics (units and notes rows).
        var boldRows: Set<Int> = [1]
        var italicRows: Set<Int> = []
        var widths: [Int: Double] = [:]
        var choices: [Choices] = []
    }

    /// The `.xlsx` bytes of `sheets`, in order.
    static func data(_ sheets: [SheetPart]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        let header = XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes")
        let encoder = XMLEncoder()
        try add("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8))
        try add("_rels/.rels", Data(packageRelationships.utf8))
        let book = WorkbookPart(sheets: WorkbookPart.Sheets(sheet: sheets.enumerated().map { index, part in
            WorkbookPart.Sheet(name: part.table.name, sheetId: index + 1, relationship: "rId\(index + 1)")
        }))
        try add("xl/workbook.xml", try encoder.encode(book, withRootKey: "workbook", rootAttributes: [
            "xmlns": mainNamespace, "xmlns:r": relationshipNamespace,
        ], header: header))
        try add("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: sheets.count).utf8))
        try add("xl/styles.xml", Data(styles.utf8))
        for (index, part) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml",
                    try encoder.encode(WorksheetPart(part), withRootKey: "worksheet",
                                       rootAttributes: ["xmlns": mainNamespace], header: header))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Parts that do not depend on the data

    private static func contentTypes(sheetCount: Int) -> String {
        let sheets = (0 ..< sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        \(sheets)</Types>
        """
    }

    private static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    private static func workbookRelationships(sheetCount: Int) -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let sheets = (0 ..< sheetCount).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(type)worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        \(sheets)<Relationship Id="rId\(sheetCount + 1)" Type="\(type)styles" Target="styles.xml"/>\
        </Relationships>
        """
    }

    /// Cell formats: 0 plain, 1 bold (headers), 2 grey italics (units and notes).
    private static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>\
    <font><b/><sz val="11"/><name val="Calibri"/></font>\
    <font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}

// MARK: XML parts encoded with XMLCoder

/// `xl/workbook.xml`: the sheets' names and the relationships of their parts.
private struct WorkbookPart: Encodable {
    struct Sheet: Encodable, DynamicNodeEncoding {
        var name: String
        var sheetId: Int
        var relationship: String
        enum CodingKeys: String, CodingKey { case name, sheetId, relationship = "r:id" }
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    struct Sheets: Encodable { var sheet: [Sheet] }
    var sheets: Sheets
}

/// `xl/worksheets/sheetN.xml`: column widths, cells and validation lists (in the schema's order).
private struct WorksheetPart: Encodable {
    struct Column: Encodable, DynamicNodeEncoding {
        var min: Int, max: Int, width: Double, customWidth = 1
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    struct Columns: Encodable { var col: [Column] }

    struct InlineString: Encodable {
        var t: String
    }

    struct Cell: Encodable, DynamicNodeEncoding {
        var r: String
        var s: Int?
        var t: String?
        var v: String?
        var inline: InlineString?
        enum CodingKeys: String, CodingKey { case r, s, t, v, inline = "is" }
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            ["r", "s", "t"].contains(key.stringValue) ? .attribute : .element
        }
    }

    struct Row: Encodable, DynamicNodeEncoding {
        var r: Int
        var c: [Cell]
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "r" ? .attribute : .element
        }
    }

    struct SheetData: Encodable { var row: [Row] }

    struct Validation: Encodable, DynamicNodeEncoding {
        var type = "list", allowBlank = 1, showErrorMessage = 1
        var sqref: String
        var formula1: String
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "formula1" ? .element : .attribute
        }
    }

    struct Validations: Encodable, DynamicNodeEncoding {
        var count: Int
        var dataValidation: [Validation]
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "count" ? .attribute : .element
        }
    }

    /// A frozen pane below the first rows.
    struct Pane: Encodable, DynamicNodeEncoding {
        var ySplit: Int, topLeftCell: String, activePane = "bottomLeft", state = "frozen"
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    struct SheetView: Encodable, DynamicNodeEncoding {
        var workbookViewId = 0
        var pane: Pane
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "pane" ? .element : .attribute
        }
    }

    struct SheetViews: Encodable { var sheetView: SheetView }

    var sheetViews: SheetViews?
    var cols: Columns?
    var sheetData: SheetData
    var dataValidations: Validations?

    init(_ part: XLSXFile.SheetPart) {
        if part.frozenRows > 0 {
            sheetViews = SheetViews(sheetView: SheetView(pane: Pane(ySplit: part.frozenRows,
                                                                   topLeftCell: "A\(part.frozenRows + 1)")))
        }
        let widths = part.widths.sorted { $0.key < $1.key }.map { Column(min: $0.key, max: $0.key, width: $0.value) }
        cols = widths.isEmpty ? nil : Columns(col: widths)
        sheetData = SheetData(row: part.table.rows.enumerated().compactMap { index, values in
            let row = index + 1
            let style = part.boldRows.contains(row) ? 1 : part.italicRows.contains(row) ? 2 : nil
            let cells: [Cell] = values.enumerated().compactMap { column, value in
                let reference = CellReference(row: row, column: column + 1).description
                switch value {
                case nil: return nil
                case let .text(text)?:
                    return Cell(r: reference, s: style, t: "inlineStr", inline: InlineString(t: text))
                case let .number(number)?:
                    return Cell(r: reference, s: style, v: CellValue.numberText(number))
                case let .flag(flag)?:
                    return Cell(r: reference, s: style, t: "b", v: flag ? "1" : "0")
                }
            }
            return cells.isEmpty ? nil : Row(r: row, c: cells)
        })
        let lists = part.choices.map { choice in
            let column = CellReference.letters(choice.column)
            return Validation(sqref: "\(column)\(choice.firstRow):\(column)\(choice.lastRow)",
                              formula1: "\"" + choice.values.joined(separator: ",") + "\"")
        }
        dataValidations = lists.isEmpty ? nil : Validations(count: lists.count, dataValidation: lists)
    }
}
