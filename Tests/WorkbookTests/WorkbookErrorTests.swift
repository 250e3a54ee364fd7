import Foundation
import Scenario
import Testing
import TestSupport
@testable import Workbook

/// Mistakes in a workbook are reported at their sheet and cell, one test per error class of the
/// YAML loader (docs/scenario-format.md, Validation) and per mistake only a workbook can make.
/// Each starts from tiny.yaml's workbook (`export-data`): resources rows 4-7 are fly_ash,
/// clinker, wastewater, water; exchanges rows 4-6 are ash_to_cement, wastewater_to_reuse,
/// reuse_to_cement; the scenario sheet lists name on row 2 … discount_rate on row 7.
@Suite("Workbook errors name sheet and cell")
struct WorkbookErrorTests {
    /// tiny.yaml's sheets after `edit`, converted: every finding as printed.
    static func findings(_ edit: (inout [SheetTable]) -> Void) throws -> [String] {
        let yaml = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        var sheets = try XLSXFile.sheets(in: try ParkWorkbook.workbook(yaml: yaml, currency: "USD"))
        edit(&sheets)
        do {
            _ = try ParkWorkbook.convert(sheets, file: "tiny.xlsx")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Sets cell `reference` of sheet `name`.
    static func set(_ sheets: inout [SheetTable], _ name: String, _ reference: String, _ value: CellValue?) {
        guard let index = sheets.firstIndex(where: { $0.name == name }), let cell = CellReference(reference) else { return }
        sheets[index][cell.row, cell.column] = value
    }

    @Test func untouchedWorkbookHasNoFinding() throws {
        #expect(try Self.findings { _ in } == [])
    }

    @Test func unknownKeyIsTheCellUnderTheUnknownHeader() throws {
        let found = try Self.findings {
            Self.set(&$0, "exchanges", "S1", .text("capcity"))
            Self.set(&$0, "exchanges", "S4", .number(5))
        }
        #expect(found == [
            "tiny.xlsx:exchanges!S4: exchanges.ash_to_cement.capcity: unknown key `capcity`; did you mean `capacity`?",
        ])
    }

    @Test func wrongType() throws {
        let found = try Self.findings { Self.set(&$0, "resources", "D5", .text("cheap")) }
        #expect(found == [
            "tiny.xlsx:resources!D5: resources.clinker.price: expected a number, got the text \"cheap\"",
        ])
    }

    @Test func missingRequiredKeyIsTheRowsId() throws {
        let found = try Self.findings { Self.set(&$0, "resources", "B6", nil) }
        #expect(found == [
            "tiny.xlsx:resources!A6: resources.wastewater.unit: missing required key `unit`",
        ])
    }

    @Test func badEnumValue() throws {
        let found = try Self.findings { Self.set(&$0, "resources", "C4", .text("solid")) }
        #expect(found == [
            "tiny.xlsx:resources!C4: resources.fly_ash.kind: unknown value `solid`; expected one of: material, water, energy, waste",
        ])
    }

    @Test func unknownCompanyInAnExchange() throws {
        let found = try Self.findings { Self.set(&$0, "exchanges", "B4", .text("power_plnt")) }
        #expect(found == [
            "tiny.xlsx:exchanges!B4: exchanges.ash_to_cement.from: unknown company or facility `power_plnt`; did you mean `power_plant`?",
        ])
    }

    @Test func numberOutOfRange() throws {
        let found = try Self.findings { Self.set(&$0, "exchanges", "H4", .number(-5)) }
        #expect(found == [
            "tiny.xlsx:exchanges!H4: exchanges.ash_to_cement.capacity: must be >= 0, got -5",
        ])
    }

    @Test func nonFiniteNumber() throws {
        let found = try Self.findings { Self.set(&$0, "resources", "D5", .text("inf")) }
        #expect(found == ["tiny.xlsx:resources!D5: resources.clinker.price: must be a finite number, got inf"])
    }

    @Test func wholeNumberExpected() throws {
        let found = try Self.findings { Self.set(&$0, "scenario", "B6", .number(10.5)) }
        #expect(found == ["tiny.xlsx:scenario!B6: horizon_years: expected a whole number, got 10.5"])
    }

    @Test func rateWrittenAsPercent() throws {
        let found = try Self.findings { Self.set(&$0, "scenario", "B7", .number(10)) }
        #expect(found == [
            "tiny.xlsx:scenario!B7: discount_rate: discount_rate 10 is above 1: write rates as fractions, e.g. 0.10 for 10 %",
        ])
    }

    @Test func duplicateId() throws {
        let found = try Self.findings {
            Self.set(&$0, "resources", "A8", .text("fly_ash"))
            Self.set(&$0, "resources", "B8", .text("t"))
        }
        #expect(found == [
            "tiny.xlsx:resources!A8: resources.fly_ash: duplicate key `fly_ash` (first at resources!A4)",
        ])
    }

    /// A workbook-only mistake: the row is left out, so the loader then finds what it would
    /// have given missing too (power_plant no longer produces fly_ash).
    @Test func unknownCompanyOnTheFlowsSheet() throws {
        let found = try Self.findings { Self.set(&$0, "flows", "A4", .text("power_plnt")) }
        #expect(found == [
            "tiny.xlsx:flows!A4: companies.power_plnt: unknown company `power_plnt`; did you mean `power_plant`? (not on the companies sheet)",
            "tiny.xlsx:exchanges!D4: exchanges.ash_to_cement.send: `power_plant` does not produce `fly_ash` (it produces: wastewater)",
            "tiny.xlsx:uncertainty!B7: uncertainty.volumes.power_plant.fly_ash: unknown volume `power_plant.fly_ash`; expected `<company>.<resource>` for a volume the company produces or needs, or `capex`",
        ])
    }

    @Test func policyOverrideOfAPathThatDoesNotExist() throws {
        let found = try Self.findings { Self.set(&$0, "overrides", "C4", .text("resources.fly_ash.dispsal_cost")) }
        #expect(found == [
            "tiny.xlsx:overrides!C4: policies.landfill_tax.set.resources.fly_ash.dispsal_cost: policy `landfill_tax`: key path `resources.fly_ash.dispsal_cost` does not exist in the scenario: `resources.fly_ash` has no key `dispsal_cost`; did you mean `disposal_cost`?",
        ])
    }

    @Test func overrideValueThatIsNotYAML() throws {
        let found = try Self.findings { Self.set(&$0, "overrides", "D5", .text("{status: conditional")) }
        #expect(found == [
            "tiny.xlsx:overrides!D5: policies.legal_reform.set.permits.waste_as_material: not one line of YAML: `{status: conditional`",
        ])
    }

    @Test func unknownSheet() throws {
        let found = try Self.findings { $0.append(SheetTable(name: "resorces", rows: [[.text("id")]])) }
        #expect(found == [
            "tiny.xlsx:resorces: unknown sheet `resorces`; did you mean `resources`? (the sheets are scenario, resources, companies, flows, facilities, converts, exchanges, permits, policies, overrides, objectives, diverted, uncertainty, correlations, sensitivity)",
        ])
    }
}
