/// A linear constraint `lower ≤ Σ aᵢ·xᵢ ≤ upper`, produced by the comparison operators
/// (`2 * x + y <= 10`) or by `LinearConstraint(range:)`.
///
/// Constants on either side are moved into the bounds, so `terms` holds variables only.
public struct LinearConstraint: Sendable, Equatable {
    public var terms: [LinearExpression.Term]
    /// `-infinity` when there is no lower side.
    public var lower: Double
    /// `+infinity` when there is no upper side.
    public var upper: Double

    public init(terms: [LinearExpression.Term], lower: Double, upper: Double) {
        self.terms = terms
        self.lower = lower
        self.upper = upper
    }

    /// `lower ≤ expression ≤ upper`.
    public init(_ expression: LinearExpression, lower: Double = -.infinity, upper: Double = .infinity) {
        self.init(terms: expression.terms, lower: lower - expression.constant, upper: upper - expression.constant)
    }

    /// Which sides the constraint has.
    public var sense: ConstraintSense {
        switch (lower.isInfinite, upper.isInfinite) {
        case (true, false): return .lessOrEqual
        case (false, true): return .greaterOrEqual
        case (false, false): return lower == upper ? .equal : .range
        case (true, true): return .free
        }
    }
}

/// The shape of a constraint row.
public enum ConstraintSense: String, Sendable, Equatable {
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case equal = "=="
    /// Both sides finite and different.
    case range
    /// Neither side: the row constrains nothing.
    case free
}

/// A constraint as a model stores it, with its name.
public struct ConstraintInfo: Sendable, Equatable {
    public var name: String
    public var constraint: LinearConstraint
    public init(name: String, constraint: LinearConstraint) {
        self.name = name
        self.constraint = constraint
    }
}

/// A handle to a constraint row of one model.
public struct ConstraintRef: Hashable, Sendable {
    /// Zero-based row index.
    public let index: Int
    let modelID: UInt64
}

// MARK: - Comparison operators

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, upper: 0)
}

public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lower: 0)
}

public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lower: 0, upper: 0)
}

public func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, upper: rhs) }
public func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, lower: rhs) }
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, lower: rhs, upper: rhs) }
public func <= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) >= rhs }
public func == (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) == rhs }
public func <= (lhs: Variable, rhs: Variable) -> LinearConstraint { LinearExpression(lhs) <= LinearExpression(rhs) }
public func >= (lhs: Variable, rhs: Variable) -> LinearConstraint { LinearExpression(lhs) >= LinearExpression(rhs) }
public func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs <= LinearExpression(rhs) }
public func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs >= LinearExpression(rhs) }
public func == (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs == LinearExpression(rhs) }
public func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) >= rhs }
