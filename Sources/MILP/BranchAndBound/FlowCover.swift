/// The single-node flow rows of a model, and the separation of flow cover cuts from them.
///
/// A row `Σⱼ wⱼxⱼ ≤ b` whose terms are all continuous columns `xⱼ ≥ 0` with a variable upper
/// bound `xⱼ ≤ mⱼαⱼ` (a row `c·xⱼ − d·Σ_{i∈Sⱼ} yᵢ ≤ 0`, `mⱼ = d/c`) is a single-node flow set
/// when each `αⱼ = Σ_{i∈Sⱼ} yᵢ` is 0 or 1 at every integer point: one binary, or binaries
/// that lie in one row allowing at most one of them (`Σ members ≤ 1`, or `Σ members − b ≤ 0`
/// with `b` binary, as `once[o]` ties build years to `built[o]`). With the item capacities
/// `uⱼ = wⱼmⱼ`, a set `C` whose capacity exceeds `b` by `λ = Σ_C uⱼ − b > 0` (a flow cover)
/// gives
///
///     Σ_C wⱼxⱼ + Σ_C (uⱼ − λ)⁺ (1 − αⱼ) ≤ b
///
/// (M. W. Padberg, T. J. Van Roy & L. A. Wolsey, "Valid linear inequalities for fixed charge
/// problems", Oper. Res. 33, 1985, §3; Nemhauser & Wolsey 1988, II.2.4). Example: one
/// company's waste offered to two links that could each take 80 % of it (`λ = 0.6`). The LP
/// builds both to 0.625 and sends 0.625 on each; the cut `0.8x₁ + 0.8x₂ + 0.2(1 − α₁) +
/// 0.2(1 − α₂) ≤ 1` reads 1.15 there. At an integer point either one link is built (its flow is
/// at most 1 anyway) or both (the row itself).
public struct FlowCoverSeparator: CutSeparator {
    public var name: String { "flow_cover" }

    struct Item: Sendable {
        var column: Int
        /// The row coefficient `wⱼ` and the capacity `uⱼ = wⱼmⱼ`.
        var weight: Double
        var capacity: Double
        /// The binaries whose sum is `αⱼ`.
        var switches: [Int]
    }

    struct FlowSet: Sendable {
        var items: [Item]
        var supply: Double
    }

    let sets: [FlowSet]
    /// Subsets tried per row: every subset up to this many items, three greedy ones beyond.
    static let enumeratedItems = 10

    /// The flow rows of `rows`: variable upper bounds, the packing rows that make their
    /// switches at most one, and the rows over flows with such bounds.
    public init(_ rows: RowView) {
        let isBinary = rows.isZeroOne
        // Rows allowing at most one of their +1 binaries, by member column.
        var packings: [Int: [Int]] = [:]
        for r in 0..<rows.rowCount {
            let terms = rows.terms(r)
            guard terms.allSatisfy({ isBinary[rows.columns[$0]] }) else { continue }
            let members = terms.filter { rows.coefficients[$0] == 1 }.map { rows.columns[$0] }
            let negatives = terms.count(where: { rows.coefficients[$0] == -1 })
            guard members.count + negatives == terms.count, negatives <= 1,
                  rows.upper[r] <= (negatives == 0 ? 1 : 0) else { continue }
            for j in members { packings[j, default: []].append(r) }
        }
        func atMostOne(_ columns: [Int]) -> Bool {
            if columns.count == 1 { return true }
            guard let first = columns.first, var common = packings[first].map(Set.init) else { return false }
            for j in columns.dropFirst() { common.formIntersection(packings[j] ?? []) }
            return !common.isEmpty && Set(columns).count == columns.count
        }
        // Variable upper bounds `c·x − d·Σ y ≤ 0` on continuous columns x ≥ 0.
        var bound: [Int: (factor: Double, switches: [Int])] = [:]
        for r in 0..<rows.rowCount where rows.upper[r] == 0 && rows.lower[r] == -.infinity {
            let terms = rows.terms(r)
            let flows = terms.filter { !rows.isInteger[rows.columns[$0]] }
            guard flows.count == 1, let flow = flows.first, rows.coefficients[flow] > 0,
                  rows.columnLower[rows.columns[flow]] == 0 else { continue }
            let x = rows.columns[flow]
            let switches = terms.filter { rows.columns[$0] != x }
            guard let d = switches.first.map({ -rows.coefficients[$0] }), d > 0,
                  switches.allSatisfy({ isBinary[rows.columns[$0]] && rows.coefficients[$0] == -d }) else { continue }
            let columns = switches.map { rows.columns[$0] }
            guard atMostOne(columns) else { continue }
            let factor = d / rows.coefficients[flow]
            if let known = bound[x], known.factor <= factor { continue }
            bound[x] = (factor, columns)
        }
        var sets: [FlowSet] = []
        for r in 0..<rows.rowCount where rows.upper[r].isFinite && rows.lower[r] == -.infinity {
            let terms = rows.terms(r)
            guard terms.count >= 2, terms.allSatisfy({ rows.coefficients[$0] > 0 && bound[rows.columns[$0]] != nil }),
                  Set(terms.map { rows.columns[$0] }).count == terms.count else { continue }
            let items = terms.map { p in
                let vub = bound[rows.columns[p]]!
                return Item(column: rows.columns[p], weight: rows.coefficients[p],
                            capacity: rows.coefficients[p] * vub.factor, switches: vub.switches)
            }
            sets.append(FlowSet(items: items, supply: rows.upper[r]))
        }
        self.sets = sets
    }

