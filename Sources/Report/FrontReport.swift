import Analysis
import Foundation
import Formulation
import MILP
import MultiObjective
import Scenario

/// Renders a `ParkFront` (`symbiosis pareto`) as a readable table, JSON, CSV or an SVG chart.
public struct FrontReport {
    public let scenario: Scenario
    public let policy: String?
    public let front: ParkFront
    /// ε levels asked per constrained objective.
    public let gridPoints: Int
    /// Whether the table and the JSON show what the run cost (`pareto --timings`): wall time,
    /// threads, nodes and the counts of solves, bypasses and duplicates. They depend on the
    /// threads' timing and on how the grid was split, so without them the same front is the
    /// same bytes from run to run and from merged shards (`runSummary` tells them instead).
    public var timings: Bool

    public init(scenario: Scenario, policy: String?, front: ParkFront, gridPoints: Int, timings: Bool = false) {
        self.scenario = scenario
        self.policy = policy
        self.front = front
        self.gridPoints = gridPoints
        self.timings = timings
    }

    /// What the run cost, in one line: solves, the bypass's and early exit's savings, threads
    /// and wall time (`pareto` prints it to standard error; `--timings` puts it in the table).
    public static func runSummary(_ s: ParetoFront.Statistics) -> String {
        "\(s.solves) MIP solves at \(s.gridLevels) grid levels (+\(s.payoffSolves) for the payoff table, "
            + "+\(s.neighbourhoodSolves) neighbourhood searches); "
            + "bypass saved \(s.bypassed), early exit saved \(s.skippedInfeasible); "
            + counted(s.threads, "thread") + String(format: ", %.2f s", s.seconds)
    }

    /// `optimal` (every grid level answered, every point proven), `time_limit` (some level
    /// unsolved or some point not proven), `infeasible`, ...
    public var status: String { StatusWord.of(front.termination, hasDesign: !front.points.isEmpty) }

    var currency: String { scenario.currency }

    /// `USD`, `t CO2e`, `FTE-years`.
    func unit(_ objective: ParkFormulation.Objective) -> String { objective.unit(currency: currency) }

    /// `USD per t CO2e`, `USD per FTE-year`, `FTE-years per million USD`, ...
    func ratioUnit(_ objective: ParkFormulation.Objective) -> String {
        let per: String
        switch objective {
        case .economic: per = "million \(currency)"
        case .environmental: per = "t CO2e"
        case .social: per = "FTE-year"
        }
        return "\(unit(front.objectives[0])) per \(per)"
    }

    /// A trade-off in `ratioUnit` (money gained is counted in millions).
    func ratio(_ tradeOff: ParkFront.TradeOff) -> Double {
        tradeOff.objective == .economic ? tradeOff.ratio * 1e6 : tradeOff.ratio
    }

    /// Column names in JSON and CSV: `npv`, `co2e_avoided`, `jobs_fte_years`.
    static func key(_ objective: ParkFormulation.Objective) -> String {
        switch objective {
        case .economic: return "npv"
        case .environmental: return "co2e_avoided"
        case .social: return "jobs_fte_years"
        }
    }

    /// What a design builds and when: `id (year)`, exchanges then facilities.
    static func builds(_ design: ParkDesign) -> [(id: String, year: Int, facility: Bool)] {
        design.exchanges.filter(\.built).map { ($0.id, $0.buildYear ?? 0, false) }
            + design.facilities.filter(\.built).map { ($0.id, $0.buildYear ?? 0, true) }
    }

    // MARK: JSON

