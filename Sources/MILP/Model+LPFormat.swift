/// lp_solve's own LP text format (`lp_format`), which `lp_solve -S3 file.lp` reads.
///
/// Every row is labelled, so single-variable rows stay rows rather than bounds; bounds are
/// written in a `declarations` block of `x >= l;`, `x <= u;` or `-1e30 <= x` lines, and
/// integer columns in an `int` section. Not the CPLEX LP format.
extension Model {
    public func lpText() throws(ModelError) -> String {
        try validate()
        let (columnNames, rowNames) = fileSafeNames()
        func sum(_ terms: [LinearExpression.Term]) -> String {
            if terms.isEmpty { return "0 \(columnNames[0])" }
            return terms.map { term in
                let sign = term.coefficient < 0 ? "-" : "+"
                return "\(sign)\(numberText(abs(term.coefficient))) \(columnNames[term.variable.index])"
            }.joined(separator: " ")
        }
        var out = "/* \(name): written by Symbiosis */\n\n/* Objective function */\n"
        out += sense == .maximize ? "max: " : "min: "
        out += objective.terms.isEmpty ? "" : sum(objective.terms)
        if objective.constant != 0 {
            out += " \(objective.constant < 0 ? "-" : "+")\(numberText(abs(objective.constant)))"
        }
        out += ";\n\n/* Constraints */\n"
        for (row, info) in constraints.enumerated() {
            let c = info.constraint
            let body = sum(c.terms)
            switch c.sense {
            case .lessOrEqual: out += "\(rowNames[row]): \(body) <= \(numberText(c.upper));\n"
            case .greaterOrEqual: out += "\(rowNames[row]): \(body) >= \(numberText(c.lower));\n"
            case .equal: out += "\(rowNames[row]): \(body) = \(numberText(c.lower));\n"
            case .range: out += "\(rowNames[row]): \(numberText(c.lower)) <= \(body) <= \(numberText(c.upper));\n"
            case .free: out += "\(rowNames[row]): \(body) >= -1e30;\n"
            }
        }
        var bounds = ""
        for (column, info) in variables.enumerated() {
            let name = columnNames[column]
            if info.lower == info.upper {
                bounds += "\(name) = \(numberText(info.lower));\n"
                continue
            }
            if info.lower == -.infinity { bounds += "\(name) >= -1e30;\n" }
            else if info.lower != 0 { bounds += "\(name) >= \(numberText(info.lower));\n" }
            if info.upper != .infinity { bounds += "\(name) <= \(numberText(info.upper));\n" }
        }
        if !bounds.isEmpty { out += "\n/* Bounds */\n" + bounds }
        let integers = variables.indices.filter { variables[$0].isInteger }.map { columnNames[$0] }
        if !integers.isEmpty {
            out += "\nint " + integers.joined(separator: ",") + ";\n"
        }
        return out
    }
}
