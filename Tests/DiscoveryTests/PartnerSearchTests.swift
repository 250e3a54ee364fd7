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
        let stripped = try DiscoveryFixtures.bareHiepPhuoc()
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
        let stripped = try DiscoveryFixtures.bareHiepPhuoc()
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
        let text = try DiscoveryFixtures.bareHiepPhuoc()
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

@Suite("partner discovery: sites and file shapes")
struct ProposalShapeTests {
    /// Scenarios/tiny.yaml on lat/lon with its facility and exchanges removed: discover proposes
    /// the library's water reuse plant at the centre of the wastewater producers (the power plant
    /// alone), writes its location as {lat, lon}, and the feed link's distance is 0 km while the
    /// supply link's is the great circle × 1.3 to the cement plant.
    @Test func latLonParkGetsALatLonFacility() throws {
        let text = try TestSupport.tinyOnLatLon()
        var lines: [String] = [], skipping = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("facilities:") || line.hasPrefix("exchanges:") { skipping = true; continue }
            if skipping, !line.isEmpty, !line.hasPrefix(" "), !line.hasPrefix("#") { skipping = false }
            if !skipping { lines.append(line) }
        }
        let bare = lines.joined(separator: "\n")
        let park = try Scenario.parse(yaml: bare, file: "tiny-geo.yaml").scenario
        #expect(park.isGeographic && park.facilities.isEmpty && park.exchanges.isEmpty)
        let library = try PartnerSearchTests.library()
        let found = PartnerSearch.run(park, library: library)
        let plant = try #require(found.facilities.first { $0.recipe == "water_reuse" })
        #expect(plant.facility.location.geo == GeoCoordinate(latitude: 10.64, longitude: 106.74))
        let feed = try #require(found.candidates.first { $0.kind == .feed })
        #expect(feed.distance == 0)
        let supply = try #require(found.candidates.first { $0.kind == .supply })
        let greatCircle = GeoCoordinate(latitude: 10.64, longitude: 106.74)
            .greatCircleDistance(to: GeoCoordinate(latitude: 10.668, longitude: 106.762))
        #expect(abs(supply.distance - 1.3 * greatCircle) < 1e-9)
        let merged = try ProposedScenario.merged(source: bare, scenario: park, discovery: found, library: library,
                                                 file: "proposed.yaml")
        #expect(merged.contains("location: {lat: 10.640000, lon: 106.740000}"))
        let reloaded = try Scenario.parse(yaml: merged, file: "proposed.yaml").scenario
        #expect(reloaded.facilities.map(\.id) == [plant.facility.id])
        #expect(abs(reloaded.distance(of: try #require(reloaded.exchange(supply.exchange.id))) - supply.distance) < 1e-9)
    }

    /// An `exchanges:` block written on one line cannot be extended: an error naming its line,
    /// nothing merged. An empty one (`exchanges: {}`) is opened into a block.
    @Test func oneLineBlocksAreRefusedEmptyOnesOpened() throws {
        let tiny = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let park = try Scenario.parse(yaml: tiny, file: "tiny.yaml").scenario
        let library = try PartnerSearchTests.library()
        var stripped = park
        stripped.exchanges = []
        let found = PartnerSearch.run(stripped, library: library)
        #expect(!found.candidates.isEmpty)
        var lines = tiny.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("exchanges:") })
        let end = try #require(lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("#") })
        lines.replaceSubrange(start ..< end, with: ["exchanges: {x: {from: power_plant, to: water_reuse_plant, send: wastewater, capacity: 1}}"])
        let oneLine = lines.joined(separator: "\n")
        #expect {
            _ = try ProposedScenario.merged(source: oneLine, scenario: stripped, discovery: found, library: library,
                                            file: "p.yaml")
        } throws: { error in "\(error)".contains("line \(start + 1)") && "\(error)".contains("one line") }
        let bareText = try DiscoveryFixtures.bareHiepPhuoc()
            + "\nexchanges: {}   # none yet\n"
        let bare = try Scenario.parse(yaml: bareText, file: "b.yaml").scenario
        let proposal = PartnerSearch.run(bare, library: library, options: DiscoveryOptions(top: 5))
        let merged = try ProposedScenario.merged(source: bareText, scenario: bare, discovery: proposal, library: library,
                                                 file: "b2.yaml")
        #expect(merged.contains("\nexchanges:\n"))
        #expect(try Scenario.parse(yaml: merged, file: "b2.yaml").scenario.exchanges.count == proposal.candidates.count)
    }
}
