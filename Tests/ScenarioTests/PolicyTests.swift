import Foundation
import Testing
@testable import Scenario

/// Policies as overrides of the base file: each of tiny.yaml's, combinations, and their errors.
@Suite struct PolicyTests {
    @Test func baselineChangesNothing() throws {
        let loaded = try Scenario.load(contentsOf: Fixtures.tinyPath, policy: "baseline")
        #expect(loaded.policy.parts == ["baseline"] && loaded.policy.name == "baseline")
        #expect(loaded.scenario == (try Fixtures.tiny()))
    }

    @Test func landfillTaxRaisesTheFlyAshFee() throws {
        var expected = try Fixtures.tiny()
        expected.resources[0].disposalCost = 30
        #expect(try Fixtures.tiny(policy: "landfill_tax") == expected)
    }

    @Test func legalReformReplacesThePermitNode() throws {
        let s = try Fixtures.tiny(policy: "legal_reform")
        #expect(s.permits == [Permit(id: "waste_as_material", status: .conditional, cost: 20000, delayYears: 1)])
        var expected = try Fixtures.tiny()
        expected.permits = s.permits
        #expect(s == expected)
    }

    @Test func greenCreditSetsEconomicsShorthands() throws {
        let s = try Fixtures.tiny(policy: "green_credit")
        #expect(s.economics == Economics(capexSubsidy: 0.2, interestRate: 0.04, loanYears: 10))
    }

    @Test func carbonPriceAddsKeysAbsentFromTheBase() throws {
        let s = try Fixtures.tiny(policy: "carbon_price")
        #expect(s.economics.carbonPrice == 25)
        #expect(s.economics.carbonPriceGrowth == 0.05)
    }

    @Test func policiesAreStillListedAfterOneIsApplied() throws {
        #expect(try Fixtures.tiny(policy: "green_credit").policies.count == 5)
    }

    @Test func combinedPoliciesApplyBoth() throws {
        let loaded = try Scenario.load(contentsOf: Fixtures.tinyPath, policy: " landfill_tax + legal_reform ")
        #expect(loaded.policy.parts == ["landfill_tax", "legal_reform"] && loaded.policy.name == "landfill_tax+legal_reform")
        #expect(loaded.scenario.resource("fly_ash")?.disposalCost == 30)
        #expect(loaded.scenario.permit("waste_as_material")?.status == .conditional)
    }

