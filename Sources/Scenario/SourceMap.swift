/// Where each key path of a decoded scenario was written, so checks on the typed `Scenario`
/// can still point at `file:line:column`.
struct SourceMap: Sendable {
    /// Key path -> location of its value.
    var values: [String: SourceLocation] = [:]
    /// Key path -> location of its key (the id of an entity, a resource name in `produces`, ...).
    var keys: [String: SourceLocation] = [:]
    /// Key paths whose value was missing or unreadable and already reported; later checks skip them.
    var reported: Set<String> = []

    /// Consulted when this map has nothing for a path (a policy check records only what it re-read).
    var fallback: [SourceMap] = []

    /// Location of `path`'s value or key, here or in the fallback.
    private func recorded(_ path: String) -> SourceLocation? {
        values[path] ?? keys[path] ?? fallback.first?.recorded(path)
    }

    /// Location of `path`'s key, if recorded here or in the fallback.
    func recordedKey(_ path: String) -> SourceLocation? { keys[path] ?? fallback.first?.recordedKey(path) }

    /// Best location for a finding about `path`: its value, else its key, else the nearest ancestor's.
    func location(of path: String) -> SourceLocation? {
        var current = Substring(path)
        while true {
            if let found = recorded(String(current)) { return found }
            guard let dot = current.lastIndex(of: ".") else { return nil }
            current = current[..<dot]
        }
    }

    /// Best location for a finding about the key (not the value) at `path`.
    func keyLocation(of path: String) -> SourceLocation? { recordedKey(path) ?? location(of: path) }

    /// Whether `path` or one of its ancestors was already reported as missing or unreadable.
    func wasReported(_ path: String) -> Bool {
        var current = Substring(path)
        while true {
            if reported.contains(String(current)) { return true }
            guard let dot = current.lastIndex(of: ".") else { return fallback.first?.wasReported(path) ?? false }
            current = current[..<dot]
        }
    }
}

/// Collects findings with their locations while a scenario is read and checked.
struct DiagnosticLog: Sendable {
    var file: String
    var entries: [Diagnostic] = []

    var errors: [Diagnostic] { entries.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { entries.filter { $0.severity == .warning } }

    mutating func error(_ message: String, at location: SourceLocation?, path: String) {
        entries.append(Diagnostic(severity: .error, location: location, keyPath: path, message: message))
    }

    mutating func warning(_ message: String, at location: SourceLocation?, path: String) {
        entries.append(Diagnostic(severity: .warning, location: location, keyPath: path, message: message))
    }
}

extension String {
    /// `parent.child`, or `child` at the top level.
    func appendingKey(_ key: String) -> String { isEmpty ? key : self + "." + key }
}
