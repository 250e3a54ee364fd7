import Analysis
import Foundation
import Formulation
import LPSolve
import Scenario
import Testing
import TestSupport

/// Each firm's gain against the status quo, measured along every Monte Carlo path, the same path
/// for the option and for the status quo (docs/appraisal.md, *Risk*).
@Suite("Gains against the status quo under uncertainty")
struct AppraisalRiskTests {
    /// Simulates `policy` of tiny (its optimal design) with gains measured against the file's
    /// own rules with nothing built.
    static func simulate(_ policy: String?, samples: Int = 256) throws -> (SimulationTally, OptionAppraisal) {
        let base = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: nil).scenario
        let scenario = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: policy).scenario
        let appraisal = PolicyAppraisal(base: base)
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        var simulation = try MonteCarlo(scenario: scenario, plan: BuildPlan(design: design, data: ParkData(scenario)),
                                        weights: result.objectiveWeights,
                                        settings: SimulationSettings(samples: samples, seed: 7, threads: 1), backend: LPSolver())
        simulation.statusQuo = appraisal.simulationReference
        let run = try simulation.run()
        return (run.tally, appraisal.appraise(scenario, design: design))
    }

    /// The status quo against itself: nothing built, the same rules, so every sample's gain is
    /// exactly 0 for every account, whatever the path.
    @Test func theStatusQuoGainsNothingOnEveryPath() throws {
        let (tally, _) = try Self.simulate(nil)
        #expect(tally.accountGain.count == 3)
        for distribution in tally.accountGain {
            let summary = try #require(distribution.summary)
            #expect(summary.mean == 0 && summary.p10 == 0 && summary.p90 == 0 && summary.probabilityNegative == 0)
        }
    }

    /// legal_reform changes no price: on every path the gain against the status quo is the
    /// NPV relative to no symbiosis, so the two distributions are the same.
    @Test func withTheSameRulesTheGainIsTheNPV() throws {
        let (tally, _) = try Self.simulate("legal_reform")
        for a in tally.accountNPV.indices {
            let npv = try #require(tally.accountNPV[a].summary), gain = try #require(tally.gainSummary(account: a))
            #expect(abs(npv.mean - gain.mean) <= 1e-6 * max(1, abs(npv.mean)))
            #expect(npv.p10 == gain.p10 && npv.probabilityNegative == gain.probabilityNegative)
        }
    }

    /// landfill_tax builds nothing on tiny (the water chain stays a loss) but raises the fly-ash
    /// fee on what the power plant still landfills: it pays more on every path, so it loses in
    /// every sample, while its NPV relative to no symbiosis (at the option's own prices) is 0
    /// and shows no loss.
    ///
    /// The mean gain, worked out independently: the power plant's gain on a path is
    /// `−Σ_t d_t · Δfee · f_t · v_t · q_t` (`f_t` the fly-ash disposal-cost multiplier, a GBM
    /// with drift 0.05, so `E[f_t] = e^{0.05 t}`; `v_t` its volume multiplier, log-normal with
    /// mean 1, drawn independently; `q_t` its fly ash). So `E[gain] = R · gain_deterministic`
    /// with `R = Σ w_t e^{0.05 t} / Σ w_t`, `w_t = d_t q_t`: within 3 % at 512 samples (the
    /// Monte Carlo error is about 1 %).
    @Test func aFeeIsALossOnEveryPathThoughTheNPVShowsNone() throws {
        let (tally, appraisal) = try Self.simulate("landfill_tax", samples: 512)
        let plant = try #require(appraisal.firmIDs.firstIndex(of: "power_plant"))
        let gain = try #require(tally.gainSummary(account: plant))
        let npv = try #require(tally.accountNPV[plant].summary)
        #expect(appraisal.firmGains[plant] < 0)
        #expect(gain.probabilityNegative == 1)
        #expect(npv.probabilityNegative == 0)
        let data = ParkData(try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: nil).scenario)
        var weighted = 0.0, total = 0.0
        for t in 0..<data.years {
            let w: Double = data.discountFactor[t] * data.produced(company: plant, resource: "fly_ash", year: t)
            weighted += w * exp(0.05 * Double(t))
            total += w
        }
        let ratio = weighted / total
        let expected = ratio * appraisal.firmGains[plant]
        #expect(abs(gain.mean - expected) <= 0.03 * abs(expected), "mean gain \(gain.mean), expected \(expected)")
    }

    /// With no process on the fly-ash fee or volume (the uncertainty block keeps only the water
    /// price), every path gives the power plant exactly its deterministic gain under landfill_tax.
    @Test func withoutUncertaintyOnTheFeeEveryPathGivesTheDeterministicGain() throws {
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "\nuncertainty:"))
        let end = text[start.upperBound...].range(of: "\n\n").map { $0.lowerBound } ?? text.endIndex
        let yaml = text.replacingCharacters(in: start.lowerBound..<end, with: """

            uncertainty:
              seed: 42
              samples: 64
              prices:
                water: {model: mean_reverting, speed: 0.5, volatility: 0.1}
            """)
        let base = try Scenario.parse(yaml: yaml, file: "tiny-water.yaml", policy: nil).scenario
        let scenario = try Scenario.parse(yaml: yaml, file: "tiny-water.yaml", policy: "landfill_tax").scenario
        let appraisal = PolicyAppraisal(base: base)
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        var simulation = try MonteCarlo(scenario: scenario, plan: BuildPlan(design: design, data: ParkData(scenario)),
                                        weights: result.objectiveWeights, settings: SimulationSettings(samples: 64, seed: 1, threads: 1), backend: LPSolver())
        simulation.statusQuo = appraisal.simulationReference
        let tally = try simulation.run().tally
        let deterministic = appraisal.appraise(scenario, design: design)
        let plant = try #require(deterministic.firmIDs.firstIndex(of: "power_plant"))
        let gain = try #require(tally.gainSummary(account: plant))
        let tolerance = 1e-6 * abs(deterministic.firmGains[plant])
        #expect(abs(gain.mean - deterministic.firmGains[plant]) <= tolerance)
        #expect(gain.p90 - gain.p10 <= 2e-3 * abs(deterministic.firmGains[plant]))  // the sketch's 0.1 % accuracy
    }
}
