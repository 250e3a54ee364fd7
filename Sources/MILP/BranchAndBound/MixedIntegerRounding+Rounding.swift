extension MixedIntegerRoundingSeparator {
    /// How a continuous column was replaced by a bound and a slack `x′ ≥ 0`.
    enum Substitution {
        /// `x = l + x′`.
        case lower(Double)
        /// `x = u − x′`.
        case upper(Double)
        /// `x = Σ mᵢyᵢ − x′`, the column's `variableUpperBounds[j][k]`.
        case variable(Int)
    }

    /// A slack `x′` kept in the rounded row (coefficient `< 0`), and its value at the point.
    struct Slack {
        var column: Int
        var coefficient: Double
        var value: Double
        var substitution: Substitution
    }

    /// An integer column shifted to `ȳ = y − l` or complemented to `ȳ = u − y`.
    struct Shifted {
        var column: Int
        var coefficient: Double
        var value: Double
        var range: Double
        var complemented: Bool
        var lower: Double
        var upper: Double
    }

    /// The most efficacious c-MIR cut of `Σ aggregate · x ≤ rhs`, when one is violated enough.
    func rounding(_ aggregate: Workspace, rhs: Double, context: Context) -> (cut: Cut, efficacy: Double)? {
        let point = context.point
        var beta = rhs
        var integer: [(column: Int, coefficient: Double)] = []
        var slacks: [Slack] = []
        for j in aggregate.touched.sorted() {
            let a = aggregate.value[j]
            guard abs(a) > 1e-12 else { continue }
            if isInteger[j] { integer.append((j, a)); continue }
            guard let best = context.closest[j] else { return nil }
            let slack = context.distance(j)
            switch best.substitution {
            case let .lower(l):
                beta -= a * l
                if a < 0 { slacks.append(Slack(column: j, coefficient: a, value: slack, substitution: best.substitution)) }
            case let .upper(u):
                beta -= a * u
                if a > 0 { slacks.append(Slack(column: j, coefficient: -a, value: slack, substitution: best.substitution)) }
            case let .variable(k):
                let bound = variableUpperBounds[j][k]
                for (y, m) in zip(bound.switches, bound.factors) { integer.append((y, a * m)) }
                if a > 0 { slacks.append(Slack(column: j, coefficient: -a, value: slack, substitution: best.substitution)) }
            }
        }
        // Merge the integer terms (a switch may also appear in the row itself).
        integer.sort { $0.column < $1.column }
        var items: [Shifted] = []
        var i = 0
        while i < integer.count {
            let j = integer[i].column
            var g = 0.0
            while i < integer.count && integer[i].column == j { g += integer[i].coefficient; i += 1 }
            let l = context.lower[j], u = context.upper[j], y = point[j]
            guard abs(g) > 1e-12 else { continue }
            if l == u { beta -= g * l; continue }
            let toUpper = u.isFinite && (!l.isFinite || u - y < y - l)
            guard toUpper || l.isFinite else { return nil }
            if toUpper {
                beta -= g * u
                items.append(Shifted(column: j, coefficient: -g, value: max(0, u - y), range: u - l, complemented: true, lower: l, upper: u))
            } else {
                beta -= g * l
                items.append(Shifted(column: j, coefficient: g, value: max(0, y - l), range: u - l, complemented: false, lower: l, upper: u))
            }
        }
        var divisors: [Double] = []
        for item in items where item.value > 1e-6 && item.value < item.range - 1e-6 && abs(item.coefficient) > 1e-6 {
            let d = abs(item.coefficient)
            if !divisors.contains(where: { abs($0 - d) <= 1e-9 * d }) { divisors.append(d) }
        }
        guard !divisors.isEmpty else { return nil }

        var best: (delta: Double, efficacy: Double)?
        for delta in divisors {
            if let e = efficacy(items, slacks, beta: beta, delta: delta), best == nil || e > best!.efficacy { best = (delta, e) }
        }
        guard var chosen = best else { return nil }
        for k in 1...3 {
            let delta = chosen.delta / Double(1 << k)
            if let e = efficacy(items, slacks, beta: beta, delta: delta), e > chosen.efficacy { chosen = (delta, e) }
        }
        // Complementing a column strictly inside its bounds the other way may do better.
        for i in items.indices where items[i].value > 1e-6 && items[i].value < items[i].range - 1e-6 && items[i].range.isFinite {
            var flipped = items
            flipped[i].coefficient = -items[i].coefficient
            flipped[i].value = items[i].range - items[i].value
            flipped[i].complemented.toggle()
            let flippedBeta = beta - items[i].coefficient * items[i].range
            if let e = efficacy(flipped, slacks, beta: flippedBeta, delta: chosen.delta), e > chosen.efficacy {
                items = flipped; beta = flippedBeta; chosen.efficacy = e
            }
        }
        guard chosen.efficacy >= minimumEfficacy else { return nil }
        guard let cut = cut(items, slacks, beta: beta, delta: chosen.delta, context: context) else { return nil }
        let norm = cut.coefficients.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let violation = cut.violation(at: point)
        guard norm > 0, violation > 1e-6 * max(1, abs(cut.upper)), violation / norm >= minimumEfficacy else { return nil }
        return (cut, violation / norm)
    }

    /// `F_f(q) = ⌊q⌋ + (q − ⌊q⌋ − f)⁺/(1 − f)`.
    private func rounded(_ q: Double, _ f: Double) -> Double {
        let down = q.rounded(.down)
        return down + max(0, q - down - f) / (1 - f)
    }

    /// The fractional part of `β/δ`, when far enough from 0 and 1 for a safe cut.
    private func fraction(_ beta: Double, _ delta: Double) -> Double? {
        let b = beta / delta
        let f = b - b.rounded(.down)
        return f >= 0.01 && f <= 0.99 && abs(b) < 1e9 ? f : nil
    }

    /// Violation over norm of the rounded inequality with divisor `delta`, in `ȳ, x′` space.
    private func efficacy(_ items: [Shifted], _ slacks: [Slack], beta: Double, delta: Double) -> Double? {
        guard let f = fraction(beta, delta) else { return nil }
        var lhs = 0.0, norm = 0.0
        for item in items {
            let c = rounded(item.coefficient / delta, f)
            lhs += c * item.value; norm += c * c
        }
        for slack in slacks {
            let c = slack.coefficient / (delta * (1 - f))
            lhs += c * slack.value; norm += c * c
        }
        guard norm > 0 else { return nil }
        return (lhs - (beta / delta).rounded(.down)) / norm.squareRoot()
    }

    /// The rounded inequality written back on the model's columns.
    private func cut(_ items: [Shifted], _ slacks: [Slack], beta: Double, delta: Double, context: Context) -> Cut? {
        guard let f = fraction(beta, delta) else { return nil }
        var coefficients: [Int: Double] = [:]
        var upper = (beta / delta).rounded(.down)
        for item in items {
            let c = rounded(item.coefficient / delta, f)
            guard c != 0 else { continue }
            if item.complemented { coefficients[item.column, default: 0] -= c; upper -= c * item.upper }
            else { coefficients[item.column, default: 0] += c; upper += c * item.lower }
        }
        for slack in slacks {
            let h = slack.coefficient / (delta * (1 - f))
            switch slack.substitution {
            case let .lower(l): coefficients[slack.column, default: 0] += h; upper += h * l
            case let .upper(u): coefficients[slack.column, default: 0] -= h; upper -= h * u
            case let .variable(k):
                let bound = variableUpperBounds[slack.column][k]
                coefficients[slack.column, default: 0] -= h
                for (y, m) in zip(bound.switches, bound.factors) { coefficients[y, default: 0] += h * m }
            }
        }
        let largest = coefficients.values.reduce(0) { max($0, abs($1)) }
        guard largest > 0, upper.isFinite else { return nil }
        // Tiny terms go to the right-hand side at their largest contribution; scale to max |a| = 1.
        var columns: [Int] = [], values: [Double] = []
        for j in coefficients.keys.sorted() {
            let a = coefficients[j]!
            if abs(a) > 1e-9 * largest { columns.append(j); values.append(a / largest); continue }
            let least = a > 0 ? a * context.lower[j] : a * context.upper[j]
            guard least.isFinite else { return nil }
            upper -= least
        }
        guard let smallest = values.map(abs).min(), smallest * 1e6 >= 1 else { return nil }
        return Cut(columns: columns, coefficients: values, upper: upper / largest)
    }
}
