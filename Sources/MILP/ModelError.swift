/// Why a model cannot be solved or written: found before any solver sees it.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A coefficient that is NaN or infinite (lp_solve would accept it and "solve").
    case nonFiniteCoefficient(place: String, value: Double)
    /// A bound that is NaN, or a lower bound of +∞ / upper bound of −∞.
    case nonFiniteBound(variable: String, lower: Double, upper: Double)
    case invertedBounds(variable: String, lower: Double, upper: Double)
    case nonFiniteRightHandSide(constraint: String, lower: Double, upper: Double)
    /// A row whose lower side is above its upper side.
    case emptyRange(constraint: String, lower: Double, upper: Double)
    /// A variable handle made by another model.
    case foreignVariable(place: String, index: Int)
    case foreignConstraint(index: Int)
    /// A model with no variables.
    case empty

    public var description: String {
        switch self {
        case let .nonFiniteCoefficient(place, value):
            return "non-finite coefficient \(value) in \(place)"
        case let .nonFiniteBound(variable, lower, upper):
            return "variable \(variable) has non-finite bounds [\(lower), \(upper)]"
        case let .invertedBounds(variable, lower, upper):
            return "variable \(variable) has lower bound \(lower) above its upper bound \(upper)"
        case let .nonFiniteRightHandSide(constraint, lower, upper):
            return "constraint \(constraint) has a non-finite side [\(lower), \(upper)]"
        case let .emptyRange(constraint, lower, upper):
            return "constraint \(constraint) has lower side \(lower) above its upper side \(upper)"
        case let .foreignVariable(place, index):
            return "\(place) uses variable x\(index), which belongs to another model"
        case let .foreignConstraint(index):
            return "constraint c\(index) belongs to another model"
        case .empty:
            return "the model has no variables"
        }
    }
}

extension Model {
    /// Throws the first mistake: a bad coefficient or handle recorded while building, a
    /// non-finite or inverted bound or side as they stand now, or `.empty` without columns.
    public func validate() throws(ModelError) {
        if let first = problems.first { throw first }
        if variables.isEmpty { throw ModelError.empty }
    }

    /// Every mistake: those recorded while building, then bounds and sides as they stand now.
    public var problems: [ModelError] {
        var found = buildErrors
        for info in variables {
            if info.lower.isNaN || info.upper.isNaN || info.lower == .infinity || info.upper == -.infinity {
                found.append(.nonFiniteBound(variable: info.name, lower: info.lower, upper: info.upper))
            } else if info.lower > info.upper {
                found.append(.invertedBounds(variable: info.name, lower: info.lower, upper: info.upper))
            }
        }
        for info in constraints {
            let c = info.constraint
            if c.lower.isNaN || c.upper.isNaN || c.lower == .infinity || c.upper == -.infinity {
                found.append(.nonFiniteRightHandSide(constraint: info.name, lower: c.lower, upper: c.upper))
            } else if c.lower > c.upper {
                found.append(.emptyRange(constraint: info.name, lower: c.lower, upper: c.upper))
            }
        }
        return found
    }
}
