import Analysis
import ArgumentParser
import Formulation

/// What `solve` and `export` optimize instead of the scenario's weighted objectives: one
/// objective alone, or several in a lexicographic order.
struct ObjectiveOptions: ParsableArguments {
    @Option(help: "Optimize one objective alone (economic, environmental or social) instead of the scenario's weights.")
    var objective: ParkFormulation.Objective?

    @Option(help: ArgumentHelp(
        "Optimize objectives one after another, e.g. economic,environmental: each next one within --tolerance of the optima before it.",
        valueName: "list"))
    var lexicographic: ObjectiveList?

    @Option(help: "Share of each lexicographic optimum the later objectives may give up (0.01 = 1 %; default 0).")
    var tolerance: Double?

    func validate() throws {
        if objective != nil && lexicographic != nil { throw ValidationError("give --objective or --lexicographic, not both") }
        if let tolerance {
            guard lexicographic != nil else { throw ValidationError("--tolerance applies to --lexicographic") }
            guard tolerance.isFinite, tolerance >= 0, tolerance < 1 else {
                throw ValidationError("--tolerance must be a share between 0 and 1, got \(tolerance)")
            }
        }
        if let lexicographic, lexicographic.objectives.isEmpty { throw ValidationError("--lexicographic needs at least one objective") }
    }

    /// `optimizer` set to optimize what was asked.
    func applied(to optimizer: ParkOptimizer) -> ParkOptimizer {
        var adjusted = optimizer
        adjusted.single = objective
        adjusted.lexicographic = lexicographic?.objectives
        adjusted.lexicographicTolerance = tolerance ?? 0
        return adjusted
    }
}
