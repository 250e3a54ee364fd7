import Formulation
import Scenario

/// A physical amount in its unit (`450000 t`, `3600000 m3`). Amounts in different units are
/// never added up.
public struct PhysicalQuantity: Sendable, Equatable {
    public var amount: Double
    public var unit: String
    public init(_ amount: Double, _ unit: String) { self.amount = amount; self.unit = unit }
}

extension Scenario {
    /// The units of the resources `include` selects, each once, in the order the scenario first
    /// uses them (`t` first when present: the park's mass unit).
    public func units(of include: (Resource) -> Bool) -> [String] {
        var units: [String] = []
        for resource in resources where include(resource) && !units.contains(resource.unit) { units.append(resource.unit) }
        if let t = units.firstIndex(of: Scenario.massUnit), t > 0 { units.insert(units.remove(at: t), at: 0) }
        return units
    }
}

extension ParkDesign {
    /// Waste diverted from disposal over the horizon (resources that are `isDisposed`), summed
    /// within each unit of `scenario.units(of: \.isDisposed)`; a unit with nothing diverted has 0.
    public func wasteDivertedByUnit(in scenario: Scenario) -> [PhysicalQuantity] {
        Self.byUnit(wasteDiverted, scenario: scenario) { $0.isDisposed }
    }

    /// Virgin inputs replaced over the horizon of resources of `kind`, summed within each unit
    /// those resources use.
    public func virginAvoidedByUnit(_ kind: Resource.Kind, in scenario: Scenario) -> [PhysicalQuantity] {
        Self.byUnit(virginAvoided, scenario: scenario) { $0.kind == kind }
    }

    /// Tonnes of waste diverted from disposal (the dominance criterion `Criterion.wasteDiverted`).
    public func tonnesDiverted(in scenario: Scenario) -> Double {
        wasteDivertedByUnit(in: scenario).first { $0.unit == Scenario.massUnit }?.amount ?? 0
    }

    static func byUnit(_ amounts: [String: Double], scenario: Scenario, include: (Resource) -> Bool) -> [PhysicalQuantity] {
        scenario.units(of: include).map { unit in
            let total = amounts.reduce(0.0) { sum, item in
                guard let resource = scenario.resource(item.key), include(resource), resource.unit == unit else { return sum }
                return sum + item.value
            }
            return PhysicalQuantity(total, unit)
        }
    }
}
