import Analysis
import Foundation
import Formulation
import Scenario
import Testing
import TestSupport

/// Shadow prices of landfill and water, hurdle rates and a policy's own discount rate inside the
/// appraisal (docs/appraisal.md): the accounts still add up to one value to society.
@Suite("Appraisal: shadow prices, hurdle rates, one rate")
struct AppraisalExternalityTests {
    typealias Fixture = PolicyAppraisalTests

    /// Σ_{t=1}^{9} 1.08^−t: the ash link carries 50,000 t a year from 2027 to 2035 (t = 1…9).
    static let annuity = (1..<10).reduce(0.0) { $0 + 1 / pow(1.08, Double($1)) }

    /// tiny, legal reform, `landfill_shadow_price: 7`: the 450,000 t of ash kept out of landfill
    /// (50,000 t × 9 years) add 7 × 50,000 × Σ 1.08^−t to the value to society and nothing to any
    /// firm or the public budget. Clinker and water are not landfilled; the ash has no sale price.
    @Test func landfillShadowPriceValuesAshKeptOutOfLandfill() throws {
        var base = try Fixture.load("tiny.yaml")
        let reform = try Fixture.load("tiny.yaml", policy: "legal_reform")
        let (_, plain) = try Fixture.appraise(PolicyAppraisal(base: base), reform)
        base.appraisal.landfillShadowPrice = 7
        let (_, valued) = try Fixture.appraise(PolicyAppraisal(base: base), reform)
        #expect(abs(valued.landfillAvoided - 450_000) < 1e-6)
        #expect(abs(valued.landfillValue - 7 * 50_000 * Self.annuity) < 1e-6)
        #expect(abs(valued.society - plain.society - 7 * 50_000 * Self.annuity) < 1e-6)
        #expect(valued.firmGains == plain.firmGains && valued.publicCost == plain.publicCost)
        #expect(valued.waterValue == 0 && valued.carbonValue == 0)
        Fixture.expectIdentity(valued, "legal_reform with a landfill shadow price")
    }

    /// A resource sold outside the park is not landfilled: with `sale_price` on the ash (and no
    /// disposal cost, as validation requires), keeping it in the park avoids no landfill.
    @Test func soldByProductIsNotLandfill() throws {
        var base = try Fixture.load("tiny.yaml")
        base.appraisal.landfillShadowPrice = 7
        var reform = try Fixture.load("tiny.yaml", policy: "legal_reform")
        for i in base.resources.indices where base.resources[i].id == "fly_ash" {
            base.resources[i].disposalCost = 0; base.resources[i].salePrice = 3
        }
        for i in reform.resources.indices where reform.resources[i].id == "fly_ash" {
            reform.resources[i].disposalCost = 0; reform.resources[i].salePrice = 3
        }
        let (_, a) = try Fixture.appraise(PolicyAppraisal(base: base), reform)
        #expect(a.landfillAvoided == 0 && a.landfillValue == 0)
        Fixture.expectIdentity(a, "ash sold, not landfilled")
    }

    /// The appraisal's water saved is the design's (`PlanOutcome.waterSaved`, counted link by link)
    /// and its landfill avoided is what company senders send of `t` resources; both valued at their
    /// shadow prices, the accounts still add up. Generated parks have water reuse links.
    @Test(.serialized, arguments: [UInt64(1), 2, 3])
    func generatedParksWaterAndLandfill(seed: UInt64) throws {
        let yaml = ParkGenerator(companies: 8, exchanges: 16, facilities: 1, years: 10, seed: seed).yaml()
        var base = try Fixture.load(yaml: yaml)
        base.appraisal.landfillShadowPrice = 11
        base.appraisal.waterShadowPrice = 0.9
        base.appraisal.socialCostOfCarbon = 20
        let appraisal = PolicyAppraisal(base: base)
        for policy in [nil, "legal_reform+green_credit"] {
            let scenario = try Fixture.load(yaml: yaml, policy: policy)
            let (design, a) = try Fixture.appraise(appraisal, scenario, timeLimit: 10)
            #expect(abs(a.waterSaved - design.waterSaved) <= 1e-6 * max(1, design.waterSaved), "seed \(seed) \(policy ?? "base")")
            let data = ParkData(scenario)
            let (flows, _) = data.operation(of: design)
            var landfill = 0.0
            for (e, item) in data.exchanges.enumerated() {
                guard case .company = item.from, item.sent.unit == "t", item.sent.salePrice == 0 else { continue }
                landfill += flows[e].reduce(0, +)
            }
            #expect(abs(a.landfillAvoided - landfill) <= 1e-6 * max(1, landfill), "seed \(seed) \(policy ?? "base")")
            Fixture.expectIdentity(a, "seed \(seed) \(policy ?? "base") with shadow prices")
        }
    }

