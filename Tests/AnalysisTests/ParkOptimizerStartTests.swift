import Analysis
import Foundation
import LPSolve
import MILP
import Scenario
import TestSupport
import Testing

/// `ParkOptimizer.startPoints`: a solve that starts from an earlier, similar park's points finds
/// the optimum a cold solve finds (the board room's warm start, docs/board-room.md).
@Suite("Park optimizer start points")
struct ParkOptimizerStartTests {
    /// tiny.yaml under legal reform, the fly ash fee moved from 25 to 30 USD/t: the design of 25
    /// is still feasible at 30 (the fee moves the objective and the firms' accounts, and a higher
    /// fee only raises the sender's savings), so the solve at 30 starts from it; it ends at the
    /// cold solve's objective, NPV and links.
    @Test func startFromAnEarlierSettingFindsTheColdOptimum() throws {
        let base = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: "legal_reform").scenario
        let at25 = try base.setting("resources.fly_ash.disposal_cost", to: 25)
        let at30 = try base.setting("resources.fly_ash.disposal_cost", to: 30)
        let optimizer = ParkOptimizer(backend: LPSolver())
        let first = try optimizer.optimize(at25)
        #expect(!first.points.isEmpty)
        let cold = try optimizer.optimize(at30)
        var warmOptimizer = optimizer
        warmOptimizer.startPoints = first.points
        let warm = try warmOptimizer.optimize(at30)
        let (formulation, _, _, _) = try optimizer.formulate(at30)
        #expect(first.points.contains { formulation.model.violations(of: $0, tolerance: 1e-7).isEmpty },
                "an earlier point is feasible at 30, so the start is used, not ignored")
        #expect(cold.termination == .optimal && warm.termination == .optimal)
        let coldNPV = try #require(cold.design?.npv), warmNPV = try #require(warm.design?.npv)
        #expect(abs(coldNPV - warmNPV) <= 1e-6 * max(1, abs(coldNPV)))
        #expect(abs((cold.mipObjective ?? .nan) - (warm.mipObjective ?? .nan)) <= 1e-6 * max(1, abs(cold.mipObjective ?? 1)))
        #expect(cold.design?.exchanges.filter(\.built).map(\.id) == warm.design?.exchanges.filter(\.built).map(\.id))
        // A point of another model (wrong length) is ignored, not an error.
        warmOptimizer.startPoints = [[1, 2, 3]]
        #expect(try warmOptimizer.optimize(at30).design?.npv == coldNPV)
    }
}
