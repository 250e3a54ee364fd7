import MILP
import Scenario

/// A solved park design in the scenario's words: what is built and when, the flows, each
/// party's NPV before and after transfers, and the indicators the board reads.
public struct ParkDesign: Sendable, Codable, Equatable {
    public struct ExchangeResult: Sendable, Codable, Equatable {
        public var id: String
        public var from: String
        public var to: String
        public var resource: String
        public var built: Bool
        /// Calendar year, when built.
        public var buildYear: Int?
        /// Units sent per calendar year (one entry per horizon year).
        public var flows: [Double]
        /// PV paid by the receiver to the sender (negative: the sender pays the receiver): the
        /// account transfers settled on the link (`BenefitSharing`); 0 as read from the model.
        public var transfer: Double
        /// `transfer` divided by the PV of the units sent: the equivalent price per unit.
        public var transferPerUnit: Double?
        /// Why it is not in the model, when it is not (a forbidden permit).
        public var blockedBy: String?
        /// Share of the subsidized capex financed by the credit line (0 without one).
        public var financedShare: Double = 0
        /// Why it is not built, when it is in the model and not built (`LinkAbsence`).
        public var notBuiltBecause: LinkAbsence?
    }

    public struct FacilityResult: Sendable, Codable, Equatable {
        public var id: String
        public var built: Bool
        public var buildYear: Int?
        public var activity: [Double]
        /// Share of the subsidized capex financed by the credit line (0 without one).
        public var financedShare: Double = 0
    }

    public struct CompanyResult: Sendable, Codable, Equatable {
        public var id: String
        /// NPV after transfers, currency.
        public var npv: Double
        public var npvBeforeTransfers: Double
        /// Capex paid from own funds (after subsidy and loans), permit costs included.
        public var ownCapex: Double
        /// Capex financed by the credit line.
        public var financedCapex: Double
        public var participates: Bool
        /// PV received from the park's benefit-sharing account beyond what the links carry
        /// (negative: paid into it); 0 when every payment is settled on a link.
        public var benefitAccount: Double = 0
    }

    public var years: [Int]
    public var exchanges: [ExchangeResult]
    public var facilities: [FacilityResult]
    /// Companies, then the park operator (id `park_operator`).
    public var companies: [CompanyResult]
    public var npv: Double
    public var publicCost: Double
    public var co2eAvoided: Double
    /// Units diverted from disposal over the horizon, by resource.
    public var wasteDiverted: [String: Double]
    /// Units of virgin inputs replaced over the horizon, by resource (water included).
    public var virginAvoided: [String: Double]
    /// m3 (units of `water`-kind resources) replaced over the horizon.
    public var waterSaved: Double
    public var jobsFTEYears: Double
    public var companiesParticipating: Int
    public var exchangesBuilt: Int
    /// How the gain was shared (`BenefitSharing`); `nil` as read from the model.
    public var sharing: Sharing?

    /// Whether any link or facility is built (false: the status quo).
    public var buildsAnything: Bool { exchanges.contains(where: \.built) || facilities.contains(where: \.built) }

