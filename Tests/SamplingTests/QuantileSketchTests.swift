import Foundation
import Testing
import Sampling
import TestSupport

@Suite("DDSketch quantile sketch")
struct QuantileSketchTests {
    private static func sketch(_ values: some Sequence<Double>, alpha: Double = 0.001) -> QuantileSketch {
        var sketch = QuantileSketch(relativeAccuracy: alpha)
        for x in values { sketch.add(x) }
        return sketch
    }

    /// JSON with sorted keys: JSONEncoder orders keys by hash otherwise, for every type.
    private static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// One sketch, four parts merged as ((a+b)+(c+d)), and ten parts merged in shuffled order
    /// after adding their values in shuffled order: all equal and byte-identical in JSON.
    @Test func mergeIsExactWhateverTheGrouping() throws {
        let values = SamplingTestData.mixedSign(10_000, seed: 1)
        let whole = Self.sketch(values)
        let quarters = (0..<4).map { q in Self.sketch(values[q * 2500..<(q + 1) * 2500]) }
        var left = quarters[0], right = quarters[2]
        left.merge(quarters[1]); right.merge(quarters[3]); left.merge(right)
        var rng = SplitMix64(seed: 99)
        var tenths = (0..<10).map { t in Self.sketch(values[t * 1000..<(t + 1) * 1000].shuffled(using: &rng)) }
        tenths.shuffle(using: &rng)
        var shuffled = QuantileSketch()
        for part in tenths { shuffled.merge(part) }
        #expect(left == whole && shuffled == whole)
        #expect(whole.count == 10_000)
        #expect(try Self.json(left) == Self.json(whole))
        #expect(try Self.json(shuffled) == Self.json(whole))
    }

    /// Quantiles within α·|x| of the exact type-1 quantile (rank k at q = (k − ½)/n).
    @Test(arguments: ["lognormal", "mixed sign"])
    func quantileAccuracy(data: String) {
        let values = data == "lognormal" ? SamplingTestData.lognormal(10_000, seed: 2) : SamplingTestData.mixedSign(10_000, seed: 3)
        let sorted = values.sorted(), n = values.count
        for alpha in [0.001, 0.01] {
            let sketch = Self.sketch(values, alpha: alpha)
            for k in [1, 2, 10, 50, 100, 500, 1000, 2500, 4999, 5000, 5001, 7500, 9000, 9500, 9900, 9990, 9999, 10_000] {
                let exact = sorted[k - 1], estimate = sketch.quantile((Double(k) - 0.5) / Double(n))!
                #expect(abs(estimate - exact) <= alpha * abs(exact) * (1 + 1e-9), "k = \(k), α = \(alpha)")
            }
            #expect(abs(sketch.quantile(0)! - sorted[0]) <= alpha * abs(sorted[0]) * (1 + 1e-9))
            #expect(abs(sketch.quantile(1)! - sorted[n - 1]) <= alpha * abs(sorted[n - 1]) * (1 + 1e-9))
            // q·n = 9 500 up to rounding: rank 9 500, not 9 501.
            #expect(abs(sketch.quantile(0.95)! - sorted[9499]) <= alpha * abs(sorted[9499]) * (1 + 1e-9))
            #expect(sketch.minimum == sorted[0] && sketch.maximum == sorted[n - 1])
        }
    }

    /// The mean of the lowest fraction·n observations (partial weight for the last one).
    @Test(arguments: ["lognormal", "mixed sign"])
    func lowerTailMean(data: String) {
        let values = data == "lognormal" ? SamplingTestData.lognormal(10_000, seed: 4) : SamplingTestData.mixedSign(10_000, seed: 5)
        let sorted = values.sorted(), sketch = Self.sketch(values)
        for fraction in [0.0001, 0.00015, 0.01, 0.05, 0.12345, 0.5, 1] {
            let m = fraction * Double(sorted.count), whole = Int(m.rounded(.down))
            var sum = sorted[..<whole].reduce(0, +), absolute = sorted[..<whole].map(abs).reduce(0, +)
            if m > Double(whole) {
                sum += (m - Double(whole)) * sorted[whole]
                absolute += (m - Double(whole)) * abs(sorted[whole])
            }
            let exact = sum / m, estimate = sketch.lowerTailMean(fraction: fraction)!
            #expect(abs(estimate - exact) <= 0.001 * absolute / m * (1 + 1e-9) + 1e-12, "fraction \(fraction)")
        }
    }

