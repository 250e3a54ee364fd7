/// Free-format MPS writing (the format HiGHS, lp_solve, CPLEX and Gurobi all read).
///
/// Conventions, as in lp_solve's `write_freemps`: `OBJSENSE MAX` for maximization, the
/// objective constant `c` written as `RHS obj −c`, integer columns inside `MARKER INTORG`
/// and `INTEND` with explicit bounds, ranged rows as `G` rows with a `RANGES` entry.
extension Model {
    public func mpsText() throws(ModelError) -> String {
        try validate()
        let (columnNames, rowNames) = fileSafeNames()
        var out = "* Written by Symbiosis: \(variables.count) columns, \(constraints.count) rows, \(integerCount) integer\n"
        out += "NAME \(fileSafeNames(modelName: name))\n"
        if sense == .maximize { out += "OBJSENSE\n    MAX\n" }
        out += "ROWS\n N  obj\n"
        for (row, info) in constraints.enumerated() {
            let code: String
            switch info.constraint.sense {
            case .lessOrEqual: code = "L"
            case .greaterOrEqual, .range: code = "G"
            case .equal: code = "E"
            case .free: code = "N"
            }
            out += " \(code)  \(rowNames[row])\n"
        }

        // Column-major coefficients: the objective first, then rows in order.
        var entries = [[(row: String, value: Double)]](repeating: [], count: variables.count)
        for term in objective.terms { entries[term.variable.index].append(("obj", term.coefficient)) }
        for (row, info) in constraints.enumerated() {
            for term in info.constraint.terms { entries[term.variable.index].append((rowNames[row], term.coefficient)) }
        }
        out += "COLUMNS\n"
        var inIntegerBlock = false
        var markers = 0
        for (column, info) in variables.enumerated() {
            if info.isInteger != inIntegerBlock {
                out += "    MARKER\(markers) 'MARKER' '\(info.isInteger ? "INTORG" : "INTEND")'\n"
                markers += 1
                inIntegerBlock = info.isInteger
            }
            let list = entries[column].isEmpty ? [("obj", 0.0)] : entries[column]
            for entry in list { out += "    \(columnNames[column])  \(entry.row)  \(numberText(entry.value))\n" }
        }
        if inIntegerBlock { out += "    MARKER\(markers) 'MARKER' 'INTEND'\n" }

        out += "RHS\n"
        if objective.constant != 0 { out += "    RHS  obj  \(numberText(-objective.constant))\n" }
        var ranges = ""
        for (row, info) in constraints.enumerated() {
            let c = info.constraint
            let rhs: Double
            switch c.sense {
            case .lessOrEqual: rhs = c.upper
            case .greaterOrEqual, .equal: rhs = c.lower
            case .range:
                rhs = c.lower
                ranges += "    RNG  \(rowNames[row])  \(numberText(c.upper - c.lower))\n"
            case .free: rhs = 0
            }
            if rhs != 0 { out += "    RHS  \(rowNames[row])  \(numberText(rhs))\n" }
        }
        if !ranges.isEmpty { out += "RANGES\n" + ranges }

        out += "BOUNDS\n"
        for (column, info) in variables.enumerated() {
            let name = columnNames[column]
            let lo = info.lower, up = info.upper
            if info.kind == .binary && lo == 0 && up == 1 {
                out += " BV BND  \(name)\n"
            } else if lo == up {
                out += " FX BND  \(name)  \(numberText(lo))\n"
            } else if lo == -.infinity && up == .infinity {
                out += " FR BND  \(name)\n"
            } else {
                if lo == -.infinity { out += " MI BND  \(name)\n" }
                else if lo != 0 || info.isInteger || up < 0 { out += " LO BND  \(name)  \(numberText(lo))\n" }
                if up != .infinity { out += " UP BND  \(name)  \(numberText(up))\n" }
                else if info.isInteger { out += " PL BND  \(name)\n" }
            }
        }
        out += "ENDATA\n"
        return out
    }

    private func fileSafeNames(modelName: String) -> String {
        let cleaned = String(modelName.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return cleaned.isEmpty ? "model" : cleaned
    }
}
