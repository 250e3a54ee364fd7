/// Bound propagation on a model's rows (`RowView`: row-wise terms, and for each column the
/// rows it appears in).
///
/// `propagate` tightens integer columns' bounds row by row ("domain propagation" of MIP
/// presolve: M. W. P. Savelsbergh, "Preprocessing and probing techniques for mixed integer
/// programming problems", ORSA Journal on Computing 6(4), 1994, §2; T. Achterberg, "Constraint
/// Integer Programming", PhD thesis, TU Berlin, 2007, §7.1), following the rows of each column
/// it changes. For a row `L ≤ Σ a_i x_i ≤ U` and a term `a_j x_j`, the other terms' least
/// activity `m_j = Σ_{i≠j} min(a_i l_i, a_i u_i)` gives `a_j x_j ≤ U − m_j`, and their greatest
/// activity `M_j` gives `a_j x_j ≥ L − M_j`. For an integer column the resulting bound is
/// rounded inwards (`⌊·⌋` for an upper bound, `⌈·⌉` for a lower one, with a tolerance of 1e-6,
/// relative above 1, so coefficients carrying rounding noise never cut off an integer point),
/// which keeps every integer-feasible point and cuts off LP points that are not. Example: an
/// own-funded capex of 1.8 in a budget row `≤ 1.5` fixes that build binary to 0, which the LP
/// relaxation would set to 0.83. Continuous columns are never changed; bounds derived from
/// coefficients below 1e-9 or beyond 1e9 in size are not used. `BranchAndBound` runs it on
/// every row at the root.
public struct BoundPropagator: Sendable {
    /// The model's rows, shared with the cut separators of the same search.
    private let rows: RowView
    /// Whether a row has an integer column (others cannot tighten anything).
    private let rowHasInteger: [Bool]

    /// What a propagation found.
    public enum Outcome: Sendable, Equatable {
        /// Columns whose bounds changed (in the order changed; a column may repeat).
        case tightened([Int])
        /// This row cannot hold within the columns' bounds.
        case infeasible(row: Int)
    }

    /// Reads `rows`; a row counts for propagation when it has an integer column.
    public init(_ rows: RowView) {
        self.rows = rows
        rowHasInteger = (0..<rows.rowCount).map { r in rows.terms(r).contains { rows.isInteger[rows.columns[$0]] } }
    }

    /// Propagation on `model`'s rows (`RowView(model)`).
    public init(_ model: Model) {
        self.init(RowView(model))
    }

    public var rowCount: Int { rows.rowCount }

    /// Tightens `lower`/`upper` in place: first the rows of `columns` (every row when nil), then
    /// the rows of each column changed, until nothing changes or `maximumRowVisits` rows have
    /// been examined. On `.infeasible` the bounds are left part-way and must not be used.
    public func propagate(lower: inout [Double], upper: inout [Double], from columns: [Int]?,
                          maximumRowVisits: Int) -> Outcome {
        var queued = [Bool](repeating: false, count: rowCount)
        var queue: [Int] = []
        func enqueueRows(of j: Int) {
            for position in rows.rows(j) {
                let row = rows.rowsOfColumn[position]
                if !queued[row] && rowHasInteger[row] { queued[row] = true; queue.append(row) }
            }
        }
        if let columns {
            for j in columns { enqueueRows(of: j) }
        } else {
            for row in 0..<rowCount where rowHasInteger[row] { queued[row] = true; queue.append(row) }
        }
        var changed: [Int] = []
        var visits = 0, head = 0
        while head < queue.count && visits < maximumRowVisits {
            let row = queue[head]
            head += 1
            queued[row] = false
            visits += 1
            switch tighten(row: row, lower: &lower, upper: &upper) {
            case .infeasible: return .infeasible(row: row)
            case let .tightened(columns):
                for j in columns { changed.append(j); enqueueRows(of: j) }
            }
            // Keep the queue from growing without bound: drop what was processed.
            if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
        }
        return .tightened(changed)
    }

