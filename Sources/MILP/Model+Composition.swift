/// Putting models together: one model's rows and columns appended to another, with some of
/// its columns identified with columns already there (the shared first-stage decisions of a
/// two-stage stochastic program, for instance).
extension Model {
    /// Appends `other`'s columns and rows; a column of `other` listed in `shared` (by its
    /// index in `other`) is not copied but replaced by the given column of this model. Column
    /// and row names get `suffix`. Returns, for each column of `other`, its column here.
    /// `other`'s objective is not added (map it with `translate`).
    @discardableResult
    public mutating func append(_ other: Model, sharing shared: [Int: Variable], suffix: String) -> [Variable] {
        var mapping: [Variable] = []
        mapping.reserveCapacity(other.variableCount)
        for (index, info) in other.variables.enumerated() {
            if let existing = shared[index] {
                mapping.append(existing)
            } else {
                mapping.append(addVariable(info.name + suffix, lower: info.lower, upper: info.upper, kind: info.kind))
            }
        }
        for info in other.constraints {
            let terms = info.constraint.terms.map { LinearExpression.Term(mapping[$0.variable.index], $0.coefficient) }
            addConstraint(LinearConstraint(terms: terms, lower: info.constraint.lower, upper: info.constraint.upper),
                          name: info.name + suffix)
        }
        return mapping
    }

    /// `expression` (over another model's columns) rewritten over the columns `mapping` gives.
    public static func translate(_ expression: LinearExpression, _ mapping: [Variable]) -> LinearExpression {
        LinearExpression(terms: expression.terms.map { LinearExpression.Term(mapping[$0.variable.index], $0.coefficient) },
                         constant: expression.constant)
    }
}
