/// Lookups by id, for the formulation and the checks.
extension Scenario {
    public func resource(_ id: String) -> Resource? { resources.first { $0.id == id } }
    public func company(_ id: String) -> Company? { companies.first { $0.id == id } }
    public func facility(_ id: String) -> Facility? { facilities.first { $0.id == id } }
    public func permit(_ id: String) -> Permit? { permits.first { $0.id == id } }
    public func exchange(_ id: String) -> Exchange? { exchanges.first { $0.id == id } }
    public func policy(_ id: String) -> Policy? { policies.first { $0.id == id } }

    /// Location of a company or facility, km.
    public func location(of id: String) -> Point? { company(id)?.location ?? facility(id)?.location }

    /// km the exchange carries its flow: `distance` if given, else `roadDistance` between the two
    /// ends (the straight line on a km grid, the great circle times `road_factor` in lat/lon;
    /// 0 when an end is unknown).
    public func distance(of exchange: Exchange) -> Double {
        if let distance = exchange.distance { return distance }
        guard let from = location(of: exchange.from), let to = location(of: exchange.to) else { return 0 }
        return roadDistance(from: from, to: to)
    }
}

extension Company {
    /// Year-0 units per year produced of `resource` (0 when not listed).
    public func produced(_ resource: String) -> Double {
        produces.first { $0.resource == resource }?.amount ?? 0
    }

    /// Year-0 units per year needed of `resource` (0 when not listed).
    public func needed(_ resource: String) -> Double {
        needs.first { $0.resource == resource }?.amount ?? 0
    }

    /// `(1 + growth)^t`: multiply a year-0 volume by this for year `t`.
    public func growthFactor(year t: Int) -> Double {
        var factor = 1.0
        for _ in 0 ..< max(0, t) { factor *= 1 + growth }
        return factor
    }
}

extension Facility {
    /// Per-activity-unit coefficient of `resource` (negative = consumed, positive = yielded, 0 = none).
    public func coefficient(of resource: String) -> Double {
        converts.first { $0.resource == resource }?.amount ?? 0
    }
}
