import Foundation
import Testing
import TestSupport

/// The board report's map of a park given in lat/lon: sites in km east/north of their centroid,
/// with a scale bar; a km-grid park's map has none (its axes are the park's own km).
@Suite("map of a lat/lon park")
struct CoordinateMapTests {
    /// tiny.yaml's sites at lon 106.740, 106.762, 106.748 (centroid 106.75) and lat ≈ 10.65:
    /// x = 111.195 km/° × cos 10.652° × Δlon spans −1.093 … 1.311 km, 2.404 km, plus 6 % padding
    /// each side = 2.69 km; a quarter is 0.673 km, so the longest 1-2-5 bar that fits is 500 m.
    @Test func latLonMapHasAScaleBar() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try TestSupport.tinyOnLatLon()
        let geo = directory + "/tiny-geo.yaml"
        try text.write(toFile: geo, atomically: true, encoding: .utf8)
        let report = directory + "/geo.html"
        let run = TestSupport.symbiosis(["compare", geo, "--policies", "legal_reform", "--report", report])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"scale-bar\"").count == 2)
        #expect(html.contains(">500 m</text>"))
        let gridReport = directory + "/grid.html"
        let grid = TestSupport.symbiosis(["compare", TestSupport.scenario("tiny.yaml"), "--policies", "legal_reform",
                                          "--report", gridReport])
        #expect(grid.status == 0, "\(grid.stderr)")
        #expect(!(try String(contentsOfFile: gridReport, encoding: .utf8)).contains("scale-bar"))
    }
}
