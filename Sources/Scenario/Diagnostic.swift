/// One finding about a scenario file: an error that stops loading, or a warning worth a look.
///
/// Printed like a compiler message:
/// `tiny.yaml:52:15: error: exchanges.ash_to_cement.capacity: must be >= 0, got -5`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad a finding is.
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    /// `file:line:column` (1-based) of the key or value concerned; `nil` when there is none
    /// (an unreadable file, a policy named on the command line, a scenario built in code).
    public var location: SourceLocation?
    /// Dotted key path of the value concerned, e.g. `exchanges.ash_to_cement.capacity`; empty for
    /// file-level findings such as YAML syntax errors.
    public var keyPath: String
    /// What is wrong, and a hint where there is one.
    public var message: String

    public init(severity: Severity, location: SourceLocation?, keyPath: String, message: String) {
        self.severity = severity; self.location = location; self.keyPath = keyPath; self.message = message
    }

    /// `file:line:column: severity: key.path: message`, leaving out the parts that are absent.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}

/// A scenario that could not be loaded: every error found in one run, in file order.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The errors, in file order (findings without a location first). Never empty when thrown
    /// by this module.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Stable sort into file order: findings without a location first, then by line and column.
    func sortedInFileOrder() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let left = lhs.element.location, right = rhs.element.location
            switch (left, right) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (left?, right?):
                if left.line != right.line { return left.line < right.line }
                if left.column != right.column { return left.column < right.column }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// The same findings, each reported once (first occurrence kept).
    func removingDuplicates() -> [Diagnostic] {
        var seen: [Diagnostic] = []
        for diagnostic in self where !seen.contains(diagnostic) { seen.append(diagnostic) }
        return seen
    }
}
