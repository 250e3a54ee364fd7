import Foundation
import Testing
@testable import Workbook
import ZIPFoundation

/// The XLSX reader on parts written by hand the way Excel and LibreOffice write them (shared
/// strings, rich text runs, kept spaces, formula results, cells without a reference, an
/// absolute part path), and on files that are not workbooks.
@Suite("XLSX reading")
struct XLSXReadingTests {
    /// A ZIP archive of `parts` (path -> XML text).
    static func archive(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    @Test func sharedStringsRichTextFormulasAndImplicitReferences() throws {
        let data = try Self.archive([
            "xl/workbook.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="\(Self.main)" xmlns:r="\(Self.relationships)"><sheets>
            <sheet name="companies" sheetId="1" r:id="rId7"/></sheets></workbook>
            """,
            "xl/_rels/workbook.xml.rels": """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId7" Type="\(Self.relationships)/worksheet" Target="/xl/worksheets/data.xml"/>
            </Relationships>
            """,
            "xl/sharedStrings.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="\(Self.main)" count="3" uniqueCount="3">
            <si><t>id</t></si>
            <si><r><rPr><b/></rPr><t>Dệt </t></r><r><t>may</t></r></si>
            <si><t xml:space="preserve">  two spaces</t></si>
            </sst>
            """,
            "xl/worksheets/data.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="\(Self.main)"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c></row>
            <row r="3"><c r="B3" t="str"><f>A1&amp;"x"</f><v>idx</v></c><c r="C3"><v>1.5E-2</v></c>
            <c r="D3" t="b"><v>1</v></c><c r="E3" t="s"><v>2</v></c><c r="F3"><f>1+1</f><v>2</v></c></row>
            </sheetData></worksheet>
            """,
        ])
        let sheets = try XLSXFile.sheets(in: data)
        try #require(sheets.count == 1)
        let sheet = sheets[0]
        #expect(sheet.name == "companies")
        #expect(sheet[1, 1] == .text("id"))
        #expect(sheet[1, 2] == .text("Dệt may"))           // two runs joined, follows A1 without a reference
        #expect(sheet[2, 1] == nil)                        // row 2 is not written
        #expect(sheet[3, 2] == .text("idx"))               // a formula's cached text
        #expect(sheet[3, 3] == .number(0.015))
        #expect(sheet[3, 4] == .flag(true))
        #expect(sheet[3, 5] == .text("  two spaces"))     // spaces kept as written
        #expect(sheet[3, 6] == .number(2))                 // a formula's cached number
    }

    @Test func aFileThatIsNotAWorkbookIsOneClearError() throws {
        #expect(throws: XLSXReadError.self) { try XLSXFile.sheets(in: Data("name: Tiny park\n".utf8)) }
        do {
            _ = try XLSXFile.sheets(in: Data("name: Tiny park\n".utf8))
        } catch {
            #expect(error.description == "not an .xlsx workbook (not a ZIP archive)")
        }
        let zipWithoutWorkbook = try Self.archive(["readme.txt": "hello"])
        do {
            _ = try XLSXFile.sheets(in: zipWithoutWorkbook)
            Issue.record("a ZIP without xl/workbook.xml was read")
        } catch {
            #expect(error.description == "not an .xlsx workbook (no xl/workbook.xml)")
        }
    }

    @Test func aSharedStringThatDoesNotExistIsNamedByCell() throws {
        let data = try Self.archive([
            "xl/workbook.xml": "<workbook xmlns:r=\"\(Self.relationships)\"><sheets><sheet name=\"resources\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"4\"><c r=\"C4\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>",
        ])
        do {
            _ = try XLSXFile.sheets(in: data)
            Issue.record("a missing shared string was read")
        } catch {
            #expect(error.description == "resources!C4: a shared string that does not exist")
        }
    }
}
