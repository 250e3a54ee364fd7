import Foundation
import Scenario
import Testing
import TestSupport
@testable import Workbook

/// The workbook read and written by an independent implementation: openpyxl (PyPI).
@Suite("Workbook and openpyxl")
struct WorkbookReaderTests {
    static let openpyxlAvailable: Bool =
        TestSupport.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status == 0

    /// Every cell of every sheet as openpyxl reads it, as JSON, and the validation lists.
    static let dump = """
    import json, sys, openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    def typed(v):
        if v is None: return None
        if isinstance(v, bool): return ["b", "1" if v else "0"]
        if isinstance(v, (int, float)): return ["n", repr(float(v))]
        return ["s", str(v)]
    out = {}
    for sheet in book.worksheets:
        rows = [[typed(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        lists = sorted(str(v.sqref) + "=" + v.formula1 for v in sheet.data_validations.dataValidation)
        out[sheet.title] = {"rows": rows, "lists": lists, "freeze": sheet.freeze_panes}
    print(json.dumps(out))
    """

    @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed (python3 -m pip install openpyxl)"))
    func openpyxlReadsEveryCellWeWrite() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let bytes = try ParkWorkbook.workbook(yaml: yaml, currency: "USD")
        let path = TestSupport.temporaryFile(suffix: ".xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = TestSupport.run("/usr/bin/env", ["python3", "-c", Self.dump, path])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
        let ours = try XLSXFile.sheets(in: bytes)
        #expect(Set(json.keys) == Set(ours.map(\.name)))
        for sheet in ours {
            let rows = try #require(json[sheet.name]?["rows"] as? [[Any]], "\(sheet.name)")
            #expect(rows.count == sheet.rows.count, "\(sheet.name)")
            for (r, row) in rows.enumerated() {
                for (c, value) in row.enumerated() {
                    let mine = sheet[r + 1, c + 1]
                    let place = "\(sheet.name) \(CellReference(row: r + 1, column: c + 1))"
                    guard let pair = value as? [String] else {
                        #expect(mine == nil, "\(place)")
                        continue
                    }
                    switch pair.first {
                    case "b": #expect(mine == .flag(pair[1] == "1"), "\(place)")
                    case "n": #expect(mine == .number(Double(pair[1]) ?? .nan), "\(place)")
                    default: #expect(mine == .text(pair[1]), "\(place)")
                    }
                }
            }
        }
        // The drop-down lists: resource kinds on resources!C4:C1000, permit status on permits!B4:B1000.
        let resourceLists = json["resources"]?["lists"] as? [String] ?? []
        #expect(resourceLists == ["C4:C1000=\"material,water,energy,waste\""])
        // The header rows stay in view: 3 rows (keys, units, notes) on a table, 1 on a settings sheet.
        #expect(json["resources"]?["freeze"] as? String == "A4")
        #expect(json["scenario"]?["freeze"] as? String == "A2")
        let permitLists = json["permits"]?["lists"] as? [String] ?? []
        #expect(permitLists == ["B4:B1000=\"forbidden,allowed,conditional\""])
    }

    /// A workbook written by openpyxl from our sheets' values (its own parts, styles, theme and
    /// document properties) reads back to the same scenario.
    @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed (python3 -m pip install openpyxl)"))
    func weReadWhatOpenpyxlWrites() throws {
        let yaml = try String(contentsOfFile: TestSupport.scenario("hiep-phuoc.yaml"), encoding: .utf8)
        let original = try Scenario.parse(yaml: yaml, file: "hiep-phuoc.yaml")
        let ours = TestSupport.temporaryFile(suffix: ".xlsx"), theirs = TestSupport.temporaryFile(suffix: ".xlsx")
        defer { for path in [ours, theirs] { try? FileManager.default.removeItem(atPath: path) } }
        try ParkWorkbook.workbook(yaml: yaml, currency: "USD").write(to: URL(fileURLWithPath: ours))
        // A new openpyxl workbook with our sheets' values: written the way openpyxl writes.
        let script = """
        import sys, openpyxl
        ours = openpyxl.load_workbook(sys.argv[1])
        new = openpyxl.Workbook()
        new.remove(new.active)
        for sheet in ours.worksheets:
            copy = new.create_sheet(sheet.title)
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        copy.cell(row=cell.row, column=cell.column, value=cell.value)
        new.save(sys.argv[2])
        """
        let result = TestSupport.run("/usr/bin/env", ["python3", "-c", script, ours, theirs])
        try #require(result.status == 0, "\(result.stderr)")
        let imported = try ParkWorkbook.importScenario(from: theirs).loaded.scenario
        #expect(WorkbookRoundTripTests.differences(imported, original.scenario) == [])
    }
}
