/// A park scenario: companies, shared facilities, resources and candidate exchanges,
/// the legal permits that gate them, the board's policy options and the uncertainty.
///
/// Years are indexed `t = 0 ..< horizonYears`, calendar year `startYear + t`. Cash flows of
/// year `t` are discounted by `1 / (1 + discountRate)^t`. Money is in `currency`.
/// This type holds the scenario *after* a policy has been applied; see `Scenario+Policy`.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var currency: String
    public var startYear: Int
    public var horizonYears: Int
    /// Real discount rate per year.
    public var discountRate: Double
    /// Resources in file order, keyed by id in `resourceIndex`.
    public var resources: [Resource]
    public var companies: [Company]
    public var facilities: [Facility]
    public var exchanges: [Exchange]
    public var permits: [Permit]
    public var policies: [Policy]
    public var objectives: Objectives
    public var targets: Targets
    public var economics: Economics
    /// Whether assets whose life runs past the horizon keep a value at its end (`none` by default).
    public var residualValue: ResidualValue = .none
    /// Least share of its tight flow bound a built exchange carries in each operating year of the
    /// deterministic design (0 = no floor): no link is built to carry nothing.
    public var minUtilization: Double = Scenario.defaultMinUtilization
    public static let defaultMinUtilization = 0.1
    /// Road km per great-circle km between sites given in lat/lon (`road_factor`, default 1.3);
    /// not used on a km grid.
    public var roadFactor: Double = Scenario.defaultRoadFactor
    /// How a design's gain is shared among its firms (`sharing:`; the smallest transfers by default).
    public var sharing = SharingSettings()
    public var uncertainty: Uncertainty?
    public var sensitivity: SensitivityStudy?
    /// How policy options are appraised against the status quo (shadow prices, public discount
    /// rate, which policy is today's rules); no policy changes it.
    public var appraisal = AppraisalSettings()
    /// Where the scenario was read from, for messages (`nil` when built in code).
    public var sourcePath: String?

    public init(
        name: String, currency: String = "USD", startYear: Int, horizonYears: Int, discountRate: Double,
        resources: [Resource] = [], companies: [Company] = [], facilities: [Facility] = [],
        exchanges: [Exchange] = [], permits: [Permit] = [], policies: [Policy] = [],
        objectives: Objectives = Objectives(), targets: Targets = Targets(), economics: Economics = Economics(),
        uncertainty: Uncertainty? = nil, sensitivity: SensitivityStudy? = nil, sourcePath: String? = nil
    ) {
        self.name = name; self.currency = currency; self.startYear = startYear
        self.horizonYears = horizonYears; self.discountRate = discountRate
        self.resources = resources; self.companies = companies; self.facilities = facilities
        self.exchanges = exchanges; self.permits = permits; self.policies = policies
        self.objectives = objectives; self.targets = targets; self.economics = economics
        self.uncertainty = uncertainty; self.sensitivity = sensitivity; self.sourcePath = sourcePath
    }
}

/// What an asset whose life runs past the horizon is worth at the horizon's end.
public enum ResidualValue: String, Sendable, Equatable, CaseIterable {
    /// Nothing: the horizon's end is the end of every asset.
    case none
    /// The unused share of its life times its capex (linear depreciation), at the horizon's end.
    case straightLine = "straight_line"
}

/// Anything that flows between firms: a waste, a by-product, a virgin input, water, energy.
public struct Resource: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case material, water, energy, waste
    }
    public var id: String
    /// A classification code that `discover` matches the synergy library on: a European List of
    /// Waste or Basel code for a waste (`10 01 02`, `A3140`), an HS code for a product (`7204`).
    public var code: String?
    /// Physical unit, e.g. `t`, `m3`, `MWh`.
    public var unit: String
    /// Virgin purchase price per unit (currency/unit); 0 when not bought.
    public var price: Double
    /// t CO2e emitted per unit bought (cradle-to-gate of the virgin input).
    public var co2e: Double
    /// Cost per unit disposed (landfill or discharge fee), currency/unit.
    public var disposalCost: Double
    /// t CO2e per unit disposed.
    public var disposalCo2e: Double
    /// What a producer earns per unit selling it outside the park (currency/unit); each unit sent
    /// through a link forgoes it at a company sender. 0 when not sold; never with `disposalCost`.
    public var salePrice: Double
    /// Reporting category: water saved, virgin material avoided, energy, waste. Default: `water`
    /// for an id containing "water", else `material`.
    public var kind: Kind
    /// The name a Vietnamese reader reads (`name_vi`, for `--lang vi`); `nil`: the id is shown.
    public var nameVi: String?

    public init(id: String, unit: String, price: Double = 0, co2e: Double = 0, disposalCost: Double = 0,
                disposalCo2e: Double = 0, kind: Kind = .material, salePrice: Double = 0) {
        self.id = id; self.unit = unit; self.price = price; self.co2e = co2e
        self.disposalCost = disposalCost; self.disposalCo2e = disposalCo2e; self.kind = kind
        self.salePrice = salePrice
    }
}

