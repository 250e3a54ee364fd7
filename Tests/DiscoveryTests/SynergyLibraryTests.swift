import Discovery
import Foundation
import Testing
import TestSupport

@Suite("synergy library")
struct SynergyLibraryTests {
    /// Every row cites at least one source, each cited id exists, and at least one of a row's
    /// sources has a URL or DOI (the loader refuses anything else; this reads the shipped file).
    @Test func everyRowHasASource() throws {
        let library = try SynergyLibrary.load(path: try #require(SynergyLibrary.defaultPath()))
        #expect(library.synergies.count >= 10)
        #expect(library.facilities.count >= 5)
        let rows = library.synergies.map { ($0.id, $0.sources) } + library.facilities.map { ($0.id, $0.sources) }
            + library.permits.map { ($0.id, $0.sources) }
        for (id, sources) in rows {
            #expect(!sources.isEmpty, "\(id) has no source")
            let cited = sources.compactMap { library.sources[$0] }
            #expect(cited.count == sources.count, "\(id) cites an unknown source")
            #expect(cited.contains { $0.url != nil || $0.doi != nil }, "\(id) cites no URL or DOI")
            #expect(cited.allSatisfy { !$0.title.isEmpty })
        }
    }

    /// A row without a source is refused with the file, the line of the row's mapping and its key path.
    @Test func rowWithoutSourceIsRefused() throws {
        let path = TestSupport.temporaryFile(suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        synergies:
          ash:
            sends: {names: [fly_ash]}
            replaces: {names: [cement]}
            unit: t
            replaces_unit: t
            unit_cost: 1
            capex_per_capacity: 1
            fixed_cost: 0
            jobs_per_kt: 0
            transport_cost: 0.1
            uncertain: everything
        sources: {}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try SynergyLibrary.load(path: path)
        } throws: { error in
            "\(error)".contains("\(path):3: synergies.ash: every row cites at least one source")
                && !"\(error)".contains("missing")
        }
    }
}
