/// The knapsack rows of a model, and the separation of extended cover inequalities from them.
///
/// A row side `Σ aⱼxⱼ ≤ β` over binary columns (others moved to the right-hand side at their
/// least activity, binaries with `aⱼ < 0` complemented) is a knapsack. A set `C` of its
/// binaries with `Σ_{C} aⱼ > β` (a cover) cannot all be 1, so `Σ_{C} xⱼ ≤ |C| − 1`; the
/// extended cover adds every binary with `aⱼ ≥ max_{C} aᵢ` to the left side (E. Balas,
/// "Facets of the knapsack polytope", Math. Programming 8, 1975; G. L. Nemhauser &
/// L. A. Wolsey, Integer and Combinatorial Optimization, 1988, II.2.2). The cover is chosen
/// greedily by `(1 − x*ⱼ)/aⱼ` at the LP point `x*` (H. Crowder, E. L. Johnson & M. Padberg,
/// "Solving large-scale zero-one linear programming problems", Oper. Res. 31, 1983) and made
/// minimal.
///
/// Example: an operator's budget of 9 over facilities costing 6, 4, 3, 2.2 and 1.3 (millions)
/// gives `x₆ + x₄ ≤ 1`, which the LP point `x₆ = 0.2, x₄ = 1` violates.
public struct KnapsackCoverSeparator: CutSeparator {
    /// One row side `Σ aⱼxⱼ + Σ other ≤ β`, split into binaries and others once from the
    /// `RowView`: reading the view's terms at every call instead made this separator's time on
    /// hiep-phuoc's weighted solve 4.8 → 7.1 s (debug build, the same cuts).
    struct Knapsack: Sendable {
        var binaries: [Int]
        var weights: [Double]
        var others: [Int]
        var otherCoefficients: [Double]
        var capacity: Double
    }

    let knapsacks: [Knapsack]

    public var name: String { "knapsack_cover" }

    /// Rows with at least two binary columns (integer columns with bounds within [0, 1]).
    public init(_ rows: RowView) {
        var knapsacks: [Knapsack] = []
        for r in 0..<rows.rowCount {
            let terms = rows.terms(r)
            guard terms.count(where: { rows.isZeroOne[rows.columns[$0]] }) >= 2 else { continue }
            for (sign, bound) in [(1.0, rows.upper[r]), (-1.0, -rows.lower[r])] where bound.isFinite {
                var knapsack = Knapsack(binaries: [], weights: [], others: [], otherCoefficients: [], capacity: bound)
                for p in terms {
                    let j = rows.columns[p], a = rows.coefficients[p]
                    if rows.isZeroOne[j] { knapsack.binaries.append(j); knapsack.weights.append(sign * a) }
                    else { knapsack.others.append(j); knapsack.otherCoefficients.append(sign * a) }
                }
                knapsacks.append(knapsack)
            }
        }
        self.knapsacks = knapsacks
    }

    /// The knapsack rows of `model` (`RowView(model)`).
    public init(_ model: Model) {
        self.init(RowView(model))
    }

    /// Row sides examined by `separate`.
    public var count: Int { knapsacks.count }

    /// At most one extended cover per knapsack row, each violated at `point` by more than
    /// `minimumViolation`; valid wherever the columns are within `lower`/`upper`.
    public func separate(point: [Double], lower: [Double], upper: [Double]) -> [Cut] {
        separate(point: point, lower: lower, upper: upper, minimumViolation: 1e-3)
    }

    public func separate(point: [Double], lower: [Double], upper: [Double], minimumViolation: Double) -> [Cut] {
        knapsacks.compactMap { cover(in: $0, point: point, lower: lower, upper: upper, minimumViolation: minimumViolation) }
    }

    /// An item of the knapsack in `z` space: `z = x`, or `z = 1 − x` when complemented.
    private struct Item {
        var column: Int
        var weight: Double
        var complemented: Bool
        var value: Double
    }

    private func cover(in knapsack: Knapsack, point: [Double], lower: [Double], upper: [Double],
                       minimumViolation: Double) -> Cut? {
        var capacity = knapsack.capacity
        for (j, a) in zip(knapsack.others, knapsack.otherCoefficients) {
            let least = a > 0 ? a * lower[j] : a * upper[j]
            guard least.isFinite else { return nil }
            capacity -= least
        }
        var items: [Item] = []
        var total = 0.0
        for (j, a) in zip(knapsack.binaries, knapsack.weights) {
            if lower[j] == upper[j] { capacity -= a * lower[j]; continue }
            guard abs(a) > 1e-9 else { continue }
            if a > 0 {
                items.append(Item(column: j, weight: a, complemented: false, value: point[j]))
            } else {
                capacity -= a
                items.append(Item(column: j, weight: -a, complemented: true, value: 1 - point[j]))
            }
            total += abs(a)
        }
        // A cover must be infeasible beyond rounding noise in the coefficients.
        let margin = 1e-6 * max(1, abs(capacity))
        guard items.count >= 2, capacity >= 0, total > capacity + margin else { return nil }

        // Greedy: cheapest violation per unit of weight first.
        let order = items.indices.sorted { a, b in
            let ka = (1 - items[a].value) / items[a].weight, kb = (1 - items[b].value) / items[b].weight
            return ka != kb ? ka < kb : items[a].weight > items[b].weight
        }
        var chosen: [Int] = []
        var weight = 0.0
        for i in order {
            chosen.append(i); weight += items[i].weight
            if weight > capacity + margin { break }
        }
        guard weight > capacity + margin else { return nil }
        // Minimal: drop the items contributing least to the violation while the rest still covers.
        for i in chosen.sorted(by: { items[$0].value < items[$1].value }) where weight - items[i].weight > capacity + margin {
            weight -= items[i].weight
            chosen.removeAll { $0 == i }
        }
        let heaviest = chosen.map { items[$0].weight }.max() ?? 0
        var members = Set(chosen)
        for i in items.indices where items[i].weight >= heaviest { members.insert(i) }
        let rhs = Double(chosen.count - 1)
        let activity = members.reduce(0.0) { $0 + items[$1].value }
        guard activity - rhs > minimumViolation else { return nil }

        var cut = Cut(columns: [], coefficients: [], upper: rhs)
        for i in members.sorted(by: { items[$0].column < items[$1].column }) {
            cut.columns.append(items[i].column)
            if items[i].complemented { cut.coefficients.append(-1); cut.upper -= 1 } else { cut.coefficients.append(1) }
        }
        return cut
    }
}
