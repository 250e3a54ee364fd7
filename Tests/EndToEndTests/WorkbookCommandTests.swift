import Foundation
import Testing
import TestSupport

/// `template`, `import` and `export-data` as an analyst runs them.
@Suite("workbook commands")
struct WorkbookCommandTests {
    /// export-data then import gives a scenario that validates to the same summary as the file.
    @Test func exportedWorkbookImportsToAValidScenario() throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exported = TestSupport.symbiosis(["export-data", TestSupport.scenario("hiep-phuoc.yaml"), "--xlsx", folder + "/park.xlsx"])
        try #require(exported.status == 0, "\(exported.stderr)")
        let imported = TestSupport.symbiosis(["import", folder + "/park.xlsx", "--output", folder + "/park.yaml"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let original = TestSupport.symbiosis(["validate", TestSupport.scenario("hiep-phuoc.yaml")])
        let copy = TestSupport.symbiosis(["validate", folder + "/park.yaml"])
        #expect(copy.status == 0)
        // The summary after the file name: 31 companies, 74 exchanges, 9 policies, ...
        let summary = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(summary(copy.stdout) == summary(original.stdout))
        #expect(!summary(copy.stdout).isEmpty)
    }

    /// A mistake: exit 65, the cell named on standard error, no output file written.
    @Test func mistakeIsReportedAtItsCellAndNothingIsWritten() throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/park"
        try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
        try "key,value\nname,Two firms\nstart_year,2026\nhorizon_years,10\ndiscount_rate,0.08\n"
            .write(toFile: csv + "/scenario.csv", atomically: true, encoding: .utf8)
        try "id,unit,kind,price\n,,,\n,,,\nslag,t,solid,-3\n"
            .write(toFile: csv + "/resources.csv", atomically: true, encoding: .utf8)
        let result = TestSupport.symbiosis(["import", csv, "--output", folder + "/park.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(csv):resources!C4: resources.slag.kind: unknown value `solid`; expected one of: material, water, energy, waste"),
                "\(result.stderr)")
        #expect(result.stderr.contains("\(csv):resources!D4: resources.slag.price: must be >= 0, got -3"), "\(result.stderr)")
        #expect(result.stderr.contains("\(csv): 2 errors; nothing was written."), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/park.yaml"))
    }

    /// The template is a workbook with every sheet, which `import` reads (and reports the
    /// required settings that are still empty).
    @Test func templateHasEverySheetAndAsksForTheRequiredSettings() throws {
        let folder = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = TestSupport.symbiosis(["template", folder + "/park.xlsx"])
        try #require(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/park.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP local file header, "PK\3\4"
        let result = TestSupport.symbiosis(["import", folder + "/park.xlsx"])
        #expect(result.status == 65)
        for key in ["name", "start_year", "horizon_years", "discount_rate"] {
            #expect(result.stderr.contains("missing required key `\(key)`"), "\(result.stderr)")
        }
    }
}