    /// Reads a design from a point of `formulation.model` (values rounded to the model's intent:
    /// binaries to 0/1, flows below 1e-7 to 0).
    public init(_ formulation: ParkFormulation, values solved: [Double]) {
        // Residual values at their exact value for the solved flows (`withExactResidual`): an
        // incumbent a search stopped at may hold them below what its last year earns.
        let values = formulation.withExactResidual(solved)
        let data = formulation.data
        let scenario = data.scenario
        let start = scenario.startYear
        func value(_ v: Variable?) -> Double { v.map { values[$0.index] } ?? 0 }
        func clean(_ x: Double) -> Double { abs(x) < 1e-7 ? 0 : x }
        let money = formulation.moneyUnit
        func buildYear(_ vars: [Variable?]) -> Int? {
            vars.enumerated().first { value($0.element) > 0.5 }.map { start + $0.offset }
        }
        years = (0..<data.years).map { start + $0 }

        let accounts = scenario.companies.map { $0.id } + [Party.operatorID]
        var before = (formulation.companyNPV + [formulation.operatorNPV]).map { $0.value(at: values) * money }
        var after = before
        var ownCapex = [Double](repeating: 0, count: accounts.count)
        var financed = [Double](repeating: 0, count: accounts.count)
        var participating = Set<String>()
        let subsidy = scenario.economics.capexSubsidy
        var results: [ExchangeResult] = []
        var diverted: [String: Double] = [:], virgin: [String: Double] = [:]
        var water = 0.0
        for (e, item) in data.exchanges.enumerated() {
            let year = buildYear(formulation.build[e])
            // An unbuilt link carries nothing; solver noise on a share (below 1e-9 of the bound,
            // seen on hiep-phuoc's water links, ~1e-6 m3) is not a flow.
            let flows = (0..<data.years).map { t -> Double in
                let share = value(formulation.flow[e][t])
                return year == nil || abs(share) < 1e-9 ? 0 : clean(share * item.flowBound[t])
            }
            var share = 0.0
            if let year {
                let payer = formulation.account(of: item.payer)
                let capex = item.exchange.capex * (1 - subsidy) * data.capexFactor[year - start]
                share = clean(formulation.loan[e][year - start].map { value($0) } ?? 0)
                let l = share * capex
                ownCapex[payer] += capex + item.permitCost - l
                financed[payer] += l
                for party in [item.from, item.to] { if case let .company(c) = party { participating.insert(scenario.companies[c].id) } }
            }
            let total = flows.reduce(0, +)
            if case .company = item.from, total > 0 { diverted[item.sent.id, default: 0] += total }
            if case .company = item.to, let replaced = item.replaced, total > 0 {
                virgin[replaced.id, default: 0] += item.exchange.ratio * total
                if replaced.kind == .water { water += item.exchange.ratio * total }
            }
            results.append(ExchangeResult(
                id: item.exchange.id, from: item.exchange.from, to: item.exchange.to, resource: item.sent.id,
                built: year != nil, buildYear: year, flows: flows, transfer: 0,
                transferPerUnit: nil, blockedBy: nil, financedShare: share))
        }
        for id in data.blocked {
            guard let exchange = scenario.exchange(id) else { continue }
            results.append(ExchangeResult(
                id: id, from: exchange.from, to: exchange.to, resource: exchange.send, built: false, buildYear: nil,
                flows: Array(repeating: 0, count: data.years), transfer: 0, transferPerUnit: nil,
                blockedBy: exchange.permit.map { "permit \($0) is forbidden" } ?? "unknown endpoint"))
        }
        exchanges = results
        facilities = scenario.facilities.enumerated().map { k, facility in
            let year = buildYear(formulation.buildFacility[k])
            var share = 0.0
            if let year {
                let capex = facility.capex * (1 - subsidy) * data.capexFactor[year - start]
                share = clean(formulation.loanFacility[k][year - start].map { value($0) } ?? 0)
                let l = share * capex
                ownCapex[accounts.count - 1] += capex - l
                financed[accounts.count - 1] += l
            }
            return FacilityResult(id: facility.id, built: year != nil, buildYear: year,
                                  activity: formulation.activity[k].map { clean(value($0) * facility.capacity) },
                                  financedShare: share)
        }
        for a in accounts.indices { after[a] += clean(value(formulation.accountTransfer[a]) * money) }
        before = before.map(clean)
        after = after.map(clean)
        let operatorBuilds = facilities.contains { $0.built }
        companies = accounts.indices.map { a in
            CompanyResult(id: accounts[a], npv: after[a], npvBeforeTransfers: before[a], ownCapex: clean(ownCapex[a]),
                          financedCapex: clean(financed[a]),
                          participates: a == accounts.count - 1 ? operatorBuilds : participating.contains(accounts[a]))
        }
        npv = formulation.economic.value(at: values) * money
        publicCost = formulation.publicCost.value(at: values) * money
        co2eAvoided = formulation.environmental.value(at: values) * ParkFormulation.co2eUnit
        wasteDiverted = diverted
        virginAvoided = virgin
        waterSaved = water
        jobsFTEYears = formulation.social.value(at: values)
        companiesParticipating = participating.count
        exchangesBuilt = results.filter(\.built).count
    }
}
