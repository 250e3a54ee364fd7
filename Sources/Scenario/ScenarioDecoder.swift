import Yams

/// One YAML mapping of the file, checked for duplicate and unknown keys, read by key.
struct MappingEntries {
    /// A key of the mapping with its value (first occurrence when a key is repeated).
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    /// Key path of the mapping itself (`""` for the root).
    var path: String
    /// Where to point when a required key is missing: the mapping's own key, else the mapping.
    var anchor: SourceLocation?
    var list: [Entry]

    subscript(key: String) -> Entry? {
        for entry in list where entry.key == key { return entry }
        return nil
    }
}

/// Reads a composed YAML tree into the typed model, logging every structural problem
/// (wrong type, missing or unknown key, duplicate key, non-finite number) with its location.
///
/// Range and cross-reference checks happen afterwards on the typed `Scenario`
/// (`Scenario+Validation.swift`), using the `sourceMap` recorded here.
struct ScenarioDecoder {
    var log: DiagnosticLog
    var sourceMap = SourceMap()
    /// The first location read: whether it was `{lat, lon}`, its key path and line (one file
    /// uses one kind of location).
    var firstLocation: (geographic: Bool, path: String, line: Int)?

    init(file: String) { log = DiagnosticLog(file: file) }

    var file: String { log.file }

    // MARK: Findings

    mutating func error(_ message: String, at node: Node?, path: String) {
        log.error(message, at: node?.location(in: file), path: path)
        sourceMap.reported.insert(path)
    }

    /// Records where `path`'s value (and optionally its key) was written.
    mutating func record(_ path: String, value: Node, key: Node? = nil) {
        if let location = value.location(in: file) { sourceMap.values[path] = location }
        if let location = key?.location(in: file) { sourceMap.keys[path] = location }
    }

    // MARK: Mappings

