import Foundation

/// Shipped scenarios rewritten for the coordinate and discovery tests.
extension TestSupport {
    /// Scenarios/hiep-phuoc.yaml with every exchange removed: the `exchanges:` block and the one
    /// policy (`facilitation`) whose overrides name exchanges.
    public static func hiepPhuocWithoutExchanges() throws -> String {
        let text = try String(contentsOfFile: scenario("hiep-phuoc.yaml"), encoding: .utf8)
        var out: [String] = []
        var skipping: String?  // the block being removed: "top" or "policy"
        for line in text.components(separatedBy: "\n") {
            let topLevel = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#")
            let policyLevel = line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  #")
            if skipping == "top", topLevel { skipping = nil }
            if skipping == "policy", policyLevel || topLevel { skipping = nil }
            if line.hasPrefix("exchanges:") { skipping = "top"; continue }
            if line.hasPrefix("  facilitation:") { skipping = "policy"; continue }
            if skipping == nil { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    /// tiny.yaml's three sites on the km grid and the lat/lon near Nha Be the coordinate tests
    /// put them at: power plant, cement grinding, water reuse plant.
    public static let tinySites = [("[0.0, 0.0]", 10.640, 106.740), ("[3.0, 4.0]", 10.668, 106.762),
                                   ("[1.0, 1.0]", 10.648, 106.748)]

    /// Scenarios/tiny.yaml with its sites at `tinySites`' lat/lon.
    public static func tinyOnLatLon() throws -> String {
        var text = try String(contentsOfFile: scenario("tiny.yaml"), encoding: .utf8)
        for (grid, lat, lon) in tinySites {
            text = text.replacingOccurrences(of: "location: \(grid)", with: "location: {lat: \(lat), lon: \(lon)}")
        }
        return text
    }
}
