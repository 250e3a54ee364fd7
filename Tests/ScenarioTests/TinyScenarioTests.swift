import Foundation
import Testing
@testable import Scenario

/// `Scenarios/tiny.yaml` loads unchanged and means what its comments say.
@Suite struct TinyScenarioTests {
    @Test func loadsWithoutErrorsOrWarnings() throws {
        let loaded = try Scenario.load(contentsOf: Fixtures.tinyPath)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.policy.isStatusQuo && loaded.policy.name == "baseline")
        #expect(loaded.scenario.sourcePath == Fixtures.tinyPath)
    }

    @Test func topLevelSettings() throws {
        let s = try Fixtures.tiny()
        #expect(s.name == "Tiny park")
        #expect(s.currency == "USD")
        #expect(s.startYear == 2026)
        #expect(s.horizonYears == 10)
        #expect(s.discountRate == 0.08)
        #expect(s.economics == Economics())
        #expect(s.targets == Targets())
        #expect(s.sensitivity == nil)
        #expect(s.objectives == Objectives(economic: 1, environmental: 0.5, social: 0.2, winWin: true))
    }

    @Test func resourcesWithDefaultsAndKinds() throws {
        let s = try Fixtures.tiny()
        #expect(s.resources.map(\.id) == ["fly_ash", "clinker", "wastewater", "water"])
        func named(_ resource: Resource, _ vietnamese: String) -> Resource {
            var named = resource
            named.nameVi = vietnamese
            return named
        }
        #expect(s.resource("fly_ash") == named(Resource(id: "fly_ash", unit: "t", disposalCost: 12, disposalCo2e: 0.02), "Tro bay"))
        #expect(s.resource("clinker") == named(Resource(id: "clinker", unit: "t", price: 55, co2e: 0.86), "Clanhke"))
        #expect(s.resource("wastewater") == named(Resource(id: "wastewater", unit: "m3", disposalCost: 0.4, kind: .water), "Nước thải"))
        #expect(s.resource("water") == named(Resource(id: "water", unit: "m3", price: 0.55, co2e: 0.0003, kind: .water), "Nước sạch"))
        #expect(s.resource("steam") == nil)
    }

    @Test func companies() throws {
        let s = try Fixtures.tiny()
        let plant = try #require(s.company("power_plant"))
        #expect(plant.sector == "energy")
        #expect(plant.location == Point(x: 0, y: 0))
        #expect(plant.produces == [ResourceAmount("fly_ash", 60000), ResourceAmount("wastewater", 400000)])
        #expect(plant.needs.isEmpty)
        #expect(plant.growth == 0.02)
        #expect(plant.capitalBudget == nil)
        #expect(abs(plant.growthFactor(year: 2) - 1.0404) < 1e-12)
        let cement = try #require(s.company("cement_grinding"))
        #expect(cement.sector == "construction materials")
        #expect(cement.location == Point(x: 3, y: 4))
        #expect(cement.needs == [ResourceAmount("clinker", 150000), ResourceAmount("water", 200000)])
        #expect(cement.needed("clinker") == 150000)
        #expect(cement.growth == 0)
        #expect(cement.capitalBudget == 2_000_000)
    }

    @Test func facility() throws {
        let s = try Fixtures.tiny()
        let plant = try #require(s.facility("water_reuse_plant"))
        #expect(plant == Facility(id: "water_reuse_plant", location: Point(x: 1, y: 1), capacity: 500000,
                                  converts: [ResourceAmount("wastewater", -1), ResourceAmount("water", 0.8)],
                                  capex: 1_500_000, fixedCost: 60000, unitCost: 0.15, jobs: 8, lifetime: 20))
        #expect(plant.coefficient(of: "water") == 0.8)
        #expect(s.location(of: "water_reuse_plant") == Point(x: 1, y: 1))
    }

    @Test func exchanges() throws {
        let s = try Fixtures.tiny()
        #expect(s.exchanges.map(\.id) == ["ash_to_cement", "wastewater_to_reuse", "reuse_to_cement"])
        let ash = try #require(s.exchange("ash_to_cement"))
        #expect(ash == Exchange(id: "ash_to_cement", from: "power_plant", to: "cement_grinding", send: "fly_ash",
                                replace: "clinker", ratio: 0.8, maxShare: 0.3, capacity: 50000, capex: 900_000,
                                fixedCost: 25000, unitCost: 4, transportCost: 0.15, jobs: 5, paidBy: .to,
                                permit: "waste_as_material"))
        #expect(s.distance(of: ash) == 5)
        let water = try #require(s.exchange("wastewater_to_reuse"))
        #expect(water.replace == nil)
        #expect(water.ratio == 1)
        #expect(water.maxShare == 1)
        #expect(water.paidBy == .to)
        #expect(water.permit == nil)
        #expect(water.distance == nil)
        #expect(abs(s.distance(of: water) - 2.0.squareRoot()) < 1e-12)
        let reuse = try #require(s.exchange("reuse_to_cement"))
        #expect(reuse.replace == "water")
        #expect(reuse.capacity == 400000)
    }

    @Test func permitsAndPolicies() throws {
        let s = try Fixtures.tiny()
        #expect(s.permits == [Permit(id: "waste_as_material", status: .forbidden)])
        #expect(s.permit("waste_as_material")?.status == .forbidden)
        #expect(s.policies.count == 5)
        #expect(s.policies.map(\.id) == ["baseline", "landfill_tax", "legal_reform", "green_credit", "carbon_price"])
        #expect(s.policy("baseline")?.overrides == [])
        let tax = try #require(s.policy("landfill_tax"))
        #expect(tax.description == "Landfill fee for fly ash raised to 30 USD/t")
        #expect(tax.overrides.map(\.keyPath) == ["resources.fly_ash.disposal_cost"])
        #expect(tax.overrides.first?.yaml == "30")
        #expect(tax.overrides.first?.location?.line == Fixtures.line(of: "set: {resources.fly_ash", in: Fixtures.tinyYAML))
        let reform = try #require(s.policy("legal_reform"))
        #expect(reform.overrides.first?.yaml == "{status: conditional, cost: 20000, delay_years: 1}")
        #expect(s.policy("green_credit")?.overrides.map(\.keyPath) == ["capex_subsidy", "interest_rate", "loan_years"])
        #expect(s.policy("carbon_price")?.overrides.map(\.yaml) == ["25", "0.05"])
    }

    @Test func uncertainty() throws {
        let u = try #require(try Fixtures.tiny().uncertainty)
        #expect(u.seed == 42)
        #expect(u.samples == 2000)
        #expect(u.prices == [
            UncertainParameter(target: "clinker", process: .gbm(drift: 0.02, volatility: 0.15)),
            UncertainParameter(target: "water", process: .meanReverting(speed: 0.5, volatility: 0.1, level: nil)),
            UncertainParameter(target: "fly_ash.disposal_cost", process: .gbm(drift: 0.05, volatility: 0.1)),
        ])
        #expect(u.volumes == [
            UncertainParameter(target: "power_plant.fly_ash", process: .lognormal(sigma: 0.15)),
            UncertainParameter(target: "cement_grinding.clinker", process: .triangular(low: 0.8, mode: 1, high: 1.1)),
        ])
        #expect(u.correlations == [Correlation("clinker", "water", 0.3)])
        let matrix = u.correlationMatrix
        #expect(matrix.names == ["clinker", "water", "fly_ash.disposal_cost", "power_plant.fly_ash",
                                 "cement_grinding.clinker"])
        #expect(matrix.values[0][1] == 0.3 && matrix.values[1][0] == 0.3)
        #expect(matrix.isPositiveSemidefinite())
    }

    @Test func parseGivesTheSameScenarioAsLoad() throws {
        let parsed = try Scenario.parse(yaml: Fixtures.tinyYAML, file: Fixtures.tinyPath).scenario
        #expect(parsed == (try Fixtures.tiny()))
    }

    @Test func validateInCodeAgreesThatTinyIsClean() throws {
        #expect(try Fixtures.tiny().validate().isEmpty)
    }
}
