import MILP

/// A model with several objectives, each maximized: what the payoff table, lexicographic
/// optimization, the ε-constraint front and near-optimal alternatives work on. Nothing here
/// knows about parks, so the same code runs on a hand-built test MILP and on a park model.
///
/// The model's own objective is ignored; the methods set their own.
public struct MultiObjectiveModel: Sendable {
    public var model: Model
    /// The objectives, all maximized (negate an expression to minimize it).
    public var objectives: [LinearExpression]
    /// One name per objective, for reports (`economic`, `f1`, ...).
    public var names: [String]

    public init(model: Model, objectives: [LinearExpression], names: [String]) {
        precondition(objectives.count == names.count, "one name per objective")
        self.model = model
        self.objectives = objectives
        self.names = names
    }

    /// Every objective's value at a point of `model`.
    public func values(at point: [Double]) -> [Double] { objectives.map { $0.value(at: point) } }
}
