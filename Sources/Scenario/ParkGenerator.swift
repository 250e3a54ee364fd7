import Foundation
import Sampling

/// Plausible synthetic parks for benchmarks and scaling studies: sectors with realistic
/// resource mixes, sites on a grid, candidate links between compatible wastes and inputs,
/// shared facilities, permits, policies and uncertainty, written as a scenario file.
///
/// Prices, fees and emission factors are those of `Scenarios/hiep-phuoc.yaml` (whose comments
/// give their sources); volumes, budgets and link costs are drawn in ranges of the same order
/// as that file's. The same arguments and seed give the same file.
public struct ParkGenerator: Sendable {
    public var companies: Int
    public var exchanges: Int
    public var facilities: Int
    public var years: Int
    public var seed: UInt64

    public init(companies: Int, exchanges: Int, facilities: Int, years: Int, seed: UInt64) {
        self.companies = companies; self.exchanges = exchanges; self.facilities = facilities
        self.years = years; self.seed = seed
    }

    /// A sector: what its firms produce and need, as (resource, low, high) units per year.
    struct Sector {
        let name: String
        let produces: [(String, Double, Double)]
        let needs: [(String, Double, Double)]
    }

    static let sectors: [Sector] = [
        Sector(name: "power", produces: [("fly_ash", 5000, 40000), ("waste_heat", 10000, 70000), ("wastewater", 40000, 350000)],
               needs: [("water", 100000, 900000)]),
        Sector(name: "steel", produces: [("eaf_slag", 5000, 55000), ("steel_scrap", 1000, 6000), ("wastewater", 60000, 250000)],
               needs: [("steel_scrap", 50000, 480000), ("water", 90000, 600000)]),
        Sector(name: "cement", produces: [], needs: [("clinker", 50000, 300000), ("aggregate", 20000, 150000)]),
        Sector(name: "concrete", produces: [("wastewater", 10000, 50000)], needs: [("aggregate", 20000, 200000), ("water", 20000, 80000)]),
        Sector(name: "food", produces: [("organic_waste", 2000, 9000), ("wastewater", 100000, 450000)],
               needs: [("water", 100000, 500000), ("steam", 5000, 30000)]),
        Sector(name: "paper", produces: [("wastewater", 200000, 800000)],
               needs: [("pulp", 10000, 60000), ("steam", 20000, 80000), ("water", 200000, 900000)]),
        Sector(name: "chemical", produces: [("spent_solvent", 100, 800), ("wastewater", 20000, 100000)],
               needs: [("solvent", 200, 1500), ("steam", 2000, 15000)]),
        Sector(name: "plastics", produces: [("waste_plastic", 200, 1500)], needs: [("plastic_resin", 2000, 18000), ("water", 10000, 30000)]),
        Sector(name: "textile", produces: [("wastewater", 200000, 600000)], needs: [("water", 200000, 700000), ("steam", 10000, 40000)]),
        Sector(name: "printing", produces: [("waste_paper", 500, 2500), ("waste_plastic", 200, 900), ("spent_solvent", 50, 150)],
               needs: [("solvent", 100, 400)]),
    ]

    /// Direct links: sent resource -> replaced input, ratio, max share, unit cost, capex range, permit.
    static let directLinks: [(send: String, replace: String, ratio: Double, share: Double, unitCost: Double, capex: (Double, Double), permit: String?)] = [
        ("fly_ash", "clinker", 0.8, 0.3, 4, (500_000, 1_500_000), "waste_as_material"),
        ("eaf_slag", "aggregate", 1.0, 0.4, 3, (300_000, 1_000_000), "waste_as_material"),
        ("steel_scrap", "steel_scrap", 1.0, 1.0, 8, (50_000, 200_000), nil),
        ("waste_heat", "steam", 1.2, 0.5, 3, (500_000, 2_000_000), nil),
        ("waste_paper", "pulp", 0.8, 0.5, 20, (100_000, 500_000), nil),
        ("waste_plastic", "plastic_resin", 0.5, 0.05, 60, (100_000, 300_000), nil),
        ("spent_solvent", "solvent", 0.6, 0.3, 150, (200_000, 600_000), "hazardous_waste_transfer"),
    ]