    /// The entries of `node` if it is a mapping (null counts as empty), reporting non-text and
    /// duplicate keys, and keys outside `accepted` with a did-you-mean hint.
    mutating func entries(of node: Node, path: String, anchor: Node? = nil,
                          accepting accepted: [String]? = nil) -> MappingEntries? {
        let anchorLocation = anchor?.location(in: file) ?? node.location(in: file)
        if node.isNull { return MappingEntries(path: path, anchor: anchorLocation, list: []) }
        guard case let .mapping(mapping) = node else {
            error("expected a mapping of keys to values, got \(node.kindDescription)", at: node, path: path)
            return nil
        }
        var list: [MappingEntries.Entry] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                error("keys must be plain text, got \(keyNode.kindDescription)", at: keyNode, path: path)
                continue
            }
            let key = scalar.string
            let keyPath = path.appendingKey(key)
            if !seen.insert(key).inserted {
                let first = list.first { $0.key == key }?.keyNode ?? mapping.first { $0.key.text == key }?.key
                let line = first?.mark.map { " (first at line \($0.line))" } ?? ""
                log.error("duplicate key `\(key)`\(line)", at: keyNode.location(in: file), path: keyPath)
                continue
            }
            if let accepted, !accepted.contains(key) {
                let hint = KeySuggestion.hint(for: key, among: accepted)
                let known = hint.isEmpty ? "; expected one of: \(accepted.joined(separator: ", "))" : hint
                log.error("unknown key `\(key)`\(known)", at: keyNode.location(in: file), path: keyPath)
                continue
            }
            list.append(.init(key: key, keyNode: keyNode, value: value))
        }
        return MappingEntries(path: path, anchor: anchorLocation, list: list)
    }

    /// `entries(of:)` with the accepted keys of a format section, reporting missing required keys.
    mutating func entries(of node: Node, path: String, anchor: Node? = nil,
                          section: ScenarioFormat.Section) -> MappingEntries? {
        guard let entries = entries(of: node, path: path, anchor: anchor,
                                    accepting: ScenarioFormat.acceptedKeys(in: section)) else { return nil }
        for key in ScenarioFormat.requiredKeys(in: section) where entries[key].map({ $0.value.isNull }) ?? true {
            let keyPath = path.appendingKey(key)
            log.error("missing required key `\(key)`", at: entries[key]?.value.location(in: file) ?? entries.anchor,
                      path: keyPath)
            sourceMap.reported.insert(keyPath)
        }
        return entries
    }

    // MARK: Scalars

    /// The entry for `key` unless absent or null (missing required keys are reported by `entries`).
    private mutating func present(_ entries: MappingEntries, _ key: String) -> MappingEntries.Entry? {
        guard let entry = entries[key] else { return nil }
        record(entries.path.appendingKey(key), value: entry.value)
        return entry.value.isNull ? nil : entry
    }

    /// A finite number, or `nil` when absent or unreadable (reported).
    mutating func number(_ entries: MappingEntries, _ key: String) -> Double? {
        guard let entry = present(entries, key) else { return nil }
        return number(entry.value, path: entries.path.appendingKey(key))
    }

    /// A finite number read from `node`, or `nil` (reported).
    mutating func number(_ node: Node, path: String) -> Double? {
        switch node.numberReading {
        case let .finite(value): return value
        case let .nonFinite(text):
            error("must be a finite number, got \(text)", at: node, path: path)
        case .notANumber:
            error("expected a number, got \(node.kindDescription)", at: node, path: path)
        }
        return nil
    }

    /// A whole number, or `nil` when absent or unreadable (reported).
    mutating func integer(_ entries: MappingEntries, _ key: String) -> Int? {
        guard let entry = present(entries, key) else { return nil }
        return integer(entry.value, path: entries.path.appendingKey(key))
    }

    /// A whole number read from `node`, or `nil` (reported).
    mutating func integer(_ node: Node, path: String) -> Int? {
        guard let value = number(node, path: path) else { return nil }
        guard value.rounded() == value, abs(value) < 9.0e15, let whole = Int(exactly: value) else {
            error("expected a whole number, got \(node.text ?? "")", at: node, path: path)
            return nil
        }
        return whole
    }

    /// Text, or `nil` when absent or not a scalar (reported).
    mutating func text(_ entries: MappingEntries, _ key: String) -> String? {
        guard let entry = present(entries, key) else { return nil }
        guard let text = entry.value.text else {
            error("expected text, got \(entry.value.kindDescription)", at: entry.value,
                  path: entries.path.appendingKey(key))
            return nil
        }
        return text
    }

    /// A boolean, or `nil` when absent or unreadable (reported).
    mutating func bool(_ entries: MappingEntries, _ key: String) -> Bool? {
        guard let entry = present(entries, key) else { return nil }
        guard let value = entry.value.boolValue else {
            error("expected true or false, got \(entry.value.kindDescription)", at: entry.value,
                  path: entries.path.appendingKey(key))
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, or `nil` when absent or unknown (reported with a hint).
    mutating func choice<Value: RawRepresentable>(_ entries: MappingEntries, _ key: String,
                                                  among values: [Value]) -> Value? where Value.RawValue == String {
        guard let text = text(entries, key) else { return nil }
        if let value = values.first(where: { $0.rawValue == text }) { return value }
        let names = values.map(\.rawValue)
        error("unknown value `\(text)`; expected one of: \(names.joined(separator: ", "))"
              + KeySuggestion.hint(for: text, among: names),
              at: entries[key]?.value, path: entries.path.appendingKey(key))
        return nil
    }

    /// `[x, y]` in km or `{lat, lon}` in WGS84 degrees, or `nil` when absent or malformed
    /// (reported). The two kinds cannot be mixed in one file: the first location read sets it.
    mutating func point(_ entries: MappingEntries, _ key: String) -> Point? {
        guard let entry = present(entries, key) else { return nil }
        let path = entries.path.appendingKey(key)
        let point: Point
        if case .mapping = entry.value {
            guard let map = self.entries(of: entry.value, path: path, anchor: entry.keyNode, accepting: ["lat", "lon"])
            else { return nil }
            guard let lat = map["lat"], let lon = map["lon"] else {
                error("expected a location {lat, lon} in degrees with both keys", at: entry.value, path: path)
                return nil
            }
            guard let latitude = number(lat.value, path: path.appendingKey("lat")),
                  let longitude = number(lon.value, path: path.appendingKey("lon")) else { return nil }
            guard (-90 ... 90).contains(latitude) else {
                error("latitude must be between -90 and 90 degrees, got \(latitude)", at: lat.value,
                      path: path.appendingKey("lat"))
                return nil
            }
            guard (-180 ... 180).contains(longitude) else {
                error("longitude must be between -180 and 180 degrees, got \(longitude)", at: lon.value,
                      path: path.appendingKey("lon"))
                return nil
            }
            point = Point(latitude: latitude, longitude: longitude)
        } else {
            guard case let .sequence(sequence) = entry.value, sequence.count == 2 else {
                error("expected a location [x, y] in km or {lat, lon} in degrees, got \(entry.value.kindDescription)",
                      at: entry.value, path: path)
                return nil
            }
            let items = Array(sequence)
            guard let x = number(items[0], path: path), let y = number(items[1], path: path) else { return nil }
            point = Point(x: x, y: y)
        }
        let geographic = point.geo != nil
        let line = entry.value.mark?.line ?? 0
        if let first = firstLocation, first.geographic != geographic {
            let kinds = geographic ? ("{lat, lon}", "[x, y] in km") : ("[x, y] in km", "{lat, lon}")
            error("location is \(kinds.0) but \(first.path) (line \(first.line)) is \(kinds.1); one file uses one "
                  + "kind of location for every site", at: entry.value, path: path)
            return nil
        }
        if firstLocation == nil { firstLocation = (geographic, path, line) }
        return point
    }

    /// A mapping of resource id -> amount, in file order (each id's key location recorded).
    mutating func amounts(_ entries: MappingEntries, _ key: String) -> [ResourceAmount] {
        guard let entry = present(entries, key) else { return [] }
        let path = entries.path.appendingKey(key)
        guard let map = self.entries(of: entry.value, path: path, anchor: entry.keyNode) else { return [] }
        var amounts: [ResourceAmount] = []
        for item in map.list {
            let itemPath = path.appendingKey(item.key)
            record(itemPath, value: item.value, key: item.keyNode)
            guard !item.value.isNull else {
                error("expected a number, got nothing (null)", at: item.value, path: itemPath)
                continue
            }
            if let amount = number(item.value, path: itemPath) { amounts.append(ResourceAmount(item.key, amount)) }
        }
        return amounts
    }

    /// The `key: {id: {...}, ...}` block of entities, calling `read` for each id in file order.
    mutating func entities<Entity>(_ root: MappingEntries, _ key: String,
                                   read: (inout ScenarioDecoder, String, Node, Node) -> Entity) -> [Entity] {
        guard let entry = present(root, key),
              let map = entries(of: entry.value, path: key, anchor: entry.keyNode) else { return [] }
        var result: [Entity] = []
        for item in map.list {
            let path = key.appendingKey(item.key)
            record(path, value: item.value, key: item.keyNode)
            if item.key.isEmpty || item.key.contains(".") || item.key.contains("+") {
                log.error("id `\(item.key)` must be non-empty and contain no `.` or `+` (they separate key paths "
                          + "and combined policies)", at: item.keyNode.location(in: file), path: path)
            }
            result.append(read(&self, item.key, item.keyNode, item.value))
        }
        return result
    }
}
