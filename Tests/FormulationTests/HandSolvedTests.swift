import Analysis
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

@Suite("Park optima worked out by hand")
struct HandSolvedTests {
    /// One exchange, three years, r = 10 %. A produces 1,000 t ash a year (disposal 10 USD/t);
    /// B buys 5,000 t clinker (50 USD/t). The link carries at most 800 t/yr (capacity < supply
    /// < need), ratio 1, unit cost 5 USD/t, capex 10,000 USD, fixed cost 1,000 USD/yr.
    /// Per year: 800 × (10 + 50 − 5) − 1,000 = 43,000 USD. Built in year 0:
    /// NPV = −10,000 + 43,000 × (1 + 1/1.1 + 1/1.21) = −10,000 + 117,628.099… = 107,628.10 USD.
    /// Built in year 1 instead: −10,000/1.1 + 43,000 × (1/1.1 + 1/1.21) = 65,537.19: worse.
    /// Sender A: 8,000/yr saved → 21,884.30; receiver B (pays capex and costs): 85,743.80.
    static let oneExchange = """
    name: One link
    start_year: 2030
    horizon_years: 3
    discount_rate: 0.1
    resources:
      ash: {unit: t, disposal_cost: 10, disposal_co2e: 0.02}
      clinker: {unit: t, price: 50, co2e: 0.8}
    companies:
      a: {produces: {ash: 1000}}
      b: {needs: {clinker: 5000}}
    exchanges:
      ash_link: {from: a, to: b, send: ash, replace: clinker, capacity: 800, capex: 10000, fixed_cost: 1000, unit_cost: 5}
    policies:
      baseline: {}
    objectives: {economic: 1}
    """

    @Test func oneExchangeNPV() throws {
        let s = try scenario(yaml: Self.oneExchange)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        let design = ParkDesign(formulation, values: solution.values)
        let link = try #require(design.exchanges.first)
        #expect(link.built && link.buildYear == 2030)
        #expect(link.flows.allSatisfy { abs($0 - 800) < 1e-6 })
        #expect(abs(design.npv - 107_628.0992) < 1e-3)
        #expect(abs(design.companies[0].npvBeforeTransfers - 21_884.2975) < 1e-3)
        #expect(abs(design.companies[1].npvBeforeTransfers - 85_743.8017) < 1e-3)
        // CO2e: 800 t × (0.02 disposal + 0.8 virgin clinker) × 3 years = 1,968 t.
        #expect(abs(design.co2eAvoided - 1_968) < 1e-6)
        #expect(design.wasteDiverted["ash"] == 2_400)
        // mip_objective is the NPV in millions (the model's money unit).
        #expect(abs(solution.objective! - 0.1076280992) < 1e-9)
    }

    /// With a loss-making link (capex 200,000) nothing is built; a `build` target forces it,
    /// and win-win then makes the model infeasible (the park as a whole loses money).
    @Test func targetsAndWinWin() throws {
        let costly = Self.oneExchange.replacingOccurrences(of: "capex: 10000", with: "capex: 200000")
        var s = try scenario(yaml: costly)
        var solution = try LPSolver().solve(ParkFormulation(s).model)
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective!) < 1e-9)  // nothing built
        s.targets.build = ["ash_link"]
        let forced = ParkFormulation(s)
        solution = try LPSolver().solve(forced.model)
        #expect(solution.termination == .optimal)
        checkInvariants(forced, solution)
        // −200,000 + 117,628.10 = −82,371.90
        #expect(abs(ParkDesign(forced, values: solution.values).npv + 82_371.9008) < 1e-3)
        s.objectives.winWin = true
        solution = try LPSolver().solve(ParkFormulation(s).model)
        #expect(solution.termination == .infeasible)
    }

    /// Win-win with a link the receiver alone cannot afford: the sender's saving is enough to
    /// cover the receiver's loss, so a transfer from the sender makes both whole.
    @Test func winWinTransfer() throws {
        // Receiver: 800 × (50 − 5) − 1,000 = 35,000/yr minus capex 100,000: PV −4,256.20 (< 0).
        // Sender: 8,000/yr → PV 21,884.30 > 4,256.20, so a transfer can make both ≥ 0.
        let text = Self.oneExchange.replacingOccurrences(of: "capex: 10000", with: "capex: 100000")
            .replacingOccurrences(of: "objectives: {economic: 1}", with: "objectives: {economic: 1, win_win: true}")
        let s = try scenario(yaml: text)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        #expect(solution.termination == .optimal)
        checkInvariants(formulation, solution)
        // The receiver's transfer through the benefit-sharing account, settled on the one link.
        let design = BenefitSharing.settled(formulation, values: solution.values, backend: LPSolver())
        #expect(design.exchanges[0].built)
        #expect(design.companies[1].npvBeforeTransfers < 0)
        #expect(design.exchanges[0].transfer < 0)  // paid by the sender to the receiver
        #expect(design.companies.allSatisfy { $0.benefitAccount == 0 })
        #expect(design.companies.allSatisfy { $0.npv >= -1e-6 })
        #expect(abs(design.npv - 17_628.0992) < 1e-3)
    }

    /// A conditional permit delays the earliest build year; a forbidden one removes the link.
    @Test func permits() throws {
        let conditional = Self.oneExchange.replacingOccurrences(
            of: "unit_cost: 5}", with: "unit_cost: 5, permit: p}\npermits:\n  p: {status: conditional, cost: 1000, delay_years: 1}")
        let s = try scenario(yaml: conditional)
        let formulation = ParkFormulation(s)
        let solution = try LPSolver().solve(formulation.model)
        let design = ParkDesign(formulation, values: solution.values)
        #expect(design.exchanges[0].buildYear == 2031)
        // (−10,000 − 1,000)/1.1 + 43,000 × (1/1.1 + 1/1.21) = 64,628.10
        #expect(abs(design.npv - 64_628.0992) < 1e-3)
        let forbidden = conditional.replacingOccurrences(of: "status: conditional, cost: 1000, delay_years: 1", with: "status: forbidden")
        let result = try ParkOptimizer(backend: LPSolver()).optimize(try scenario(yaml: forbidden))
        #expect(result.termination == .optimal)
        let blockedDesign = try #require(result.design)
        #expect(blockedDesign.exchanges[0].blockedBy == "permit p is forbidden")
        #expect(!blockedDesign.exchanges[0].built)
        #expect(blockedDesign.npv == 0)
        // A target on the blocked link cannot hold: the solver says infeasible (not a crash,
        // not an empty "optimal").
        var required = try scenario(yaml: forbidden)
        required.targets.build = ["ash_link"]
        #expect(try ParkOptimizer(backend: LPSolver()).optimize(required).termination == .infeasible)
    }
}
