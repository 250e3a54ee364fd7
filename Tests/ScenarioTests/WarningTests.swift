import Foundation
import Testing
@testable import Scenario

/// Legal but likely wrong settings load with warnings, not errors.
@Suite struct WarningTests {
    private func warning(_ yaml: String, at keyPath: String,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = try #require(diagnostic(at: keyPath, in: Fixtures.warnings(yaml, sourceLocation: sourceLocation),
                                            sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        #expect(found.severity == .warning, sourceLocation: sourceLocation)
        return found
    }

    @Test func exchangeThatCanNeverPayBack() throws {
        let yaml = Fixtures.tiny(replacing: "unit_cost: 4.0 ", with: "unit_cost: 60.0")
        let found = try warning(yaml, at: "exchanges.ash_to_cement")
        #expect(found.message == "can never pay back: per-unit savings at year-0 prices (56) do not exceed the per-unit "
            + "cost unit_cost + transport_cost * distance (60.75), carbon price aside")
        #expect(found.location?.line == Fixtures.line(of: "  ash_to_cement:", in: yaml))
        #expect(found.description.hasPrefix("tiny.yaml:\(found.location?.line ?? 0):3: warning: exchanges.ash_to_cement: "))
    }

    @Test func ratesWrittenAsPercentages() throws {
        // A discount rate above 1 is an error (ValidationErrorTests); up to 1 it is only suspicious.
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08", with: "discount_rate: 0.5 ")
        #expect(try warning(yaml, at: "discount_rate").message == "0.5 means 50% a year; rates are fractions (0.08 for 8%)")
        let growth = Fixtures.tiny(replacing: "growth: 0.02", with: "growth: 2   ")
        #expect(try warning(growth, at: "companies.power_plant.growth").message
            == "2 means 200% a year; rates are fractions (0.08 for 8%)")
    }

    @Test func receiverThatReplacesNothing() throws {
        let yaml = Fixtures.tiny(replacing: "    replace: water\n", with: "")
        #expect(try warning(yaml, at: "exchanges.reuse_to_cement").message
            == "replaces nothing at `cement_grinding`, so the receiver saves nothing; add `replace:` (e.g. `replace: water`)")
    }

    @Test func senderThatProducesNone() throws {
        let yaml = Fixtures.tiny(replacing: "fly_ash: 60000", with: "fly_ash: 0")
        #expect(try warning(yaml, at: "exchanges.ash_to_cement.send").message
            == "`power_plant` produces none of `fly_ash` in year 0, so this exchange carries nothing unless volumes change")
    }

    @Test func permitSettingsThatDoNothing() throws {
        let yaml = Fixtures.tiny(replacing: "{status: forbidden}", with: "{status: allowed, cost: 5}")
        #expect(try warning(yaml, at: "permits.waste_as_material").message
            == "`cost` and `delay_years` apply only to conditional permits; status is allowed")
        let late = Fixtures.tiny(replacing: "{status: forbidden}", with: "{status: conditional, delay_years: 10}")
        #expect(try warning(late, at: "permits.waste_as_material.delay_years").message
            == "delay_years 10 is not within the 10-year horizon, so exchanges needing it can never be built")
    }

    @Test func unusedFacilityAndResource() throws {
        let yaml = Fixtures.tinyYAML.replacingOccurrences(of: "    to: water_reuse_plant", with: "    to: cement_grinding\n    replace: water")
        #expect(try warning(yaml, at: "facilities.water_reuse_plant").message
            == "no exchange brings it what it consumes, so it can never operate")
        let extra = Fixtures.tiny(replacing: "  water:      {unit", with: "  steam: {unit: t}\n  water:      {unit")
        #expect(try warning(extra, at: "resources.steam").message
            == "no company or facility produces, needs or converts `steam`")
    }

    @Test func targetsThatCannotBeMet() throws {
        let yaml = Fixtures.tiny(replacing: "objectives:   ", with: """
            targets: {build: [ash_to_cement], min_exchanges: 4, diverted: {fly_ash: {share: 0.5, by: 2040}}}
            objectives:\u{20}\u{20}\u{20}
            """)
        let warnings = Fixtures.warnings(yaml)
        #expect(try #require(diagnostic(at: "targets.build.0", in: warnings)).message
            == "exchange `ash_to_cement` needs permit `waste_as_material`, which is forbidden, so this target cannot be met")
        #expect(try #require(diagnostic(at: "targets.min_exchanges", in: warnings)).message
            == "asks for 4 exchanges but the scenario has 3, so it cannot be met")
        #expect(try #require(diagnostic(at: "targets.diverted.fly_ash.by", in: warnings)).message
            == "`by: 2040` is outside the horizon 2026...2035")
    }

    @Test func warningsDoNotStopLoadingAndComeInFileOrder() throws {
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08", with: "discount_rate: 0.8 ")
            .replacingOccurrences(of: "unit_cost: 4.0 ", with: "unit_cost: 60.0")
        let loaded = try Scenario.parse(yaml: yaml, file: "tiny.yaml")
        #expect(loaded.warnings.map(\.keyPath) == ["discount_rate", "exchanges.ash_to_cement"])
        #expect(loaded.scenario.discountRate == 0.8)
    }
}
