/// The build decisions of a design, kept fixed while the design is operated under other
/// prices and volumes: which options are built and in which year, how much of each capex is
/// financed, and the transfer each account agreed to (through the park's benefit-sharing account).
///
/// Indices follow `ParkData`: `exchanges[e]` is the model's `e`-th exchange
/// (`ParkData.exchanges`), `facilities[k]` the scenario's `k`-th facility.
public struct BuildPlan: Sendable, Equatable {
    /// One built option.
    public struct Choice: Sendable, Equatable {
        /// Build year as an index into the horizon (0 = the start year).
        public var year: Int
        /// Share of the subsidized capex financed by the credit line.
        public var financedShare: Double
        public init(year: Int, financedShare: Double = 0) {
            self.year = year
            self.financedShare = financedShare
        }
    }

    public var exchanges: [Choice?]
    public var facilities: [Choice?]
    /// PV (currency) each account receives (negative: pays), companies then the park operator;
    /// they add up to 0. Empty: none.
    public var accountTransfers: [Double]

    public init(exchanges: [Choice?], facilities: [Choice?], accountTransfers: [Double]) {
        self.exchanges = exchanges
        self.facilities = facilities
        self.accountTransfers = accountTransfers
    }

    /// The plan of a solved design, matched to `data` by id.
    public init(design: ParkDesign, data: ParkData) {
        let start = data.scenario.startYear
        let byID = Dictionary(design.exchanges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let facilityByID = Dictionary(design.facilities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        exchanges = data.exchanges.map { item in
            guard let result = byID[item.exchange.id], result.built, let year = result.buildYear else { return nil }
            return Choice(year: year - start, financedShare: result.financedShare)
        }
        facilities = data.scenario.facilities.map { facility in
            guard let result = facilityByID[facility.id], result.built, let year = result.buildYear else { return nil }
            return Choice(year: year - start, financedShare: result.financedShare)
        }
        let companyByID = Dictionary(design.companies.map { ($0.id, $0.npv - $0.npvBeforeTransfers) },
                                     uniquingKeysWith: { a, _ in a })
        accountTransfers = (data.scenario.companies.map(\.id) + [Party.operatorID]).map { companyByID[$0] ?? 0 }
    }

    /// `npv` (companies then the operator, before transfers) after this plan's transfers.
    public func afterTransfers(_ npv: [Double]) -> [Double] {
        npv.indices.map { npv[$0] + ($0 < accountTransfers.count ? accountTransfers[$0] : 0) }
    }

    /// Whether exchange `e` operates in year `t` under this plan.
    public func operates(exchange e: Int, year t: Int, data: ParkData) -> Bool {
        guard let choice = exchanges[e] else { return false }
        return ParkData.operates(builtIn: choice.year, lifetime: data.exchanges[e].exchange.lifetime, inYear: t)
    }

    /// Whether facility `k` operates in year `t` under this plan.
    public func operates(facility k: Int, year t: Int, data: ParkData) -> Bool {
        guard let choice = facilities[k] else { return false }
        return ParkData.operates(builtIn: choice.year, lifetime: data.scenario.facilities[k].lifetime, inYear: t)
    }
}
