import Foundation
import Scenario
import Yams

extension ParkWorkbook {
    /// The empty park workbook (`symbiosis template`): `.xlsx` bytes.
    public static func template() throws -> Data {
        try XLSXFile.data(templateSheets().map(part))
    }

    /// A scenario file's text as a park workbook (`symbiosis export-data`): `.xlsx` bytes.
    /// `yaml` must be a scenario the loader accepts (load it first); policies stay overrides.
    public static func workbook(yaml: String, currency: String) throws -> Data {
        guard let root = try Yams.compose(yaml: yaml) else { return try template() }
        return try XLSXFile.data(sheets(of: root, currency: currency).map(part))
    }

    /// Reads a park workbook (`.xlsx`) or a folder of CSV files named after the sheets
    /// (`resources.csv`, …) and converts it to scenario YAML checked by the loader
    /// (`symbiosis import`). Every finding names `path:Sheet!Cell`.
    public static func importScenario(from path: String) throws(WorkbookError) -> WorkbookImport {
        let fail: (String) -> WorkbookError = { message in
            WorkbookError(diagnostics: [WorkbookDiagnostic(severity: .error, file: path, origin: nil, keyPath: "",
                                                           message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file or folder")
        }
        let sheets: [SheetTable]
        if isDirectory.boolValue {
            do { sheets = try CSVSheets.read(folder: path) } catch { throw fail(error.description) }
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read the file") }
            do { sheets = try XLSXFile.sheets(in: data) } catch { throw fail(error.description) }
        }
        return try convert(sheets, file: path)
    }

    /// A sheet with its styles, widths and validation lists.
    static func part(_ table: SheetTable) -> XLSXFile.SheetPart {
        var part = XLSXFile.SheetPart(table: table)
        guard let layout = ParkWorkbookLayout.sheet(named: table.name) else { return part }
        let lastRow = max(table.rows.count, 1000)
        part.frozenRows = layout.firstDataRow - 1
        if case .settings = layout.shape {
            part.widths = [1: 26, 2: 22, 3: 20, 4: 80]
            for (index, column) in layout.columns.enumerated() {
                if case let .choice(values) = column.kind {
                    part.choices.append(.init(column: 2, firstRow: index + 2, lastRow: index + 2, values: values))
                }
            }
        } else {
            part.italicRows = [2, 3]
            for (index, column) in layout.columns.enumerated() {
                part.widths[index + 1] = index == 0 ? 24 : 16
                if case let .choice(values) = column.kind {
                    part.choices.append(.init(column: index + 1, firstRow: layout.firstDataRow, lastRow: lastRow,
                                              values: values))
                }
            }
        }
        return part
    }
}
