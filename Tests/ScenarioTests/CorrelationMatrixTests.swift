import Foundation
import Testing
@testable import Scenario

/// The positive-semidefinite test and the Cholesky factor behind correlated sampling.
@Suite struct CorrelationMatrixTests {
    private func matrix(_ correlations: [Correlation]) -> CorrelationMatrix {
        CorrelationMatrix(names: ["a", "b", "c"], correlations: correlations)
    }

    @Test func identityAndValidMatrices() throws {
        #expect(abs(matrix([]).smallestEigenvalue() - 1) < 1e-12)
        let valid = matrix([Correlation("a", "b", 0.5), Correlation("b", "c", 0.5), Correlation("a", "c", 0.25)])
        #expect(valid.isPositiveSemidefinite())
        let l = try #require(valid.choleskyFactor())
        for i in 0 ..< 3 {
            for j in 0 ..< 3 {
                let product = (0 ..< 3).reduce(0.0) { $0 + l[i][$1] * l[j][$1] }
                #expect(abs(product - valid.values[i][j]) < 1e-12)
            }
        }
    }

    @Test func perfectCorrelationIsSemidefinite() throws {
        let m = matrix([Correlation("a", "b", 1), Correlation("b", "c", 1), Correlation("a", "c", 1)])
        #expect(abs(m.smallestEigenvalue()) < 1e-9)
        #expect(m.isPositiveSemidefinite())
        #expect(m.choleskyFactor() != nil)
    }

    @Test func inconsistentCorrelationsAreNot() throws {
        let m = matrix([Correlation("a", "b", 0.9), Correlation("b", "c", 0.9), Correlation("a", "c", -0.9)])
        #expect(abs(m.smallestEigenvalue() - -0.8) < 1e-9)
        #expect(!m.isPositiveSemidefinite())
        #expect(m.choleskyFactor() == nil)
    }
}