    /// fractionBelow(0) is the exact share of negative observations; elsewhere it is bracketed
    /// by the exact ECDF at x/(1 ± α).
    @Test func fractionBelow() {
        let values = SamplingTestData.mixedSign(10_000, seed: 6), n = Double(values.count)
        let sketch = Self.sketch(values)
        #expect(sketch.fractionBelow(0) == Double(values.filter { $0 < 0 }.count) / n)
        #expect(sketch.fractionBelow(-0x1p-1063) == Double(values.filter { $0 < 0 }.count) / n)
        #expect(sketch.fractionBelow(0x1p-1063) == Double(values.filter { $0 <= 0 }.count) / n)
        #expect(sketch.fractionBelow(-.infinity) == 0 && sketch.fractionBelow(.infinity) == 1)
        for x in [-200.0, -50, -1, 1, 30, 150, 400] {
            let shrink = x > 0 ? 1 / 1.001 : 1 / 0.999, grow = x > 0 ? 1 / 0.999 : 1 / 1.001
            let lower = Double(values.filter { $0 < x * shrink }.count) / n
            let upper = Double(values.filter { $0 < x * grow }.count) / n
            let got = sketch.fractionBelow(x)
            #expect(got >= lower && got <= upper, "x = \(x)")
        }
    }

    /// Codable round trip; sparse index → count buckets; malformed input rejected.
    @Test func codable() throws {
        let sketch = Self.sketch(SamplingTestData.mixedSign(2000, seed: 7), alpha: 0.01)
        let data = try Self.json(sketch)
        #expect(try JSONDecoder().decode(QuantileSketch.self, from: data) == sketch)
        let empty = QuantileSketch()
        #expect(try JSONDecoder().decode(QuantileSketch.self, from: Self.json(empty)) == empty)
        let text = String(decoding: try Self.json(Self.sketch([0, -1, 1, 1, 1], alpha: 0.01)), as: UTF8.self)
        #expect(text == #"{"maximum":1,"minimum":-1,"negative":{"0":1},"positive":{"0":3},"relativeAccuracy":0.01,"zeroCount":1}"#)
        let bad = #"{"relativeAccuracy":0.01,"zeroCount":1,"negative":{},"positive":{"3":0}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(QuantileSketch.self, from: Data(bad.utf8)) }
    }

    /// Buckets are ordered, hold their representative, and count every observation; their number
    /// depends on the range of the values, not on how many there are.
    @Test func bucketsAndMemory() {
        let sketch = Self.sketch(SamplingTestData.mixedSign(5000, seed: 8))
        let buckets = sketch.buckets
        #expect(buckets.map(\.count).reduce(0, +) == sketch.count)
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.upper <= $1.lower && $0.representative < $1.representative })
        #expect(buckets.allSatisfy { $0.lower <= $0.representative && $0.representative <= $0.upper && $0.count > 0 })
        let narrow = Self.sketch(SamplingTestData.uniforms(100_000, seed: 9).map { 1 + $0 })
        #expect(narrow.buckets.count <= Int(log(2) / log(1.001 / 0.999)) + 2)
        #expect(Self.sketch([0.0, -0.0]).zeroCount == 2)
    }

    @Test func emptySketch() {
        let sketch = QuantileSketch()
        #expect(sketch.isEmpty && sketch.count == 0)
        #expect(sketch.quantile(0.5) == nil && sketch.lowerTailMean(fraction: 0.1) == nil)
        #expect(sketch.fractionBelow(0) == 0 && sketch.buckets.isEmpty)
    }

    /// Non-finite values are a programming error: `add` stops the process.
    @Test func rejectsNonFiniteValues() async {
        await #expect(processExitsWith: .failure) {
            var sketch = QuantileSketch()
            sketch.add(.infinity)
        }
    }
}
