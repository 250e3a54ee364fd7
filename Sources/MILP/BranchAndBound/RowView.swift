/// A model's constraint matrix in compressed sparse row form, with its transpose, each row's
/// sides and each column's kind and bounds: built once per search (`BranchAndBound(model:options:)`)
/// and read by the cut separators (`KnapsackCoverSeparator`, `FlowCoverSeparator`,
/// `MixedIntegerRoundingSeparator`) and by `BoundPropagator`, none of which keeps row arrays of
/// its own.
///
/// Row `r` is `lower[r] ≤ Σ coefficients[p] · x[columns[p]] ≤ upper[r]` over the positions
/// `p ∈ terms(r)`, in the model's column order (the order `Model.addConstraint` stores: sorted,
/// repeated columns merged). Terms with a zero coefficient are left out, as `addConstraint`
/// leaves them out (only `Model.setCoefficient(_:_:0)` can store one). Column `j` appears in the
/// rows `rowsOfColumn[q]` at the positions `positions[q]`, `q ∈ rows(j)`, rows in increasing
/// order (the "CSR plus CSC" layout of HiGHS's `HighsLp` matrices and of SCIP's row/column views).
public struct RowView: Sendable {
    /// Where each row's terms start in `columns`/`coefficients` (`rowCount + 1` entries).
    public let rowStart: [Int]
    public let columns: [Int]
    public let coefficients: [Double]
    /// Row sides, `-infinity`/`+infinity` where a side is absent.
    public let lower: [Double]
    public let upper: [Double]
    /// Where each column's rows start in `rowsOfColumn`/`positions` (`columnCount + 1` entries).
    public let columnStart: [Int]
    /// The rows each column appears in.
    public let rowsOfColumn: [Int]
    /// The column's position in that row's terms (an index into `columns`, not an offset).
    public let positions: [Int]
    /// Integer or binary columns.
    public let isInteger: [Bool]
    /// Integer columns within [0, 1] (`VariableInfo.isZeroOne`).
    public let isZeroOne: [Bool]
    /// Column bounds as the model holds them.
    public let columnLower: [Double]
    public let columnUpper: [Double]

    public init(_ model: Model) {
        var rowStart = [0]
        rowStart.reserveCapacity(model.constraintCount + 1)
        var columns: [Int] = [], coefficients: [Double] = []
        columns.reserveCapacity(model.nonzeroCount); coefficients.reserveCapacity(model.nonzeroCount)
        var lower: [Double] = [], upper: [Double] = []
        lower.reserveCapacity(model.constraintCount); upper.reserveCapacity(model.constraintCount)
        var count = [Int](repeating: 0, count: model.variableCount)
        for info in model.constraints {
            for term in info.constraint.terms where term.coefficient != 0 {
                columns.append(term.variable.index)
                coefficients.append(term.coefficient)
                count[term.variable.index] += 1
            }
            rowStart.append(columns.count)
            lower.append(info.constraint.lower)
            upper.append(info.constraint.upper)
        }
        // The transpose by counting: rows are visited in order, so each column's rows increase.
        var columnStart = [Int](repeating: 0, count: model.variableCount + 1)
        for j in 0..<model.variableCount { columnStart[j + 1] = columnStart[j] + count[j] }
        var next = Array(columnStart.dropLast())
        var rowsOfColumn = [Int](repeating: 0, count: columns.count)
        var positions = [Int](repeating: 0, count: columns.count)
        for r in 0..<lower.count {
            for p in rowStart[r]..<rowStart[r + 1] {
                let j = columns[p]
                rowsOfColumn[next[j]] = r
                positions[next[j]] = p
                next[j] += 1
            }
        }
        self.rowStart = rowStart; self.columns = columns; self.coefficients = coefficients
        self.lower = lower; self.upper = upper
        self.columnStart = columnStart; self.rowsOfColumn = rowsOfColumn; self.positions = positions
        self.isInteger = model.variables.map(\.isInteger)
        self.isZeroOne = model.variables.map(\.isZeroOne)
        self.columnLower = model.variables.map(\.lower)
        self.columnUpper = model.variables.map(\.upper)
    }

    public var rowCount: Int { lower.count }
    public var columnCount: Int { isInteger.count }

    /// The positions of row `r`'s terms in `columns`/`coefficients`.
    public func terms(_ r: Int) -> Range<Int> { rowStart[r]..<rowStart[r + 1] }

    /// The positions of column `j`'s entries in `rowsOfColumn`/`positions`.
    public func rows(_ j: Int) -> Range<Int> { columnStart[j]..<columnStart[j + 1] }

    /// Number of terms in row `r`.
    public func length(_ r: Int) -> Int { rowStart[r + 1] - rowStart[r] }

    /// Which sides row `r` has (as `LinearConstraint.sense`).
    public func sense(_ r: Int) -> ConstraintSense {
        LinearConstraint(terms: [], lower: lower[r], upper: upper[r]).sense
    }
}