/// A firm in the park.
public struct Company: Sendable, Equatable {
    public var id: String
    public var sector: String
    /// km on the park grid.
    public var location: Point
    /// Units per year produced in year 0 (wastes and by-products), by resource id, in file order.
    public var produces: [ResourceAmount]
    /// Units per year needed in year 0 (inputs), by resource id, in file order.
    public var needs: [ResourceAmount]
    /// Per year: `volume_t = volume_0 * (1 + growth)^t`.
    public var growth: Double
    /// Most capex (currency) it can pay from own funds over the horizon; `nil` = unlimited.
    public var capitalBudget: Double?
    /// The firm's own real discount rate for its NPV and its win-win row; `nil` = the scenario's
    /// `discount_rate`. The park and society keep the scenario's rate.
    public var hurdleRate: Double?
    /// The name a Vietnamese reader reads (`name_vi`, for `--lang vi`); `nil`: the id is shown.
    public var nameVi: String?

    public init(id: String, sector: String = "", location: Point = Point(x: 0, y: 0),
                produces: [ResourceAmount] = [], needs: [ResourceAmount] = [], growth: Double = 0,
                capitalBudget: Double? = nil, hurdleRate: Double? = nil) {
        self.id = id; self.sector = sector; self.location = location; self.produces = produces
        self.needs = needs; self.growth = growth; self.capitalBudget = capitalBudget; self.hurdleRate = hurdleRate
    }
}

extension Resource {
    /// Whether a firm that does not send it away disposes of it: a `waste` resource, or one with
    /// a disposal fee or disposal emissions. Sending such a resource through a link diverts it
    /// from disposal; steam or heat sold to a neighbour is not waste diverted.
    public var isDisposed: Bool { kind == .waste || disposalCost > 0 || disposalCo2e > 0 }
}

extension Scenario {
    /// The unit of mass the appraisal counts waste in.
    public static let massUnit = "t"
}

/// A site: on the park grid in km, or in WGS84 lat/lon (`geo`, see `GeoCoordinate`).
public struct Point: Sendable, Equatable {
    /// km east on the park grid; for a lat/lon site, km east of the sites' centroid (projected).
    public var x: Double
    /// km north on the park grid; for a lat/lon site, km north of the sites' centroid (projected).
    public var y: Double
    /// The site in lat/lon when the file gave `{lat, lon}`; `nil` on a km grid.
    public var geo: GeoCoordinate?
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    /// Straight-line distance in km.
    public func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }
}

/// An amount of one resource (units per year).
public struct ResourceAmount: Sendable, Equatable {
    public var resource: String
    public var amount: Double
    public init(_ resource: String, _ amount: Double) { self.resource = resource; self.amount = amount }
}

/// Shared infrastructure the park may build and run (water reuse, steam, waste-to-energy).
/// Its capex and costs are paid by the park operator.
public struct Facility: Sendable, Equatable {
    public var id: String
    public var location: Point
    /// Activity units per year.
    public var capacity: Double
    /// Per activity unit: negative = consumed, positive = yielded (units of the resource).
    public var converts: [ResourceAmount]
    public var capex: Double
    /// Currency per year once built.
    public var fixedCost: Double
    /// Currency per activity unit.
    public var unitCost: Double
    /// FTE while operating.
    public var jobs: Double
    /// Years it operates after its build year; `nil` = to the end of the horizon.
    public var lifetime: Int?
    /// t CO2e emitted per activity unit (energy use of the plant); default 0.
    public var co2ePerUnit: Double

    public init(id: String, location: Point = Point(x: 0, y: 0), capacity: Double, converts: [ResourceAmount],
                capex: Double = 0, fixedCost: Double = 0, unitCost: Double = 0, jobs: Double = 0,
                lifetime: Int? = nil, co2ePerUnit: Double = 0) {
        self.id = id; self.location = location; self.capacity = capacity; self.converts = converts
        self.capex = capex; self.fixedCost = fixedCost; self.unitCost = unitCost; self.jobs = jobs
        self.lifetime = lifetime; self.co2ePerUnit = co2ePerUnit
    }
}