    /// One row's pass over its integer columns (activities from the bounds at the start).
    private func tighten(row: Int, lower: inout [Double], upper: inout [Double]) -> Outcome {
        let start = rows.rowStart[row], end = rows.rowStart[row + 1]
        let upperSide = rows.upper[row], lowerSide = rows.lower[row]
        var leastFinite = 0.0, leastInfinite = 0, greatestFinite = 0.0, greatestInfinite = 0
        for position in start..<end {
            let j = rows.columns[position]
            let (least, greatest) = Self.range(rows.coefficients[position], lower[j], upper[j])
            if least.isFinite { leastFinite += least } else { leastInfinite += 1 }
            if greatest.isFinite { greatestFinite += greatest } else { greatestInfinite += 1 }
        }
        let tolerance = 1e-6
        if leastInfinite == 0, upperSide.isFinite, leastFinite > upperSide + tolerance * max(1, abs(upperSide)) {
            return .infeasible(row: row)
        }
        if greatestInfinite == 0, lowerSide.isFinite, greatestFinite < lowerSide - tolerance * max(1, abs(lowerSide)) {
            return .infeasible(row: row)
        }
        var changed: [Int] = []
        for position in start..<end {
            let j = rows.columns[position], a = rows.coefficients[position]
            guard rows.isInteger[j], abs(a) >= 1e-9 else { continue }
            let (least, greatest) = Self.range(a, lower[j], upper[j])
            var newLower = lower[j], newUpper = upper[j]
            // Σ a x ≤ U with the other terms as small as they can be (stale activities only
            // weaken what is derived: bounds only tighten).
            if upperSide.isFinite, let rest = Self.others(leastFinite, infinite: leastInfinite, without: least) {
                let bound = (upperSide - rest) / a
                if a > 0 { newUpper = min(newUpper, Self.roundedDown(bound)) } else { newLower = max(newLower, Self.roundedUp(bound)) }
            }
            // Σ a x ≥ L with the other terms as large as they can be.
            if lowerSide.isFinite, let rest = Self.others(greatestFinite, infinite: greatestInfinite, without: greatest) {
                let bound = (lowerSide - rest) / a
                if a > 0 { newLower = max(newLower, Self.roundedUp(bound)) } else { newUpper = min(newUpper, Self.roundedDown(bound)) }
            }
            guard newLower != lower[j] || newUpper != upper[j] else { continue }
            if newLower > newUpper + 1e-9 { return .infeasible(row: row) }
            lower[j] = newLower; upper[j] = newUpper
            changed.append(j)
        }
        return .tightened(changed)
    }

    /// The other terms' total activity, from the row's finite sum and count of infinite terms
    /// without `term` (`nil` when another term is infinite).
    private static func others(_ finiteSum: Double, infinite: Int, without term: Double) -> Double? {
        if term.isFinite { return infinite == 0 ? finiteSum - term : nil }
        return infinite == 1 ? finiteSum : nil
    }

    /// The least and greatest value of `a·x` for `x` in `[l, u]`.
    private static func range(_ a: Double, _ l: Double, _ u: Double) -> (least: Double, greatest: Double) {
        guard a != 0 else { return (0, 0) }
        let atLower = l.isFinite ? a * l : (a > 0 ? -Double.infinity : .infinity)
        let atUpper = u.isFinite ? a * u : (a > 0 ? Double.infinity : -.infinity)
        return a > 0 ? (atLower, atUpper) : (atUpper, atLower)
    }

    /// `⌊bound⌋` with a tolerance of 1e-6 (relative above 1); +∞ for bounds too large to use.
    private static func roundedDown(_ bound: Double) -> Double {
        guard bound.isFinite, abs(bound) < 1e9 else { return .infinity }
        return (bound + 1e-6 * max(1, abs(bound))).rounded(.down)
    }

    /// `⌈bound⌉` with a tolerance of 1e-6 (relative above 1); −∞ for bounds too large to use.
    private static func roundedUp(_ bound: Double) -> Double {
        guard bound.isFinite, abs(bound) < 1e9 else { return -.infinity }
        return (bound - 1e-6 * max(1, abs(bound))).rounded(.up)
    }
}
