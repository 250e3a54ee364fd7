import Scenario
import Yams

/// Builds the scenario's YAML tree from the sheets, row by row.
struct DraftBuilder {
    let file: String
    let root = DraftNode.mapping()
    private(set) var issues: [WorkbookDiagnostic] = []
    /// The entities read so far, by section path (`resources`, `policies`) and id.
    private var entities: [String: [String: DraftNode]] = [:]

    init(file: String) { self.file = file }

    mutating func issue(_ origin: CellOrigin, _ keyPath: String, _ message: String) {
        issues.append(WorkbookDiagnostic(severity: .error, file: file, origin: origin, keyPath: keyPath, message: message))
    }

    mutating func read(_ sheet: SheetTable, as layout: SheetLayout) {
        switch layout.shape {
        case .settings: readSettings(sheet, layout)
        case let .entities(path): readEntities(sheet, layout, path: path)
        case let .amounts(parentPath): readAmounts(sheet, layout, parentPath: parentPath)
        case .processes: readProcesses(sheet, layout)
        case .correlations: readCorrelations(sheet, layout)
        case .ranges: readRanges(sheet, layout)
        case .overrides: readOverrides(sheet, layout)
        }
    }

    // MARK: Cells

    private func origin(_ sheet: SheetTable, _ row: Int, _ column: Int) -> CellOrigin {
        CellOrigin(sheet: sheet.name, cell: CellReference(row: row, column: column))
    }

    /// The headers of a table sheet (row 1), trimmed; `nil` for an empty header.
    private func headers(_ sheet: SheetTable) -> [String?] {
        let width = sheet.rows.map(\.count).max() ?? 0
        return width == 0 ? [] : (1 ... width).map { sheet.text(1, $0) }
    }

    /// The kind of the column headed `key` in `layout`: unknown headers are read as values and
    /// reach the loader, which reports them as unknown keys.
    private func kind(of key: String, in layout: SheetLayout) -> ColumnKind {
        layout.columns.first { $0.key == key }?.kind ?? .value
    }

    /// The YAML for a cell of a column of `kind`; `nil` when the cell is empty, or when it is
    /// not one line of YAML (then an issue is logged at `path`).
    private mutating func scalar(_ sheet: SheetTable, _ row: Int, _ column: Int, _ kind: ColumnKind,
                                 path: String) -> DraftNode? {
        guard let value = sheet[row, column], let shown = sheet.text(row, column) else { return nil }
        let here = origin(sheet, row, column)
        switch kind {
        case .name, .text:
            return DraftNode(.scalar(Node.quoted(shown)), origin: here)
        case .value, .choice:
            if case let .number(number) = value { return DraftNode(.scalar(CellValue.numberText(number)), origin: here) }
            let plain = shown.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.+-".contains($0)) }
            return DraftNode(.scalar(plain ? shown : Node.quoted(shown)), origin: here)
        case .yaml:
            if case let .number(number) = value { return DraftNode(.scalar(CellValue.numberText(number)), origin: here) }
            do {
                guard let node = try Yams.compose(yaml: shown) else {
                    return .null(origin: here)
                }
                return DraftNode(.scalar(node.flowText), origin: here)
            } catch {
                issue(here, path, "not one line of YAML: `\(shown)`")
                return nil
            }
        case .names:
            let list = DraftNode.sequence(origin: here)
            for name in shown.split(separator: ",") {
                let trimmed = String(name).trimmingWhitespace
                if !trimmed.isEmpty { list.append(item: DraftNode(.scalar(Node.quoted(trimmed)), origin: here)) }
            }
            return list
        }
    }

    /// Whether row `row` has any value.
    private func isBlank(_ sheet: SheetTable, _ row: Int) -> Bool {
        row > sheet.rows.count || sheet.rows[row - 1].indices.allSatisfy { sheet.text(row, $0 + 1) == nil }
    }

    // MARK: Shapes

    private mutating func readSettings(_ sheet: SheetTable, _ layout: SheetLayout) {
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count {
            guard sheet.text(row, 2) != nil else { continue }
            guard let key = sheet.text(row, 1) else {
                issue(origin(sheet, row, 2), "", "a value without a key in column A")
                continue
            }
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let value = scalar(sheet, row, 2, kind(of: key, in: layout), path: key) else { continue }
            let keyCell = origin(sheet, row, 1)
            root.mapping(at: Array(segments.dropLast()), origin: keyCell).append(segments.last ?? key, value, origin: keyCell)
        }
    }

