import Formulation
import MILP

/// The coefficients of the economic (per model money unit), environmental (per kt CO2e) and
/// social (per FTE-year) expressions in a solved objective; the objective constant is left out.
public struct ObjectiveWeights: Sendable, Equatable, Codable {
    public var economic: Double
    public var environmental: Double
    public var social: Double
    public init(economic: Double = 0, environmental: Double = 0, social: Double = 0) {
        self.economic = economic
        self.environmental = environmental
        self.social = social
    }

    public subscript(objective: ParkFormulation.Objective) -> Double {
        get {
            switch objective {
            case .economic: return economic
            case .environmental: return environmental
            case .social: return social
            }
        }
        set {
            switch objective {
            case .economic: economic = newValue
            case .environmental: environmental = newValue
            case .social: social = newValue
            }
        }
    }
}

extension ParkFormulation {
    /// `Σ_k weights[k] · f_k` over the objectives with a nonzero weight: the objective a solve
    /// with these weights maximized, re-solved for a sample, a parameter change or a fixed design.
    public func expression(weightedBy weights: ObjectiveWeights) -> LinearExpression {
        var sum = LinearExpression()
        for kind in ParkFormulation.Objective.allCases where weights[kind] != 0 {
            sum.add(expression(kind), scaledBy: weights[kind])
        }
        return sum
    }
}
