import Yams

/// Where a value of a workbook came from: a sheet, and the cell when there is one.
public struct CellOrigin: Sendable, Equatable {
    public var sheet: String
    public var cell: String?

    init(sheet: String, cell: CellReference?) { self.sheet = sheet; self.cell = cell?.description }

    /// `Sheet!C12`, or `Sheet` alone.
    public var description: String { cell.map { "\(sheet)!\($0)" } ?? sheet }
}

/// A scenario's YAML tree built from sheets, each key and value remembering its cell, written
/// as block YAML with one key or list item a line so that the loader's `line:column` maps back
/// to a cell (`CellMap`).
final class DraftNode {
    enum Content {
        /// YAML text of a scalar, already quoted where needed (or a one-line flow collection).
        case scalar(String)
        case mapping([(key: String, origin: CellOrigin?, node: DraftNode)])
        case sequence([DraftNode])
    }

    var content: Content
    /// The cell of this value (a scalar, or a list item's line).
    var origin: CellOrigin?

    init(_ content: Content, origin: CellOrigin? = nil) { self.content = content; self.origin = origin }

    static func mapping(origin: CellOrigin? = nil) -> DraftNode { DraftNode(.mapping([]), origin: origin) }
    static func sequence(origin: CellOrigin? = nil) -> DraftNode { DraftNode(.sequence([]), origin: origin) }
    /// An empty cell where a value must stand (a list item, an override's value): YAML `null`,
    /// which the loader reports at the cell.
    static func null(origin: CellOrigin?) -> DraftNode { DraftNode(.scalar("null"), origin: origin) }

    /// Adds `key: node` (a repeated key is kept, so the loader reports it as a duplicate).
    func append(_ key: String, _ node: DraftNode, origin: CellOrigin?) {
        guard case var .mapping(entries) = content else { return }
        content = .sequence([])  // so that `entries` is the array's only owner and grows in place
        entries.append((key, origin, node))
        content = .mapping(entries)
    }

    /// Adds a list item.
    func append(item node: DraftNode) {
        guard case var .sequence(items) = content else { return }
        content = .sequence([])  // so that `items` is the array's only owner and grows in place
        items.append(node)
        content = .sequence(items)
    }

    /// The mapping under `key`, added (at `origin`) when there is none yet.
    func mapping(_ key: String, origin: CellOrigin? = nil) -> DraftNode {
        child(key, origin: origin, make: DraftNode.mapping) { if case .mapping = $0 { true } else { false } }
    }

    /// The list under `key`, added when there is none yet.
    func sequence(_ key: String, origin: CellOrigin? = nil) -> DraftNode {
        child(key, origin: origin, make: DraftNode.sequence) { if case .sequence = $0 { true } else { false } }
    }

    /// The first child under `key` whose content `fits`, else a new one from `make`, added.
    private func child(_ key: String, origin: CellOrigin?, make: (CellOrigin?) -> DraftNode,
                       fits: (Content) -> Bool) -> DraftNode {
        if case let .mapping(entries) = content, let found = entries.first(where: { $0.key == key }), fits(found.node.content) {
            return found.node
        }
        let node = make(origin)
        append(key, node, origin: origin)
        return node
    }

    /// The mapping under the dotted path `segments`, added where missing.
    func mapping(at segments: [String], origin: CellOrigin? = nil) -> DraftNode {
        segments.reduce(self) { $0.mapping($1, origin: origin) }
    }

    /// Puts a mapping's keys in the order of `order` (keys not in it last, in their order).
    func sortEntries(by order: [String]) {
        guard case let .mapping(entries) = content else { return }
        let rank = { (key: String) in order.firstIndex(of: key) ?? order.count }
        content = .mapping(entries.enumerated().sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
            .map(\.element))
    }

    /// The value first written under `key`, if any.
    func child(_ key: String) -> DraftNode? {
        guard case let .mapping(entries) = content else { return nil }
        return entries.first { $0.key == key }?.node
    }
}

/// For each line of the written YAML: the cells its key and its value came from.
struct CellMap: Sendable {
    struct Line: Sendable {
        /// 1-based column where the key (or the list dash) starts.
        var indent: Int
        var key: CellOrigin?
        var value: CellOrigin?
    }

    var lines: [Line?] = []

    /// The cell for a loader finding at `line`, `column` (both 1-based): the key's cell when the
    /// finding points at the key, else the value's; a line without cells takes the nearest line
    /// above it that has one.
    func origin(line: Int, column: Int) -> CellOrigin? {
        var index = min(line, lines.count) - 1
        while index >= 0 {
            if let entry = lines[index] {
                let onKey = index == line - 1 && column <= entry.indent + 1
                if let found = onKey ? (entry.key ?? entry.value) : (entry.value ?? entry.key) { return found }
            }
            index -= 1
        }
        return nil
    }
}

/// Writes a draft as block YAML and records each line's cells.
struct DraftWriter {
    private(set) var text = ""
    private(set) var map = CellMap()

    init(header: String) {
        for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
            text += line + "\n"
            map.lines.append(nil)
        }
    }

    mutating func write(root: DraftNode) {
        guard case let .mapping(entries) = root.content, !entries.isEmpty else {
            emit("{}", indent: 0, key: nil, value: nil)
            return
        }
        writeEntries(of: root, indent: 0)
    }

    private mutating func emit(_ line: String, indent: Int, key: CellOrigin?, value: CellOrigin?) {
        text += line + "\n"
        map.lines.append(CellMap.Line(indent: indent, key: key, value: value))
    }

    private mutating func writeEntries(of node: DraftNode, indent: Int) {
        guard case let .mapping(entries) = node.content else { return }
        let pad = String(repeating: " ", count: indent)
        for (key, origin, child) in entries {
            let head = pad + Node.quoted(key) + ":"
            switch child.content {
            case let .scalar(text):
                emit(head + " " + text, indent: indent, key: origin, value: child.origin ?? origin)
            case let .mapping(children) where children.isEmpty:
                emit(head + " {}", indent: indent, key: origin, value: child.origin ?? origin)
            case let .sequence(items) where items.isEmpty:
                emit(head + " []", indent: indent, key: origin, value: child.origin ?? origin)
            case .mapping:
                emit(head, indent: indent, key: origin, value: origin)
                writeEntries(of: child, indent: indent + 2)
            case .sequence:
                emit(head, indent: indent, key: origin, value: origin)
                writeItems(of: child, indent: indent + 2)
            }
        }
    }

    private mutating func writeItems(of node: DraftNode, indent: Int) {
        guard case let .sequence(items) = node.content else { return }
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item.content {
            case let .scalar(text):
                emit(pad + "- " + text, indent: indent, key: item.origin, value: item.origin)
            case let .mapping(children) where children.isEmpty:
                emit(pad + "- {}", indent: indent, key: item.origin, value: item.origin)
            case let .sequence(children) where children.isEmpty:
                emit(pad + "- []", indent: indent, key: item.origin, value: item.origin)
            case .mapping:
                emit(pad + "-", indent: indent, key: item.origin, value: item.origin)
                writeEntries(of: item, indent: indent + 2)
            case .sequence:
                emit(pad + "-", indent: indent, key: item.origin, value: item.origin)
                writeItems(of: item, indent: indent + 2)
            }
        }
    }
}