/// A candidate symbiosis link: `from` sends `send` to `to`, replacing `replace` there.
public struct Exchange: Sendable, Equatable {
    public enum Payer: String, Sendable, Equatable { case from, to }
    public var id: String
    /// Company or facility id.
    public var from: String
    /// Company or facility id.
    public var to: String
    public var send: String
    /// Resource replaced at the receiver; `nil` when the receiver is a facility (it feeds its
    /// consumption) or when nothing is replaced.
    public var replace: String?
    /// Units of `replace` replaced per unit received (default 1).
    public var ratio: Double
    /// Largest share of the receiver's need of `replace` this link may cover (default 1).
    public var maxShare: Double
    /// Units sent per year.
    public var capacity: Double
    public var capex: Double
    public var fixedCost: Double
    public var unitCost: Double
    /// Currency per unit per km.
    public var transportCost: Double
    /// km; `nil` = between the locations: the straight line on a km grid, the great circle
    /// times `road_factor` in lat/lon.
    public var distance: Double?
    /// t CO2e per unit per km transported; default 0.
    public var transportCo2e: Double
    public var jobs: Double
    public var paidBy: Payer
    public var permit: String?
    /// Years it operates after its build year; `nil` = to the end of the horizon.
    public var lifetime: Int?

    public init(id: String, from: String, to: String, send: String, replace: String? = nil, ratio: Double = 1,
                maxShare: Double = 1, capacity: Double, capex: Double = 0, fixedCost: Double = 0,
                unitCost: Double = 0, transportCost: Double = 0, distance: Double? = nil,
                transportCo2e: Double = 0, jobs: Double = 0, paidBy: Payer = .to, permit: String? = nil,
                lifetime: Int? = nil) {
        self.id = id; self.from = from; self.to = to; self.send = send; self.replace = replace
        self.ratio = ratio; self.maxShare = maxShare; self.capacity = capacity; self.capex = capex
        self.fixedCost = fixedCost; self.unitCost = unitCost; self.transportCost = transportCost
        self.distance = distance; self.transportCo2e = transportCo2e; self.jobs = jobs
        self.paidBy = paidBy; self.permit = permit; self.lifetime = lifetime
    }
}

/// A legal gate on exchanges (e.g. using a waste as raw material).
public struct Permit: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case forbidden, allowed, conditional }
    public var id: String
    public var status: Status
    /// Conditional only: paid once, in the build year, by the exchange's payer.
    public var cost: Double
    /// Conditional only: exchanges may be built from year `delayYears` on.
    public var delayYears: Int

    public init(id: String, status: Status, cost: Double = 0, delayYears: Int = 0) {
        self.id = id; self.status = status; self.cost = cost; self.delayYears = delayYears
    }
}

/// Weights of the objectives, each normalized over its payoff-table range.
public struct Objectives: Sendable, Equatable {
    public var economic: Double
    public var environmental: Double
    public var social: Double
    /// Every company and the park operator ends with NPV >= 0 after transfer payments.
    public var winWin: Bool
    public init(economic: Double = 1, environmental: Double = 0, social: Double = 0, winWin: Bool = false) {
        self.economic = economic; self.environmental = environmental; self.social = social; self.winWin = winWin
    }
}

/// Requirements that every design must meet (they can make a scenario infeasible).
public struct Targets: Sendable, Equatable {
    /// t CO2e avoided over the horizon, at least.
    public var co2eAvoided: Double?
    /// Share of a resource's production diverted from disposal each year from calendar year `by` on.
    public var diverted: [DiversionTarget]
    public var minExchanges: Int?
    /// Exchange ids that must be built (in some year).
    public var build: [String]
    public var minCompanies: Int?
    public init(co2eAvoided: Double? = nil, diverted: [DiversionTarget] = [], minExchanges: Int? = nil,
                build: [String] = [], minCompanies: Int? = nil) {
        self.co2eAvoided = co2eAvoided; self.diverted = diverted; self.minExchanges = minExchanges
        self.build = build; self.minCompanies = minCompanies
    }
}

public struct DiversionTarget: Sendable, Equatable {
    public var resource: String
    public var share: Double
    /// Calendar year from which the share holds.
    public var by: Int
    public init(resource: String, share: Double, by: Int) { self.resource = resource; self.share = share; self.by = by }
}

