/// An affine function `Σ aᵢ·xᵢ + c` of a model's variables.
///
/// Terms are kept in the order they were added and may repeat a variable; `normalized()`
/// merges them. Built with the usual operators: `2 * x + y - 3`.
public struct LinearExpression: Sendable, Equatable {
    /// One `coefficient · variable` term.
    public struct Term: Sendable, Equatable {
        public var variable: Variable
        public var coefficient: Double
        public init(_ variable: Variable, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    public var terms: [Term]
    public var constant: Double

    public init(terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public init(_ variable: Variable) { self.init(terms: [Term(variable, 1)]) }

    /// Adds `coefficient · variable` in place (the fast path for building large sums).
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms.append(Term(variable, coefficient))
    }

    /// Adds `scale · other` in place.
    public mutating func add(_ other: LinearExpression, scaledBy scale: Double = 1) {
        terms.reserveCapacity(terms.count + other.terms.count)
        for term in other.terms { terms.append(Term(term.variable, scale * term.coefficient)) }
        constant += scale * other.constant
    }

    /// The same function with one term per variable, sorted by column, zero coefficients dropped.
    public func normalized() -> LinearExpression {
        guard !terms.isEmpty else { return self }
        let sorted = terms.sorted { $0.variable.index < $1.variable.index }
        var merged: [Term] = []
        merged.reserveCapacity(sorted.count)
        for term in sorted {
            if let last = merged.last, last.variable == term.variable {
                merged[merged.count - 1].coefficient += term.coefficient
            } else {
                merged.append(term)
            }
        }
        merged.removeAll { $0.coefficient == 0 }
        return LinearExpression(terms: merged, constant: constant)
    }

    /// The value at a point given as one value per column.
    public func value(at point: [Double]) -> Double {
        var sum = constant
        for term in terms { sum += term.coefficient * point[term.variable.index] }
        return sum
    }
}

/// Sums of expressions over a sequence, without quadratic copying.
extension Sequence where Element == LinearExpression {
    public func sum() -> LinearExpression {
        var total = LinearExpression()
        for expression in self { total.add(expression) }
        return total
    }
}

// MARK: - Operators

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, scaledBy: -1)
    return result
}

public prefix func - (operand: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(operand, scaledBy: -1)
    return result
}

public func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(rhs, scaledBy: lhs)
    return result
}

public func * (lhs: LinearExpression, rhs: Double) -> LinearExpression { rhs * lhs }
public func * (lhs: Double, rhs: Variable) -> LinearExpression { LinearExpression(terms: [.init(rhs, lhs)]) }
public func * (lhs: Variable, rhs: Double) -> LinearExpression { rhs * lhs }
public func / (lhs: LinearExpression, rhs: Double) -> LinearExpression { (1 / rhs) * lhs }

public func + (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) + LinearExpression(rhs) }
public func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - LinearExpression(rhs) }
public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }
public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }
public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }
public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + LinearExpression(constant: rhs) }
public func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + LinearExpression(constant: -rhs) }
public func + (lhs: Variable, rhs: Double) -> LinearExpression { LinearExpression(lhs) + rhs }
public func - (lhs: Variable, rhs: Double) -> LinearExpression { LinearExpression(lhs) - rhs }
public prefix func - (operand: Variable) -> LinearExpression { -1 * operand }

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, scaledBy: -1) }
public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }
public func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(-1, rhs) }