    /// Facility kinds: id, what they take and give, capacity, capex, fixed and unit cost, jobs, CO2e per unit.
    static let facilityKinds: [(id: String, takes: String, gives: String, yield: Double, capacity: Double, capex: Double,
                                fixed: Double, unit: Double, jobs: Double, co2e: Double)] = [
        ("water_reuse", "wastewater", "water", 0.75, 1_800_000, 3_000_000, 150_000, 0.38, 10, 0.0007),
        ("biogas", "organic_waste", "steam", 0.45, 30_000, 4_000_000, 220_000, 6, 14, 0.02),
        ("solvent_recovery", "spent_solvent", "solvent", 0.75, 2_000, 1_500_000, 90_000, 120, 8, 0.3),
        ("plastics_recycling", "waste_plastic", "plastic_resin", 0.7, 6_000, 1_200_000, 80_000, 180, 12, 0.25),
    ]

    /// A generated park: the scenario file's text and how many candidate exchanges it has.
    public struct Park: Sendable {
        public let yaml: String
        /// At most the `exchanges` asked for; fewer when the companies and facilities have fewer
        /// compatible pairs (every one of them is then in the file).
        public let exchanges: Int
        /// The scenario's `name`, which counts the exchanges the file has (not those asked for).
        public let name: String
    }

    /// The scenario file's text.
    public func yaml() -> String { park().yaml }

