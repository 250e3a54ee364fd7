import Foundation

/// A site given in WGS84 degrees (`location: {lat, lon}`).
///
/// Distances follow the great circle on a sphere of the IUGG mean Earth radius, by the haversine
/// formula (R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2):159, 1984; worked
/// through at https://www.movable-type.co.uk/scripts/latlong.html), which stays well conditioned
/// at the few-km distances inside a park. On the ellipsoid a great-circle distance errs by at
/// most about 0.5 %, far below what a road factor guesses.
public struct GeoCoordinate: Sendable, Equatable {
    /// Degrees north, -90 ... 90.
    public var latitude: Double
    /// Degrees east, -180 ... 180.
    public var longitude: Double

    public init(latitude: Double, longitude: Double) { self.latitude = latitude; self.longitude = longitude }

    /// Mean Earth radius R1 = (2a + b) / 3 of WGS84, km (IUGG).
    public static let earthRadius = 6371.0088

    /// Great-circle distance in km: `2R asin(sqrt(hav(Δφ) + cos φ1 cos φ2 hav(Δλ)))`,
    /// `hav(θ) = sin²(θ/2)`.
    public func greatCircleDistance(to other: GeoCoordinate) -> Double {
        let phi1 = latitude * .pi / 180, phi2 = other.latitude * .pi / 180
        let dPhi = phi2 - phi1, dLambda = (other.longitude - longitude) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * Self.earthRadius * asin(min(1, h.squareRoot()))
    }

    /// km east and north of `origin` in the equirectangular projection around it:
    /// `x = R Δλ cos φ0`, `y = R Δφ` (Snyder, "Map Projections — A Working Manual", USGS
    /// Professional Paper 1395, 1987, p. 90). Inside a park of a few km, its distances differ from
    /// the great circle by far less than 0.1 %; it is used to draw maps, never to price transport.
    public func projected(around origin: GeoCoordinate) -> (x: Double, y: Double) {
        let k = Self.earthRadius * .pi / 180
        return (k * (longitude - origin.longitude) * cos(origin.latitude * .pi / 180),
                k * (latitude - origin.latitude))
    }
}

extension Scenario {
    /// Default of `road_factor`: road km per great-circle km between two sites given in lat/lon.
    /// Circuity factors of road networks are mostly 1.2-1.4 (see docs/scenario-format.md).
    public static let defaultRoadFactor = 1.3

    /// Whether the sites are given in lat/lon (`{lat, lon}`) rather than on a km grid.
    public var isGeographic: Bool {
        companies.contains { $0.location.geo != nil } || facilities.contains { $0.location.geo != nil }
    }

    /// km by road between two sites: the great circle times `road_factor` when both are in
    /// lat/lon, else the straight line on the km grid.
    public func roadDistance(from a: Point, to b: Point) -> Double {
        if let p = a.geo, let q = b.geo { return p.greatCircleDistance(to: q) * roadFactor }
        return a.distance(to: b)
    }

    /// The centre of the lat/lon sites (mean latitude and longitude), `nil` on a km grid.
    public var geographicCentroid: GeoCoordinate? {
        let points = companies.compactMap(\.location.geo) + facilities.compactMap(\.location.geo)
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        return GeoCoordinate(latitude: points.map(\.latitude).reduce(0, +) / n,
                             longitude: points.map(\.longitude).reduce(0, +) / n)
    }

    /// Sets `x, y` of every lat/lon site to its km east and north of the sites' centroid
    /// (`GeoCoordinate.projected(around:)`), for maps and for messages that speak of km.
    mutating func projectGeographicSites() {
        guard let origin = geographicCentroid else { return }
        for i in companies.indices { if let g = companies[i].location.geo { companies[i].location.project(g, around: origin) } }
        for i in facilities.indices { if let g = facilities[i].location.geo { facilities[i].location.project(g, around: origin) } }
    }
}

extension Point {
    /// A site in lat/lon; `x, y` are set by `Scenario.projectGeographicSites()`.
    public init(latitude: Double, longitude: Double) {
        self.init(x: 0, y: 0)
        geo = GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    mutating func project(_ g: GeoCoordinate, around origin: GeoCoordinate) {
        (x, y) = g.projected(around: origin)
    }
}
