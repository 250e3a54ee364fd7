import Formulation
import MultiObjective

extension PayoffTable {
    /// A table whose columns are park objectives, named by their raw values.
    public init(objectives: [ParkFormulation.Objective], values: [[Double]], approximate: Bool = false) {
        self.init(names: objectives.map(\.rawValue), values: values, approximate: approximate)
    }

    /// The park objectives the columns stand for.
    public var objectives: [ParkFormulation.Objective] { names.compactMap(ParkFormulation.Objective.init(rawValue:)) }
}
