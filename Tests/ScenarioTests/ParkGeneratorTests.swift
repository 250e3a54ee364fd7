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

    /// Issue 20 (b): 5 companies and 100,000 exchanges asked for gave 14 links in a park named "5x100000".
    @Test func fewerPairsThanAskedForNamesTheParkByWhatItHolds() throws {
        let park = ParkGenerator(companies: 5, exchanges: 100_000, facilities: 4, years: 15, seed: 1).park()
        #expect(park.exchanges > 0 && park.exchanges < 100)
        #expect(park.name == "Synthetic park 5x\(park.exchanges) (seed 1)")
        #expect(park.yaml.contains("\nname: \(park.name)\n"))
        #expect(park.yaml.contains("# \(park.exchanges) exchanges, not 100000: these companies and facilities have no more compatible pairs."))
        let loaded = try Scenario.parse(yaml: park.yaml, file: "generated.yaml")
        #expect(loaded.scenario.exchanges.count == park.exchanges)
        #expect(loaded.scenario.name == park.name)
        // Asking for exactly what there is, or fewer, changes nothing but the request.
        let exact = ParkGenerator(companies: 5, exchanges: park.exchanges, facilities: 4, years: 15, seed: 1).park()
        #expect(exact.name == park.name && exact.exchanges == park.exchanges)
        #expect(!exact.yaml.contains("exchanges, not"))
        let fewer = ParkGenerator(companies: 10, exchanges: 20, facilities: 4, years: 15, seed: 1).park()
        #expect(fewer.exchanges == 20 && fewer.name == "Synthetic park 10x20 (seed 1)")
    }
}
