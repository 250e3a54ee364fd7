import Analysis
import Foundation
import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Why a candidate link is not built (`LinkAbsence`), on tiny.yaml changed one fact at a time.
@Suite("Why a link is not built")
struct LinkAbsenceTests {
    static func design(_ scenario: Scenario) throws -> ParkDesign {
        try #require(try ParkOptimizer(backend: LPSolver()).optimize(scenario).design)
    }

    static func reason(_ design: ParkDesign, _ id: String) -> LinkAbsence? {
        design.exchanges.first { $0.id == id }?.notBuiltBecause
    }

    /// Baseline: the ash link is blocked by its forbidden permit (reported as `blocked_by`, not as
    /// an absence); the water chain's two links wait for the reuse plant, which does not pay.
    @Test func baselineWaterLinksWaitForTheirFacility() throws {
        let design = try Self.design(try shipped("tiny.yaml"))
        let ash = try #require(design.exchanges.first { $0.id == "ash_to_cement" })
        #expect(ash.blockedBy != nil && ash.notBuiltBecause == nil)
        #expect(Self.reason(design, "wastewater_to_reuse") == .facilityNotBuilt(facility: "water_reuse_plant"))
        #expect(Self.reason(design, "reuse_to_cement") == .facilityNotBuilt(facility: "water_reuse_plant"))
    }

