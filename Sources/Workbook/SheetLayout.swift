import Scenario

/// What a column of a park workbook holds, which decides how a cell becomes YAML.
enum ColumnKind: Sendable, Equatable {
    /// An id or a reference to one: always written as quoted text, so `yes` or `1` stays a name.
    case name
    /// Free text (a description, a sector, a unit): always quoted text.
    case text
    /// A number, whole number or true/false: written as typed; text that is not one reaches the
    /// loader as text, which reports the wrong type.
    case value
    /// One of `choices` (a data-validation list in the workbook).
    case choice([String])
    /// One line of YAML, written as it is (an override's value).
    case yaml
    /// Names separated by commas (`targets.build`), written as a list.
    case names
}

/// One column of a table sheet, or one row of a settings sheet.
struct SheetColumn: Sendable {
    /// The header (table) or key path (settings), as in docs/scenario-format.md.
    var key: String
    /// The unit shown under the header; `currency` is replaced by the scenario's currency.
    var unit: String
    /// What to write in it, shown in the notes row.
    var note: String
    var kind: ColumnKind = .value

    init(_ key: String, _ unit: String, _ note: String, _ kind: ColumnKind = .value) {
        self.key = key; self.unit = unit; self.note = note; self.kind = kind
    }
}

/// How one sheet's rows become scenario YAML.
enum SheetShape: Sendable {
    /// key | value | unit | notes, one setting a row, the key a dotted path from the top level.
    case settings
    /// One row an entity under `path` (e.g. `resources`), its id in the first column; the other
    /// columns are its keys (`x` and `y`, or `lat` and `lon`, make `location`).
    case entities(path: [String])
    /// One row a (parent, resource) amount: the first column names an entity under `parentPath`,
    /// the second a resource, each further column a mapping of the parent (`produces`, `needs`,
    /// `converts`) that receives the amount.
    case amounts(parentPath: [String])
    /// One row a process: `section` (`prices` or `volumes`), `target`, then the process keys.
    case processes
    /// One row a correlation `[a, b, rho]` under `uncertainty.correlations`.
    case correlations
    /// One row a sensitivity parameter: key path, low, high.
    case ranges
    /// One row a policy override: policy, section (`set` or `targets`), key path, value (YAML).
    case overrides
}

/// One sheet of a park workbook: its name, shape and columns.
struct SheetLayout: Sendable {
    var name: String
    var shape: SheetShape
    var columns: [SheetColumn]
    /// The first row of data: after the header, units and notes rows of a table; after the
    /// header row of a settings sheet.
    var firstDataRow: Int {
        if case .settings = shape { return 2 }
        return 4
    }
}

/// The sheets of a park workbook, in order: every key of docs/scenario-format.md has a place
/// (`WorkbookLayoutTests` checks this against `ScenarioFormat.acceptedKeys`).
enum ParkWorkbookLayout {
    static let resourceKinds = ["material", "water", "energy", "waste"]
    static let permitStatuses = ["forbidden", "allowed", "conditional"]
    static let sharingRules = ["shapley", "nash", "proportional", "minimal"]
    static let processModels = ScenarioFormat.processModels.map(\.model)