    /// The flow rows of `model` (`RowView(model)`).
    public init(_ model: Model) {
        self.init(RowView(model))
    }

    /// Flow rows examined by `separate`.
    public var count: Int { sets.count }

    /// At most one flow cover cut per flow row, the most violated of the subsets tried, each
    /// violated at `point` by more than `minimumViolation`.
    public func separate(point: [Double], lower: [Double], upper: [Double]) -> [Cut] {
        separate(point: point)
    }

    public func separate(point: [Double], minimumViolation: Double = 1e-4) -> [Cut] {
        sets.compactMap { cover(in: $0, point: point, minimumViolation: minimumViolation) }
    }

    private func cover(in set: FlowSet, point: [Double], minimumViolation: Double) -> Cut? {
        let flow = set.items.map { $0.weight * point[$0.column] }
        let on = set.items.map { item in item.switches.reduce(0.0) { $0 + point[$1] } }
        func violation(_ members: [Int]) -> (value: Double, excess: Double)? {
            let excess = members.reduce(0.0) { $0 + set.items[$1].capacity } - set.supply
            guard excess > 1e-9 else { return nil }
            var lhs = 0.0
            for i in members { lhs += flow[i] + max(0, set.items[i].capacity - excess) * (1 - on[i]) }
            return (lhs - set.supply, excess)
        }
        var candidates: [[Int]] = []
        let n = set.items.count
        if n <= Self.enumeratedItems {
            for mask in 1..<(1 << n) where mask.nonzeroBitCount >= 2 {
                candidates.append((0..<n).filter { mask & (1 << $0) != 0 })
            }
        } else {
            candidates = [Array(0..<n), (0..<n).filter { on[$0] > 1e-6 }, (0..<n).filter { flow[$0] > 1e-9 }]
        }
        var best: (members: [Int], value: Double, excess: Double)?
        for members in candidates {
            guard let v = violation(members), v.value > minimumViolation * max(1, abs(set.supply)) else { continue }
            if best == nil || v.value > best!.value { best = (members, v.value, v.excess) }
        }
        guard let best else { return nil }
        // Σ_C wⱼxⱼ − Σ_C gⱼ Σ_{Sⱼ} yᵢ ≤ b − Σ_C gⱼ, gⱼ = (uⱼ − λ)⁺.
        var coefficients: [Int: Double] = [:]
        var upper = set.supply
        for i in best.members {
            let item = set.items[i]
            coefficients[item.column, default: 0] += item.weight
            let g = max(0, item.capacity - best.excess)
            guard g > 0 else { continue }
            upper -= g
            for y in item.switches { coefficients[y, default: 0] -= g }
        }
        let columns = coefficients.keys.sorted()
        return Cut(columns: columns, coefficients: columns.map { coefficients[$0]! }, upper: upper)
    }
}
