import ArgumentParser
import Formulation

/// A comma-separated list of distinct objectives, e.g. `economic,environmental`.
struct ObjectiveList: ExpressibleByArgument {
    var objectives: [ParkFormulation.Objective]

    init?(argument: String) {
        var found: [ParkFormulation.Objective] = []
        for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let objective = ParkFormulation.Objective(rawValue: name.trimmingCharacters(in: .whitespaces)),
                  !found.contains(objective) else { return nil }
            found.append(objective)
        }
        objectives = found
    }

    static var allValueStrings: [String] { ParkFormulation.Objective.allCases.map(\.rawValue) }

    var defaultValueDescription: String { objectives.map(\.rawValue).joined(separator: ",") }
}
