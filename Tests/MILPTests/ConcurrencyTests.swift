import Foundation
import Testing
import MILP
import LPSolve
import TestSupport

@Suite("Many models solved at once")
struct ConcurrencyTests {
    /// 200 different knapsacks solved on all cores, each checked against a brute-force optimum.
    @Test func twoHundredModelsInParallel() async throws {
        struct Case: Sendable { let model: Model; let optimum: Double }
        let cases: [Case] = (0..<200).map { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let n = 10
            let values = (0..<n).map { _ in Double(1 + rng.next() % 30) }
            let weights = (0..<n).map { _ in Double(1 + rng.next() % 20) }
            let capacity = weights.reduce(0, +) / 2
            var best = 0.0
            for subset in 0..<(1 << n) {
                var w = 0.0, v = 0.0
                for i in 0..<n where subset & (1 << i) != 0 { w += weights[i]; v += values[i] }
                if w <= capacity { best = max(best, v) }
            }
            var model = Model(name: "knapsack\(seed)")
            let x = (0..<n).map { model.addVariable("x\($0)", kind: .binary) }
            var weight = LinearExpression(), value = LinearExpression()
            for i in 0..<n { weight.add(weights[i], x[i]); value.add(values[i], x[i]) }
            model.addConstraint(weight <= capacity, name: "capacity")
            model.setObjective(.maximize, value)
            return Case(model: model, optimum: best)
        }
        let results = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, item) in cases.enumerated() {
                group.addTask { (index, try LPSolver().solve(item.model).objective) }
            }
            var found = [Double?](repeating: nil, count: cases.count)
            for try await (index, objective) in group { found[index] = objective }
            return found
        }
        for (index, item) in cases.enumerated() {
            #expect(results[index].map { abs($0 - item.optimum) < 1e-9 } == true, "model \(index)")
        }
    }

    /// Loading, writing and reading files from many threads at once (the global-state paths).
    @Test func parallelWritesAndReads() async throws {
        let models = (0..<24).map { randomMILP(columns: 18, rows: 10, seed: UInt64(500 + $0)) }
        let expected = try models.map { try LPSolver().solve($0).objective! }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, model) in models.enumerated() {
                group.addTask {
                    let path = TestSupport.temporaryFile(suffix: ".lp")
                    defer { try? FileManager.default.removeItem(atPath: path) }
                    let loaded = try LPSolveModel(model)
                    #expect(loaded.writeLP(to: path))
                    let read = try #require(LPSolveFile.solve(path: path, format: .lpFormat))
                    #expect(TestSupport.relativeDifference(read.objective, expected[index]) < 1e-9)
                }
            }
            try await group.waitForAll()
        }
    }
}
