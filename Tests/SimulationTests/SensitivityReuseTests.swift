import Analysis
import Formulation
import Foundation
import LPSolve
import Scenario
import Testing
import TestSupport

/// A sensitivity study's reuse of work (`EvaluationStart`, `SolvedModels`): evaluations start
/// from the base solve or take the answer of the same model solved before, and give what
/// evaluations from scratch give, whatever their order.
@Suite struct SensitivityReuseTests {
    static func study(_ file: String, policy: String?, _ parameters: [SensitivityParameter], warm: Bool,
                      threads: Int = 1) throws -> SensitivityAnalysis {
        let scenario = try Scenario.load(contentsOf: TestSupport.scenario(file), policy: policy).scenario
        let base = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        var study = SensitivityAnalysis(scenario: scenario, parameters: parameters, weights: base.objectiveWeights,
                                        backend: LPSolver(), threads: threads)
        study.warmStart = warm
        return study
    }

    static func expectSame(_ a: [ParkEvaluation], _ b: [ParkEvaluation], _ label: String) {
        #expect(a.count == b.count, "\(label)")
        for (index, (x, y)) in zip(a, b).enumerated() {
            #expect(x.built == y.built && x.termination == y.termination, "\(label) row \(index): \(x.built) vs \(y.built)")
            for (u, v) in zip(x.values, y.values) {
                #expect(abs(u - v) <= 1e-6 * max(1, abs(u)), "\(label) row \(index): \(x.values) vs \(y.values)")
            }
        }
    }

    /// Without the legal reform the law forbids fly ash as material, so the formulation has no
    /// ash link at all and its capex appears nowhere in the model: every evaluation's model is
    /// the base's, number for number. The tornado (base, low, high) then solves no MIP after the
    /// base solve, and its NPVs are the base's, as from scratch.
    @Test func aParameterTheModelDoesNotUseCostsNoSolve() throws {
        let capex = SensitivityParameter(keyPath: "exchanges.ash_to_cement.capex", low: 100_000, high: 4_000_000)
        let warm = try Self.study("tiny.yaml", policy: nil, [capex], warm: true)
        let (base, bars) = try warm.tornado()
        #expect(warm.reuse.solved == 0, "\(warm.reuse)")
        #expect(warm.reuse.answeredBySolveBefore == 3, "\(warm.reuse)")
        #expect(bars[0].low == base && bars[0].high == base)
        let cold = try Self.study("tiny.yaml", policy: nil, [capex], warm: false)
        let (coldBase, coldBars) = try cold.tornado()
        #expect(cold.reuse.solved == 3 && cold.reuse.answeredBySolveBefore == 0, "\(cold.reuse)")
        Self.expectSame([base, bars[0].low, bars[0].high], [coldBase, coldBars[0].low, coldBars[0].high], "tiny capex")
    }

    /// Under the reform every parameter below changes the model; the evaluations from the base
    /// solve give what evaluations from scratch give, and the same in any order (each starts
    /// from the base solve and from nothing a thread did before).
    @Test func warmEvaluationsAreColdOnesInAnyOrder() throws {
        let parameters = [
            SensitivityParameter(keyPath: "resources.fly_ash.disposal_cost", low: 0, high: 40),
            SensitivityParameter(keyPath: "resources.clinker.price", low: 20, high: 70),
            SensitivityParameter(keyPath: "exchanges.ash_to_cement.capex", low: 200_000, high: 3_000_000),
        ]
        var rows: [[Double?]] = [[nil, nil, nil]]
        for a in [0.0, 20, 40] { for b in [20.0, 70] { for c in [200_000.0, 3_000_000] { rows.append([a, b, c]) } } }
        rows.append([nil, 70, nil])
        rows.append([nil, 70, nil])  // the same model again: answered by the solve before
        let warm = try Self.study("tiny.yaml", policy: "legal_reform", parameters, warm: true)
        let forward = try warm.evaluate(rows: rows)
        #expect(warm.reuse.warmStarted > 0 && warm.reuse.answeredBySolveBefore >= 2, "\(warm.reuse)")
        #expect(warm.reuse.solved + warm.reuse.answeredBySolveBefore == rows.count, "\(warm.reuse)")
        let cold = try Self.study("tiny.yaml", policy: "legal_reform", parameters, warm: false)
        Self.expectSame(forward, try cold.evaluate(rows: rows), "warm vs cold")
        // Another study, the rows backwards on two threads: equal to the last bit.
        let other = try Self.study("tiny.yaml", policy: "legal_reform", parameters, warm: true, threads: 2)
        #expect(Array(try other.evaluate(rows: rows.reversed()).reversed()) == forward)
        // Some evaluations switch the design, so the check is not of one design throughout.
        #expect(Set(forward.map(\.built)).count > 1, "\(forward.map(\.built))")
    }

    /// Four evaluations of one model on two threads: one solve. The thread that comes second
    /// either finds the answer kept or waits for the solve in progress, never solves it too.
    @Test func oneModelOnTwoThreadsIsSolvedOnce() throws {
        let clinker = SensitivityParameter(keyPath: "resources.clinker.price", low: 20, high: 70)
        let study = try Self.study("tiny.yaml", policy: "legal_reform", [clinker], warm: true, threads: 2)
        let results = try study.evaluate(rows: Array(repeating: [70], count: 4))
        #expect(study.reuse.solved == 1 && study.reuse.answeredBySolveBefore == 3, "\(study.reuse)")
        #expect(Set(results.map(\.npv)).count == 1)
    }

    /// hiep-phuoc under today's rules: the steam price moves the design (the biogas and steam
    /// network links), the clinker price is idle (every link that would save clinker is fly ash
    /// or slag as material, forbidden). Warm and cold tornadoes agree; the idle bars cost no solve.
    @Test func hiepPhuocTornadoFromTheBaseSolve() throws {
        let parameters = [
            SensitivityParameter(keyPath: "resources.steam.price", low: 18, high: 32),
            SensitivityParameter(keyPath: "resources.clinker.price", low: 35, high: 60),
        ]
        let warm = try Self.study("hiep-phuoc.yaml", policy: nil, parameters, warm: true)
        let (base, bars) = try warm.tornado()
        #expect(warm.reuse.answeredBySolveBefore >= 3, "base, clinker low and high: \(warm.reuse)")
        #expect(warm.reuse.solved <= 2, "\(warm.reuse)")
        let cold = try Self.study("hiep-phuoc.yaml", policy: nil, parameters, warm: false)
        let (coldBase, coldBars) = try cold.tornado()
        Self.expectSame([base] + bars.flatMap { [$0.low, $0.high] }, [coldBase] + coldBars.flatMap { [$0.low, $0.high] }, "hiep-phuoc")
    }
}
