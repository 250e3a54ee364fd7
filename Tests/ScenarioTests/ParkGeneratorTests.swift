import Foundation
import Scenario
import Testing

/// Synthetic parks: deterministic, and valid at every size.
@Suite struct ParkGeneratorTests {
    @Test(arguments: [(2, 5, 0), (10, 60, 4), (25, 150, 4), (60, 360, 6)])
    func generatedParksValidate(companies: Int, exchanges: Int, facilities: Int) throws {
        for seed in [1, 2, 3] as [UInt64] {
            let generator = ParkGenerator(companies: companies, exchanges: exchanges, facilities: facilities, years: 15, seed: seed)
            let text = generator.yaml()
            #expect(text == generator.yaml(), "same seed, same file")
            let loaded = try Scenario.parse(yaml: text, file: "generated.yaml")
            #expect(loaded.scenario.companies.count == companies)
            #expect(loaded.scenario.facilities.count == facilities)
            #expect(loaded.scenario.exchanges.count <= exchanges)
            if companies >= 10 { #expect(loaded.scenario.exchanges.count >= companies, "seed \(seed): \(loaded.scenario.exchanges.count) links") }
            for policy in loaded.scenario.policies.map(\.id) { _ = try Scenario.parse(yaml: text, file: "generated.yaml", policy: policy) }
        }
        #expect(ParkGenerator(companies: companies, exchanges: exchanges, facilities: facilities, years: 15, seed: 1).yaml()
                != ParkGenerator(companies: companies, exchanges: exchanges, facilities: facilities, years: 15, seed: 2).yaml())
    }
}
