/// Whether two models are the same problem, or the same up to numbers: what a basis, a point
/// or a solve of one means in the other.
extension Model {
    /// Whether `other` has the same columns (names and kinds, in order) and the same rows
    /// (names, in order) as this model, whatever their bounds and coefficients: a basis or a
    /// point of one is then a basis or a point of the other, column for column and row for row
    /// (a sensitivity study's evaluations start from the base model's root basis and design on
    /// that condition).
    public func hasSameColumnsAndRows(as other: Model) -> Bool {
        guard variableCount == other.variableCount, constraintCount == other.constraintCount else { return false }
        for (mine, theirs) in zip(variables, other.variables) where mine.name != theirs.name || mine.kind != theirs.kind {
            return false
        }
        for (mine, theirs) in zip(constraints, other.constraints) where mine.name != theirs.name {
            return false
        }
        return true
    }
}

extension Model {
    /// `point`, a point of `other`, as a point of this model: each column's value from the
    /// column of `other` of the same name, `nil` where `other` has none.
    public func point(_ point: [Double], of other: Model) -> [Double?] {
        guard point.count == other.variableCount else { return Array(repeating: nil, count: variableCount) }
        if hasSameColumnsAndRows(as: other) { return point.map { Optional($0) } }
        var value: [String: Double] = [:]
        for (info, x) in zip(other.variables, point) { value[info.name] = x }
        return variables.map { value[$0.name] }
    }

    /// Whether `other` is the same problem as this model, number for number: the same columns
    /// and rows (`hasSameColumnsAndRows`), the same bounds, coefficients, objective sense,
    /// coefficients and constant. A solve of one is then a solve of the other; a deterministic
    /// solver started the same way gives both the same answer (a sensitivity study answers an
    /// evaluation whose parameters leave the model unchanged, a fee on a link the law forbids
    /// for instance, with the solve of the same model made before: `SolvedModels`).
    public func isSameProblem(as other: Model) -> Bool {
        guard hasSameColumnsAndRows(as: other), sense == other.sense else { return false }
        for (mine, theirs) in zip(variables, other.variables) where mine.lower != theirs.lower || mine.upper != theirs.upper {
            return false
        }
        for (mine, theirs) in zip(constraints, other.constraints) {
            let a = mine.constraint, b = theirs.constraint
            guard a.lower == b.lower, a.upper == b.upper, Self.sameTerms(a.terms, b.terms) else { return false }
        }
        return objective.constant == other.objective.constant && Self.sameTerms(objective.terms, other.objective.terms)
    }

    /// Terms equal column index for column index and coefficient for coefficient (the handles of
    /// two models differ even where their columns are the same).
    private static func sameTerms(_ a: [LinearExpression.Term], _ b: [LinearExpression.Term]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x.variable.index != y.variable.index || x.coefficient != y.coefficient { return false }
        return true
    }

    /// A hash of the numbers `isSameProblem` compares (bounds, coefficients, sides, objective;
    /// not the names): equal problems hash equal, so a table of solved models looks up
    /// candidates by it and then compares them whole.
    public var problemHash: Int {
        var hasher = Hasher()
        hasher.combine(variableCount)
        hasher.combine(constraintCount)
        hasher.combine(sense == .maximize)
        for info in variables {
            hasher.combine(info.lower)
            hasher.combine(info.upper)
        }
        for info in constraints {
            hasher.combine(info.constraint.lower)
            hasher.combine(info.constraint.upper)
            for term in info.constraint.terms {
                hasher.combine(term.variable.index)
                hasher.combine(term.coefficient)
            }
        }
        hasher.combine(objective.constant)
        for term in objective.terms {
            hasher.combine(term.variable.index)
            hasher.combine(term.coefficient)
        }
        return hasher.finalize()
    }
}
