import Foundation
import Scenario
import Testing
import TestSupport
@testable import Workbook

/// YAML -> workbook -> YAML gives the same loaded scenario, under every policy of the file.
@Suite("Workbook round trips")
struct WorkbookRoundTripTests {
    /// The scenario file's text and its policies' ids.
    static func source(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The scenario without what depends on where it was written: the source path and each
    /// override's line, and an override's number as written (`0.80` and `0.8` are one value).
    static func comparable(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        scenario.sourcePath = nil
        for index in scenario.policies.indices {
            for entry in scenario.policies[index].overrides.indices {
                scenario.policies[index].overrides[entry].location = nil
                let yaml = scenario.policies[index].overrides[entry].yaml
                if let number = Double(yaml) { scenario.policies[index].overrides[entry].yaml = "\(number)" }
            }
        }
        return scenario
    }

    /// The fields of two scenarios that differ, by name (empty when equal).
    static func differences(_ a: Scenario, _ b: Scenario) -> [String] {
        let left = Mirror(reflecting: comparable(a)).children, right = Mirror(reflecting: comparable(b)).children
        return zip(left, right).compactMap { l, r in
            let x = String(describing: l.value), y = String(describing: r.value)
            guard x != y else { return nil }
            let common = zip(x, y).prefix { $0 == $1 }.count
            return "\(l.label ?? "?"): …\(x.dropFirst(max(0, common - 40)).prefix(160)) ≠ …\(y.dropFirst(max(0, common - 40)).prefix(160))"
        }
    }

    /// Exports `yaml` to `.xlsx` bytes, reads them back, converts, and compares the loaded
    /// scenario (base and under each policy) with the original's.
    static func expectRoundTrip(_ yaml: String, name: String) throws {
        let original = try Scenario.parse(yaml: yaml, file: name)
        let bytes = try ParkWorkbook.workbook(yaml: yaml, currency: original.scenario.currency)
        let sheets = try XLSXFile.sheets(in: bytes)
        #expect(sheets.map(\.name) == ParkWorkbookLayout.sheets.map(\.name))
        let imported = try ParkWorkbook.convert(sheets, file: name)
        #expect(differences(imported.loaded.scenario, original.scenario) == [])
        #expect(comparable(imported.loaded.scenario) == comparable(original.scenario))
        #expect(imported.loaded.warnings.map(\.message) == original.warnings.map(\.message))
        for policy in original.scenario.policies.map(\.id) {
            let expected = try Scenario.parse(yaml: yaml, file: name, policy: policy)
            let actual = try Scenario.parse(yaml: imported.yaml, file: name, policy: policy)
            #expect(differences(actual.scenario, expected.scenario) == [], "policy \(policy)")
        }
    }

    @Test(arguments: ["tiny.yaml", "hiep-phuoc.yaml"])
    func shippedScenarioSurvivesTheWorkbook(_ file: String) throws {
        try Self.expectRoundTrip(try Self.source(TestSupport.scenario(file)), name: file)
    }

    /// Sites in lat/lon (the `lat` and `lon` columns), a road factor and resource codes survive too.
    @Test func latLonSitesAndCodesSurviveTheWorkbook() throws {
        let yaml = try TestSupport.tinyOnLatLon()
            .replacingOccurrences(of: "discount_rate:", with: "road_factor: 1.4\ndiscount_rate:")
            .replacingOccurrences(of: "{unit: t,  name_vi: Tro bay,   disposal_cost: 12", with: "{unit: t, name_vi: Tro bay, code: \"10 01 02\", disposal_cost: 12")
        let original = try Scenario.parse(yaml: yaml, file: "tiny-latlon.yaml")
        #expect(original.scenario.roadFactor == 1.4)
        #expect(original.scenario.resources.first { $0.id == "fly_ash" }?.code == "10 01 02")
        try Self.expectRoundTrip(yaml, name: "tiny-latlon.yaml")
    }

    /// A site given both as x/y and as lat/lon is refused at the lat cell.
    @Test func gridAndLatLonOnOneSiteIsRefused() throws {
        let yaml = try TestSupport.tinyOnLatLon()
        let original = try Scenario.parse(yaml: yaml, file: "tiny-latlon.yaml")
        var sheets = try XLSXFile.sheets(in: try ParkWorkbook.workbook(yaml: yaml, currency: original.scenario.currency))
        let companies = try #require(sheets.firstIndex { $0.name == "companies" })
        let xColumn = try #require(ParkWorkbookLayout.sheet(named: "companies")?.columns.firstIndex { $0.key == "x" }) + 1
        sheets[companies][4, xColumn] = .number(1)
        let latColumn = try #require(ParkWorkbookLayout.sheet(named: "companies")?.columns.firstIndex { $0.key == "lat" }) + 1
        let latCell = String(UnicodeScalar(UInt8(64 + latColumn))) + "4"
        do {
            _ = try ParkWorkbook.convert(sheets, file: "tiny-latlon.xlsx")
            Issue.record("a site with both x/y and lat/lon was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description).contains(
                "tiny-latlon.xlsx:companies!\(latCell): companies.power_plant.location: "
                    + "give the site as x and y (km) or as lat and lon (degrees), not both"))
        }
    }