    private mutating func readEntities(_ sheet: SheetTable, _ layout: SheetLayout, path: [String]) {
        let heads = headers(sheet)
        let sectionPath = path.joined(separator: ".")
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            guard let id = sheet.text(row, 1) else {
                issue(origin(sheet, row, 1), sectionPath, "a row without an id in column A")
                continue
            }
            let entity = DraftNode.mapping(origin: origin(sheet, row, 1))
            root.mapping(at: path, origin: CellOrigin(sheet: sheet.name, cell: nil))
                .append(id, entity, origin: origin(sheet, row, 1))
            if entities[sectionPath]?[id] == nil { entities[sectionPath, default: [:]][id] = entity }
            var grid: [DraftNode?] = [nil, nil]
            var gridCell: CellOrigin?
            var geo: [(key: String, value: DraftNode)] = []
            for (index, head) in heads.enumerated().dropFirst() {
                let column = index + 1
                let keyPath = "\(sectionPath).\(id).\(head ?? "")"
                guard let head else {
                    if sheet.text(row, column) != nil {
                        issue(origin(sheet, row, column), keyPath, "a value in a column without a header")
                    }
                    continue
                }
                guard let value = scalar(sheet, row, column, kind(of: head, in: layout), path: keyPath) else { continue }
                switch head {
                case "x", "y":
                    grid[head == "x" ? 0 : 1] = value
                    gridCell = gridCell ?? value.origin
                case "lat", "lon":
                    geo.append((head, value))
                default:
                    entity.append(head, value, origin: value.origin)
                }
            }
            if let first = geo.first {
                if gridCell != nil {
                    issue(first.value.origin ?? origin(sheet, row, 1), "\(sectionPath).\(id).location",
                          "give the site as x and y (km) or as lat and lon (degrees), not both")
                }
                let map = DraftNode.mapping(origin: first.value.origin)
                for (key, value) in geo { map.append(key, value, origin: value.origin) }
                entity.append("location", map, origin: first.value.origin)
            } else if let gridCell {
                let list = DraftNode.sequence(origin: gridCell)
                for coordinate in grid { list.append(item: coordinate ?? .null(origin: gridCell)) }
                entity.append("location", list, origin: gridCell)
            }
        }
    }

    /// The entity `id` of `path`, or an issue naming the sheet it should be on.
    private mutating func parent(_ id: String, path: [String], at here: CellOrigin, noun: String) -> DraftNode? {
        let sectionPath = path.joined(separator: ".")
        if let found = entities[sectionPath]?[id] { return found }
        let known = (entities[sectionPath] ?? [:]).keys.sorted()
        issue(here, "\(sectionPath).\(id)",
              "unknown \(noun) `\(id)`" + KeySuggestion.hint(for: id, among: known) + " (not on the \(sectionPath) sheet)")
        return nil
    }

    private mutating func readAmounts(_ sheet: SheetTable, _ layout: SheetLayout, parentPath: [String]) {
        let heads = headers(sheet)
        let noun = layout.columns[0].key
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            guard let owner = sheet.text(row, 1) else {
                issue(origin(sheet, row, 1), parentPath.joined(separator: "."), "a row without a \(noun) in column A")
                continue
            }
            guard let entity = parent(owner, path: parentPath, at: origin(sheet, row, 1), noun: noun) else { continue }
            let base = (parentPath + [owner]).joined(separator: ".")
            guard let resource = sheet.text(row, 2) else {
                issue(origin(sheet, row, 2), base, "a row without a resource in column B")
                continue
            }
            for (index, head) in heads.enumerated().dropFirst(2) {
                let column = index + 1
                guard let head else {
                    if sheet.text(row, column) != nil {
                        issue(origin(sheet, row, column), base, "a value in a column without a header")
                    }
                    continue
                }
                let keyPath = "\(base).\(head).\(resource)"
                guard let value = scalar(sheet, row, column, kind(of: head, in: layout), path: keyPath) else { continue }
                entity.mapping(head, origin: origin(sheet, row, column)).append(resource, value, origin: origin(sheet, row, 2))
            }
        }
    }

    private mutating func readProcesses(_ sheet: SheetTable, _ layout: SheetLayout) {
        let heads = headers(sheet)
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            let section = sheet.text(row, 1)
            guard let section, section == "prices" || section == "volumes" else {
                issue(origin(sheet, row, 1), "uncertainty",
                      section.map { "section must be `prices` or `volumes`, got `\($0)`" } ?? "a row without a section in column A")
                continue
            }
            guard let target = sheet.text(row, 2) else {
                issue(origin(sheet, row, 2), "uncertainty.\(section)", "a row without a target in column B")
                continue
            }
            let process = DraftNode.mapping(origin: origin(sheet, row, 2))
            root.mapping(at: ["uncertainty", section], origin: CellOrigin(sheet: sheet.name, cell: nil))
                .append(target, process, origin: origin(sheet, row, 2))
            for (index, head) in heads.enumerated().dropFirst(2) {
                let column = index + 1, keyPath = "uncertainty.\(section).\(target).\(head ?? "")"
                guard let head else {
                    if sheet.text(row, column) != nil { issue(origin(sheet, row, column), keyPath, "a value in a column without a header") }
                    continue
                }
                if let value = scalar(sheet, row, column, kind(of: head, in: layout), path: keyPath) {
                    process.append(head, value, origin: value.origin)
                }
            }
        }
    }

    private mutating func readCorrelations(_ sheet: SheetTable, _ layout: SheetLayout) {
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            let item = DraftNode.sequence(origin: origin(sheet, row, 1))
            for column in 1 ... 3 {
                let kind = layout.columns[column - 1].kind
                item.append(item: scalar(sheet, row, column, kind, path: "uncertainty.correlations")
                    ?? .null(origin: origin(sheet, row, column)))
            }
            root.mapping("uncertainty", origin: CellOrigin(sheet: sheet.name, cell: nil))
                .sequence("correlations", origin: CellOrigin(sheet: sheet.name, cell: nil)).append(item: item)
        }
    }

    private mutating func readRanges(_ sheet: SheetTable, _ layout: SheetLayout) {
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            guard let parameter = sheet.text(row, 1) else {
                issue(origin(sheet, row, 1), "sensitivity.parameters", "a row without a key path in column A")
                continue
            }
            let range = DraftNode.sequence(origin: origin(sheet, row, 1))
            for column in 2 ... 3 {
                range.append(item: scalar(sheet, row, column, .value, path: "sensitivity.parameters.\(parameter)")
                    ?? .null(origin: origin(sheet, row, column)))
            }
            root.mapping(at: ["sensitivity", "parameters"], origin: CellOrigin(sheet: sheet.name, cell: nil))
                .append(parameter, range, origin: origin(sheet, row, 1))
        }
    }

    private mutating func readOverrides(_ sheet: SheetTable, _ layout: SheetLayout) {
        guard sheet.rows.count >= layout.firstDataRow else { return }
        for row in layout.firstDataRow ... sheet.rows.count where !isBlank(sheet, row) {
            guard let policy = sheet.text(row, 1) else {
                issue(origin(sheet, row, 1), "policies", "a row without a policy in column A")
                continue
            }
            guard let entity = parent(policy, path: ["policies"], at: origin(sheet, row, 1), noun: "policy") else { continue }
            let section = sheet.text(row, 2) ?? "set"
            guard section == "set" || section == "targets" else {
                issue(origin(sheet, row, 2), "policies.\(policy)", "section must be `set` or `targets`, got `\(section)`")
                continue
            }
            guard let key = sheet.text(row, 3) else {
                issue(origin(sheet, row, 3), "policies.\(policy).\(section)", "a row without a key path in column C")
                continue
            }
            let keyPath = "policies.\(policy).\(section).\(key)"
            let value = scalar(sheet, row, 4, .yaml, path: keyPath) ?? .null(origin: origin(sheet, row, 4))
            entity.mapping(section, origin: origin(sheet, row, 2)).append(key, value, origin: origin(sheet, row, 3))
        }
    }
}
