/// A valid inequality `Σ coefficients · x ≤ upper` on a model's columns.
public struct Cut: Sendable, Hashable {
    public var columns: [Int]
    public var coefficients: [Double]
    public var upper: Double

    public init(columns: [Int], coefficients: [Double], upper: Double) {
        self.columns = columns; self.coefficients = coefficients; self.upper = upper
    }

    /// How far `point` is on the wrong side (`≤ 0`: the cut holds there).
    public func violation(at point: [Double]) -> Double {
        var activity = 0.0
        for (j, a) in zip(columns, coefficients) { activity += a * point[j] }
        return activity - upper
    }
}

/// Finds valid inequalities violated at an LP point, for the root of `BranchAndBound`.
///
/// Each separator has a name under which the search counts its calls, the cuts it added and
/// the time it took (`BranchAndBound.Outcome.separators`), as HiGHS's `HighsSeparator` counts
/// per separator and SCIP's separator plugins carry a name; `solve --verbose` prints them and
/// `solve --format json` gives them as `solver.cuts`.
public protocol CutSeparator: Sendable {
    /// The cut family, as reports name it: `knapsack_cover`, `flow_cover`, `c_mir`.
    var name: String { get }
    /// Cuts violated at `point`, valid wherever the columns are within `lower`/`upper`.
    func separate(point: [Double], lower: [Double], upper: [Double]) -> [Cut]
}

/// What one cut separator did during a search: how often it was called at the root, how many
/// cuts it added (every cut it returns is added) and the seconds it spent separating.
public struct SeparatorStatistics: Sendable, Equatable {
    public var name: String
    public var calls: Int
    public var cuts: Int
    public var seconds: Double

    public init(name: String, calls: Int = 0, cuts: Int = 0, seconds: Double = 0) {
        self.name = name; self.calls = calls; self.cuts = cuts; self.seconds = seconds
    }
}
