import Testing
import Sampling

@Suite("Random-access Latin hypercube")
struct LatinHypercubeTests {
    /// Each stratum of each dimension is hit exactly once, and each value lies in its stratum.
    @Test(arguments: [1, 2, 7, 100, 1000, 1024])
    func oneSamplePerStratum(samples n: Int) {
        let design = LatinHypercube(samples: n, seed: 2024)
        for dimension in 0..<6 {
            let strata = (0..<n).map { design.stratum(sample: $0, dimension: dimension) }
            #expect(strata.sorted() == Array(0..<n), "dimension \(dimension)")
            for sample in 0..<n {
                let u = design.uniform(sample: sample, dimension: dimension)
                #expect(u > 0 && u < 1)
                #expect(u >= Double(strata[sample]) / Double(n) && u <= Double(strata[sample] + 1) / Double(n))
            }
        }
    }

    /// Different dimensions and different seeds give different permutations; a seed gives the same.
    @Test(arguments: [7, 100, 1000])
    func permutationsDiffer(samples n: Int) {
        let design = LatinHypercube(samples: n, seed: 11)
        let permutations = (0..<5).map { d in (0..<n).map { design.stratum(sample: $0, dimension: d) } }
        #expect(Set(permutations).count == 5)
        let other = LatinHypercube(samples: n, seed: 12)
        #expect((0..<n).map { other.stratum(sample: $0, dimension: 0) } != permutations[0])
        let again = LatinHypercube(samples: n, seed: 11)
        #expect((0..<n).map { again.uniform(sample: $0, dimension: 3) } == (0..<n).map { design.uniform(sample: $0, dimension: 3) })
    }

    /// The permutation is not close to the identity: few fixed points and little rank correlation
    /// between two dimensions.
    @Test func permutationLooksRandom() {
        let n = 1000, design = LatinHypercube(samples: n, seed: 3)
        let first = (0..<n).map { design.stratum(sample: $0, dimension: 0) }
        let second = (0..<n).map { design.stratum(sample: $0, dimension: 1) }
        #expect(first.enumerated().filter { $0.offset == $0.element }.count < 8)
        let mean = Double(n - 1) / 2
        let covariance = zip(first, second).map { (Double($0) - mean) * (Double($1) - mean) }.reduce(0, +)
        let variance = first.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +)
        #expect(abs(covariance / variance) < 4 / Double(n).squareRoot())
    }
}
