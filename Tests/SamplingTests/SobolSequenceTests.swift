import Testing
import Sampling

@Suite("Sobol sequence (Joe–Kuo, Gray-code order, Owen-scrambled by hashing)")
struct SobolSequenceTests {
    /// shared/data/reference-values.md: unscrambled, d = 4, Gray-code order.
    @Test func referencePoints() throws {
        let sobol = try SobolSequence(dimensions: 4)
        let expected: [[Double]] = [
            [0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25], [0.25, 0.75, 0.75, 0.75],
            [0.375, 0.375, 0.625, 0.875], [0.875, 0.875, 0.125, 0.375], [0.625, 0.125, 0.875, 0.625],
            [0.125, 0.625, 0.375, 0.125],
        ]
        for (i, point) in expected.enumerated() {
            #expect(sobol.point(UInt32(i)) == point)
        }
    }

    /// Integers x (value x/2³²) from SciPy 1.17 `Sobol(d=1000, scramble=False, bits=32)`, which
    /// reads the same Joe–Kuo file: checks the embedded table and the recurrence up to d = 1000.
    @Test(arguments: [
        (37, [3_959_422_976, 738_197_504, 738_197_504, 1_006_632_960, 3_019_898_880]),
        (1000, [943_718_400, 297_795_584, 801_112_064, 1_094_713_344, 859_832_320]),
        (1099, [1_986_002_944, 2_782_920_704, 2_778_726_400, 3_525_312_512, 3_349_151_744]),
        (123_456, [113_803_264, 1_069_711_360, 3_976_167_424, 3_946_348_544, 4_125_851_648]),
    ] as [(UInt32, [UInt32])])
    func highDimensionsMatchSciPy(index: UInt32, expected: [UInt32]) throws {
        let sobol = try SobolSequence(dimensions: SobolSequence.maximumDimensions)
        let got = [0, 9, 99, 499, 999].map { sobol.integer(index, dimension: $0) }
        #expect(got == expected)
        #expect(sobol.value(index, dimension: 999) == Double(expected[4]) * 0x1p-32)
    }

    @Test func dimensionLimits() throws {
        #expect(SobolSequence.maximumDimensions == 1000)
        #expect(throws: SamplingError.dimensionsOutOfRange(requested: 1001, maximum: 1000)) {
            try SobolSequence(dimensions: 1001)
        }
        #expect(throws: SamplingError.dimensionsOutOfRange(requested: 0, maximum: 1000)) {
            try SobolSequence(dimensions: 0, scramble: 3)
        }
        #expect(try SobolSequence(dimensions: 1000, scramble: 1).point(5).count == 1000)
    }

    /// Every dyadic interval [j/2^k, (j+1)/2^k) holds exactly one of the first 2^k points, in
    /// each tested dimension, plain and scrambled.
    @Test(arguments: [nil, 1, 0xDEAD_BEEF] as [UInt64?])
    func oneDimensionalStratification(seed: UInt64?) throws {
        let sobol = try SobolSequence(dimensions: 1000, scramble: seed)
        for dimension in [0, 1, 2, 9, 99, 500, 999] {
            for k in 0...10 {
                var hits = [Int](repeating: 0, count: 1 << k)
                for i in 0..<UInt32(1 << k) {
                    hits[Int(sobol.value(i, dimension: dimension) * Double(1 << k))] += 1
                }
                #expect(hits.allSatisfy { $0 == 1 }, "dimension \(dimension), k = \(k)")
            }
        }
    }

    /// Dimensions 1 and 2 form a (0, m, 2)-net: every dyadic box of area 2^−m holds exactly one
    /// of the first 2^m points, plain and scrambled.
    @Test(arguments: [nil, 7] as [UInt64?])
    func twoDimensionalNet(seed: UInt64?) throws {
        let sobol = try SobolSequence(dimensions: 2, scramble: seed)
        for m in 1...10 {
            for a in 0...m {
                var hits = [Int](repeating: 0, count: 1 << m)
                for i in 0..<UInt32(1 << m) {
                    let p = sobol.point(i)
                    let cell = Int(p[0] * Double(1 << a)) << (m - a) | Int(p[1] * Double(1 << (m - a)))
                    hits[cell] += 1
                }
                #expect(hits.allSatisfy { $0 == 1 }, "m = \(m), a = \(a)")
            }
        }
    }

    /// Scrambling moves 0 away, stays in the open (0, 1), depends on the seed, and keeps the
    /// mean of f(x) = x over 1,024 points close to ½.
    @Test func scrambledPoints() throws {
        let a = try SobolSequence(dimensions: 20, scramble: 42), b = try SobolSequence(dimensions: 20, scramble: 43)
        #expect(a.point(0).allSatisfy { $0 != 0 })
        #expect(a.point(0) != b.point(0))
        #expect(try SobolSequence(dimensions: 20, scramble: 42).point(17) == a.point(17))
        #expect(Set(a.point(0)).count == 20)
        for dimension in 0..<20 {
            let values = (0..<UInt32(1024)).map { a.value($0, dimension: dimension) }
            #expect(values.allSatisfy { $0 > 0 && $0 < 1 && NormalDistribution.quantile($0).isFinite })
            #expect(abs(values.reduce(0, +) / 1024 - 0.5) < 1e-3)
        }
        for i in [UInt32(0), 1, 1000, .max] {
            #expect(a.point(i) == (0..<20).map { a.value(i, dimension: $0) })
        }
        #expect(a.value(.max, dimension: 3) < 1)
    }

    /// Points by index agree with Gray-code order: consecutive points differ in one direction
    /// number per dimension (Antonov–Saleev), and the plain first point is kept at 0.
    @Test func grayCodeOrderByIndex() throws {
        let sobol = try SobolSequence(dimensions: 3)
        #expect(sobol.point(0) == [0, 0, 0])
        #expect(sobol.point(2) == [0.75, 0.25, 0.25])
        for i in UInt32(1)..<4096 {
            let j = i.trailingZeroBitCount  // the Gray code of i is that of i − 1 with bit j flipped
            let step = sobol.integer(i, dimension: 0) ^ sobol.integer(i - 1, dimension: 0)
            #expect(step == UInt32(1) << (31 - j))
        }
    }
}
