import Foundation
import Testing
@testable import Scenario

/// `Scenario.setting(_:to:)`: the fast typed setter for sensitivity studies and Monte Carlo.
@Suite struct SettingTests {
    @Test func setsEachKindOfKeyPath() throws {
        let s = try Fixtures.tiny()
        #expect(try s.setting("resources.clinker.price", to: 60).resource("clinker")?.price == 60)
        #expect(try s.setting("resources.fly_ash.disposal_co2e", to: 0.1).resource("fly_ash")?.disposalCo2e == 0.1)
        #expect(try s.setting("companies.power_plant.produces.fly_ash", to: 1).company("power_plant")?.produced("fly_ash") == 1)
        #expect(try s.setting("companies.cement_grinding.needs.water", to: 2).company("cement_grinding")?.needed("water") == 2)
        #expect(try s.setting("companies.power_plant.needs.water", to: 3).company("power_plant")?.needs
            == [ResourceAmount("water", 3)])
        #expect(try s.setting("companies.power_plant.growth", to: 0.05).company("power_plant")?.growth == 0.05)
        #expect(try s.setting("companies.power_plant.capital_budget", to: 7).company("power_plant")?.capitalBudget == 7)
        let x = try s.setting("exchanges.ash_to_cement.max_share", to: 0.5)
            .setting("exchanges.ash_to_cement.distance", to: 12).setting("exchanges.ash_to_cement.lifetime", to: 8)
            .exchange("ash_to_cement")
        #expect(x?.maxShare == 0.5 && x?.distance == 12 && x?.lifetime == 8)
        #expect(try s.setting("exchanges.reuse_to_cement.ratio", to: 0.9).exchange("reuse_to_cement")?.ratio == 0.9)
        #expect(try s.setting("facilities.water_reuse_plant.capex", to: 1).facility("water_reuse_plant")?.capex == 1)
        #expect(try s.setting("facilities.water_reuse_plant.converts.water", to: 0.7)
            .facility("water_reuse_plant")?.coefficient(of: "water") == 0.7)
        #expect(try s.setting("permits.waste_as_material.delay_years", to: 2).permit("waste_as_material")?.delayYears == 2)
        #expect(try s.setting("discount_rate", to: 0.03).discountRate == 0.03)
        let e = try s.setting("carbon_price", to: 40).setting("carbon_price_growth", to: 0.1)
            .setting("capex_subsidy", to: 0.3).setting("interest_rate", to: 0.05).setting("loan_years", to: 15)
            .setting("park_budget", to: 1e6).economics
        #expect(e == Economics(carbonPrice: 40, carbonPriceGrowth: 0.1, capexSubsidy: 0.3, interestRate: 0.05,
                               loanYears: 15, parkBudget: 1e6))
        #expect(try s.setting("objectives.social", to: 1).objectives.social == 1)
        #expect(try s.setting("targets.co2e_avoided", to: 100).targets.co2eAvoided == 100)
    }

    @Test func leavesEverythingElseAlone() throws {
        let s = try Fixtures.tiny()
        var expected = s
        expected.exchanges[0].capacity = 1234
        #expect(try s.setting("exchanges.ash_to_cement.capacity", to: 1234) == expected)
    }

    @Test func everyListedKeyPathIsSettable() throws {
        let s = try Fixtures.tiny()
        #expect(s.settableKeyPaths.count > 60)
        for path in s.settableKeyPaths {
            #expect(throws: Never.self, "\(path)") { _ = try s.setting(path, to: 1) }
        }
    }

    @Test func unknownPathIsSuggested() throws {
        let s = try Fixtures.tiny()
        do {
            _ = try s.setting("exchanges.ash_to_cement.capcity", to: 1)
            Issue.record("accepted an unknown path")
        } catch {
            #expect(error.diagnostics == [Diagnostic(
                severity: .error, location: nil, keyPath: "exchanges.ash_to_cement.capcity",
                message: "not a numeric setting of this scenario; did you mean `exchanges.ash_to_cement.capacity`?")])
        }
        for path in ["", "resources", "resources.steam.price", "companies.power_plant.produces.steam",
                     "horizon_years", "exchanges.ash_to_cement.from", "targets.diverted.fly_ash.share"] {
            #expect(throws: ScenarioError.self, "\(path)") { _ = try s.setting(path, to: 1) }
        }
    }

    @Test func valuesOutsideTheRangeAreRefused() throws {
        let s = try Fixtures.tiny()
        for (path, value, message) in [
            ("exchanges.ash_to_cement.capacity", -1.0, "must be >= 0, got -1"),
            ("exchanges.ash_to_cement.max_share", 1.5, "must be > 0 and <= 1, got 1.5"),
            ("capex_subsidy", 2, "must be between 0 and 1, got 2"),
            ("loan_years", 2.5, "must be a whole number, got 2.5"),
            ("resources.clinker.price", .nan, "must be a finite number, got .nan"),
            ("permits.waste_as_material.delay_years", 1e300, "must be a whole number, got 1e+300"),
        ] {
            do {
                _ = try s.setting(path, to: value)
                Issue.record("accepted \(value) for \(path)")
            } catch {
                #expect(error.diagnostics.map(\.message) == [message])
                #expect(error.diagnostics.first?.keyPath == path)
            }
        }
    }
}
