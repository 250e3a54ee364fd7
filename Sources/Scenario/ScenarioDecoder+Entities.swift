import Yams

/// Reading the park's entities: resources, companies, facilities, exchanges and permits.
extension ScenarioDecoder {
    /// `resources.<id>`: unit, kind and per-unit prices and emissions.
    mutating func resource(id: String, key: Node, value: Node) -> Resource {
        let defaultKind: Resource.Kind = id.contains("water") ? .water : .material
        guard let map = entries(of: value, path: "resources".appendingKey(id), anchor: key, section: .resource) else {
            return Resource(id: id, unit: "", kind: defaultKind)
        }
        var resource = Resource(
            id: id, unit: text(map, "unit") ?? "", price: number(map, "price") ?? 0, co2e: number(map, "co2e") ?? 0,
            disposalCost: number(map, "disposal_cost") ?? 0, disposalCo2e: number(map, "disposal_co2e") ?? 0,
            kind: choice(map, "kind", among: Resource.Kind.allCases) ?? defaultKind,
            salePrice: number(map, "sale_price") ?? 0)
        resource.code = text(map, "code")
        resource.nameVi = text(map, "name_vi")
        return resource
    }

    /// `companies.<id>`: location, yearly volumes produced and needed, growth, capital budget.
    mutating func company(id: String, key: Node, value: Node) -> Company {
        guard let map = entries(of: value, path: "companies".appendingKey(id), anchor: key, section: .company) else {
            return Company(id: id)
        }
        var company = Company(
            id: id, sector: text(map, "sector") ?? "", location: point(map, "location") ?? Point(x: 0, y: 0),
            produces: amounts(map, "produces"), needs: amounts(map, "needs"), growth: number(map, "growth") ?? 0,
            capitalBudget: number(map, "capital_budget"), hurdleRate: number(map, "hurdle_rate"))
        company.nameVi = text(map, "name_vi")
        return company
    }

    /// `facilities.<id>`: shared plant with capacity, conversion coefficients and costs.
    mutating func facility(id: String, key: Node, value: Node) -> Facility {
        guard let map = entries(of: value, path: "facilities".appendingKey(id), anchor: key, section: .facility) else {
            return Facility(id: id, capacity: 0, converts: [])
        }
        return Facility(
            id: id, location: point(map, "location") ?? Point(x: 0, y: 0), capacity: number(map, "capacity") ?? 0,
            converts: amounts(map, "converts"), capex: number(map, "capex") ?? 0,
            fixedCost: number(map, "fixed_cost") ?? 0, unitCost: number(map, "unit_cost") ?? 0,
            jobs: number(map, "jobs") ?? 0, lifetime: integer(map, "lifetime"),
            co2ePerUnit: number(map, "co2e_per_unit") ?? 0)
    }

    /// `exchanges.<id>`: a candidate link between two companies or facilities.
    mutating func exchange(id: String, key: Node, value: Node) -> Exchange {
        guard let map = entries(of: value, path: "exchanges".appendingKey(id), anchor: key, section: .exchange) else {
            return Exchange(id: id, from: "", to: "", send: "", capacity: 0)
        }
        return Exchange(
            id: id, from: text(map, "from") ?? "", to: text(map, "to") ?? "", send: text(map, "send") ?? "",
            replace: text(map, "replace"), ratio: number(map, "ratio") ?? 1, maxShare: number(map, "max_share") ?? 1,
            capacity: number(map, "capacity") ?? 0, capex: number(map, "capex") ?? 0,
            fixedCost: number(map, "fixed_cost") ?? 0, unitCost: number(map, "unit_cost") ?? 0,
            transportCost: number(map, "transport_cost") ?? 0, distance: number(map, "distance"),
            transportCo2e: number(map, "transport_co2e") ?? 0, jobs: number(map, "jobs") ?? 0,
            paidBy: choice(map, "paid_by", among: [Exchange.Payer.from, .to]) ?? .to, permit: text(map, "permit"),
            lifetime: integer(map, "lifetime"))
    }

    /// `permits.<id>`: status and, when conditional, its cost and delay.
    mutating func permit(id: String, key: Node, value: Node) -> Permit {
        guard let map = entries(of: value, path: "permits".appendingKey(id), anchor: key, section: .permit) else {
            return Permit(id: id, status: .allowed)
        }
        let status = choice(map, "status", among: [Permit.Status.forbidden, .allowed, .conditional])
        return Permit(id: id, status: status ?? .allowed, cost: number(map, "cost") ?? 0,
                      delayYears: integer(map, "delay_years") ?? 0)
    }
}