    static let sheets: [SheetLayout] = [
        SheetLayout(name: "scenario", shape: .settings, columns: [
            SheetColumn("name", "text", "scenario name (required)", .text),
            SheetColumn("description", "text", "free text, not used in calculations", .text),
            SheetColumn("currency", "text", "currency of every money amount (default USD)", .text),
            SheetColumn("start_year", "calendar year", "year of t = 0 (required, whole number)"),
            SheetColumn("horizon_years", "years", "years modelled (required, whole number 1 to 1000)"),
            SheetColumn("discount_rate", "per year", "real discount rate as a fraction, 0.08 = 8 % (required, > -1 and <= 1)"),
            SheetColumn("road_factor", "", "road km per great-circle km between {lat, lon} sites (default 1.3, 1 to 10)"),
            SheetColumn("min_utilization", "share", "least share of its flow bound a built exchange carries (default 0.1)"),
            SheetColumn("residual_value", "", "none or straight_line (default none)", .choice(["none", "straight_line"])),
            SheetColumn("carbon_price", "currency / t CO2e", "carbon price in year 0 (default 0)"),
            SheetColumn("carbon_price_growth", "per year", "growth of the carbon price (default 0)"),
            SheetColumn("capex_subsidy", "share", "share of every capex paid by public funds, 0 to 1 (default 0)"),
            SheetColumn("interest_rate", "per year", "rate of a credit line for capex; empty = no credit line"),
            SheetColumn("loan_years", "years", "annuity term of the loan (default 10)"),
            SheetColumn("loan_share", "share", "largest share of capex a loan may finance (default 1)"),
            SheetColumn("loan_cap", "currency", "largest loan per investment; empty = no cap"),
            SheetColumn("park_budget", "currency", "most own-funded capex of the park operator; empty = unlimited"),
            SheetColumn("social_cost_of_carbon", "currency / t CO2e", "shadow price of CO2e in the policy appraisal (default 0)"),
            SheetColumn("landfill_shadow_price", "currency / t", "shadow price of a t kept out of landfill in the appraisal (default 0)"),
            SheetColumn("water_shadow_price", "currency / unit", "shadow price of a unit of water replaced in the appraisal (default 0)"),
            SheetColumn("public_discount_rate", "per year", "rate of the public budget in the appraisal; empty = discount_rate"),
            SheetColumn("status_quo", "policy id(s)", "today's rules: a policy of the policies sheet, or a+b; empty = no policy", .text),
            SheetColumn("sharing.rule", "", "how the gain is shared (default minimal)", .choice(sharingRules)),
            SheetColumn("sharing.sender_weight", "share", "nash: the sender's bargaining weight (default 0.5)"),
            SheetColumn("sharing.exact_players", "players", "shapley: largest group enumerated exactly (default 16)"),
            SheetColumn("sharing.samples", "orders", "shapley: joining orders sampled (default 200)"),
            SheetColumn("sharing.seed", "", "shapley: seed of the sampling (default 1)"),
            SheetColumn("uncertainty.seed", "", "Monte Carlo random seed (default 42)"),
            SheetColumn("uncertainty.samples", "samples", "Monte Carlo samples (default 1000)"),
            SheetColumn("sensitivity.samples", "samples", "sensitivity study samples (default 1024)"),
            SheetColumn("sensitivity.seed", "", "sensitivity study seed (default 7)"),
        ]),
        SheetLayout(name: "resources", shape: .entities(path: ["resources"]), columns: [
            SheetColumn("id", "", "resource id: no . or +", .name),
            SheetColumn("unit", "text", "physical unit, e.g. t, m3, MWh (required)", .text),
            SheetColumn("kind", "", "reporting category (default water if the id contains water, else material)", .choice(resourceKinds)),
            SheetColumn("price", "currency / unit", "virgin purchase price (default 0)"),
            SheetColumn("co2e", "t CO2e / unit", "emitted per unit bought (default 0)"),
            SheetColumn("disposal_cost", "currency / unit", "landfill or discharge fee per unit disposed (default 0)"),
            SheetColumn("disposal_co2e", "t CO2e / unit", "emitted per unit disposed (default 0)"),
            SheetColumn("sale_price", "currency / unit", "earned selling a unit outside the park; not with a disposal_cost (default 0)"),
            SheetColumn("code", "text", "List of Waste, Basel or HS code, for discover (optional)", .text),
            SheetColumn("name_vi", "text", "the name in Vietnamese (--lang vi; optional)", .text),
        ]),
        SheetLayout(name: "companies", shape: .entities(path: ["companies"]), columns: [
            SheetColumn("id", "", "company id: no . or +; not also a facility id", .name),
            SheetColumn("sector", "text", "for reports", .text),
            SheetColumn("x", "km", "position on the park grid (default 0)"),
            SheetColumn("y", "km", "position on the park grid (default 0)"),
            SheetColumn("lat", "degrees north", "WGS84 latitude, instead of x and y (every site in one way)"),
            SheetColumn("lon", "degrees east", "WGS84 longitude, instead of x and y"),
            SheetColumn("growth", "per year", "volume_t = volume_0 x (1 + growth)^t (default 0)"),
            SheetColumn("capital_budget", "currency", "most capex from own funds over the horizon; empty = unlimited"),
            SheetColumn("hurdle_rate", "per year", "the firm's own real discount rate; empty = discount_rate"),
            SheetColumn("name_vi", "text", "the name in Vietnamese (--lang vi; optional)", .text),
        ]),
        SheetLayout(name: "flows", shape: .amounts(parentPath: ["companies"]), columns: [
            SheetColumn("company", "", "a company of the companies sheet", .name),
            SheetColumn("resource", "", "a resource of the resources sheet", .name),
            SheetColumn("produces", "units / year", "waste or by-product in year 0 (>= 0)"),
            SheetColumn("needs", "units / year", "input in year 0 (>= 0)"),
        ]),
        SheetLayout(name: "facilities", shape: .entities(path: ["facilities"]), columns: [
            SheetColumn("id", "", "facility id: no . or +; not also a company id", .name),
            SheetColumn("x", "km", "position on the park grid (default 0)"),
            SheetColumn("y", "km", "position on the park grid (default 0)"),
            SheetColumn("lat", "degrees north", "WGS84 latitude, instead of x and y (every site in one way)"),
            SheetColumn("lon", "degrees east", "WGS84 longitude, instead of x and y"),
            SheetColumn("capacity", "activity units / year", "most activity per year (required, >= 0)"),
            SheetColumn("capex", "currency", "paid in the build year (default 0)"),
            SheetColumn("fixed_cost", "currency / year", "every year once built (default 0)"),
            SheetColumn("unit_cost", "currency / activity unit", "operating cost (default 0)"),
            SheetColumn("jobs", "FTE", "while operating (default 0)"),
            SheetColumn("lifetime", "years", "years of operation after the build year; empty = to the horizon"),
            SheetColumn("co2e_per_unit", "t CO2e / activity unit", "the plant's own emissions (default 0)"),
        ]),
        SheetLayout(name: "converts", shape: .amounts(parentPath: ["facilities"]), columns: [
            SheetColumn("facility", "", "a facility of the facilities sheet", .name),
            SheetColumn("resource", "", "a resource of the resources sheet", .name),
            SheetColumn("converts", "units / activity unit", "negative = consumed, positive = yielded (required: one of each)"),
        ]),
        SheetLayout(name: "exchanges", shape: .entities(path: ["exchanges"]), columns: [
            SheetColumn("id", "", "exchange id: no . or +", .name),
            SheetColumn("from", "", "sender: a company or facility (required)", .name),
            SheetColumn("to", "", "receiver: a company or facility, not from (required)", .name),
            SheetColumn("send", "", "resource sent (required)", .name),
            SheetColumn("replace", "", "resource it replaces at a company receiver", .name),
            SheetColumn("ratio", "units of replace / unit received", "substitution ratio (default 1)"),
            SheetColumn("max_share", "share", "largest share of the receiver's need of replace (default 1)"),
            SheetColumn("capacity", "units sent / year", "most flow per year (required, >= 0)"),
            SheetColumn("capex", "currency", "paid once, in the build year (default 0)"),
            SheetColumn("fixed_cost", "currency / year", "every year while built (default 0)"),
            SheetColumn("unit_cost", "currency / unit sent", "processing (default 0)"),
            SheetColumn("transport_cost", "currency / unit / km", "haulage (default 0)"),
            SheetColumn("distance", "km", "route length; empty = straight line between the sites"),
            SheetColumn("transport_co2e", "t CO2e / unit / km", "haulage emissions (default 0)"),
            SheetColumn("jobs", "FTE", "while operating (default 0)"),
            SheetColumn("paid_by", "", "who pays capex and costs before transfers (default to)", .choice(["from", "to"])),
            SheetColumn("permit", "", "a permit of the permits sheet gating this exchange", .name),
            SheetColumn("lifetime", "years", "years of operation after the build year; empty = to the horizon"),
        ]),
        SheetLayout(name: "permits", shape: .entities(path: ["permits"]), columns: [
            SheetColumn("id", "", "permit id: no . or +", .name),
            SheetColumn("status", "", "legal gate (required)", .choice(permitStatuses)),
            SheetColumn("cost", "currency", "conditional only: paid once in the build year (default 0)"),
            SheetColumn("delay_years", "years", "conditional only: exchanges may be built from t = delay_years (default 0)"),
        ]),
        SheetLayout(name: "policies", shape: .entities(path: ["policies"]), columns: [
            SheetColumn("id", "", "policy id: no . or +; the overrides sheet adds set and targets", .name),
            SheetColumn("name", "text", "the option's name in the report (default its id)", .text),
            SheetColumn("name_vi", "text", "the name in Vietnamese (--lang vi)", .text),
            SheetColumn("description", "text", "shown to the board", .text),
            SheetColumn("description_vi", "text", "the description in Vietnamese (--lang vi)", .text),
            SheetColumn("carbon_price", "currency / t CO2e", "sets carbon_price"),
            SheetColumn("carbon_price_growth", "per year", "sets carbon_price_growth"),
            SheetColumn("capex_subsidy", "share", "sets capex_subsidy"),
            SheetColumn("interest_rate", "per year", "sets interest_rate"),
            SheetColumn("loan_years", "years", "sets loan_years"),
            SheetColumn("loan_share", "share", "sets loan_share"),
            SheetColumn("loan_cap", "currency", "sets loan_cap"),
            SheetColumn("park_budget", "currency", "sets park_budget"),
        ]),
        SheetLayout(name: "overrides", shape: .overrides, columns: [
            SheetColumn("policy", "", "a policy of the policies sheet", .name),
            SheetColumn("section", "", "set: key path -> new value; targets: merged into targets", .choice(["set", "targets"])),
            SheetColumn("key", "key path", "set: e.g. resources.fly_ash.disposal_cost; targets: e.g. diverted", .text),
            SheetColumn("value", "YAML", "one line of YAML: 30, null, {status: conditional, cost: 20000}", .yaml),
        ]),
        SheetLayout(name: "objectives", shape: .settings, columns: [
            SheetColumn("objectives.economic", "weight", "weight of the park's NPV (default 1)"),
            SheetColumn("objectives.environmental", "weight", "weight of CO2e avoided (default 0)"),
            SheetColumn("objectives.social", "weight", "weight of jobs (default 0)"),
            SheetColumn("objectives.win_win", "", "every firm ends at NPV >= 0 after transfers (default false)", .choice(["true", "false"])),
            SheetColumn("targets.co2e_avoided", "t CO2e", "at least this much avoided over the horizon"),
            SheetColumn("targets.min_exchanges", "count", "at least this many exchanges built"),
            SheetColumn("targets.min_companies", "count", "at least this many companies take part"),
            SheetColumn("targets.build", "exchange ids", "exchanges that must be built, separated by commas", .names),
        ]),
        SheetLayout(name: "diverted", shape: .entities(path: ["targets", "diverted"]), columns: [
            SheetColumn("id", "", "resource diverted from disposal", .name),
            SheetColumn("share", "share", "least share of its production diverted each year (required, 0 to 1)"),
            SheetColumn("by", "calendar year", "from this year on (default start_year)"),
        ]),
        SheetLayout(name: "uncertainty", shape: .processes, columns: [
            SheetColumn("section", "", "prices: a price follows the process; volumes: a multiplier drawn each year", .choice(["prices", "volumes"])),
            SheetColumn("target", "", "prices: resource, resource.price, resource.disposal_cost or carbon_price; volumes: company.resource or capex", .name),
            SheetColumn("model", "", "the process (required)", .choice(processModels)),
            SheetColumn("drift", "per year", "gbm (default 0)"),
            SheetColumn("volatility", "per year", "gbm, mean_reverting (>= 0)"),
            SheetColumn("speed", "per year", "mean_reverting (>= 0)"),
            SheetColumn("level", "currency / unit", "mean_reverting (> 0; default the year-0 value)"),
            SheetColumn("sigma", "", "lognormal (>= 0)"),
            SheetColumn("low", "multiplier", "triangular, uniform (>= 0)"),
            SheetColumn("mode", "multiplier", "triangular"),
            SheetColumn("high", "multiplier", "triangular, uniform"),
            SheetColumn("mean", "multiplier", "normal (default 1)"),
            SheetColumn("sd", "multiplier", "normal (>= 0)"),
            SheetColumn("path", "file", "csv: paths file, relative to the scenario file", .text),
        ]),
        SheetLayout(name: "correlations", shape: .correlations, columns: [
            SheetColumn("a", "", "a target of the uncertainty sheet", .name),
            SheetColumn("b", "", "another target", .name),
            SheetColumn("rho", "", "correlation of their shocks, -1 to 1"),
        ]),
        SheetLayout(name: "sensitivity", shape: .ranges, columns: [
            SheetColumn("parameter", "key path", "a numeric key path, e.g. resources.clinker.price", .text),
            SheetColumn("low", "as the key", "lowest value"),
            SheetColumn("high", "as the key", "highest value (>= low)"),
        ]),
    ]

    /// The layout of the sheet called `name`.
    static func sheet(named name: String) -> SheetLayout? { sheets.first { $0.name == name } }
}
