/// The correlation matrix of the uncertain parameters' shocks, with the tests and factor the
/// loader and the Monte Carlo sampler need.
public struct CorrelationMatrix: Sendable, Equatable {
    /// Parameter names (uncertainty targets), one per row and column.
    public var names: [String]
    /// Symmetric, unit diagonal; `values[i][j]` correlates `names[i]` with `names[j]`.
    public var values: [[Double]]

    /// The identity over `names` with each correlation whose two names are both in `names` filled in.
    public init(names: [String], correlations: [Correlation]) {
        self.names = names
        var values = (0 ..< names.count).map { i in (0 ..< names.count).map { j in i == j ? 1.0 : 0.0 } }
        for c in correlations {
            guard let i = names.firstIndex(of: c.first), let j = names.firstIndex(of: c.second), i != j else { continue }
            values[i][j] = c.rho
            values[j][i] = c.rho
        }
        self.values = values
    }

    /// The smallest eigenvalue (cyclic Jacobi rotations); a correlation matrix must have it >= 0.
    public func smallestEigenvalue() -> Double {
        var a = values
        let n = a.count
        guard n > 0 else { return 0 }
        for _ in 0 ..< 100 {
            var offDiagonal = 0.0
            for p in 0 ..< n { for q in 0 ..< n where p != q { offDiagonal += a[p][q] * a[p][q] } }
            if offDiagonal < 1e-24 || !offDiagonal.isFinite { break }
            for p in 0 ..< n - 1 {
                for q in p + 1 ..< n where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0 ..< n {
                        let (kp, kq) = (a[k][p], a[k][q])
                        a[k][p] = c * kp - s * kq
                        a[k][q] = s * kp + c * kq
                    }
                    for k in 0 ..< n {
                        let (pk, qk) = (a[p][k], a[q][k])
                        a[p][k] = c * pk - s * qk
                        a[q][k] = s * pk + c * qk
                    }
                }
            }
        }
        return (0 ..< n).map { a[$0][$0] }.min() ?? 0
    }

    /// Whether the matrix is a valid correlation matrix (smallest eigenvalue >= -`tolerance`).
    public func isPositiveSemidefinite(tolerance: Double = 1e-9) -> Bool {
        smallestEigenvalue() >= -tolerance
    }

    /// Lower-triangular `L` with `L Lᵀ` = the matrix, for drawing correlated normal shocks
    /// (`z = L e`); semidefinite directions get zero columns. `nil` when not positive semidefinite.
    public func choleskyFactor(tolerance: Double = 1e-9) -> [[Double]]? {
        let n = values.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0 ..< n {
            var diagonal = values[j][j]
            for k in 0 ..< j { diagonal -= l[j][k] * l[j][k] }
            if diagonal < -tolerance { return nil }
            guard diagonal > tolerance else { continue }
            let root = diagonal.squareRoot()
            l[j][j] = root
            for i in j + 1 ..< n {
                var sum = values[i][j]
                for k in 0 ..< j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / root
            }
        }
        return l
    }
}

extension Uncertainty {
    /// Correlations over every price target, then every volume target, in file order.
    public var correlationMatrix: CorrelationMatrix {
        var names: [String] = []
        for target in (prices + volumes).map(\.target) where !names.contains(target) { names.append(target) }
        return CorrelationMatrix(names: names, correlations: correlations)
    }
}