    /// The JSON document of `pareto --format json`.
    public func json() -> String {
        let f = front.front
        var root: [String: Any] = [
            "scenario": scenario.name,
            "policy": policy ?? AppliedPolicy.statusQuoName,
            "status": status,
            "currency": currency,
            "objectives": front.objectives.map(\.rawValue),
            "units": Dictionary(uniqueKeysWithValues: front.objectives.map { ($0.rawValue, unit($0)) }),
            "grid_points": gridPoints,
        ]
        var solver: [String: Any] = ["name": front.solverName, "rows": front.rows, "columns": front.columns, "binaries": front.binaries]
        var statistics: [String: Any] = [
            "grid_levels": f.statistics.gridLevels, "not_proven": f.statistics.notProven, "unsolved_levels": f.statistics.unsolved,
        ]
        if timings {
            solver.merge(["threads": f.statistics.threads, "seconds": f.statistics.seconds, "nodes": f.statistics.nodes]) { $1 }
            statistics.merge([
                "mip_solves": f.statistics.solves,
                "payoff_solves": f.statistics.payoffSolves, "neighbourhood_solves": f.statistics.neighbourhoodSolves,
                "bypassed": f.statistics.bypassed,
                "skipped_infeasible": f.statistics.skippedInfeasible, "solves_saved": f.statistics.saved,
                "infeasible_levels": f.statistics.infeasible, "duplicates": f.statistics.duplicates,
                "dominated_dropped": f.statistics.dominated,
            ]) { $1 }
        }
        root["solver"] = solver
        root["statistics"] = statistics
        root["payoff_table"] = f.payoff.values.enumerated().map { k, row -> [String: Any] in
            ["optimized": front.objectives[k].rawValue,
             "values": Dictionary(uniqueKeysWithValues: front.objectives.enumerated().map { ($1.rawValue, row[$0] * $1.reportScale(for: scenario)) })]
        }
        root["payoff_approximate"] = f.payoff.approximate
        root["levels"] = Dictionary(uniqueKeysWithValues: f.levels.enumerated().map { c, levels in
            (front.objectives[c + 1].rawValue, levels.map { $0 * front.objectives[c + 1].reportScale(for: scenario) })
        })
        root["points"] = front.points.enumerated().map { index, point -> [String: Any] in
            let d = point.design
            var item: [String: Any] = [
                "index": index + 1,
                "proven": point.proven,
                "gap": point.gap ?? NSNull(),
                "npv": d.npv, "co2e_avoided": d.co2eAvoided, "jobs_fte_years": d.jobsFTEYears,
                "public_cost": d.publicCost, "companies_participating": d.companiesParticipating,
                "epsilon": Dictionary(uniqueKeysWithValues: point.bounds.enumerated().map { (front.objectives[$0 + 1].rawValue, $1) }),
                "exchanges_built": d.exchanges.filter(\.built).map { ["id": $0.id, "year": $0.buildYear ?? 0] as [String: Any] },
                "facilities_built": d.facilities.filter(\.built).map { ["id": $0.id, "year": $0.buildYear ?? 0] as [String: Any] },
            ]
            item["trade_offs"] = point.tradeOffs.map { t -> [String: Any] in
                ["objective": t.objective.rawValue, "next_point": t.neighbour + 1, "gain": t.gain, "cost": t.cost,
                 "ratio": ratio(t), "unit": ratioUnit(t.objective)]
            }
            return item
        }
        return JSONText.render(root)
    }

    // MARK: CSV

    /// One row per point, for Excel: UTF-8 with a byte order mark, one header row, CRLF; money
    /// and amounts to 1/100, the gap and trade-off ratios to six significant digits.
    public func csv() -> String {
        let c = currency
        var header = ["point", "npv_\(c)", "co2e_avoided_t", "jobs_fte_years", "proven", "gap"]
        header += front.objectives.dropFirst().map { "epsilon_\($0.rawValue)" }
        header += front.objectives.dropFirst().map { "next_\(ratioUnit($0).replacingOccurrences(of: " ", with: "_"))" }
        header += ["exchanges_built", "facilities_built"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for (index, point) in front.points.enumerated() {
            let d = point.design
            let n = CSVDialect.standard
            var fields = [String(index + 1), n.number(d.npv), n.number(d.co2eAvoided), n.number(d.jobsFTEYears),
                          point.proven ? "yes" : "no", point.gap.map(SensitivityReport.csvLevel) ?? ""]
            fields += point.bounds.map { n.number($0) }
            fields += front.objectives.dropFirst().map { objective in
                point.tradeOffs.first { $0.objective == objective }.map { SensitivityReport.csvLevel(ratio($0)) } ?? ""
            }
            fields.append(d.exchanges.filter(\.built).map { "\($0.id):\($0.buildYear ?? 0)" }.joined(separator: ";"))
            fields.append(d.facilities.filter(\.built).map { "\($0.id):\($0.buildYear ?? 0)" }.joined(separator: ";"))
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
