import Foundation
import Testing
@testable import Scenario

/// The appraisal keys: `social_cost_of_carbon`, `public_discount_rate`, `status_quo`.
@Suite struct AppraisalKeyTests {
    static func tinyText() throws -> String { try String(contentsOfFile: Fixtures.tinyPath, encoding: .utf8) }

    /// tiny.yaml with `lines` added after `discount_rate`.
    static func tiny(adding lines: String, policy: String? = nil) throws(ScenarioError) -> Scenario {
        let text = (try? tinyText()) ?? ""
        let edited = text.replacingOccurrences(of: "discount_rate: 0.08", with: "discount_rate: 0.08\n" + lines)
        return try Scenario.parse(yaml: edited, file: "tiny.yaml", policy: policy).scenario
    }

    static func errors(adding lines: String, policy: String? = nil) -> [String] {
        do { _ = try tiny(adding: lines, policy: policy); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func defaultsAndValues() throws {
        #expect(try Fixtures.tiny().appraisal == AppraisalSettings())
        let s = try Self.tiny(adding: "social_cost_of_carbon: 51\npublic_discount_rate: 0.03\nstatus_quo: landfill_tax")
        #expect(s.appraisal == AppraisalSettings(socialCostOfCarbon: 51, publicDiscountRate: 0.03, statusQuo: "landfill_tax"))
        // The same with a policy applied: no policy changes them.
        #expect(try Self.tiny(adding: "social_cost_of_carbon: 51", policy: "carbon_price").appraisal.socialCostOfCarbon == 51)
        let shadow = try Self.tiny(adding: "landfill_shadow_price: 9\nwater_shadow_price: 0.7")
        #expect(shadow.appraisal == AppraisalSettings(landfillShadowPrice: 9, waterShadowPrice: 0.7))
        // They judge options; the park's digest does not depend on them.
        #expect(s.contentDigest == (try Fixtures.tiny()).contentDigest)
    }

    @Test func badValuesAreErrors() {
        #expect(Self.errors(adding: "social_cost_of_carbon: -5").contains { $0.contains("social_cost_of_carbon") && $0.contains(">= 0") })
        #expect(Self.errors(adding: "public_discount_rate: 8").contains { $0.contains("public_discount_rate") })
        #expect(Self.errors(adding: "landfill_shadow_price: -1").contains { $0.contains("landfill_shadow_price") && $0.contains(">= 0") })
        #expect(Self.errors(adding: "water_shadow_price: -0.1").contains { $0.contains("water_shadow_price") && $0.contains(">= 0") })
        let unknown = Self.errors(adding: "status_quo: landfil_tax")
        #expect(unknown.contains { $0.contains("unknown policy `landfil_tax`") && $0.contains("landfill_tax") })
        #expect(Self.errors(adding: "status_quo: baseline").isEmpty)
        #expect(Self.errors(adding: "status_quo: landfill_tax+legal_reform").isEmpty)
    }

    @Test func aPolicyCannotSetThem() {
        let edited = ((try? Self.tinyText()) ?? "")
            .replacingOccurrences(of: "discount_rate: 0.08", with: "discount_rate: 0.08\nsocial_cost_of_carbon: 10")
            .replacingOccurrences(of: "  baseline: {}", with: "  baseline: {}\n  dear_carbon: {set: {social_cost_of_carbon: 200}}")
        do {
            _ = try Scenario.parse(yaml: edited, file: "tiny.yaml").scenario
            Issue.record("a policy set social_cost_of_carbon")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("a policy cannot change `social_cost_of_carbon`") })
        }
        for key in ["landfill_shadow_price", "water_shadow_price"] {
            let text = ((try? Self.tinyText()) ?? "")
                .replacingOccurrences(of: "  baseline: {}", with: "  baseline: {}\n  dear: {set: {\(key): 5}}")
            #expect(throws: (any Error).self, "a policy set \(key)") { _ = try Scenario.parse(yaml: text, file: "tiny.yaml").scenario }
        }
    }
}
