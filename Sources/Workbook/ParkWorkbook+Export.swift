import Foundation
import Scenario
import Yams

extension ParkWorkbook {
    /// The empty workbook: every sheet of `ParkWorkbookLayout` with its headers, units and notes
    /// (a settings sheet lists every key with an empty value).
    static func templateSheets() -> [SheetTable] {
        ParkWorkbookLayout.sheets.map { blankSheet($0, currency: "currency") }
    }

    /// The sheets of a scenario file's YAML tree (before any policy is applied, so policies stay
    /// overrides). `root` must be a scenario the loader accepts: every key it accepts has a cell.
    static func sheets(of root: Node, currency: String) -> [SheetTable] {
        ParkWorkbookLayout.sheets.map { layout in
            var sheet = blankSheet(layout, currency: currency)
            switch layout.shape {
            case .settings: fillSettings(&sheet, layout, root)
            case let .entities(path): fillEntities(&sheet, layout, root.descendant(path))
            case let .amounts(parentPath): fillAmounts(&sheet, layout, root.descendant(parentPath))
            case .processes: fillProcesses(&sheet, root)
            case .correlations:
                for item in root.child("uncertainty")?.child("correlations")?.items ?? [] {
                    sheet.append(item.items.map(cellValue))
                }
            case .ranges:
                for (key, range) in root.child("sensitivity")?.child("parameters")?.entries ?? [] {
                    sheet.append([.text(key)] + range.items.map(cellValue))
                }
            case .overrides: fillOverrides(&sheet, root.child("policies"))
            }
            return sheet
        }
    }

    /// Headers, units and notes (a table), or the header and one row a key (settings).
    private static func blankSheet(_ layout: SheetLayout, currency: String) -> SheetTable {
        let unit: (SheetColumn) -> CellValue? = { column in
            column.unit.isEmpty ? nil : .text(column.unit.replacingOccurrences(of: "currency", with: currency))
        }
        var sheet = SheetTable(name: layout.name)
        if case .settings = layout.shape {
            sheet.append([.text("key"), .text("value"), .text("unit"), .text("notes")])
            for column in layout.columns { sheet.append([.text(column.key), nil, unit(column), .text(column.note)]) }
        } else {
            sheet.append(layout.columns.map { .text($0.key) })
            sheet.append(layout.columns.map(unit))
            sheet.append(layout.columns.map { .text($0.note) })
        }
        return sheet
    }

    /// A scalar as a cell: numbers and booleans written plain stay typed, the rest is text.
    static func cellValue(_ node: Node) -> CellValue? {
        guard case let .scalar(scalar) = node else { return .text(node.flowText) }
        let plain = scalar.style == .any || scalar.style == .plain
        if plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            case "true", "True", "TRUE": return .flag(true)
            case "false", "False", "FALSE": return .flag(false)
            default: break
            }
            let digits = scalar.string.allSatisfy { "0123456789+-.eE".contains($0) }
            if digits, let number = Double(scalar.string), number.isFinite { return .number(number) }
        }
        return .text(scalar.string)
    }

    private static func fillSettings(_ sheet: inout SheetTable, _ layout: SheetLayout, _ root: Node) {
        for (index, column) in layout.columns.enumerated() {
            let path = column.key.split(separator: ".").map(String.init)
            guard let node = root.descendant(path) else { continue }
            if column.kind == .names {
                sheet[index + 2, 2] = .text(node.items.compactMap { cellValue($0)?.shown }.joined(separator: ", "))
            } else {
                sheet[index + 2, 2] = cellValue(node)
            }
        }
    }

    private static func fillEntities(_ sheet: inout SheetTable, _ layout: SheetLayout, _ section: Node?) {
        for (id, entity) in section?.entries ?? [] {
            let site = entity.child("location")
            let location = site?.items ?? []
            sheet.append(layout.columns.enumerated().map { index, column in
                if index == 0 { return .text(id) }
                switch column.key {
                case "x": return location.first.flatMap(cellValue)
                case "y": return location.dropFirst().first.flatMap(cellValue)
                case "lat", "lon": return site?.child(column.key).flatMap(cellValue)
                default: return entity.child(column.key).flatMap(cellValue)
                }
            })
        }
    }

    private static func fillAmounts(_ sheet: inout SheetTable, _ layout: SheetLayout, _ section: Node?) {
        let lists = layout.columns.dropFirst(2).map(\.key)
        for (id, entity) in section?.entries ?? [] {
            var rows: [(resource: String, cells: [CellValue?])] = []
            for (index, list) in lists.enumerated() {
                for (resource, amount) in entity.child(list)?.entries ?? [] {
                    if let at = rows.firstIndex(where: { $0.resource == resource && $0.cells[index] == nil }) {
                        rows[at].cells[index] = cellValue(amount)
                    } else {
                        var cells = [CellValue?](repeating: nil, count: lists.count)
                        cells[index] = cellValue(amount)
                        rows.append((resource, cells))
                    }
                }
            }
            for row in rows { sheet.append([.text(id), .text(row.resource)] + row.cells) }
        }
    }

    private static func fillProcesses(_ sheet: inout SheetTable, _ root: Node) {
        let keys = ParkWorkbookLayout.sheet(named: "uncertainty")?.columns.dropFirst(2).map(\.key) ?? []
        for section in ["prices", "volumes"] {
            for (target, process) in root.child("uncertainty")?[section]?.entries ?? [] {
                sheet.append([.text(section), .text(target)] + keys.map { process.child($0).flatMap(cellValue) })
            }
        }
    }

    private static func fillOverrides(_ sheet: inout SheetTable, _ policies: Node?) {
        for (id, policy) in policies?.entries ?? [] {
            for section in ["set", "targets"] {
                for (key, value) in policy.child(section)?.entries ?? [] {
                    let cell: CellValue? = if case .scalar = value, case .number? = cellValue(value) {
                        cellValue(value)
                    } else {
                        .text(value.flowText)
                    }
                    sheet.append([.text(id), .text(section), .text(key), cell])
                }
            }
        }
    }
}

extension Node {
    /// The value at `path` of nested mappings, compared as text.
    func descendant(_ path: [String]) -> Node? {
        path.reduce(Optional(self)) { node, key in node?.child(key) }
    }

    /// The value of a mapping's first `key:`, compared as text.
    func child(_ key: String) -> Node? {
        guard case let .mapping(mapping) = self else { return nil }
        return mapping.first { $0.key.string == key }?.value
    }

    /// A mapping's entries with their keys as text (`[]` for anything else).
    var entries: [(String, Node)] {
        guard case let .mapping(mapping) = self else { return [] }
        return mapping.map { ($0.key.string ?? $0.key.flowText, $0.value) }
    }

    /// A list's items (`[]` for anything else).
    var items: [Node] {
        guard case let .sequence(sequence) = self else { return [] }
        return Array(sequence)
    }
}
