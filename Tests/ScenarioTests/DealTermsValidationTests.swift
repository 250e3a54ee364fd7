import Foundation
import Testing
@testable import Scenario

/// The scenario keys of issue 18's deal terms: read, range-checked with file:line:column and
/// key path, and settable by key path where numeric.
@Suite struct DealTermsValidationTests {
    private func error(_ yaml: String, at keyPath: String, line fragment: String, policy: String? = nil,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = try #require(diagnostic(at: keyPath, in: Fixtures.errors(yaml, policy: policy),
                                            sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        #expect(found.severity == .error, sourceLocation: sourceLocation)
        #expect(found.location?.file == "tiny.yaml", sourceLocation: sourceLocation)
        #expect(found.location?.line == Fixtures.line(of: fragment, in: yaml), "\(found)", sourceLocation: sourceLocation)
        #expect(found.location?.column == Fixtures.column(of: fragment, in: yaml)
                    + (fragment.firstIndex(of: ":").map { fragment.distance(from: fragment.startIndex, to: $0) + 2 } ?? 0),
                "\(found)", sourceLocation: sourceLocation)
        return found
    }

    // MARK: sale_price

    @Test func salePriceIsRead() throws {
        let yaml = Fixtures.tiny(replacing: "water:      {unit: m3, name_vi: Nước sạch, price: 0.55, co2e: 0.0003}",
                                 with: "water:      {unit: m3, name_vi: Nước sạch, price: 0.55, co2e: 0.0003, sale_price: 0.1}")
        let s = try Scenario.parse(yaml: yaml, file: "tiny.yaml").scenario
        #expect(s.resource("water")?.salePrice == 0.1)
        #expect(try s.setting("resources.water.sale_price", to: 0.2).resource("water")?.salePrice == 0.2)
        #expect(s.settableKeyPaths.contains("resources.water.sale_price"))
        #expect(throws: ScenarioError.self) { try s.setting("resources.water.sale_price", to: -1) }
    }

    @Test func salePriceWithADisposalCostIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4}",
                                 with: "wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4, sale_price: 0.1}")
        let found = try error(yaml, at: "resources.wastewater.sale_price", line: "sale_price: 0.1")
        #expect(found.message.hasPrefix("a resource has either a disposal cost or a sale price, not both"))
    }

    @Test func negativeSalePriceIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "water:      {unit: m3, name_vi: Nước sạch, price: 0.55, co2e: 0.0003}",
                                 with: "water:      {unit: m3, name_vi: Nước sạch, price: 0.55, co2e: 0.0003, sale_price: -2}")
        let found = try error(yaml, at: "resources.water.sale_price", line: "sale_price: -2")
        #expect(found.message == "must be >= 0, got -2")
    }

    @Test func aPolicyThatAddsADisposalCostToASoldResourceIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4}",
                                 with: "wastewater: {unit: m3, sale_price: 0.1}")
            .replacingOccurrences(of: "\nobjectives:", with: "  discharge_fee:\n    set: {resources.wastewater: {unit: m3, sale_price: 0.1, disposal_cost: 0.3}}\nobjectives:")
        let errors = Fixtures.errors(yaml)
        let found = try #require(errors.first { $0.keyPath == "resources.wastewater.sale_price" }, "\(errors)")
        #expect(found.message.contains("not both") && found.message.contains("discharge_fee"), "\(found)")
        #expect(found.location?.line == Fixtures.line(of: "discharge_fee", in: yaml) + 1, "\(found)")
    }
}

extension DealTermsValidationTests {
    // MARK: hurdle_rate

    @Test func hurdleRateIsReadAndSettable() throws {
        let yaml = Fixtures.tiny(replacing: "    capital_budget: 2000000 ", with: "    hurdle_rate: 0.11\n    capital_budget: 2000000 ")
        let s = try Scenario.parse(yaml: yaml, file: "tiny.yaml").scenario
        #expect(s.company("cement_grinding")?.hurdleRate == 0.11)
        #expect(s.company("power_plant")?.hurdleRate == nil)
        #expect(try s.setting("companies.power_plant.hurdle_rate", to: 0.12).company("power_plant")?.hurdleRate == 0.12)
        #expect(s.settableKeyPaths.contains("companies.cement_grinding.hurdle_rate"))
        #expect(throws: ScenarioError.self) { try s.setting("companies.power_plant.hurdle_rate", to: 12) }
    }

    @Test func hurdleRateAboveOneIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "    capital_budget: 2000000 ", with: "    hurdle_rate: 12\n    capital_budget: 2000000 ")
        let found = try error(yaml, at: "companies.cement_grinding.hurdle_rate", line: "hurdle_rate: 12")
        #expect(found.message == "hurdle_rate 12 is above 1: write rates as fractions, e.g. 0.10 for 10 %", "\(found)")
    }
}

extension DealTermsValidationTests {
    // MARK: residual_value

    @Test func residualValueIsReadWithNoneByDefault() throws {
        #expect(try Fixtures.tiny().residualValue == ResidualValue.none)
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08 ", with: "residual_value: straight_line\ndiscount_rate: 0.08 ")
        #expect(try Scenario.parse(yaml: yaml, file: "tiny.yaml").scenario.residualValue == .straightLine)
    }

    @Test func unknownResidualValueIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08 ", with: "residual_value: straightline\ndiscount_rate: 0.08 ")
        let found = try error(yaml, at: "residual_value", line: "residual_value: straightline")
        #expect(found.message == "unknown value `straightline`; expected one of: none, straight_line; did you mean `straight_line`?",
                "\(found)")
    }
}

extension DealTermsValidationTests {
    // MARK: loan_share, loan_cap

    @Test func creditTermsAreRangeChecked() throws {
        let share = Fixtures.tiny(replacing: "discount_rate: 0.08 ", with: "loan_share: 1.5\ndiscount_rate: 0.08 ")
        #expect(try error(share, at: "loan_share", line: "loan_share: 1.5").message == "must be between 0 and 1, got 1.5")
        let cap = Fixtures.tiny(replacing: "discount_rate: 0.08 ", with: "loan_cap: -1\ndiscount_rate: 0.08 ")
        #expect(try error(cap, at: "loan_cap", line: "loan_cap: -1").message == "must be >= 0, got -1")
        let s = try Fixtures.tiny(policy: "green_credit")
        #expect(s.economics.loanShare == 1 && s.economics.loanCap == nil)
        #expect(try s.setting("loan_share", to: 0.7).economics.loanShare == 0.7)
        #expect(try s.setting("loan_cap", to: 5e5).economics.loanCap == 5e5)
    }
}
