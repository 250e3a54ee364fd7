/// The keys the loader accepts in each part of a scenario file.
///
/// This is the single list the loader checks unknown keys against; `docs/scenario.schema.json`
/// is kept equal to it by a test (`Section.rawValue` names the schema's definition, and
/// `.scenario` is the schema's root).
public enum ScenarioFormat {
    /// A kind of mapping in the file.
    public enum Section: String, CaseIterable, Sendable {
        case scenario, resource, company, facility, exchange, permit, policy, objectives, targets
        case diversion, uncertainty, sensitivity, sharing
        case processGBM = "process_gbm"
        case processMeanReverting = "process_mean_reverting"
        case processLognormal = "process_lognormal"
        case processTriangular = "process_triangular"
        case processNormal = "process_normal"
        case processUniform = "process_uniform"
        case processCSV = "process_csv"
    }

    /// Top-level keys that fill `Economics`; a policy may set them even when the file leaves them out.
    public static let economicsKeys = [
        "carbon_price", "carbon_price_growth", "capex_subsidy", "interest_rate", "loan_years", "loan_share", "loan_cap",
        "park_budget",
    ]

    /// Top-level keys of the policy appraisal (`AppraisalSettings`); no policy may set them.
    public static let appraisalKeys = [
        "social_cost_of_carbon", "public_discount_rate", "status_quo", "landfill_shadow_price", "water_shadow_price",
    ]

    /// Every key accepted in `section`, in the order the documentation lists them.
    public static func acceptedKeys(in section: Section) -> [String] { accepted[section] ?? [] }

    /// The keys that must be present in `section`.
    public static func requiredKeys(in section: Section) -> [String] { required[section] ?? [] }

    private static let accepted = Dictionary(uniqueKeysWithValues: Section.allCases.map { ($0, listAccepted($0)) })
    private static let required = Dictionary(uniqueKeysWithValues: Section.allCases.map { ($0, listRequired($0)) })

    private static func listAccepted(_ section: Section) -> [String] {
        switch section {
        case .scenario:
            return ["name", "description", "currency", "start_year", "horizon_years", "discount_rate", "residual_value",
                    "min_utilization", "road_factor", "sharing"]
                + economicsKeys + appraisalKeys
                + ["resources", "companies", "facilities", "exchanges", "permits", "policies", "objectives",
                   "targets", "uncertainty", "sensitivity"]
        case .resource: return ["unit", "name_vi", "code", "kind", "price", "co2e", "disposal_cost", "disposal_co2e", "sale_price"]
        case .company: return ["name_vi", "sector", "location", "produces", "needs", "growth", "capital_budget", "hurdle_rate"]
        case .facility:
            return ["location", "capacity", "converts", "capex", "fixed_cost", "unit_cost", "jobs", "lifetime",
                    "co2e_per_unit"]
        case .exchange:
            return ["from", "to", "send", "replace", "ratio", "max_share", "capacity", "capex", "fixed_cost",
                    "unit_cost", "transport_cost", "distance", "transport_co2e", "jobs", "paid_by", "permit",
                    "lifetime"]
        case .permit: return ["status", "cost", "delay_years"]
        case .policy: return ["name", "name_vi", "description", "description_vi", "set", "targets"] + economicsKeys
        case .objectives: return ["economic", "environmental", "social", "win_win"]
        case .targets: return ["co2e_avoided", "diverted", "min_exchanges", "build", "min_companies"]
        case .diversion: return ["share", "by"]
        case .uncertainty: return ["seed", "samples", "prices", "volumes", "correlations"]
        case .sensitivity: return ["parameters", "samples", "seed"]
        case .sharing: return ["rule", "sender_weight", "exact_players", "samples", "seed"]
        case .processGBM: return ["model", "drift", "volatility"]
        case .processMeanReverting: return ["model", "speed", "volatility", "level"]
        case .processLognormal: return ["model", "sigma"]
        case .processTriangular: return ["model", "low", "mode", "high"]
        case .processNormal: return ["model", "mean", "sd"]
        case .processUniform: return ["model", "low", "high"]
        case .processCSV: return ["model", "path"]
        }
    }

    private static func listRequired(_ section: Section) -> [String] {
        switch section {
        case .scenario: return ["name", "start_year", "horizon_years", "discount_rate"]
        case .resource: return ["unit"]
        case .facility: return ["capacity", "converts"]
        case .exchange: return ["from", "to", "send", "capacity"]
        case .permit: return ["status"]
        case .diversion: return ["share"]
        case .processGBM: return ["model", "volatility"]
        case .processMeanReverting: return ["model", "speed", "volatility"]
        case .processLognormal: return ["model", "sigma"]
        case .processTriangular: return ["model", "low", "mode", "high"]
        case .processNormal: return ["model", "sd"]
        case .processUniform: return ["model", "low", "high"]
        case .processCSV: return ["model", "path"]
        case .company, .policy, .objectives, .targets, .uncertainty, .sensitivity, .sharing: return []
        }
    }

    /// The `model:` names of uncertainty processes and the section each one's keys are in.
    public static let processModels: [(model: String, section: Section)] = [
        ("gbm", .processGBM), ("mean_reverting", .processMeanReverting), ("lognormal", .processLognormal),
        ("triangular", .processTriangular), ("normal", .processNormal), ("uniform", .processUniform),
        ("csv", .processCSV),
    ]
}
