/// Checking a point against the model in double precision, independent of any solver.
extension Model {
    /// A constraint or bound that a point breaks, by how much.
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public var place: String
        public var amount: Double
        public var description: String { "\(place) violated by \(amount)" }
    }

    /// Every bound, integrality and row violation larger than `tolerance` (scaled by
    /// `1 + |side|` for rows, as solvers' feasibility tolerances are), beyond the round-off of
    /// evaluating the row: `roundOff · Σ|a_i x_i|`. In double precision a row whose terms reach
    /// 1e12 cannot be evaluated closer than ~1e-4 whatever the solver does, so a shortfall of that
    /// order is not a violation (a discount rate of −0.95 gives such rows).
    public func violations(of point: [Double], tolerance: Double = 1e-6) -> [Violation] {
        var found: [Violation] = []
        guard point.count == variables.count else {
            return [Violation(place: "point has \(point.count) values for \(variables.count) columns", amount: .infinity)]
        }
        for (column, info) in variables.enumerated() {
            let value = point[column]
            let scale = 1 + abs(value)
            if value < info.lower - tolerance * scale { found.append(.init(place: "lower bound of \(info.name)", amount: info.lower - value)) }
            if value > info.upper + tolerance * scale { found.append(.init(place: "upper bound of \(info.name)", amount: value - info.upper)) }
            if info.isInteger, abs(value - value.rounded()) > 1e-5 {
                found.append(.init(place: "integrality of \(info.name)", amount: abs(value - value.rounded())))
            }
        }
        for info in constraints {
            var activity = 0.0, magnitude = 0.0
            for term in info.constraint.terms {
                let value = term.coefficient * point[term.variable.index]
                activity += value
                magnitude += abs(value)
            }
            let c = info.constraint
            let roundOff = Self.roundOff * magnitude
            if c.lower.isFinite, activity < c.lower - tolerance * (1 + abs(c.lower)) - roundOff {
                found.append(.init(place: "constraint \(info.name) (>= \(c.lower), is \(activity))", amount: c.lower - activity))
            }
            if c.upper.isFinite, activity > c.upper + tolerance * (1 + abs(c.upper)) + roundOff {
                found.append(.init(place: "constraint \(info.name) (<= \(c.upper), is \(activity))", amount: activity - c.upper))
            }
        }
        return found
    }

    /// Relative round-off allowed on a row's activity: 1e-12 of the sum of its terms' absolute
    /// values (about 4,500 ulps; far below any solver's feasibility tolerance on sane rows).
    public static let roundOff = 1e-12

    /// The objective at a point, constant included.
    public func objectiveValue(at point: [Double]) -> Double { objective.value(at: point) }
}
