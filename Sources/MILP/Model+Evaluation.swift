/// Checking a point against the model in double precision, independent of any solver.
extension Model {
    /// A constraint or bound that a point breaks, by how much.
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public var place: String
        public var amount: Double
        public var description: String { "\(place) violated by \(amount)" }
    }

    /// Every bound, integrality and row violation larger than `tolerance` (scaled by
    /// `1 + |side|` for rows, as solvers' feasibility tolerances are).
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
            var activity = 0.0
            for term in info.constraint.terms { activity += term.coefficient * point[term.variable.index] }
            let c = info.constraint
            if c.lower.isFinite, activity < c.lower - tolerance * (1 + abs(c.lower)) {
                found.append(.init(place: "constraint \(info.name) (>= \(c.lower), is \(activity))", amount: c.lower - activity))
            }
            if c.upper.isFinite, activity > c.upper + tolerance * (1 + abs(c.upper)) {
                found.append(.init(place: "constraint \(info.name) (<= \(c.upper), is \(activity))", amount: activity - c.upper))
            }
        }
        return found
    }

    /// The objective at a point, constant included.
    public func objectiveValue(at point: [Double]) -> Double { objective.value(at: point) }
}
