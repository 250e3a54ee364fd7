import Foundation
import Scenario
import Testing

@Suite("coordinates")
struct CoordinateTests {
    /// Ten city pairs. `sphere` is the great circle by the spherical law of cosines,
    /// `R acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ)` with R = 6371.0088 km, a different formula
    /// than the haversine under test; `ellipsoid` is Vincenty's inverse on the WGS84 ellipsoid.
    /// Both worked out independently in Python (math module only):
    ///   R=6371.0088; p1,p2=radians(lat1),radians(lat2)
    ///   R*acos(sin(p1)*sin(p2)+cos(p1)*cos(p2)*cos(radians(lon2-lon1)))
    /// and Vincenty (1975) with a = 6378137, f = 1/298.257223563, iterated to 1e-12.
    static let pairs: [(String, Double, Double, String, Double, Double, sphere: Double, ellipsoid: Double)] = [
        ("Ho Chi Minh City", 10.7769, 106.7009, "Hanoi", 21.0278, 105.8342, 1143.599, 1138.145),
        ("Ho Chi Minh City", 10.7769, 106.7009, "Da Nang", 16.0544, 108.2022, 608.866, 606.073),
        ("Hai Phong", 20.8449, 106.6881, "Hanoi", 21.0278, 105.8342, 90.983, 91.097),
        ("Ho Chi Minh City", 10.7769, 106.7009, "Can Tho", 10.0452, 105.7469, 132.307, 132.145),
        ("Ho Chi Minh City", 10.7769, 106.7009, "Bangkok", 13.7563, 100.5018, 750.546, 750.566),
        ("Hanoi", 21.0278, 105.8342, "Singapore", 1.3521, 103.8198, 2198.727, 2187.616),
        ("London", 51.5074, -0.1278, "Paris", 48.8566, 2.3522, 343.557, 343.923),
        ("New York", 40.7128, -74.0060, "Los Angeles", 34.0522, -118.2437, 3935.752, 3944.422),
        ("Sydney", -33.8688, 151.2093, "Tokyo", 35.6762, 139.6503, 7825.829, 7792.175),
        ("Nha Be", 10.65, 106.74, "Hiep Phuoc port", 10.63, 106.76, 3.118, 3.112),
    ]

    /// Within 0.5 % of the reference great circle (in fact to its printed 3 decimals), and within
    /// 0.6 % of the ellipsoid: a sphere's largest error, on north-south paths near the equator
    /// (Hanoi-Singapore, 0.51 %).
    @Test func greatCircleMatchesReferenceOnTenCityPairs() {
        for (a, lat1, lon1, b, lat2, lon2, sphere, ellipsoid) in Self.pairs {
            let d = GeoCoordinate(latitude: lat1, longitude: lon1)
                .greatCircleDistance(to: GeoCoordinate(latitude: lat2, longitude: lon2))
            #expect(abs(d - sphere) / sphere < 0.005, "\(a)-\(b): \(d) km, reference \(sphere)")
            #expect(abs(d - sphere) < 0.0015, "\(a)-\(b): \(d) km, reference \(sphere)")
            #expect(abs(d - ellipsoid) / ellipsoid < 0.006, "\(a)-\(b): \(d) km, ellipsoid \(ellipsoid)")
        }
    }

    static func park(_ locations: (String, String), roadFactor: String = "", distance: String = "") -> String {
        """
        name: geo
        start_year: 2026
        horizon_years: 3
        discount_rate: 0.08
        \(roadFactor)
        resources:
          fly_ash: {unit: t, disposal_cost: 12}
          clinker: {unit: t, price: 55}
        companies:
          a: {location: \(locations.0), produces: {fly_ash: 1000}}
          b: {location: \(locations.1), needs: {clinker: 5000}}
        exchanges:
          x: {from: a, to: b, send: fly_ash, replace: clinker, capacity: 1000\(distance)}
        """
    }

    /// Nha Be to Hiep Phuoc port, 3.118 km on the great circle (above): by road 1.3 × that by
    /// default, `road_factor` × that when given, and an explicit `distance:` wins.
    @Test func exchangeDistanceIsGreatCircleTimesRoadFactor() throws {
        let sites = ("{lat: 10.65, lon: 106.74}", "{lat: 10.63, lon: 106.76}")
        let s = try Scenario.parse(yaml: Self.park(sites), file: "geo.yaml").scenario
        #expect(s.isGeographic)
        #expect(s.roadFactor == 1.3)
        #expect(abs(s.distance(of: s.exchanges[0]) - 1.3 * 3.118) < 0.002)
        let f = try Scenario.parse(yaml: Self.park(sites, roadFactor: "road_factor: 1.5"), file: "geo.yaml").scenario
        #expect(abs(f.distance(of: f.exchanges[0]) - 1.5 * 3.118) < 0.002)
        let e = try Scenario.parse(yaml: Self.park(sites, distance: ", distance: 7"), file: "geo.yaml").scenario
        #expect(e.distance(of: e.exchanges[0]) == 7)
        // The local projection puts the two sites symmetrically about the centroid, 3.118 km apart.
        let (p, q) = (s.companies[0].location, s.companies[1].location)
        #expect(abs(p.x + q.x) < 1e-9 && abs(p.y + q.y) < 1e-9)
        #expect(abs(p.distance(to: q) - 3.118) < 0.002)
        // A km grid keeps the straight line, without a road factor.
        let grid = try Scenario.parse(yaml: Self.park(("[0, 0]", "[3, 4]")), file: "grid.yaml").scenario
        #expect(!grid.isGeographic)
        #expect(grid.distance(of: grid.exchanges[0]) == 5)
    }

    /// One file, one kind of location: mixing is an error at the second kind's line, naming the
    /// first; out-of-range degrees and road factors are errors too.
    @Test func mixedOrInvalidLocationsAreErrors() {
        #expect {
            _ = try Scenario.parse(yaml: Self.park(("[0, 0]", "{lat: 10.63, lon: 106.76}")), file: "mixed.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("mixed.yaml:11:") && text.contains("companies.b.location")
                && text.contains("companies.a.location (line 10)")
        }
        #expect {
            _ = try Scenario.parse(yaml: Self.park(("{lat: 95, lon: 0}", "{lat: 1, lon: 1}")), file: "lat.yaml")
        } throws: { error in "\(error)".contains("latitude must be between -90 and 90") }
        #expect {
            _ = try Scenario.parse(yaml: Self.park(("{lat: 1}", "{lat: 1, lon: 1}")), file: "lon.yaml")
        } throws: { error in "\(error)".contains("{lat, lon}") }
        #expect {
            _ = try Scenario.parse(yaml: Self.park(("[0, 0]", "[1, 1]"), roadFactor: "road_factor: 0.5"), file: "rf.yaml")
        } throws: { error in "\(error)".contains("road_factor") }
    }
}
