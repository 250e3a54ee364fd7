import MILP

extension LPSolveModel {
    /// lp_solve's basis of a model of `other`, translated into this model's rows and columns by
    /// name (`translate(_:from:to:)`), then set as the start basis; ignored when it cannot be.
    public func setStartBasis(_ basis: [Int32], of other: Model) {
        if model.hasSameColumnsAndRows(as: other) {
            startBasis = basis
        } else if let translated = Self.translate(basis, from: other, to: model) {
            startBasis = translated
        }
    }

    /// `basis` of `from`, in lp_solve's form (`get_basis` with the non-basic columns: element 0
    /// unused, then the `rows` basic variables, then the non-basic ones; index 1...rows is a
    /// row's slack and rows + 1... a column; negative means at its lower bound), rewritten for
    /// `to`'s rows and columns, matched by name.
    ///
    /// A row or column of `to` that `from` lacks is as in lp_solve's default basis: a row's
    /// slack basic, a column at its lower bound. One of `from` that `to` lacks is dropped. To
    /// end with exactly `rows` basic variables, a missing one is made up by a non-basic row's
    /// slack, and one too many leaves as a column put at a finite bound (the last added first).
    /// The result is a valid basis in form; if it is singular, lp_solve repairs it at its
    /// first factorization. `nil` when the basis is not of `from`'s size, names repeat, or the
    /// count cannot be put right.
    static func translate(_ basis: [Int32], from: Model, to: Model) -> [Int32]? {
        let oldRows = from.constraintCount, oldColumns = from.variableCount
        let rows = to.constraintCount, columns = to.variableCount
        guard basis.count == 1 + oldRows + oldColumns, rows > 0 else { return nil }
        var rowIndex: [String: Int] = [:], columnIndex: [String: Int] = [:]
        for (i, info) in to.constraints.enumerated() { rowIndex[info.name] = i + 1 }
        for (j, info) in to.variables.enumerated() { columnIndex[info.name] = rows + j + 1 }
        guard rowIndex.count == rows, columnIndex.count == columns else { return nil }

        var seen = [Bool](repeating: false, count: 1 + rows + columns)
        var basic: [Int32] = [], nonbasic: [Int32] = []
        for position in 1..<basis.count {
            let entry = Int(basis[position]), index = abs(entry)
            let target: Int?
            if index >= 1 && index <= oldRows {
                target = rowIndex[from.constraints[index - 1].name]
            } else if index > oldRows && index <= oldRows + oldColumns {
                target = columnIndex[from.variables[index - oldRows - 1].name]
            } else {
                return nil
            }
            guard let target, !seen[target] else { continue }
            seen[target] = true
            let mapped = Int32(entry < 0 ? -target : target)
            if position <= oldRows { basic.append(mapped) } else { nonbasic.append(mapped) }
        }
        for i in 1...rows where !seen[i] { basic.append(Int32(i)) }
        if columns > 0 {
            for k in (rows + 1)...(rows + columns) where !seen[k] { nonbasic.append(Int32(-k)) }
        }
        while basic.count < rows {
            guard let at = nonbasic.firstIndex(where: { abs($0) <= Int32(rows) }) else { return nil }
            basic.append(abs(nonbasic.remove(at: at)))
        }
        while basic.count > rows {
            guard let at = basic.lastIndex(where: { abs($0) > Int32(rows) }) else { return nil }
            let k = Int(abs(basic[at]))
            let info = to.variables[k - rows - 1]
            guard info.lower.isFinite || info.upper.isFinite else { return nil }
            basic.remove(at: at)
            nonbasic.append(Int32(info.lower.isFinite ? -k : k))
        }
        return [0] + basic + nonbasic
    }
}
