import Discovery
import Foundation
import Scenario
import Testing
import TestSupport

@Suite("partner discovery")
struct PartnerSearchTests {
    static func library() throws -> SynergyLibrary {
        try SynergyLibrary.load(path: try #require(SynergyLibrary.defaultPath()))
    }

    /// Issue 22's measure of recall: hiep-phuoc's 74 candidate links were written by hand from
    /// the firms' produces and needs; with every exchange removed, `discover` must find at least
    /// 90 % of the (sender, receiver, resource) pairs among its suggestions.
    @Test func findsNinetyPercentOfHiepPhuocsLinks() throws {
        let original = try Scenario.load(contentsOf: TestSupport.scenario("hiep-phuoc.yaml")).scenario
        let expected = DiscoveryFixtures.pairs(original)
        #expect(expected.count == 74)
        let stripped = DiscoveryFixtures.withoutExchanges(try DiscoveryFixtures.hiepPhuocText())
        let bare = try Scenario.parse(yaml: stripped, file: "hiep-phuoc-bare.yaml").scenario
        #expect(bare.exchanges.isEmpty)
        let found = PartnerSearch.run(bare, library: try Self.library())
        let proposed = Set(found.candidates.map { [$0.exchange.from, $0.exchange.to, $0.exchange.send] })
        let missed = expected.subtracting(proposed)
        let recall = Double(expected.count - missed.count) / Double(expected.count)
        #expect(recall >= 0.9, "recall \(recall); missed: \(missed.sorted { $0.joined() < $1.joined() })")
        // Ranked by value, and every candidate names its library row and sources.
        let values = found.candidates.map(\.yearlyValue)
        #expect(values == values.sorted(by: >))
        #expect(found.candidates.allSatisfy { !$0.rule.isEmpty && !$0.sources.isEmpty })
    }

    /// A candidate's value by hand: fly ash from hiep_phuoc_power (5.3, 0.7) to hp_cement_grinding
    /// (4.6, 1.7): distance sqrt(0.7² + 1.0²) = 1.2207 km; capacity min(36000, 0.25 × 550000 / 0.9)
    /// = 36000 t; disposal saved 36000 × 10 = 360,000; clinker saved 36000 × 0.9 × 45 = 1,458,000;
    /// processing 36000 × 10 + 50,000 = 410,000; transport 36000 × 0.12 × 1.2207 = 5,273.6.
    @Test func valueOfOneCandidateByHand() throws {
        let stripped = DiscoveryFixtures.withoutExchanges(try DiscoveryFixtures.hiepPhuocText())
        let bare = try Scenario.parse(yaml: stripped, file: "hiep-phuoc-bare.yaml").scenario
        let found = PartnerSearch.run(bare, library: try Self.library())
        let c = try #require(found.candidates.first {
            $0.exchange.from == "hiep_phuoc_power" && $0.exchange.to == "hp_cement_grinding" && $0.exchange.send == "fly_ash"
        })
        #expect(c.exchange.capacity == 36000)
        #expect(abs(c.distance - (0.49 + 1.0).squareRoot()) < 1e-9)
        #expect(abs(c.disposalSaved - 360_000) < 1e-6)
        #expect(abs(c.inputSaved - 1_458_000) < 1e-6)
        #expect(abs(c.processing - 410_000) < 1e-6)
        #expect(abs(c.transport - 36000 * 0.12 * (1.49).squareRoot()) < 1e-6)
        #expect(c.rule == "fly_ash_for_clinker")
        // Radius 1 km leaves it out (1.22 km apart).
        let near = PartnerSearch.run(bare, library: try Self.library(), options: DiscoveryOptions(radius: 1))
        #expect(!near.candidates.contains { $0.exchange.id == c.exchange.id })
    }

    /// The proposed file keeps the park's text and loads with the proposals merged in; a park with
    /// no facilities gets the library's facilities where firms have their inputs and outputs.
    @Test func proposedScenarioLoads() throws {
        let text = DiscoveryFixtures.withoutExchanges(try DiscoveryFixtures.hiepPhuocText())
        let bare = try Scenario.parse(yaml: text, file: "bare.yaml").scenario
        let library = try Self.library()
        let found = PartnerSearch.run(bare, library: library, options: DiscoveryOptions(top: 60))
        // 60, and the feeds of facilities the top 60 supply from, and the supplies of those they feed.
        #expect(found.candidates.count >= 60)
        for facility in bare.facilities {
            let links = found.candidates.filter { $0.exchange.from == facility.id || $0.exchange.to == facility.id }
            #expect(links.contains { $0.kind == .feed } == links.contains { $0.kind == .supply }, "\(facility.id)")
        }
        let merged = try ProposedScenario.merged(source: text, scenario: bare, discovery: found, library: library,
                                                 file: "proposed.yaml")
        let loaded = try Scenario.parse(yaml: merged, file: "proposed.yaml").scenario
        #expect(Set(loaded.exchanges.map(\.id)) == Set(found.candidates.map(\.exchange.id)))
        #expect(loaded.policies.count == bare.policies.count)
        #expect(merged.contains("# Illustrative") || merged.contains("ILLUSTRATIVE"))

        // No facilities and no permits: discover proposes them.
        var noFacilities = text.components(separatedBy: "\n")
        let start = try #require(noFacilities.firstIndex { $0.hasPrefix("facilities:") })
        let end = try #require(noFacilities[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("#") })
        noFacilities.removeSubrange(start ..< end)
        let plain = noFacilities.joined(separator: "\n")
        let park = try Scenario.parse(yaml: plain, file: "plain.yaml").scenario
        #expect(park.facilities.isEmpty)
        let fresh = PartnerSearch.run(park, library: library)
        #expect(Set(fresh.facilities.map(\.recipe)) == ["water_reuse", "steam_network", "biogas_boiler", "solvent_recovery",
                                                       "plastics_recycling"])
        let proposal = try ProposedScenario.merged(source: plain, scenario: park, discovery: fresh, library: library,
                                                   file: "fresh.yaml")
        let reloaded = try Scenario.parse(yaml: proposal, file: "fresh.yaml").scenario
        #expect(reloaded.facilities.count == 5)
    }

    /// Codes first: a resource named `ash_A` with the List of Waste code of coal fly ash matches the
    /// fly ash rows; without the code it matches nothing.
    @Test func resourcesMatchByCodeThenName() throws {
        let library = try Self.library()
        let row = try #require(library.synergies.first { $0.id == "fly_ash_for_clinker" })
        var ash = Resource(id: "ash_A", unit: "t")
        #expect(!row.sends.matches(ash))
        ash.code = "10.01.02"
        #expect(row.sends.matches(ash))
        #expect(row.sends.matches(Resource(id: "Fly-Ash", unit: "t")))
    }
}
