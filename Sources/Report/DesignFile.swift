import Analysis
import Foundation
import Formulation

/// Reads back the design of a `solve --format json` file, so that a simulation (or each shard
/// of one) can use a design solved once.
public struct DesignFile {
    public var plan: BuildPlan
    public var summary: SimulationHeader.DesignSummary
    public var weights: ObjectiveWeights

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "\(path): \(reason)"
            }
        }
    }

    /// Reads `path` and matches its exchanges and facilities to `data` by id.
    public init(contentsOf path: String, data: ParkData) throws(ReadError) {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "cannot read the file") }
        guard let root = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] else {
            throw .unreadable(path, "not a JSON object (expected the output of `symbiosis solve --format json`)")
        }
        guard let exchanges = root["exchanges"] as? [[String: Any]], let facilities = root["facilities"] as? [[String: Any]] else {
            throw .unreadable(path, "no `exchanges` and `facilities` lists: the file holds no design (status \(root["status"] ?? "?"))")
        }
        let start = data.scenario.startYear
        func choice(_ item: [String: Any]?) -> BuildPlan.Choice? {
            guard let item, let year = (item["build_year"] as? NSNumber)?.intValue else { return nil }
            return BuildPlan.Choice(year: year - start, financedShare: (item["financed_share"] as? NSNumber)?.doubleValue ?? 0)
        }
        let exchangeByID = Dictionary(exchanges.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        let companies = root["companies"] as? [[String: Any]] ?? []
        let companyByID = Dictionary(companies.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        let facilityByID = Dictionary(facilities.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        for (id, item) in exchangeByID where data.exchanges.allSatisfy({ $0.exchange.id != id }) && item["build_year"] is NSNumber {
            throw .unreadable(path, "exchange `\(id)` is built in the design but is not a candidate of this scenario and policy")
        }
        plan = BuildPlan(
            exchanges: data.exchanges.map { choice(exchangeByID[$0.exchange.id]) },
            facilities: data.scenario.facilities.map { choice(facilityByID[$0.id]) },
            accountTransfers: (data.scenario.companies.map(\.id) + [Party.operatorID]).map { id in
                guard let item = companyByID[id], let after = (item["npv"] as? NSNumber)?.doubleValue,
                      let before = (item["npv_before_transfers"] as? NSNumber)?.doubleValue else { return 0 }
                return after - before
            })
        for (index, item) in plan.exchanges.enumerated() where (item?.year ?? 0) < 0 || (item?.year ?? 0) >= data.years {
            throw .unreadable(path, "exchange `\(data.exchanges[index].exchange.id)` has a build year outside the horizon")
        }
        var built: [String: Int] = [:], builtFacilities: [String: Int] = [:]
        for (e, item) in plan.exchanges.enumerated() { if let item { built[data.exchanges[e].exchange.id] = start + item.year } }
        for (k, item) in plan.facilities.enumerated() { if let item { builtFacilities[data.scenario.facilities[k].id] = start + item.year } }
        let economic = root["economic"] as? [String: Any], environmental = root["environmental"] as? [String: Any]
        let social = root["social"] as? [String: Any]
        summary = SimulationHeader.DesignSummary(
            exchanges: built, facilities: builtFacilities,
            npv: (economic?["npv"] as? NSNumber)?.doubleValue ?? 0,
            co2eAvoided: (environmental?["co2e_avoided"] as? NSNumber)?.doubleValue ?? 0,
            jobsFTEYears: (social?["jobs_fte_years"] as? NSNumber)?.doubleValue ?? 0)
        let w = root["objective_weights"] as? [String: Any]
        weights = w.map {
            ObjectiveWeights(economic: ($0["economic"] as? NSNumber)?.doubleValue ?? 0,
                             environmental: ($0["environmental"] as? NSNumber)?.doubleValue ?? 0,
                             social: ($0["social"] as? NSNumber)?.doubleValue ?? 0)
        } ?? ObjectiveWeights(economic: 1)
    }
}