    @Test func generatedParkSurvivesTheWorkbook() throws {
        let park = ParkGenerator(companies: 30, exchanges: 120, facilities: 4, years: 12, seed: 5).park()
        try Self.expectRoundTrip(park.yaml, name: "generated.yaml")
    }

    /// Every key the loader accepts (ScenarioFormat) has a sheet and column, so no scenario
    /// loses a value in a workbook.
    @Test func everyScenarioKeyHasACell() {
        func columns(_ sheet: String) -> Set<String> {
            Set(ParkWorkbookLayout.sheet(named: sheet)?.columns.map(\.key) ?? [])
        }
        func settings(_ sheet: String, under prefix: String) -> Set<String> {
            Set(columns(sheet).filter { $0.hasPrefix(prefix + ".") }.map { String($0.dropFirst(prefix.count + 1)) })
        }
        let scenarioSheet = columns("scenario").filter { !$0.contains(".") }
        let sections: Set<String> = ["resources", "companies", "facilities", "exchanges", "permits", "policies",
                                     "objectives", "targets", "uncertainty", "sensitivity", "sharing"]
        let located = ["x", "y", "lat", "lon"] as Set
        let expected: [(ScenarioFormat.Section, Set<String>)] = [
            (.scenario, scenarioSheet.union(sections)),
            (.resource, columns("resources").subtracting(["id"])),
            (.company, columns("companies").subtracting(["id"]).subtracting(located).union(["location"])
                .union(columns("flows").subtracting(["company", "resource"]))),
            (.facility, columns("facilities").subtracting(["id"]).subtracting(located).union(["location"])
                .union(columns("converts").subtracting(["facility", "resource"]))),
            (.exchange, columns("exchanges").subtracting(["id"])),
            (.permit, columns("permits").subtracting(["id"])),
            (.policy, columns("policies").subtracting(["id"]).union(["set", "targets"])),
            (.objectives, settings("objectives", under: "objectives")),
            (.targets, settings("objectives", under: "targets").union(["diverted"])),
            (.diversion, columns("diverted").subtracting(["id"])),
            (.uncertainty, settings("scenario", under: "uncertainty").union(["prices", "volumes", "correlations"])),
            (.sensitivity, settings("scenario", under: "sensitivity").union(["parameters"])),
            (.sharing, settings("scenario", under: "sharing")),
        ]
        for (section, keys) in expected {
            #expect(keys == Set(ScenarioFormat.acceptedKeys(in: section)), "\(section)")
        }
        let processKeys = columns("uncertainty").subtracting(["section", "target"])
        for (_, section) in ScenarioFormat.processModels {
            #expect(Set(ScenarioFormat.acceptedKeys(in: section)).isSubset(of: processKeys), "\(section)")
        }
    }

    /// A folder of CSV files (one a sheet, every value text) converts to the same scenario.
    @Test func csvFolderGivesTheSameScenario() throws {
        let path = TestSupport.scenario("tiny.yaml")
        let yaml = try Self.source(path)
        let original = try Scenario.parse(yaml: yaml, file: "tiny.yaml")
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sheets = try XLSXFile.sheets(in: try ParkWorkbook.workbook(yaml: yaml, currency: "USD"))
        for sheet in sheets {
            let text = sheet.rows.map { row in
                row.map { cell -> String in
                    let shown = cell?.shown ?? ""
                    return shown.contains(where: { ",\"\n".contains($0) })
                        ? "\"" + shown.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : shown
                }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
            try text.write(toFile: folder + "/\(sheet.name).csv", atomically: true, encoding: .utf8)
        }
        let imported = try ParkWorkbook.importScenario(from: folder).loaded.scenario
        #expect(imported.sourcePath == folder)
        #expect(Self.differences(imported, original.scenario) == [])
    }

    @Test func csvFieldsFollowRFC4180() {
        // Quoted commas, doubled quotes, CRLF and a quoted line break, checked by hand.
        let records = CSVSheets.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,\"x\ny\",\n")
        #expect(records == [["a", "b,c", "say \"hi\""], ["", "x\ny", ""]])
    }

    @Test func cellReferencesReadAndWrite() {
        // A = 1, Z = 26, AA = 27, AZ = 52, BA = 53, XFD = 16384 (the last column of a sheet).
        for (column, letters) in [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (16_384, "XFD")] {
            #expect(CellReference.letters(column) == letters)
            #expect(CellReference(letters + "7") == CellReference(row: 7, column: column))
        }
        #expect(CellReference("$C$12") == CellReference(row: 12, column: 3))
        #expect(CellReference("12C") == nil)
        #expect(CellReference("C0") == nil)
    }
}
