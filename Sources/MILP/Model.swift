import Synchronization

/// A mixed-integer linear program as a plain value: columns, rows and an objective.
///
/// A `Model` knows nothing of any solver. Build it, inspect it, write it to MPS or LP
/// text, or hand it to a `Solver`:
///
/// ```swift
/// var model = Model(name: "knapsack")
/// let x = model.addVariable("x", kind: .binary)
/// let y = model.addVariable("y", kind: .binary)
/// model.addConstraint(3 * x + 4 * y <= 5, name: "weight")
/// model.setObjective(.maximize, 5 * x + 6 * y)
/// ```
///
/// Adding never throws; mistakes (a NaN coefficient, lower > upper, a variable of another
/// model) are recorded and reported by `validate()`, which every solver and writer calls.
public struct Model: Sendable {
    /// Whether the objective is minimized or maximized.
    public enum Sense: String, Sendable, Equatable {
        case minimize
        case maximize
    }

    public var name: String
    public private(set) var variables: [VariableInfo] = []
    public private(set) var constraints: [ConstraintInfo] = []
    public private(set) var sense: Sense = .minimize
    /// The objective, normalized (one term per variable, sorted by column).
    public private(set) var objective = LinearExpression()
    /// Mistakes in coefficients and handles found while building (bounds and sides are checked
    /// afresh by `validate()`, so a corrected bound clears its error).
    private(set) var buildErrors: [ModelError] = []
    /// Identity stamped on every handle this model makes.
    let id: UInt64

    private static let nextID = Atomic<UInt64>(1)

    public init(name: String = "model") {
        self.name = name
        self.id = Model.nextID.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    /// Number of columns.
    public var variableCount: Int { variables.count }
    /// Number of rows.
    public var constraintCount: Int { constraints.count }
    /// Number of integer and binary columns.
    public var integerCount: Int { variables.reduce(0) { $0 + ($1.isInteger ? 1 : 0) } }
    /// Whether any column is integer or binary.
    public var isMIP: Bool { variables.contains { $0.isInteger } }
    /// Structural nonzeros in the constraint matrix.
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.constraint.terms.count } }

    /// Adds a column. Binary variables get bounds [0, 1] whatever is passed.
    @discardableResult
    public mutating func addVariable(
        _ name: String, lower: Double = 0, upper: Double = .infinity, kind: VariableKind = .continuous
    ) -> Variable {
        let variable = Variable(index: variables.count, modelID: id)
        let (lo, up) = kind == .binary ? (max(0, lower), min(1, upper)) : (lower, upper)
        variables.append(VariableInfo(name: name, lower: lo, upper: up, kind: kind))
        return variable
    }

    /// Adds a row `lower ≤ terms ≤ upper`; repeated variables are merged, zeros dropped.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String? = nil) -> ConstraintRef {
        let row = constraints.count
        let rowName = name ?? "c\(row)"
        let merged = LinearExpression(terms: constraint.terms).normalized()
        var stored = constraint
        stored.terms = merged.terms
        checkTerms(stored.terms, in: "constraint \(rowName)")
        constraints.append(ConstraintInfo(name: rowName, constraint: stored))
        return ConstraintRef(index: row, modelID: id)
    }

    /// Sets what to optimize. A constant in `expression` is kept as the objective's offset.
    public mutating func setObjective(_ sense: Sense, _ expression: LinearExpression) {
        self.sense = sense
        let normalized = expression.normalized()
        checkTerms(normalized.terms, in: "objective")
        if !normalized.constant.isFinite {
            buildErrors.append(.nonFiniteCoefficient(place: "objective constant", value: normalized.constant))
        }
        objective = normalized
    }

    /// Changes a column's bounds (binary columns stay within [0, 1]).
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        guard owns(variable, in: "setBounds") else { return }
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Adds `coefficient · variable` to an existing row (an elastic copy of a model adds its
    /// slack columns this way). A term on a column the row already has is merged into it.
    public mutating func addTerm(_ coefficient: Double, _ variable: Variable, to constraint: ConstraintRef) {
        guard constraint.modelID == id, constraints.indices.contains(constraint.index) else {
            buildErrors.append(.foreignConstraint(index: constraint.index))
            return
        }
        let name = constraints[constraint.index].name
        guard owns(variable, in: "constraint \(name)") else { return }
        let term = LinearExpression.Term(variable, coefficient)
        checkTerms([term], in: "constraint \(name)")
        let terms = constraints[constraint.index].constraint.terms + [term]
        constraints[constraint.index].constraint.terms = LinearExpression(terms: terms).normalized().terms
    }

    /// Changes a row's sides.
    public mutating func setBounds(_ constraint: ConstraintRef, lower: Double, upper: Double) {
        guard constraint.modelID == id, constraints.indices.contains(constraint.index) else {
            buildErrors.append(.foreignConstraint(index: constraint.index))
            return
        }
        constraints[constraint.index].constraint.lower = lower
        constraints[constraint.index].constraint.upper = upper
    }

    /// Changes one coefficient of a row (adds the term when the row lacks it; terms stay sorted
    /// by column).
    public mutating func setCoefficient(_ constraint: ConstraintRef, _ variable: Variable, _ value: Double) {
        guard constraint.modelID == id, constraints.indices.contains(constraint.index) else {
            buildErrors.append(.foreignConstraint(index: constraint.index))
            return
        }
        guard owns(variable, in: "setCoefficient") else { return }
        checkTerms([LinearExpression.Term(variable, value)], in: "constraint \(constraints[constraint.index].name)")
        var terms = constraints[constraint.index].constraint.terms
        if let position = terms.firstIndex(where: { $0.variable.index >= variable.index }), terms[position].variable == variable {
            terms[position].coefficient = value
        } else {
            let position = terms.firstIndex { $0.variable.index > variable.index } ?? terms.count
            terms.insert(LinearExpression.Term(variable, value), at: position)
        }
        constraints[constraint.index].constraint.terms = terms
    }

    /// The handle of column `index` (for code that walks `variables`).
    public func variable(at index: Int) -> Variable {
        precondition(variables.indices.contains(index), "column \(index) is not in model \(name)")
        return Variable(index: index, modelID: id)
    }

    /// The column's stored information.
    public subscript(variable: Variable) -> VariableInfo { variables[variable.index] }

    // MARK: - Recording mistakes

    private mutating func owns(_ variable: Variable, in place: String) -> Bool {
        if variable.modelID == id && variables.indices.contains(variable.index) { return true }
        buildErrors.append(.foreignVariable(place: place, index: variable.index))
        return false
    }

    private mutating func checkTerms(_ terms: [LinearExpression.Term], in place: String) {
        for term in terms {
            guard owns(term.variable, in: place) else { continue }
            if !term.coefficient.isFinite {
                let column = variables[term.variable.index].name
                buildErrors.append(.nonFiniteCoefficient(place: "\(place), variable \(column)", value: term.coefficient))
            }
        }
    }

}

extension Model {
    /// The handle of row `index` (for code that walks `constraints`).
    public func constraintRef(at index: Int) -> ConstraintRef {
        precondition(constraints.indices.contains(index), "row \(index) is not in model \(name)")
        return ConstraintRef(index: index, modelID: id)
    }
}

extension Model {
    /// Makes every column continuous (binaries keep their [0, 1] bounds): the LP relaxation.
    public mutating func relaxIntegrality() {
        for index in variables.indices where variables[index].kind != .continuous {
            variables[index].kind = .continuous
        }
    }
}
