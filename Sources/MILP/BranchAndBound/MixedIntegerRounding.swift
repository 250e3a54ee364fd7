/// Complemented mixed-integer rounding (c-MIR) cuts from rows and short aggregations of rows.
///
/// From a row side `Σ aⱼxⱼ ≤ β`, every continuous column is replaced by its closest bound at
/// the LP point (lower, upper, or a variable upper bound `xⱼ ≤ Σ mᵢyᵢ` read from a model row
/// `c·xⱼ − Σ dᵢyᵢ ≤ 0`) plus or minus a slack `x′ⱼ ≥ 0`, and every integer column is
/// complemented toward its closer bound. That leaves `Σ gⱼȳⱼ + Σ hⱼx′ⱼ ≤ β′` with `ȳ ≥ 0`
/// integer; dropping the slacks with `hⱼ > 0` and dividing by `δ > 0` gives, with
/// `f = β′/δ − ⌊β′/δ⌋ > 0`, the mixed-integer rounding inequality
///
///     Σ (⌊gⱼ/δ⌋ + (fⱼ − f)⁺/(1 − f)) ȳⱼ + Σ_{hⱼ<0} hⱼx′ⱼ / (δ(1 − f)) ≤ ⌊β′/δ⌋,
///
/// `fⱼ` the fractional part of `gⱼ/δ` (G. L. Nemhauser & L. A. Wolsey, "A recursive procedure
/// to generate all cuts for 0–1 mixed integer programs", Math. Programming 46, 1990). The
/// divisors tried are the integer coefficients of columns strictly inside their bounds, then
/// the best one halved up to three times. When no divisor gives a violated cut, the row is
/// added to another row that cancels its continuous column farthest from its bounds (a
/// tight row first), up to `maximumAggregations` times: H. Marchand & L. A. Wolsey,
/// "Aggregation and mixed integer rounding to solve MIPs", Oper. Res. 49, 2001.
///
/// In the park model this reaches across a facility: the rows tying its inflows, its
/// capacity and its outflows to the build binaries of the links on both sides, which the
/// single-row covers cannot see.
public struct MixedIntegerRoundingSeparator: CutSeparator {
    /// Complemented mixed-integer rounding.
    public var name: String { "c_mir" }

    /// `x ≤ Σ factors · switches` on a continuous column, from one model row.
    struct VariableUpperBound: Sendable {
        var switches: [Int]
        var factors: [Double]
    }

    /// The model's rows, shared with the other separators and the bound propagator.
    let rows: RowView
    let isInteger: [Bool]
    let variableUpperBounds: [[VariableUpperBound]]
    /// Rows that are a variable upper bound (not used as starting rows).
    let isBoundRow: [Bool]

    /// Rows added to a starting row at most.
    public var maximumAggregations = 5
    /// Rows longer than this are neither started from nor added to an aggregate, and an
    /// aggregate four times this long is not extended. Long rows (an account's NPV, a target
    /// over every flow, the ε-constraint of a Pareto level) made slow separation and cuts that
    /// slowed the LPs: hiep-phuoc's 21-point Pareto front took 25.8 s with them as starting
    /// rows and 8.9 s without; green credit 9.5 → 7.0 s.
    public var maximumRowLength = 64
    /// Cuts returned per call at most, the most efficacious first.
    public var maximumCuts = 400
    /// Least violation over the Euclidean norm of the coefficients of a cut returned.
    public var minimumEfficacy = 1e-4

    /// Reads `rows` and finds its variable upper bounds.
    public init(_ rows: RowView) {
        var variableUpperBounds = [[VariableUpperBound]](repeating: [], count: rows.columnCount)
        var isBoundRow: [Bool] = []
        for r in 0..<rows.rowCount {
            let terms = rows.terms(r)
            // c·x − Σ dᵢyᵢ ≤ 0 (or its negation ≥ 0) with one continuous x and integer yᵢ.
            var bound = false
            for (sign, side) in [(1.0, rows.upper[r]), (-1.0, -rows.lower[r])] where side == 0 {
                let continuous = terms.filter { !rows.isInteger[rows.columns[$0]] }
                guard continuous.count == 1, let x = continuous.first, sign * rows.coefficients[x] > 0, terms.count >= 2,
                      terms.allSatisfy({ $0 == x || sign * rows.coefficients[$0] < 0 }) else { continue }
                let c = sign * rows.coefficients[x]
                let others = terms.filter { $0 != x }
                variableUpperBounds[rows.columns[x]].append(VariableUpperBound(
                    switches: others.map { rows.columns[$0] }, factors: others.map { -sign * rows.coefficients[$0] / c }))
                bound = true
            }
            isBoundRow.append(bound)
        }
        self.rows = rows
        self.isInteger = rows.isInteger
        self.variableUpperBounds = variableUpperBounds
        self.isBoundRow = isBoundRow
    }

    /// c-MIR on `model`'s rows (`RowView(model)`).
    public init(_ model: Model) {
        self.init(RowView(model))
    }

