import Formulation
import Scenario

/// What a simulation run is about, written into every shard's part file so that `merge` can
/// check that parts belong together and report without solving anything again.
public struct SimulationHeader: Sendable, Codable, Equatable {
    public var scenario: String
    /// `Scenario.contentDigest` of the scenario as loaded with its policy applied: parts of an
    /// edited scenario (same name, other values) are not merged.
    public var scenarioDigest: String
    public var policy: String
    public var currency: String
    public var startYear: Int
    public var mode: SimulationMode
    public var method: SamplingMethod
    public var seed: UInt64
    public var samples: Int
    /// Companies, then `park_operator`.
    public var accounts: [String]
    /// The model's exchanges (in `ParkData` order).
    public var exchanges: [String]
    /// The deterministic design being simulated: built exchanges and facilities with their
    /// calendar build years, and its NPV, CO2e and jobs at the scenario's values.
    public var design: DesignSummary

    public struct DesignSummary: Sendable, Codable, Equatable {
        public var exchanges: [String: Int]
        public var facilities: [String: Int]
        public var npv: Double
        public var co2eAvoided: Double
        public var jobsFTEYears: Double
        public init(exchanges: [String: Int], facilities: [String: Int], npv: Double, co2eAvoided: Double, jobsFTEYears: Double) {
            self.exchanges = exchanges; self.facilities = facilities
            self.npv = npv; self.co2eAvoided = co2eAvoided; self.jobsFTEYears = jobsFTEYears
        }
    }

    public init(scenario: Scenario, policy: String?, settings: SimulationSettings, design: ParkDesign) {
        var built: [String: Int] = [:], facilities: [String: Int] = [:]
        for exchange in design.exchanges { if let year = exchange.buildYear { built[exchange.id] = year } }
        for facility in design.facilities { if let year = facility.buildYear { facilities[facility.id] = year } }
        self.init(scenario: scenario, policy: policy, settings: settings,
                  design: DesignSummary(exchanges: built, facilities: facilities, npv: design.npv,
                                        co2eAvoided: design.co2eAvoided, jobsFTEYears: design.jobsFTEYears))
    }

    public init(scenario: Scenario, policy: String?, settings: SimulationSettings, design: DesignSummary) {
        self.scenario = scenario.name
        scenarioDigest = scenario.contentDigest
        self.policy = policy ?? AppliedPolicy.statusQuoName
        currency = scenario.currency
        startYear = scenario.startYear
        mode = settings.mode
        method = settings.method
        seed = settings.seed
        samples = settings.samples
        accounts = scenario.companies.map(\.id) + [Party.operatorID]
        exchanges = ParkData(scenario).exchanges.map(\.exchange.id)
        self.design = design
    }
}

/// A simulation's header and tally; a shard's part file holds one of these.
public struct SimulationResult: Sendable, Codable, Equatable {
    public var header: SimulationHeader
    public var tally: SimulationTally
    /// Whether the run was interrupted before every sample of its shard was done.
    public var partial: Bool

    public init(header: SimulationHeader, tally: SimulationTally, partial: Bool) {
        self.header = header
        self.tally = tally
        self.partial = partial
    }

    /// Every sample block of the study is in the tally.
    public var isComplete: Bool {
        let blocks = SimulationSettings(samples: header.samples, seed: header.seed).blockCount
        return tally.blocks == BlockRanges(0..<blocks)
    }

    /// Combines the parts of one study (shards of the same header) into its result. `names`
    /// (e.g. the part files' paths, one per part) name the parts in errors.
    public static func merge(_ parts: [SimulationResult], names: [String]? = nil) throws(SimulationError) -> SimulationResult {
        guard var merged = parts.first else { throw .incompatibleParts("no parts given") }
        let names = names ?? parts.indices.map { "part \($0 + 1)" }
        for (index, part) in parts.enumerated().dropFirst() {
            let first = parts[0].header
            if part.header.scenarioDigest != first.scenarioDigest {
                throw .incompatibleParts(
                    "\(names[0]) and \(names[index]) simulate different scenarios (content digest \(first.scenarioDigest) "
                        + "vs \(part.header.scenarioDigest)\(first.scenario == part.header.scenario ? ", both named `\(first.scenario)`" : ""))"
                        + ": the scenario file or the policy changed between the runs")
            }
            guard part.header == first else {
                throw .incompatibleParts("\(names[0]) and \(names[index]) come from different studies (scenario, policy, seed, samples, method, mode or design differ)")
            }
            try merged.tally.merge(part.tally)
            merged.partial = merged.partial || part.partial
        }
        return merged
    }
}

extension SimulationResult {
    /// What makes a decoded result impossible for a run of `simulate` to have written (a part
    /// file edited or corrupted): arrays whose lengths disagree with the header, negative
    /// counts, samples outside the study. `nil` when none. `merge` refuses such parts instead of
    /// indexing past an array (found by PartFileFuzzer).
    public var inconsistency: String? {
        let exchanges = header.exchanges.count, years = tally.cashFlow.count
        if header.samples < 1 || header.samples > SimulationSettings.maximumSamples {
            return "the study's sample count \(header.samples) is outside 1...\(SimulationSettings.maximumSamples)"
        }
        if tally.accountNPV.count != header.accounts.count {
            return "\(tally.accountNPV.count) account distributions for \(header.accounts.count) accounts"
        }
        if !tally.accountGain.isEmpty && tally.accountGain.count != header.accounts.count {
            return "\(tally.accountGain.count) account gain distributions for \(header.accounts.count) accounts"
        }
        for (name, list) in [("carried years", tally.carriedYears), ("operating years", tally.operatingYears), ("built counts", tally.built)]
        where list.count != exchanges {
            return "\(list.count) \(name) for \(exchanges) exchanges"
        }
        if tally.buildYears.count != exchanges || tally.buildYears.contains(where: { $0.count != years }) {
            return "build years do not cover \(exchanges) exchanges × \(years) years"
        }
        let counts = tally.carriedYears + tally.operatingYears + tally.built + tally.buildYears.flatMap { $0 }
        if counts.contains(where: { $0 < 0 }) { return "a negative count" }
        let distributions = [tally.npv, tally.co2eAvoided, tally.jobs, tally.wasteDiverted, tally.waterSaved]
            + tally.accountNPV + tally.accountGain + tally.cashFlow
        if distributions.contains(where: { $0.count != tally.samples || $0.negative < 0 || $0.negative > $0.count }) {
            return "the distributions disagree on the number of samples"
        }
        if tally.samples > header.samples { return "\(tally.samples) samples in a study of \(header.samples)" }
        return nil
    }
}
