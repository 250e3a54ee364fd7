import Analysis
import Formulation
import LPSolve
import Scenario
import Testing
import TestSupport

/// Physical quantities are summed within one unit only: tonnes of ash and m3 of wastewater are
/// never added up (issue 19), and steam sold to a neighbour is not waste diverted.
@Suite("Physical quantities")
struct PhysicalQuantityTests {
    /// tiny.yaml under legal reform with both of the power plant's links built: ash (t) and
    /// wastewater (m3).
    static func bothLinks() throws -> (Scenario, ParkDesign) {
        var scenario = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: "legal_reform").scenario
        scenario.targets.build = ["ash_to_cement", "wastewater_to_reuse"]
        let design = try #require(try ParkOptimizer(backend: LPSolver()).optimize(scenario).design)
        return (scenario, design)
    }

    @Test func wasteDivertedIsSummedWithinEachUnit() throws {
        let (scenario, design) = try Self.bothLinks()
        let ash = try #require(design.wasteDiverted["fly_ash"]), wastewater = try #require(design.wasteDiverted["wastewater"])
        #expect(ash > 0 && wastewater > 0)
        #expect(design.wasteDivertedByUnit(in: scenario) == [PhysicalQuantity(ash, "t"), PhysicalQuantity(wastewater, "m3")])
        #expect(design.tonnesDiverted(in: scenario) == ash)
        #expect(design.virginAvoidedByUnit(.water, in: scenario).map(\.unit) == ["m3"])
    }

    @Test func onlyDisposedResourcesAreWasteDiverted() {
        #expect(Resource(id: "fly_ash", unit: "t", disposalCost: 12).isDisposed)
        #expect(Resource(id: "sludge", unit: "t", kind: .waste).isDisposed)
        #expect(!Resource(id: "steam", unit: "t", price: 24, kind: .energy).isDisposed)
        #expect(!Resource(id: "steel_scrap", unit: "t", price: 385, salePrice: 300).isDisposed)
    }

    @Test func unitsListTonnesFirstThenInOrderOfUse() {
        let scenario = Scenario(name: "units", startYear: 2026, horizonYears: 10, discountRate: 0.08, resources: [Resource(id: "wastewater", unit: "m3", disposalCost: 0.4), Resource(id: "heat", unit: "MWh", kind: .waste),
                              Resource(id: "ash", unit: "t", disposalCost: 10), Resource(id: "slag", unit: "t", disposalCost: 9)])
        #expect(scenario.units(of: \.isDisposed) == ["t", "m3", "MWh"])
    }
}
