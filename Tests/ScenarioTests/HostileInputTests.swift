import Foundation
import Testing
@testable import Scenario

/// Inputs built to break parsers are rejected with one clear error instead of crashing or hanging.
@Suite struct HostileInputTests {
    @Test(arguments: [100, 10_000, 200_000])
    func deeplyNestedFlowCollections(depth: Int) throws {
        let text = "name: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.message) == ["the YAML nests more than 64 levels deep"])
        #expect(errors.first?.location?.line == 1)
    }

    @Test func deeplyNestedBlockMappings() throws {
        var text = ""
        for level in 0 ..< 5000 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.message) == ["the YAML nests more than 64 levels deep"])
        #expect(errors.first?.location?.line == 65)
    }

    @Test func aliasExpansionBomb() throws {
        var text = "name: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1 ..< 9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(Fixtures.errors(text).map(\.message)
            == ["the YAML's aliases expand to more than 200000 values (each use of an alias repeats its anchor's values)"])
    }

    /// Issue 20 (a): the value cap blamed aliases in files without any, and refused the park of
    /// `symbiosis generate --companies 3000 --exchanges 18000` (about 590,000 values).
    @Test func valuesWrittenOutAndValuesAddedByAliasesHaveSeparateLimits() throws {
        func problem(_ yaml: String, values: Int = YAMLLimits.valueLimit, aliases: Int = YAMLLimits.aliasValueLimit) throws
            -> String? {
            try YAMLLimits.sizeProblem(ofYAML: yaml, valueLimit: values, aliasLimit: aliases)
        }
        let list = "name: [" + Array(repeating: "1", count: 1500).joined(separator: ", ") + "]\n"  // 1,503 values
        #expect(try problem(list, values: 1000) == "the YAML has more than 1000 values")
        #expect(try problem(list, values: 1503, aliases: 0) == nil)
        #expect(try problem(list, values: 1502) != nil)
        // Each use of `*x` adds the 4 values of its anchor (the list and its 3 items).
        let shared = "a: &x [1, 2, 3]\nb: *x\nc: {k: *x}\n"
        #expect(try problem(shared, aliases: 8) == nil)
        #expect(try problem(shared, aliases: 7)?.hasPrefix("the YAML's aliases expand to more than 7 values") == true)
        #expect(try problem("a: [&s x, *s, *s]\n", aliases: 2) == nil)
        #expect(try problem("a: [&s x, *s, *s]\n", aliases: 1) != nil)
        #expect(try problem("a: [&e [], *e]\nb: &m {}\nc: *m\n", aliases: 1) != nil)
        // Files without aliases add nothing through them, however they nest.
        for file in ["Scenarios/tiny.yaml", "Scenarios/hiep-phuoc.yaml"] {
            let text = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent(file).path, encoding: .utf8)
            #expect(try problem(text, aliases: 0) == nil, "\(file)")
        }
        #expect(try problem(Fixtures.tiny(replacing: "  wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4}",
                                          with: "  wastewater: &cheap {unit: m3, disposal_cost: 0.4}\n  greywater: *cheap"),
                            aliases: 5) == nil, "the alias adds the mapping and its 4 scalars")
    }

    /// A generated park past the old cap of 200,000 values loads (it has no aliases). The park of
    /// `--companies 3000 --exchanges 18000` (588,329 values) loads too, but takes minutes in a
    /// debug build (generating and checking it are quadratic in the companies), so this one has
    /// 300 companies and 7,000 exchanges (205,877 values).
    @Test func generatedParkPastTheOldCapLoads() throws {
        let park = ParkGenerator(companies: 300, exchanges: 7000, facilities: 4, years: 15, seed: 1).park()
        #expect(park.exchanges == 7000)
        #expect(try YAMLLimits.sizeProblem(ofYAML: park.yaml, aliasLimit: 0) == nil)
        #expect(try YAMLLimits.sizeProblem(ofYAML: park.yaml, valueLimit: 200_000) == "the YAML has more than 200000 values")
        let loaded = try Scenario.parse(yaml: park.yaml, file: "park-300.yaml")
        #expect(loaded.scenario.companies.count == 300)
        #expect(loaded.scenario.exchanges.count == 7000)
    }

    @Test func ordinaryAliasesStillWork() throws {
        let yaml = Fixtures.tiny(replacing: "  wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4}",
                                 with: "  wastewater: &cheap {unit: m3, disposal_cost: 0.4}\n  greywater: *cheap")
        let loaded = try Scenario.parse(yaml: yaml, file: "tiny.yaml")
        #expect(loaded.scenario.resource("greywater")?.disposalCost == 0.4)
        #expect(loaded.scenario.resource("greywater")?.kind == .water)
    }

    @Test func hugeAndOddNumbers() throws {
        let horizon = Fixtures.tiny(replacing: "horizon_years: 10", with: "horizon_years: 1e300")
        #expect(Fixtures.errors(horizon).map(\.message) == ["expected a whole number, got 1e300"])
        let long = Fixtures.tiny(replacing: "horizon_years: 10", with: "horizon_years: 5000")
        #expect(Fixtures.errors(long).map(\.message) == ["must be at most 1000 years, got 5000"])
        let hex = Fixtures.tiny(replacing: "capex: 200000", with: "capex: 0x1p3")
        #expect(Fixtures.errors(hex).map(\.message) == ["expected a number, got the text \"0x1p3\""])
        let underscores = Fixtures.tiny(replacing: "capex: 200000", with: "capex: 200_000")
        #expect(try Scenario.parse(yaml: underscores, file: "t").scenario.exchange("wastewater_to_reuse")?.capex == 200_000)
    }

    /// Found by the libFuzzer target (docs/robustness.md): finite numbers whose products, or
    /// whose growth over the horizon, overflow a Double gave the model infinite coefficients
    /// (`solve` then failed with exit 70 and no location). They are now refused where written.
    @Test func numbersThatWouldOverflowTheModel() throws {
        let distance = Fixtures.tiny(replacing: "capex: 200000", with: "capex: 200000\n    distance: 1e308")
        #expect(Fixtures.errors(distance).map(\.message) == ["must be at most 1e15 in absolute value, got 1e+308"])
        let growth = Fixtures.tiny(replacing: "growth: 0.02", with: "growth: 80")
        let errors = Fixtures.errors(growth)
        #expect(errors.map(\.message) == ["compounds to a factor of 1.5e+17 over the 10-year horizon; at most 1e15 can be "
                                           + "computed (lower the rate or the horizon)"])
        #expect(errors.first?.keyPath == "companies.power_plant.growth")
        #expect(errors.first?.location?.line == Fixtures.line(of: "growth: 80", in: growth))
        let discount = Fixtures.tiny(replacing: "discount_rate: 0.08", with: "discount_rate: -0.99")
        #expect(Fixtures.errors(discount).map(\.keyPath) == ["discount_rate"])
        let loan = Fixtures.tiny(replacing: "loan_years: 10", with: "loan_years: 100000000000000")
        #expect(Fixtures.errors(loan).map(\.message) == ["must be at most 1000, got 100000000000000 (with policy `green_credit`)"])
        // The same through policies and typed settings.
        let viaPolicy = Fixtures.tiny(replacing: "carbon_price_growth: 0.05", with: "carbon_price_growth: 1000")
        #expect(Fixtures.errors(viaPolicy, policy: "carbon_price").map(\.keyPath) == ["carbon_price_growth"])
        let s = try Fixtures.tiny()
        #expect(throws: ScenarioError.self) { _ = try s.setting("companies.power_plant.growth", to: 80) }
        #expect(throws: ScenarioError.self) { _ = try s.setting("exchanges.ash_to_cement.distance", to: 1e308) }
        #expect(throws: ScenarioError.self) { _ = try s.setting("loan_years", to: 1e14) }
        #expect(try s.setting("companies.power_plant.growth", to: 0.5).companies[0].growth == 0.5)
    }

    @Test func binaryGarbage() throws {
        let text = String(decoding: (0 ..< 4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }, as: UTF8.self)
        #expect(!Fixtures.errors(text).isEmpty)
    }
}
