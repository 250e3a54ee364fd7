/// How widely a model's coefficients spread: what decides whether a simplex code working in
/// double precision (lp_solve factorizes its basis with ~1e-11 pivot tolerances) can solve it
/// reliably. Independent of any solver.
public struct CoefficientRange: Sendable, Equatable {
    /// One row's (or the objective's) smallest and largest nonzero |coefficient|.
    public struct Row: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var smallest: Double
        public var largest: Double
        /// Column of the smallest and of the largest coefficient.
        public var smallestColumn: String
        public var largestColumn: String
        /// `largest / smallest` (1 for a row with one coefficient).
        public var ratio: Double { smallest > 0 ? largest / smallest : 1 }
        public var description: String {
            "\(name) (\(smallestColumn) \(CoefficientRange.magnitude(smallest)) … \(largestColumn) \(CoefficientRange.magnitude(largest)))"
        }
    }

    /// Smallest and largest nonzero |coefficient| over every row and the objective.
    public var smallest: Double
    public var largest: Double
    /// The rows holding `smallest` and `largest`.
    public var smallestRow: Row?
    public var largestRow: Row?
    /// The rows whose own coefficients spread most, widest first.
    public var widestRows: [Row]

    /// `largest / smallest` over the whole model (1 when it has no coefficient).
    public var ratio: Double { smallest > 0 && smallest.isFinite ? largest / smallest : 1 }
}

extension Model {
    /// The spread of the nonzero coefficients of the rows and the objective (named `objective`),
    /// with the `widest` rows of largest own spread.
    public func coefficientRange(widest count: Int = 3) -> CoefficientRange {
        var rows: [CoefficientRange.Row] = []
        func scan(_ name: String, _ terms: [LinearExpression.Term]) {
            var row: CoefficientRange.Row?
            for term in terms where term.coefficient != 0 && term.coefficient.isFinite
                && variables.indices.contains(term.variable.index) {
                let size = abs(term.coefficient)
                let column = variables[term.variable.index].name
                guard var found = row else {
                    row = CoefficientRange.Row(name: name, smallest: size, largest: size, smallestColumn: column,
                                               largestColumn: column)
                    continue
                }
                if size < found.smallest { found.smallest = size; found.smallestColumn = column }
                if size > found.largest { found.largest = size; found.largestColumn = column }
                row = found
            }
            if let row { rows.append(row) }
        }
        scan("objective", objective.terms)
        for info in constraints { scan(info.name, info.constraint.terms) }
        let smallestRow = rows.min { $0.smallest < $1.smallest }
        let largestRow = rows.max { $0.largest < $1.largest }
        let widest = rows.filter { $0.ratio > 1 }.sorted { $0.ratio > $1.ratio }.prefix(count)
        return CoefficientRange(smallest: smallestRow?.smallest ?? 0, largest: largestRow?.largest ?? 0,
                                smallestRow: smallestRow, largestRow: largestRow, widestRows: Array(widest))
    }
}

extension CoefficientRange {
    /// A magnitude for messages, two significant digits in exponent form: `1e+09`, `3.2e-07`.
    public static func magnitude(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "\(value)" }
        var mantissa = Swift.abs(value), exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        mantissa = (mantissa * 10).rounded() / 10
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let whole = mantissa == mantissa.rounded() ? "\(Int(mantissa))" : "\(mantissa)"
        let digits = Swift.abs(exponent) < 10 ? "0\(Swift.abs(exponent))" : "\(Swift.abs(exponent))"
        return "\(value < 0 ? "-" : "")\(whole)e\(exponent < 0 ? "-" : "+")\(digits)"
    }
}
