import Foundation
import Sampling
import Testing
import TestSupport

/// Sobol indices and Morris screening on functions with known answers
/// (shared/data/reference-values.md), and against SALib where it is installed.
@Suite struct SensitivityIndexTests {
    /// Ishigami, a = 7, b = 0.1, inputs uniform on [−π, π].
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// Sobol's G-function with a = [0, 1, 4.5, 9, 99, 99, 99, 99].
    static func gFunction(_ u: [Double]) -> Double {
        let a = [0, 1, 4.5, 9, 99, 99, 99, 99]
        return zip(u, a).reduce(1.0) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
    }

    static func indices(_ f: ([Double]) -> Double, dimensions: Int, samples: Int) throws -> (SobolIndices, [Double]) {
        let rows = try SobolIndices.design(samples: samples, dimensions: dimensions, seed: 2026)
        let y = rows.map(f)
        return (SobolIndices(outputs: y, dimensions: dimensions), y)
    }

    /// SALib's own test tolerances (atol 0.05, rtol 0.1) at N = 1024.
    static func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) <= 0.05 + 0.1 * abs(expected) }

    @Test func ishigami() throws {
        let (s, _) = try Self.indices(Self.ishigami, dimensions: 3, samples: 1024)
        for (value, expected) in zip(s.firstOrder, [0.3139, 0.4424, 0]) { #expect(Self.close(value, expected), "S1 \(s.firstOrder)") }
        for (value, expected) in zip(s.total, [0.5576, 0.4424, 0.2437]) { #expect(Self.close(value, expected), "ST \(s.total)") }
    }

    @Test func gFunction() throws {
        let (s, _) = try Self.indices(Self.gFunction, dimensions: 8, samples: 1024)
        let first = [0.7162, 0.1791, 0.0237, 0.0072, 0.00007, 0.00007, 0.00007, 0.00007]
        let total = [0.7871, 0.2422, 0.0343, 0.0105, 0.0001, 0.0001, 0.0001, 0.0001]
        for (value, expected) in zip(s.firstOrder, first) { #expect(Self.close(value, expected), "S1 \(s.firstOrder)") }
        for (value, expected) in zip(s.total, total) { #expect(Self.close(value, expected), "ST \(s.total)") }
    }

    /// An input the output does not depend on: total index ≈ 0, its interval covering 0.
    @Test func idleInputHasNoTotalEffect() throws {
        let (s, _) = try Self.indices({ 3 * $0[0] + $0[1] * $0[1] }, dimensions: 3, samples: 512)
        #expect(abs(s.total[2]) < 1e-12)
        #expect(s.total[2] - s.totalConfidence[2] <= 0 && s.total[2] + s.totalConfidence[2] >= 0)
    }

    /// The same outputs analysed by SALib (`sobol.analyze`, calc_second_order=False) give the
    /// same point estimates to 1e-9.
    @Test(.enabled(if: Self.salibAvailable)) func agreesWithSALib() throws {
        let (s, y) = try Self.indices(Self.ishigami, dimensions: 3, samples: 256)
        let path = TestSupport.temporaryFile(suffix: ".txt")
        try y.map { String($0) }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
        import numpy as np, json
        from SALib.analyze import sobol
        y = np.loadtxt('\(path)')
        p = {'num_vars': 3, 'names': ['a', 'b', 'c'], 'bounds': [[0, 1]] * 3}
        s = sobol.analyze(p, y, calc_second_order=False, print_to_console=False, num_resamples=10, seed=1)
        print(json.dumps({'S1': list(map(float, s['S1'])), 'ST': list(map(float, s['ST']))}))
        """
        let result = TestSupport.run("/usr/bin/env", ["python3", "-c", script])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("{") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [Double]])
        for (ours, theirs) in zip(s.firstOrder, json["S1"] ?? []) { #expect(abs(ours - theirs) <= 1e-9, "S1 \(ours) vs \(theirs)") }
        for (ours, theirs) in zip(s.total, json["ST"] ?? []) { #expect(abs(ours - theirs) <= 1e-9, "ST \(ours) vs \(theirs)") }
    }

    static let salibAvailable: Bool = TestSupport.run("/usr/bin/env", ["python3", "-c", "import SALib.analyze.sobol"]).status == 0

    /// On a linear function every elementary effect is the coefficient: μ = coefficient,
    /// μ* = |coefficient|, σ = 0; each trajectory moves every input once, on the grid.
    @Test func morrisOnALinearFunction() {
        let coefficients = [2.0, -3.0, 0.0, 0.5]
        let rows = MorrisScreening.design(trajectories: 20, dimensions: 4, seed: 9)
        #expect(rows.count == 20 * 5)
        let levels: [Double] = [0, 1.0 / 3, 2.0 / 3, 1]
        for row in rows {
            for value in row { #expect(levels.contains { abs($0 - value) < 1e-12 }, "\(value) is off the grid") }
        }
        let y = rows.map { zip($0, coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
        let m = MorrisScreening(points: rows, outputs: y, dimensions: 4)
        for i in 0..<4 {
            #expect(abs(m.mu[i] - coefficients[i]) < 1e-9)
            #expect(abs(m.muStar[i] - abs(coefficients[i])) < 1e-9)
            #expect(m.sigma[i] < 1e-9)
        }
    }
}
