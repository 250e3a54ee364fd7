import MILP

/// What `solve` checks about the numbers, independently of lp_solve: whether the model's
/// coefficients spread wider than lp_solve handles reliably, and whether the reported point
/// satisfies every bound, integrality and row in double precision.
public struct NumericalCheck: Sendable {
    /// Widest `max |a| / min |a|` over the model's nonzero coefficients before a warning.
    /// lp_solve works in double precision with pivot tolerances near 1e-11; past ~1e9 its
    /// scaling cannot bring the matrix into a range where those tolerances still separate a
    /// small coefficient from round-off.
    public static let coefficientRatioLimit = 1e9
    /// A violation larger than this (relative to `1 + |side|`, as `Model.violations`) is reported.
    public static let tolerance = 1e-6
    /// A violation larger than this means the point is not a design of the model: a failure.
    public static let failureTolerance = 1e-3

    public var coefficients: CoefficientRange
    /// Violations of the reported point beyond `tolerance`, largest first (empty without a point).
    public var violations: [Model.Violation]
    /// Whether the point was checked (there was one).
    public var checked: Bool
    /// Largest absolute violation of the point at any tolerance (0 when it satisfies everything).
    public var largestViolation: Double
    /// Whether a violation exceeds `failureTolerance`: the design cannot be trusted.
    public var failed: Bool

    /// Checks `model` and, when given, the point reported for it.
    public init(model: Model, point: [Double]?) {
        coefficients = model.coefficientRange()
        guard let point else {
            violations = []; checked = false; largestViolation = 0; failed = false
            return
        }
        checked = true
        largestViolation = model.violations(of: point, tolerance: 0).map(\.amount).max() ?? 0
        violations = model.violations(of: point, tolerance: Self.tolerance).sorted { $0.amount > $1.amount }
        failed = !model.violations(of: point, tolerance: Self.failureTolerance).isEmpty
    }

    /// Whether the coefficients spread wider than `coefficientRatioLimit`.
    public var coefficientsTooWide: Bool { coefficients.ratio > Self.coefficientRatioLimit }

    /// One line per problem found, for standard error (empty when all is well).
    public var warnings: [String] {
        var lines: [String] = []
        if coefficientsTooWide {
            let c = coefficients
            var line = "warning: the model's coefficients span \(Self.short(c.smallest)) to \(Self.short(c.largest)) "
                + "(ratio \(Self.short(c.ratio)), above the \(Self.short(Self.coefficientRatioLimit)) lp_solve handles reliably); "
            if let small = c.smallestRow, let large = c.largestRow {
                line += "smallest in \(small.name) (\(small.smallestColumn)), largest in \(large.name) (\(large.largestColumn)); "
            }
            line += "widest rows: " + c.widestRows.map(\.description).joined(separator: "; ")
            lines.append(line)
        }
        if !violations.isEmpty {
            let worst = violations.prefix(3).map(\.description).joined(separator: "; ")
            let kind = failed ? "error" : "warning"
            lines.append("\(kind): the reported design breaks \(violations.count) bound(s) or row(s) of the model by more "
                         + "than \(Self.short(Self.tolerance)) in double precision: \(worst)")
        }
        return lines
    }

    static func short(_ value: Double) -> String { CoefficientRange.magnitude(value) }
}
