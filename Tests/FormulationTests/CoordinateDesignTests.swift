import Analysis
import Formulation
import Foundation
import LPSolve
import Scenario
import Testing
import TestSupport

@Suite("coordinates in the design")
struct CoordinateDesignTests {
    /// Scenarios/tiny.yaml's three sites placed on real coordinates near Nha Be, and the same park
    /// on a km grid whose straight lines equal the lat/lon file's road distances (each site at its
    /// projected km east/north of the centroid times the road factor 1.3; the equirectangular
    /// projection keeps km-scale distances to ~1e-6). Same distances, same design under `legal_reform`
    /// (the baseline builds nothing): the same links built in the same years with the same flows.
    @Test func sameParkInKmAndLatLonGivesTheSameDesign() throws {
        let tiny = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let geoText = try TestSupport.tinyOnLatLon()
        let geo = try scenario(yaml: geoText)
        #expect(geo.isGeographic)
        var kmText = tiny
        for (i, (grid, _, _)) in TestSupport.tinySites.enumerated() {
            let p = i < 2 ? geo.companies[i].location : geo.facilities[0].location
            kmText = kmText.replacingOccurrences(of: "location: \(grid)",
                                                 with: "location: [\(p.x * 1.3), \(p.y * 1.3)]")
        }
        let km = try scenario(yaml: kmText)
        #expect(!km.isGeographic)
        for (a, b) in zip(geo.exchanges, km.exchanges) {
            #expect(abs(geo.distance(of: a) - km.distance(of: b)) < 1e-4 * km.distance(of: b))
        }
        let dGeo = try #require(try ParkOptimizer(backend: LPSolver()).optimize(try scenario(yaml: geoText, policy: "legal_reform")).design)
        let dKm = try #require(try ParkOptimizer(backend: LPSolver()).optimize(try scenario(yaml: kmText, policy: "legal_reform")).design)
        #expect(dGeo.exchanges.map(\.built) == dKm.exchanges.map(\.built))
        #expect(dGeo.exchanges.map(\.buildYear) == dKm.exchanges.map(\.buildYear))
        #expect(dGeo.exchanges.contains { $0.built })
        for (a, b) in zip(dGeo.exchanges, dKm.exchanges) {
            for (x, y) in zip(a.flows, b.flows) { #expect(abs(x - y) <= 1e-6 * max(1, abs(y))) }
        }
    }
}