    @Test func laterPoliciesWin() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: """
              baseline: {}
              low: {carbon_price: 10}
              high: {set: {carbon_price: 20}}
            """)
        #expect(try Scenario.parse(yaml: yaml, file: "t", policy: "low+high").scenario.economics.carbonPrice == 20)
        #expect(try Scenario.parse(yaml: yaml, file: "t", policy: "high+low").scenario.economics.carbonPrice == 10)
    }

    @Test func unknownPolicyListsTheKnownOnes() throws {
        let errors = Fixtures.errors(Fixtures.tinyYAML, policy: "landfil_tax")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.keyPath == "policies")
        #expect(error.message == "unknown policy `landfil_tax`; did you mean `landfill_tax`?; known policies: "
            + "baseline, landfill_tax, legal_reform, green_credit, carbon_price")
        #expect(error.location?.line == Fixtures.line(of: "policies:", in: Fixtures.tinyYAML))
        #expect(Fixtures.errors(Fixtures.tinyYAML, policy: "baseline+").first?.message.hasPrefix("unknown policy ``") == true)
    }

    /// Issue 20 (c): `a+a` was accepted silently.
    @Test func repeatedPolicyInACombinationIsAnError() throws {
        let errors = Fixtures.errors(Fixtures.tinyYAML, policy: "landfill_tax+landfill_tax")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.keyPath == "policies")
        #expect(error.message == "policy `landfill_tax` appears twice in `landfill_tax+landfill_tax`; name each policy once")
        #expect(error.location?.line == Fixtures.line(of: "policies:", in: Fixtures.tinyYAML))
        // Spaces are ignored as for any combination; each repeated name is reported once.
        #expect(Fixtures.errors(Fixtures.tinyYAML, policy: "legal_reform + baseline+legal_reform+legal_reform").map(\.message)
            == ["policy `legal_reform` appears 3 times in `legal_reform + baseline+legal_reform+legal_reform`; name each policy once"])
        #expect(Fixtures.errors(Fixtures.tinyYAML, policy: "landfill_tax+legal_reform").isEmpty)
    }

    @Test func missingKeyPathIsReportedAtThePolicyWithASuggestion() throws {
        let fixed = Fixtures.tiny(replacing: "    carbon_price_growth: 0.05\n", with: """
                carbon_price_growth: 0.05
              typo:
                set: {resources.fly_ash.disposal_cst: 30}

            """)
        let errors = Fixtures.errors(fixed)
        let error = try #require(diagnostic(at: "policies.typo.set.resources.fly_ash.disposal_cst", in: errors))
        #expect(error.message == "policy `typo`: key path `resources.fly_ash.disposal_cst` does not exist in the "
            + "scenario: `resources.fly_ash` has no key `disposal_cst`; did you mean `disposal_cost`?")
        #expect(error.location?.line == Fixtures.line(of: "disposal_cst", in: fixed))
        #expect(error.location?.column == Fixtures.column(of: "resources.fly_ash.disposal_cst", in: fixed))
        #expect(errors.count == 1)
    }

    @Test func unknownEntityInAPathIsSuggested() throws {
        let yaml = Fixtures.tiny(replacing: "set: {resources.fly_ash.disposal_cost: 30}",
                                 with: "set: {companies.power_plnt.growth: 0.1}")
        let error = try #require(Fixtures.errors(yaml).first)
        #expect(error.message.hasSuffix("`companies` has no key `power_plnt`; did you mean `power_plant`?"))
    }

    @Test func aBadValueInAPolicyIsReportedAtThePolicyLine() throws {
        let yaml = Fixtures.tiny(replacing: "set: {resources.fly_ash.disposal_cost: 30}",
                                 with: "set: {resources.fly_ash.disposal_cost: -30}")
        let line = Fixtures.line(of: "disposal_cost: -30", in: yaml)
        let applied = try #require(diagnostic(at: "resources.fly_ash.disposal_cost",
                                              in: Fixtures.errors(yaml, policy: "landfill_tax")))
        #expect(applied.message == "must be >= 0, got -30")
        #expect(applied.location?.line == line)
        let notApplied = try #require(diagnostic(at: "resources.fly_ash.disposal_cost", in: Fixtures.errors(yaml)))
        #expect(notApplied.message == "must be >= 0, got -30 (with policy `landfill_tax`)")
        #expect(notApplied.location?.line == line)
        #expect(Fixtures.errors(yaml, policy: "carbon_price").count == 1)
    }

    @Test func unknownKeysInsideAReplacedNodeAreReported() throws {
        let yaml = Fixtures.tiny(replacing: "cost: 20000, delay_years: 1}", with: "costs: 20000, delay_years: 1}")
        let error = try #require(diagnostic(at: "permits.waste_as_material.costs",
                                            in: Fixtures.errors(yaml, policy: "legal_reform")))
        #expect(error.message == "unknown key `costs`; did you mean `cost`?")
        #expect(error.location?.line == Fixtures.line(of: "costs: 20000", in: yaml))
    }

    @Test func unknownPolicyKeyIsSuggested() throws {
        let yaml = Fixtures.tiny(replacing: "    set: {resources.fly_ash", with: "    sett: {resources.fly_ash")
        let error = try #require(diagnostic(at: "policies.landfill_tax.sett", in: Fixtures.errors(yaml)))
        #expect(error.message == "unknown key `sett`; did you mean `set`?")
    }

    @Test func targetsBlockMergesIntoTargets() throws {
        let yaml = Fixtures.tiny(replacing: "objectives:   ", with: """
            targets: {min_exchanges: 1, build: [reuse_to_cement]}
            objectives:\u{20}
            """).replacingOccurrences(of: "  baseline: {}", with: """
              baseline: {}
              ambitious:
                targets: {co2e_avoided: 5000, diverted: {fly_ash: {share: 0.5, by: 2030}}}
              more:
                targets: {diverted: {fly_ash: {share: 0.7}}}
                set: {targets.min_companies: 2}
            """)
        let base = try Scenario.parse(yaml: yaml, file: "t").scenario.targets
        #expect(base == Targets(minExchanges: 1, build: ["reuse_to_cement"]))
        let ambitious = try Scenario.parse(yaml: yaml, file: "t", policy: "ambitious").scenario.targets
        #expect(ambitious == Targets(co2eAvoided: 5000, diverted: [DiversionTarget(resource: "fly_ash", share: 0.5, by: 2030)],
                                     minExchanges: 1, build: ["reuse_to_cement"]))
        let both = try Scenario.parse(yaml: yaml, file: "t", policy: "ambitious+more").scenario.targets
        #expect(both.diverted == [DiversionTarget(resource: "fly_ash", share: 0.7, by: 2030)])
        #expect(both.minCompanies == 2)
    }

    @Test func targetsMayBeSetWhenTheFileHasNone() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: "  baseline: {}\n  b: {set: {targets.min_exchanges: 2, park_budget: 1e6}}")
        let s = try Scenario.parse(yaml: yaml, file: "t", policy: "b").scenario
        #expect(s.targets.minExchanges == 2)
        #expect(s.economics.parkBudget == 1_000_000)
    }

    @Test func pathsThroughDottedKeysListsAndIndexes() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: """
              baseline: {}
              p:
                set:
                  uncertainty.prices.fly_ash.disposal_cost.volatility: 0.3
                  uncertainty.correlations.0.2: 0.5
                  companies.power_plant.location: [2, 2]
                  exchanges.ash_to_cement.send: fly_ash
            """)
        let s = try Scenario.parse(yaml: yaml, file: "t", policy: "p").scenario
        #expect(s.uncertainty?.prices[2].process == .gbm(drift: 0.05, volatility: 0.3))
        #expect(s.uncertainty?.correlations == [Correlation("clinker", "water", 0.5)])
        #expect(s.company("power_plant")?.location == Point(x: 2, y: 2))
        let bad = yaml.replacingOccurrences(of: "correlations.0.2", with: "correlations.3.2")
        let error = try #require(Fixtures.errors(bad).first)
        #expect(error.message.hasSuffix("`3` is not an index of the list `uncertainty.correlations`, which has 1 items"))
    }

    @Test func aPolicyCannotChangePolicies() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: "  baseline: {set: {policies.landfill_tax: {}}}")
        let error = try #require(diagnostic(at: "policies.baseline.set.policies.landfill_tax", in: Fixtures.errors(yaml)))
        #expect(error.message == "policy `baseline`: a policy cannot change `policies`")
    }

    @Test func policyNamesMayNotContainPlus() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: "  base+line: {}")
        let error = try #require(diagnostic(at: "policies.base+line", in: Fixtures.errors(yaml)))
        #expect(error.message.contains("no `+`"))
    }

    @Test func overrideTextReadsBackToTheSameValue() throws {
        let yaml = Fixtures.tiny(replacing: "  baseline: {}", with: """
              baseline: {}
              renamed: {set: {name: "Park: phase 2 # new", currency: '-', targets.build: [ash_to_cement, 'reuse_to_cement']}}
            """)
        let policies = try Scenario.parse(yaml: yaml, file: "t").scenario.policies
        #expect(policies.first { $0.id == "renamed" }?.overrides.map(\.yaml)
            == ["\"Park: phase 2 # new\"", "\"-\"", "[ash_to_cement, \"reuse_to_cement\"]"])
        for policy in policies where !policy.overrides.isEmpty {
            let set = policy.overrides.map { "\($0.keyPath): \($0.yaml)" }.joined(separator: ", ")
            let copied = yaml.replacingOccurrences(of: "  baseline: {}", with: "  baseline: {}\n  copy: {set: {\(set)}}")
            let original = Fixtures.errors(copied, policy: policy.id), copy = Fixtures.errors(copied, policy: "copy")
            #expect(original.map(\.message) == copy.map(\.message), "\(policy.id)")
            if original.isEmpty {
                #expect(try Scenario.parse(yaml: copied, file: "t", policy: policy.id).scenario
                    == Scenario.parse(yaml: copied, file: "t", policy: "copy").scenario, "\(policy.id)")
            }
        }
    }
}