    /// The scenario file and what it holds.
    public func park() -> Park {
        var random = Stream(seed: seed)
        let side = max(2.0, (Double(companies)).squareRoot() * 0.8)
        var out = """
        currency: USD
        start_year: 2026
        horizon_years: \(years)
        discount_rate: 0.09
        residual_value: straight_line
        park_budget: \(Int(2_000_000 * Double(max(1, facilities))))

        resources:
          fly_ash: {unit: t, kind: waste, disposal_cost: 10, disposal_co2e: 0.02}
          eaf_slag: {unit: t, kind: waste, disposal_cost: 9, disposal_co2e: 0.01}
          steel_scrap: {unit: t, kind: material, price: 385, co2e: 0.06}
          clinker: {unit: t, kind: material, price: 45, co2e: 0.85}
          aggregate: {unit: t, kind: material, price: 11, co2e: 0.005}
          waste_heat: {unit: MWh, kind: energy}
          steam: {unit: t, kind: energy, price: 24, co2e: 0.28}
          wastewater: {unit: m3, kind: waste, disposal_cost: 0.45, disposal_co2e: 0.0004}
          water: {unit: m3, kind: water, price: 0.58, co2e: 0.0003}
          spent_solvent: {unit: t, kind: waste, disposal_cost: 320, disposal_co2e: 2.2}
          solvent: {unit: t, kind: material, price: 1150, co2e: 1.3}
          waste_paper: {unit: t, kind: waste, disposal_cost: 12, disposal_co2e: 0.8}
          pulp: {unit: t, kind: material, price: 230, co2e: 0.3}
          organic_waste: {unit: t, kind: waste, disposal_cost: 22, disposal_co2e: 0.7}
          waste_plastic: {unit: t, kind: waste, disposal_cost: 25, disposal_co2e: 0.04}
          plastic_resin: {unit: t, kind: material, price: 1150, co2e: 1.9}

        companies:

        """
        struct Site { let id: String; let x: Double; let y: Double; var produces: [String: Double]; var needs: [String: Double] }
        var sites: [Site] = []
        for c in 0..<companies {
            let sector = Self.sectors[c < Self.sectors.count ? c : random.index(Self.sectors.count)]
            let id = "\(sector.name)_\(c + 1)"
            let scale = random.uniform(0.5, 1.5)
            var produces: [String: Double] = [:], needs: [String: Double] = [:]
            for (r, low, high) in sector.produces { produces[r] = (random.uniform(low, high) * scale).rounded() }
            for (r, low, high) in sector.needs { needs[r] = (random.uniform(low, high) * scale).rounded() }
            let site = Site(id: id, x: random.uniform(0, side), y: random.uniform(0, side), produces: produces, needs: needs)
            sites.append(site)
            out += "  \(id): {sector: \(sector.name), location: [\(Self.f(site.x)), \(Self.f(site.y))]"
            if !produces.isEmpty { out += ", produces: {" + produces.sorted { $0.key < $1.key }.map { "\($0.key): \(Int($0.value))" }.joined(separator: ", ") + "}" }
            if !needs.isEmpty { out += ", needs: {" + needs.sorted { $0.key < $1.key }.map { "\($0.key): \(Int($0.value))" }.joined(separator: ", ") + "}" }
            out += ", growth: \(Self.f(random.uniform(0, 0.03))), capital_budget: \(Int(random.uniform(500_000, 6_000_000).rounded(.down) / 1000) * 1000)}\n"
        }

        var plants: [(id: String, kind: Int, x: Double, y: Double)] = []
        if facilities > 0 { out += "\nfacilities:\n" }
        for k in 0..<facilities {
            let kind = k % Self.facilityKinds.count
            let spec = Self.facilityKinds[kind]
            let id = spec.id + (k < Self.facilityKinds.count ? "" : "_\(k / Self.facilityKinds.count + 1)")
            let plant = (id: id, kind: kind, x: random.uniform(0, side), y: random.uniform(0, side))
            plants.append(plant)
            out += "  \(id): {location: [\(Self.f(plant.x)), \(Self.f(plant.y))], capacity: \(Int(spec.capacity)), "
                + "converts: {\(spec.takes): -1.0, \(spec.gives): \(spec.yield)}, capex: \(Int(spec.capex)), fixed_cost: \(Int(spec.fixed)), "
                + "unit_cost: \(spec.unit), jobs: \(Int(spec.jobs)), lifetime: 20, co2e_per_unit: \(spec.co2e)}\n"
        }

        // Every compatible pair, nearest first (with some noise), until the requested number.
        struct Candidate { let text: String; let score: Double }
        var candidates: [Candidate] = []
        func distance(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double { ((ax - bx) * (ax - bx) + (ay - by) * (ay - by)).squareRoot() }
        for from in sites {
            for to in sites where to.id != from.id {
                for link in Self.directLinks {
                    guard let supply = from.produces[link.send], let need = to.needs[link.replace] else { continue }
                    let capacity = (min(supply, need * link.share / link.ratio) * random.uniform(0.5, 1)).rounded()
                    guard capacity >= 1 else { continue }
                    let d = distance(from.x, from.y, to.x, to.y)
                    var text = "{from: \(from.id), to: \(to.id), send: \(link.send), replace: \(link.replace), ratio: \(link.ratio), "
                        + "max_share: \(link.share), capacity: \(Int(capacity)), capex: \(Int(random.uniform(link.capex.0, link.capex.1) / 1000) * 1000), "
                        + "fixed_cost: \(Int(random.uniform(5_000, 40_000) / 1000) * 1000), unit_cost: \(link.unitCost), transport_cost: 0.15, "
                        + "transport_co2e: 0.0001, jobs: \(Int(random.uniform(1, 6)))"
                    if let permit = link.permit { text += ", permit: \(permit)" }
                    candidates.append(Candidate(text: text + "}", score: d * random.uniform(0.7, 1.3)))
                }
            }
            for plant in plants {
                let spec = Self.facilityKinds[plant.kind]
                if let supply = from.produces[spec.takes] {
                    let capacity = (min(supply, spec.capacity) * random.uniform(0.6, 1)).rounded()
                    candidates.append(Candidate(
                        text: "{from: \(from.id), to: \(plant.id), send: \(spec.takes), capacity: \(Int(capacity)), "
                            + "capex: \(Int(random.uniform(30_000, 200_000) / 1000) * 1000), unit_cost: \(Self.f(spec.unit * 0.05)), transport_cost: 0.1}",
                        score: distance(from.x, from.y, plant.x, plant.y) * random.uniform(0.7, 1.3)))
                }
                if let need = from.needs[spec.gives] {
                    let capacity = (min(need * 0.5, spec.capacity * spec.yield) * random.uniform(0.6, 1)).rounded()
                    candidates.append(Candidate(
                        text: "{from: \(plant.id), to: \(from.id), send: \(spec.gives), replace: \(spec.gives), max_share: 0.5, "
                            + "capacity: \(Int(capacity)), capex: \(Int(random.uniform(50_000, 400_000) / 1000) * 1000), unit_cost: 0.02, transport_cost: 0.02}",
                        score: distance(from.x, from.y, plant.x, plant.y) * random.uniform(0.7, 1.3)))
                }
            }
        }
        candidates.sort { $0.score < $1.score }
        let made = min(exchanges, candidates.count)
        let name = "Synthetic park \(companies)x\(made) (seed \(seed))"
        var header = """
        # Synthetic park generated by `symbiosis generate --companies \(companies) --exchanges \(exchanges) \
        --facilities \(facilities) --years \(years) --seed \(seed)`.

        """
        if made < exchanges {
            header += "# \(made) exchanges, not \(exchanges): these companies and facilities have no more compatible pairs.\n"
        }
        header += """
        # Prices, fees and CO2e factors: as in Scenarios/hiep-phuoc.yaml (sources in its comments).
        # Volumes, budgets, sites and link costs: drawn in ranges of the same order. Not data on real firms.
        name: \(name)

        """
        out = header + out
        out += "\nexchanges:\n"
        for (index, candidate) in candidates.prefix(exchanges).enumerated() { out += "  link_\(index + 1): \(candidate.text)\n" }
        out += """

        permits:
          waste_as_material: {status: forbidden}
          hazardous_waste_transfer: {status: conditional, cost: 15000, delay_years: 1}

        policies:
          landfill_tax: {set: {resources.fly_ash.disposal_cost: 25, resources.eaf_slag.disposal_cost: 22, resources.organic_waste.disposal_cost: 45}}
          legal_reform: {set: {permits.waste_as_material: {status: conditional, cost: 25000, delay_years: 2}}}
          green_credit: {set: {interest_rate: 0.04, loan_years: 10}}
          carbon_price: {set: {carbon_price: 20}}

        objectives: {economic: 1, environmental: 0.5, social: 0.2, win_win: true}

        uncertainty:
          seed: \(seed)
          samples: 1000
          prices:
            clinker: {model: gbm, drift: 0.01, volatility: 0.12}
            steam: {model: mean_reverting, speed: 0.4, volatility: 0.15}
            steel_scrap: {model: gbm, drift: 0.0, volatility: 0.2}
          volumes:
            capex: {model: triangular, low: 0.9, mode: 1.05, high: 1.4}
          correlations:
            - [clinker, steam, 0.5]

        """
        return Park(yaml: out, exchanges: made, name: name)
    }

    static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    /// The generator's only source of randomness: Philox draws numbered 1, 2, 3, ...
    struct Stream {
        let random: RandomStream
        var counter: UInt32 = 0
        init(seed: UInt64) { random = RandomStream(seed: seed) }
        mutating func unit() -> Double {
            counter += 1
            return random.uniform(counter, 0x9E4E, 0)
        }
        mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
        mutating func index(_ count: Int) -> Int { min(count - 1, Int(unit() * Double(count))) }
    }
}
