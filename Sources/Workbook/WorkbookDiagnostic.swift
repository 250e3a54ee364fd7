import Scenario

/// One finding about a workbook, at a sheet and cell:
/// `park.xlsx:exchanges!H5: exchanges.ash_to_cement.capacity: must be >= 0, got -5`, in the
/// manner of the YAML loader's `file:line:column` messages (warnings add `warning: `).
public struct WorkbookDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: Diagnostic.Severity
    /// The workbook file or CSV folder, as given.
    public var file: String
    /// The sheet and cell; `nil` for findings about the whole file.
    public var origin: CellOrigin?
    public var keyPath: String
    public var message: String

    public init(severity: Diagnostic.Severity, file: String, origin: CellOrigin?, keyPath: String, message: String) {
        self.severity = severity; self.file = file; self.origin = origin; self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var text = file + (origin.map { ":\($0.description)" } ?? "") + ": "
        if severity == .warning { text += "warning: " }
        if !keyPath.isEmpty { text += keyPath + ": " }
        return text + message
    }
}

/// A workbook that could not be converted: every error found, sheet by sheet.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [WorkbookDiagnostic]
    public init(diagnostics: [WorkbookDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension CellOrigin: CustomStringConvertible {}
