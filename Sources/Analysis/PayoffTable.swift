import Formulation

/// Each objective optimized alone (ties broken on the others): its row holds every
/// objective's value at that optimum. Ideal = best value of each objective over the table,
/// nadir = worst; the weighted objective normalizes each over `[nadir, ideal]`.
public struct PayoffTable: Sendable, Codable, Equatable {
    public var objectives: [ParkFormulation.Objective]
    /// `values[k][j]`: objective `j` at the optimum of objective `k`.
    public var values: [[Double]]
    /// A row stopped at the time limit: its incumbent stands in for the optimum.
    public var approximate: Bool
    /// A row found no design in its time: the run optimized the economic objective alone.
    public var fellBackToEconomic = false
    /// The design (model point) of each row, to start later solves from.
    public var points: [[Double]] = []

    enum CodingKeys: String, CodingKey { case objectives, values, approximate, fellBackToEconomic }

    public init(objectives: [ParkFormulation.Objective], values: [[Double]], approximate: Bool = false) {
        self.objectives = objectives
        self.values = values
        self.approximate = approximate
    }

    public func ideal(_ j: Int) -> Double { values.map { $0[j] }.max() ?? 0 }
    public func nadir(_ j: Int) -> Double { values.map { $0[j] }.min() ?? 0 }

    /// `ideal − nadir`, or a unit scale when the objective does not vary over the table.
    public func range(_ j: Int) -> Double {
        let r = ideal(j) - nadir(j)
        // A range at solver-noise level would blow the weight up: treat it as no range.
        return r > 1e-6 * max(1, abs(ideal(j))) ? r : max(1, abs(ideal(j)))
    }
}

extension ParkFormulation.Objective: Codable {}