/// Park-wide economic levers (top-level keys of the file; policies override them).
public struct Economics: Sendable, Equatable {
    /// Currency per t CO2e in year 0.
    public var carbonPrice: Double
    /// Per year: `carbon_price_t = carbon_price * (1 + growth)^t`.
    public var carbonPriceGrowth: Double
    /// Share of every capex paid by public funds (0...1).
    public var capexSubsidy: Double
    /// Loan rate for financed capex; `nil` = no credit line.
    public var interestRate: Double?
    /// Annuity term of the loan, years.
    public var loanYears: Int
    /// Most facility capex (after subsidy) the park operator can pay over the horizon; `nil` = unlimited.
    public var parkBudget: Double?
    /// Largest share of an investment's (subsidized) capex the credit line may finance (0...1).
    public var loanShare: Double
    /// Largest loan per investment (currency); `nil` = no cap.
    public var loanCap: Double?
    public init(carbonPrice: Double = 0, carbonPriceGrowth: Double = 0, capexSubsidy: Double = 0,
                interestRate: Double? = nil, loanYears: Int = 10, parkBudget: Double? = nil,
                loanShare: Double = 1, loanCap: Double? = nil) {
        self.carbonPrice = carbonPrice; self.carbonPriceGrowth = carbonPriceGrowth; self.capexSubsidy = capexSubsidy
        self.interestRate = interestRate; self.loanYears = loanYears; self.parkBudget = parkBudget
        self.loanShare = loanShare; self.loanCap = loanCap
    }
}

/// The top-level keys of the policy appraisal (docs/appraisal.md): they say how options are
/// judged, not how the park works, so no policy may change them and the model never reads them.
public struct AppraisalSettings: Sendable, Equatable {
    /// Shadow price of a t CO2e (currency/t, constant over the horizon); 0 = emissions not valued.
    public var socialCostOfCarbon: Double
    /// Rate at which the public budget discounts a credit line's repayments; `nil` = `discount_rate`.
    public var publicDiscountRate: Double?
    /// The policy (or `a+b` combination) that stands for today's rules; `nil` = the file without
    /// any policy.
    public var statusQuo: String?
    /// Shadow price of a t of waste kept out of landfill (currency/t): the harm of landfilling
    /// that no fee prices. Applies to resources measured in `t` that a firm no longer disposes
    /// of; 0 = not valued.
    public var landfillShadowPrice: Double
    /// Shadow price of a unit of water-kind virgin input replaced (currency/unit of the resource,
    /// usually m3): the scarcity value of water above its tariff. 0 = not valued.
    public var waterShadowPrice: Double
    public init(socialCostOfCarbon: Double = 0, publicDiscountRate: Double? = nil, statusQuo: String? = nil,
                landfillShadowPrice: Double = 0, waterShadowPrice: Double = 0) {
        self.socialCostOfCarbon = socialCostOfCarbon; self.publicDiscountRate = publicDiscountRate
        self.statusQuo = statusQuo
        self.landfillShadowPrice = landfillShadowPrice; self.waterShadowPrice = waterShadowPrice
    }
}

/// A board option: named overrides of the base scenario.
public struct Policy: Sendable, Equatable {
    public var id: String
    public var description: String
    /// A short name for the board ("Legal reform"); `nil`: the id is shown.
    public var title: String?
    /// The name and description in Vietnamese (`name_vi`, `description_vi`), for `--lang vi`.
    public var titleVi: String?
    public var descriptionVi: String?
    /// Dotted key path -> new value, applied in file order. Shorthand keys (`capex_subsidy`, ...)
    /// are stored here as top-level key paths.
    public var overrides: [Override]
    public init(id: String, description: String = "", overrides: [Override] = []) {
        self.id = id; self.description = description; self.overrides = overrides
    }
}

/// One `set:` entry of a policy: a dotted key path and the YAML value to put there.
public struct Override: Sendable, Equatable {
    public var keyPath: String
    /// The value as YAML text (a scalar or a flow mapping), re-parsed when applied.
    public var yaml: String
    /// Where the override was written, for messages.
    public var location: SourceLocation?
    public init(keyPath: String, yaml: String, location: SourceLocation? = nil) {
        self.keyPath = keyPath; self.yaml = yaml; self.location = location
    }
}

/// `file:line:column` of a key or value in a scenario file (1-based).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}