    /// Legal reform with the cement plant's `capital_budget` at 500,000 USD: the ash link needs
    /// 900,000 capex + 20,000 permit of its payer (the cement plant; no grant, no loan), so the
    /// budget is the reason though the link pays back alone.
    @Test func budgetTooSmall() throws {
        var scenario = try shipped("tiny.yaml", policy: "legal_reform")
        let c = try #require(scenario.companies.firstIndex { $0.id == "cement_grinding" })
        scenario.companies[c].capitalBudget = 500_000
        let design = try Self.design(scenario)
        #expect(Self.reason(design, "ash_to_cement") == .budget(payer: "cement_grinding", ownCapex: 920_000, left: 500_000))
        #expect(Self.reason(design, "ash_to_cement")?.sentence(currency: "USD")
                == "cement_grinding's budget: 920,000 USD own capex and permit, 500,000 USD left")
    }

    /// Legal reform with the ash link's capex at 100 M USD: it cannot pay back at any volume. Its
    /// least bad year is the last (2035, t = 9): capex, permit and one year of 50,000 t at a
    /// margin of 12 + 0.8 × 55 − 4 − 5 × 0.15 = 51.25 USD/t less the 25,000 fixed cost, all at
    /// 1.08^−9: (−100,000,000 − 20,000 + 2,562,500 − 25,000) / 1.08^9 = −48,765,519.94.
    @Test func noPaybackAtAnyVolume() throws {
        var scenario = try shipped("tiny.yaml", policy: "legal_reform")
        let e = try #require(scenario.exchanges.firstIndex { $0.id == "ash_to_cement" })
        scenario.exchanges[e].capex = 100_000_000
        let design = try Self.design(scenario)
        guard case let .noPayback(npv)? = Self.reason(design, "ash_to_cement") else {
            Issue.record("expected no payback, got \(String(describing: Self.reason(design, "ash_to_cement")))"); return
        }
        #expect(abs(npv - (-100_000_000 - 20_000 + 2_562_500 - 25_000) / pow(1.08, 9)) < 1e-4)
    }

    /// A permit delay of 10 years from 2026 opens building in 2036, after tiny's horizon (2026–2035).
    @Test func permitTooLate() throws {
        var scenario = try shipped("tiny.yaml", policy: "legal_reform")
        let p = try #require(scenario.permits.firstIndex { $0.id == "waste_as_material" })
        scenario.permits[p].delayYears = 10
        let design = try Self.design(scenario)
        #expect(Self.reason(design, "ash_to_cement") == .permitDelay(earliestYear: 2036))
    }

    /// The ash link alone from 2027 is legal reform's whole design: 14,999,626.22 USD (the hand
    /// computation in PolicyAppraisalTests), so the standalone formula gives it to the cent.
    @Test func standaloneNPVOfTheAshLink() throws {
        let data = ParkData(try shipped("tiny.yaml", policy: "legal_reform"))
        let e = try #require(data.exchanges.firstIndex { $0.exchange.id == "ash_to_cement" })
        #expect(abs(data.standaloneNPV(exchange: e, builtIn: 1, financedShare: 0) - 14_999_626.221947) < 1e-3)
    }

    /// The standalone formula is `BuildPlan.outcome` of the one-link plan, on every link of
    /// generated parks (residual value on, a credit line) for three build years, with and without a loan.
    @Test(arguments: [UInt64(1), 2])
    func standaloneNPVAgreesWithTheAccounts(seed: UInt64) throws {
        let yaml = ParkGenerator(companies: 8, exchanges: 16, facilities: 1, years: 10, seed: seed).yaml()
        let scenario = try Scenario.parse(yaml: yaml, file: "generated.yaml", policy: "green_credit").scenario
        let data = ParkData(scenario)
        for e in data.exchanges.indices {
            for year in [data.exchanges[e].earliestBuildYear, 4, 9] where year >= data.exchanges[e].earliestBuildYear {
                for share in [0.0, 0.5] {
                    var chosen = [BuildPlan.Choice?](repeating: nil, count: data.exchanges.count)
                    chosen[e] = BuildPlan.Choice(year: year, financedShare: share)
                    let plan = BuildPlan(exchanges: chosen, facilities: scenario.facilities.map { _ in nil },
                                         accountTransfers: [Double](repeating: 0, count: scenario.companies.count + 1))
                    var flows = data.exchanges.map { _ in [Double](repeating: 0, count: data.years) }
                    for t in 0..<data.years where plan.operates(exchange: e, year: t, data: data) {
                        flows[e][t] = data.standaloneUnits(exchange: e, year: t)
                    }
                    let accounts = plan.outcome(data: data, flows: flows,
                                                activity: scenario.facilities.map { _ in [Double](repeating: 0, count: data.years) }).npv
                    let formula = data.standaloneNPV(exchange: e, builtIn: year, financedShare: share)
                    #expect(abs(accounts - formula) <= 1e-7 * max(1, abs(accounts)), "\(data.exchanges[e].exchange.id) \(year) \(share)")
                }
            }
        }
    }

    /// hiep-phuoc under legal reform: every candidate in the model and not built has a reason, and
    /// the reasons agree with their numbers (no payback ⇔ best NPV ≤ 0). The same design taken as
    /// not proven optimal (a search stopped for time) keeps every reason but `not_chosen`, which
    /// becomes `not_reached` with the same numbers: "the optimum is better without it" is said
    /// only of a proven optimum.
    @Test func everyUnbuiltHiepPhuocLinkHasAReason() throws {
        var options = ParkOptimizer.defaultOptions
        options.timeLimit = 60
        let scenario = try shipped("hiep-phuoc.yaml", policy: "legal_reform")
        let result = try ParkOptimizer(backend: LPSolver(), options: options).optimize(scenario)
        #expect(result.termination == .optimal)
        let design = try #require(result.design)
        var counts: [String: Int] = [:]
        for e in design.exchanges where !e.built && e.blockedBy == nil {
            let reason = try #require(e.notBuiltBecause, "\(e.id) has no reason")
            counts[reason.code, default: 0] += 1
            switch reason {
            case let .noPayback(npv): #expect(npv <= 0)
            case let .notChosen(npv, _): #expect(npv > 0)
            case let .budget(_, capex, left): #expect(capex > left)
            default: break
            }
        }
        #expect(design.exchanges.allSatisfy { !$0.built || $0.notBuiltBecause == nil })
        #expect(!counts.isEmpty)
        #expect(counts["not_chosen", default: 0] > 0 && counts["not_reached"] == nil)

        var unproven = design
        unproven.explainAbsences(data: ParkFormulation(scenario).data, proven: false)
        for (a, b) in zip(design.exchanges, unproven.exchanges) {
            if case let .notChosen(npv, facility)? = a.notBuiltBecause {
                #expect(b.notBuiltBecause == .notReached(bestNPV: npv, beforeFacilityCosts: facility), "\(a.id)")
            } else {
                #expect(b.notBuiltBecause == a.notBuiltBecause, "\(a.id)")
            }
        }
    }
}