    /// Hurdle rates shape the design and each firm's own NPV, but the appraisal prices every
    /// account at the scenario's rate, so the accounts add up to the value to society. tiny's cement
    /// plant at 12 %: the ash link is still built (its NPV at 12 % stays positive), and the value to
    /// society is the park NPV at 8 %, as without a hurdle rate.
    @Test func hurdleRatesKeepTheIdentity() throws {
        let base = try Fixture.load("tiny.yaml")
        var reform = try Fixture.load("tiny.yaml", policy: "legal_reform")
        let (_, plain) = try Fixture.appraise(PolicyAppraisal(base: base), reform)
        for i in reform.companies.indices { reform.companies[i].hurdleRate = reform.companies[i].id == "cement_grinding" ? 0.12 : 0.10 }
        let (design, a) = try Fixture.appraise(PolicyAppraisal(base: base), reform)
        #expect(design.exchanges.contains { $0.id == "ash_to_cement" && $0.buildYear != nil })
        Fixture.expectIdentity(a, "legal_reform with hurdle rates")
        #expect(abs(a.society - plain.society) < 1e-4)
        #expect(abs(a.firmsTotal + a.operatorGain - plain.firmsTotal - plain.operatorGain) < 1e-4)
    }

    /// Hurdle rates on generated parks: the identity holds on every option.
    @Test(.serialized, arguments: [UInt64(4), 5])
    func generatedParksWithHurdleRatesAddUp(seed: UInt64) throws {
        let yaml = ParkGenerator(companies: 8, exchanges: 16, facilities: 1, years: 10, seed: seed).yaml()
        var base = try Fixture.load(yaml: yaml)
        base.appraisal.socialCostOfCarbon = 25
        for policy in [nil, "landfill_tax", "legal_reform+green_credit"] {
            var scenario = try Fixture.load(yaml: yaml, policy: policy)
            for i in scenario.companies.indices where i % 2 == 0 { scenario.companies[i].hurdleRate = 0.11 + 0.01 * Double(i % 3) }
            let (_, a) = try Fixture.appraise(PolicyAppraisal(base: base), scenario, timeLimit: 10)
            Fixture.expectIdentity(a, "seed \(seed) \(policy ?? "base") with hurdle rates")
        }
    }

    /// A policy that changes `discount_rate` changes how firms decide, not the rate society judges
    /// at: the same design priced at the status quo's 8 % has legal reform's value to society.
    @Test func policyDiscountRateIsNotTheAppraisalRate() throws {
        let base = try Fixture.load("tiny.yaml")
        let (_, reform) = try Fixture.appraise(PolicyAppraisal(base: base), try Fixture.load("tiny.yaml", policy: "legal_reform"))
        var patient = try Fixture.load("tiny.yaml", policy: "legal_reform")
        patient.discountRate = 0.05
        let (design, a) = try Fixture.appraise(PolicyAppraisal(base: base), patient)
        #expect(design.exchanges.contains { $0.id == "ash_to_cement" && $0.buildYear == 2027 })
        #expect(abs(a.society - reform.society) < 1e-4)
        Fixture.expectIdentity(a, "legal_reform solved at 5 %")
    }
}
