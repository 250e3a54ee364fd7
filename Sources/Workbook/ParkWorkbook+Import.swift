import Foundation
import Scenario
import Yams

/// A workbook converted to scenario YAML, and what the loader warned about.
public struct WorkbookImport: Sendable {
    /// The scenario file's text (block YAML, one value a line).
    public var yaml: String
    public var loaded: LoadedScenario
    public var warnings: [WorkbookDiagnostic]
}

/// Park data as workbooks: the sheets of `ParkWorkbookLayout` to scenario YAML and back.
public enum ParkWorkbook {
    /// Converts sheets to scenario YAML, then loads it with the YAML loader (every check the
    /// loader makes, every policy checked), reporting each finding at the cell it came from.
    ///
    /// - Parameter file: the workbook or folder, as named in messages.
    static func convert(_ sheets: [SheetTable], file: String) throws(WorkbookError) -> WorkbookImport {
        var builder = DraftBuilder(file: file)
        let known = Set(ParkWorkbookLayout.sheets.map(\.name))
        for sheet in sheets where !known.contains(sheet.name) {
            builder.issue(CellOrigin(sheet: sheet.name, cell: nil), "",
                          "unknown sheet `\(sheet.name)`"
                              + KeySuggestion.hint(for: sheet.name, among: ParkWorkbookLayout.sheets.map(\.name))
                              + " (the sheets are " + ParkWorkbookLayout.sheets.map(\.name).joined(separator: ", ") + ")")
        }
        for layout in ParkWorkbookLayout.sheets {
            guard let sheet = sheets.first(where: { $0.name == layout.name }) else { continue }
            builder.read(sheet, as: layout)
        }
        builder.root.sortEntries(by: ScenarioFormat.acceptedKeys(in: .scenario))
        if case let .mapping(policies)? = builder.root.child("policies")?.content {
            // A policy's overrides apply in this order: its set rows, its columns, its targets rows.
            for policy in policies { policy.node.sortEntries(by: ["name", "name_vi", "description", "description_vi", "set"] + ScenarioFormat.economicsKeys) }
        }
        var writer = DraftWriter(header: "# Converted from \((file as NSString).lastPathComponent) by `symbiosis import`.")
        writer.write(root: builder.root)
        let yaml = writer.text, map = writer.map
        let located: (Diagnostic) -> WorkbookDiagnostic = { diagnostic in
            let origin = diagnostic.location.flatMap { map.origin(line: $0.line, column: $0.column) }
            return WorkbookDiagnostic(severity: diagnostic.severity, file: file, origin: origin,
                                      keyPath: diagnostic.keyPath, message: cellsForLines(diagnostic.message, map))
        }
        let loaded: LoadedScenario
        do {
            loaded = try Scenario.parse(yaml: yaml, file: file)
        } catch {
            throw WorkbookError(diagnostics: builder.issues + error.diagnostics.map(located))
        }
        guard builder.issues.isEmpty else { throw WorkbookError(diagnostics: builder.issues) }
        return WorkbookImport(yaml: yaml, loaded: loaded, warnings: loaded.warnings.map(located))
    }
}

/// `message` with each `line N` of the converted YAML (`first at line 8`) named by its cell.
private func cellsForLines(_ message: String, _ map: CellMap) -> String {
    var result = "", rest = Substring(message)
    while let range = rest.range(of: "line ") {
        let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        result += rest[..<range.lowerBound]
        if let line = Int(digits), let origin = map.origin(line: line, column: 1) {
            result += origin.description
        } else {
            result += rest[range.lowerBound ..< range.upperBound] + digits
        }
        rest = rest[range.upperBound...].dropFirst(digits.count)
    }
    return result + rest
}