    /// c-MIR cuts violated at `point`, at most one per starting row side, valid wherever the
    /// columns are within `lower`/`upper`.
    public func separate(point: [Double], lower: [Double], upper: [Double]) -> [Cut] {
        var activity = [Double](repeating: 0, count: rows.rowCount)
        for r in 0..<rows.rowCount {
            for p in rows.terms(r) { activity[r] += rows.coefficients[p] * point[rows.columns[p]] }
        }
        // Each continuous column's closest bound: a variable upper bound first, then the lower,
        // then the upper bound, each only when strictly closer.
        var closest = [Closest?](repeating: nil, count: point.count)
        for j in point.indices where !isInteger[j] {
            let x = point[j], l = lower[j], u = upper[j]
            var best: Closest?
            for (k, bound) in variableUpperBounds[j].enumerated() {
                let value = zip(bound.switches, bound.factors).reduce(0.0) { $0 + $1.1 * point[$1.0] }
                if best == nil || value - x < best!.distance { best = Closest(substitution: .variable(k), distance: value - x) }
            }
            if l.isFinite, best == nil || x - l < best!.distance { best = Closest(substitution: .lower(l), distance: x - l) }
            if u.isFinite, best == nil || u - x < best!.distance { best = Closest(substitution: .upper(u), distance: u - x) }
            closest[j] = best
        }
        let context = Context(point: point, lower: lower, upper: upper, activity: activity, closest: closest)
        var workspace = Workspace(columns: point.count)
        var found: [(cut: Cut, efficacy: Double)] = []
        var seen = Set<Cut>()
        for r in 0..<rows.rowCount where !isBoundRow[r] && (2...maximumRowLength).contains(rows.length(r)) {
            for (sign, side) in [(1.0, rows.upper[r]), (-1.0, -rows.lower[r])] where side.isFinite {
                guard let result = separate(from: r, sign: sign, context: context, workspace: &workspace),
                      seen.insert(result.cut).inserted else { continue }
                found.append(result)
            }
        }
        found.sort { $0.efficacy > $1.efficacy }
        return found.prefix(maximumCuts).map(\.cut)
    }

    struct Context {
        var point: [Double]
        var lower: [Double]
        var upper: [Double]
        /// Row activities at the point.
        var activity: [Double]
        /// Each continuous column's closest bound at the point (`nil`: none is finite).
        var closest: [Closest?]

        /// A continuous column's distance to its closest bound (infinite without one).
        func distance(_ j: Int) -> Double { max(0, closest[j]?.distance ?? .infinity) }
    }

    /// The bound a continuous column is replaced by, and how far the point is from it.
    struct Closest {
        var substitution: Substitution
        var distance: Double
    }

    /// A sparse vector over the columns, dense storage with the list of columns touched.
    struct Workspace {
        var value: [Double]
        var isTouched: [Bool]
        var touched: [Int] = []

        init(columns: Int) {
            value = [Double](repeating: 0, count: columns)
            isTouched = [Bool](repeating: false, count: columns)
        }

        mutating func add(_ j: Int, _ a: Double) {
            if !isTouched[j] { isTouched[j] = true; touched.append(j) }
            value[j] += a
        }

        mutating func clear() {
            for j in touched { value[j] = 0; isTouched[j] = false }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// Aggregates from row side `sign · row r` until a c-MIR cut is violated.
    func separate(from r: Int, sign: Double, context: Context, workspace: inout Workspace) -> (cut: Cut, efficacy: Double)? {
        defer { workspace.clear() }
        for p in rows.terms(r) { workspace.add(rows.columns[p], sign * rows.coefficients[p]) }
        var rhs = sign > 0 ? rows.upper[r] : -rows.lower[r]
        var used: [Int] = [r]
        for step in 0...maximumAggregations {
            if let cut = rounding(workspace, rhs: rhs, context: context) { return cut }
            guard step < maximumAggregations, workspace.touched.count <= 4 * maximumRowLength,
                  let next = aggregation(workspace, used: used, context: context) else { return nil }
            for p in rows.terms(next.row) { workspace.add(rows.columns[p], next.multiplier * rows.coefficients[p]) }
            workspace.value[next.column] = 0
            rhs += next.multiplier * (next.multiplier > 0 ? rows.upper[next.row] : rows.lower[next.row])
            used.append(next.row)
        }
        return nil
    }

    /// The row that cancels the aggregate's continuous column farthest from its bounds: the
    /// tightest at the point among the unused rows with a side of the right sign.
    func aggregation(_ aggregate: Workspace, used: [Int], context: Context)
        -> (row: Int, column: Int, multiplier: Double)? {
        var columns: [(column: Int, distance: Double)] = []
        for j in aggregate.touched where !isInteger[j] && abs(aggregate.value[j]) > 1e-9 && context.distance(j) > 1e-6 {
            columns.append((j, context.distance(j)))
        }
        columns.sort { $0.distance > $1.distance || ($0.distance == $1.distance && $0.column < $1.column) }
        for (j, _) in columns.prefix(3) {
            let a = aggregate.value[j]
            var best: (row: Int, multiplier: Double, slack: Double)?
            for q in rows.rows(j) {
                let s = rows.rowsOfColumn[q], coefficient = rows.coefficients[rows.positions[q]]
                guard !isBoundRow[s] && rows.length(s) <= maximumRowLength && !used.contains(s) else { continue }
                let multiplier = -a / coefficient
                guard abs(multiplier) <= 1e4, abs(multiplier) >= 1e-4 else { continue }
                // multiplier > 0 scales the ≤ side, < 0 the ≥ side.
                let side = multiplier > 0 ? rows.upper[s] : rows.lower[s]
                guard side.isFinite else { continue }
                let slack = abs(side - context.activity[s]) / max(1, abs(coefficient))
                if best == nil || slack < best!.slack { best = (s, multiplier, slack) }
            }
            if let best { return (best.row, j, best.multiplier) }
        }
        return nil
    }
}
