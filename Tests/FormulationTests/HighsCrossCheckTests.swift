import Analysis
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Every shipped scenario × policy: the model `export` writes is solved by HiGHS and must
/// give the `mip_objective` lp_solve found (1e-6 relative), and the design must pass the
/// invariants. hiep-phuoc's weighted solve takes lp_solve tens of seconds per policy, so it is
/// checked on the policies lp_solve proves within the time limit, with the economic objective.
@Suite("Independent check against HiGHS", .enabled(if: TestSupport.highsAvailable, "needs highs-check and highspy"))
struct HighsCrossCheckTests {
    static let tinyPolicies = ["baseline", "landfill_tax", "legal_reform", "green_credit", "carbon_price",
                               "legal_reform+green_credit", "landfill_tax+legal_reform+carbon_price"]

    func check(_ scenario: Scenario, single: ParkFormulation.Objective? = nil, timeLimit: Double = 120) throws {
        var options = ParkOptimizer.defaultOptions
        options.timeLimit = timeLimit
        let optimizer = ParkOptimizer(backend: LPSolver(), options: options, single: single)
        let (formulation, _, _, _) = try optimizer.formulate(scenario)
        let solution = try LPSolver().solve(formulation.model, options: options)
        try #require(solution.termination == .optimal, "lp_solve: \(solution.termination)")
        checkInvariants(formulation, solution)
        let highs = try TestSupport.highsCheck(mps: formulation.model.mpsText())
        #expect(highs.status == "Optimal")
        #expect(TestSupport.relativeDifference(highs.objective, solution.objective!) < 1e-6,
                "HiGHS \(highs.objective) vs lp_solve \(solution.objective!)")
    }

    @Test(arguments: tinyPolicies)
    func tiny(policy: String) throws {
        try check(try shipped("tiny.yaml", policy: policy))
    }

    @Test(arguments: ["baseline", "eip_certification", "facilitation"])
    func hiepPhuocEconomic(policy: String) throws {
        try check(try shipped("hiep-phuoc.yaml", policy: policy), single: .economic)
    }

    @Test func hiepPhuocWeightedBaseline() throws {
        try check(try shipped("hiep-phuoc.yaml"))
    }

    /// Issue 18's rows and coefficients together on tiny: credit terms (loan_share, loan_cap on the
    /// loan columns and `loan_cap` rows), a hurdle rate in a win-win row, a residual value, the
    /// utilization floor, and a sale price at the sender.
    @Test func dealTerms() throws {
        var s = try shipped("tiny.yaml", policy: "legal_reform+green_credit")
        s = try s.setting("loan_share", to: 0.7).setting("loan_cap", to: 500_000)
            .setting("companies.cement_grinding.hurdle_rate", to: 0.12).setting("min_utilization", to: 0.2)
        s.residualValue = .straightLine
        if let index = s.resources.firstIndex(where: { $0.id == "wastewater" }) {
            s.resources[index].disposalCost = 0
            s.resources[index].salePrice = 0.05
        }
        try check(s)
    }
}
