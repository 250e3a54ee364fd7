import Analysis
import Foundation
import Formulation
import MILP
import Scenario

/// Renders `ParkAlternatives` (`symbiosis alternatives`) as a readable table, JSON or CSV.
public struct AlternativesReport {
    public let scenario: Scenario
    public let policy: String?
    public let alternatives: ParkAlternatives

    public init(scenario: Scenario, policy: String?, alternatives: ParkAlternatives) {
        self.scenario = scenario
        self.policy = policy
        self.alternatives = alternatives
    }

    /// `optimal`, `time_limit`, `time_limit_no_solution`, `infeasible`, ... (`StatusWord`).
    public var status: String { StatusWord.of(alternatives.termination, hasDesign: !alternatives.designs.isEmpty) }

    /// `optimum`, `alternative 1`, ...
    static func name(_ index: Int) -> String { index == 0 ? "optimum" : "alternative \(index)" }

    /// Candidate exchanges and facilities that are in the model (blocked ones left out), in
    /// scenario order: (id, is facility).
    var candidates: [(id: String, facility: Bool)] {
        guard let first = alternatives.designs.first?.design else { return [] }
        return first.exchanges.filter { $0.blockedBy == nil }.map { ($0.id, false) } + first.facilities.map { ($0.id, true) }
    }

    /// The year `id` is built in a design, `nil` when not built.
    static func year(_ id: String, facility: Bool, in design: ParkDesign) -> Int? {
        facility ? design.facilities.first { $0.id == id }?.buildYear : design.exchanges.first { $0.id == id }?.buildYear
    }

    // MARK: Table

    public func table() -> String {
        let a = alternatives, c = scenario.currency
        var out = "\(scenario.name) — policy \(policy ?? AppliedPolicy.statusQuoName)\n"
        out += "Near-optimal alternatives: NPV within \(percent(a.slack)) of the optimum"
        if let bound = a.npvBound { out += " (NPV ≥ \(money(bound)) \(c))" }
        out += ", \(a.requested) asked, \(max(0, a.designs.count - 1)) found\n"
        out += String(format: "status: \(status)   %d MIP solves, %.2f s\n", a.solves, a.seconds)
        guard !a.designs.isEmpty else {
            out += "no design: the solver found no feasible network.\n"
            return out
        }
        if a.exhausted { out += "note: no other design differs within the slack; fewer alternatives than asked.\n" }
        if a.designs.contains(where: { !$0.proven }) { out += "note: a solve stopped at the time limit; its design is the best found, not proven the farthest.\n" }
        out += "\n" + padded("design", 16) + padded("NPV (\(c))", 16) + padded("CO2e avoided (t)", 18) + padded("jobs (FTE-years)", 18)
            + padded("built", 7) + padded("differs from optimum", 22) + "from closest earlier\n"
        for (index, item) in a.designs.enumerated() {
            let d = item.design
            out += padded(Self.name(index), 16) + padded(money(d.npv), 16) + padded(number(d.co2eAvoided), 18)
                + padded(number(d.jobsFTEYears), 18) + padded("\(FrontReport.builds(d).count)", 7)
                + padded(index == 0 ? "-" : "\(item.distanceFromOptimum)", 22) + (index == 0 ? "-" : "\(item.distanceFromClosest)") + "\n"
        }
        out += "\nWhat each design builds (year built; - not built)\n"
        let width = max(24, (candidates.map(\.id.count).max() ?? 0) + 2)
        out += padded("exchange / facility", width) + a.designs.indices.map { padded($0 == 0 ? "optimum" : "alt \($0)", 9) }.joined() + "in\n"
        for candidate in candidates {
            var line = padded(candidate.id, width)
            for item in a.designs {
                line += padded(Self.year(candidate.id, facility: candidate.facility, in: item.design).map(String.init) ?? "-", 9)
            }
            let count = a.counts[candidate.id] ?? 0
            out += line + (count == a.designs.count ? "all" : count == 0 ? "none" : "\(count) of \(a.designs.count)") + "\n"
        }
        out += "\nRobust (built in every design): " + (a.robust.isEmpty ? "none" : a.robust.joined(separator: ", ")) + "\n"
        out += "Never built: " + (a.neverBuilt.isEmpty ? "none" : a.neverBuilt.joined(separator: ", ")) + "\n"
        return out
    }

    private func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value)) %" : String(format: "%.2f %%", value)
    }

    // MARK: JSON

    public func json() -> String {
        let a = alternatives
        var root: [String: Any] = [
            "scenario": scenario.name, "policy": policy ?? AppliedPolicy.statusQuoName, "status": status, "currency": scenario.currency,
            "slack": a.slack, "requested": a.requested, "found": max(0, a.designs.count - 1), "exhausted": a.exhausted,
            "robust": a.robust, "never_built": a.neverBuilt, "counts": a.counts,
            "solver": ["name": a.solverName, "mip_solves": a.solves, "seconds": a.seconds] as [String: Any],
        ]
        root["npv_bound"] = a.npvBound ?? NSNull()
        root["designs"] = a.designs.enumerated().map { index, item -> [String: Any] in
            let d = item.design
            return [
                "name": Self.name(index), "proven": item.proven,
                "distance_from_optimum": item.distanceFromOptimum, "distance_from_closest": item.distanceFromClosest,
                "npv": d.npv, "co2e_avoided": d.co2eAvoided, "jobs_fte_years": d.jobsFTEYears, "public_cost": d.publicCost,
                "exchanges_built": d.exchanges.filter(\.built).map { ["id": $0.id, "year": $0.buildYear ?? 0] as [String: Any] },
                "facilities_built": d.facilities.filter(\.built).map { ["id": $0.id, "year": $0.buildYear ?? 0] as [String: Any] },
            ]
        }
        return JSONText.render(root)
    }

    // MARK: CSV

    /// One row per design (the optimum first): its indicators, then one column per candidate
    /// exchange or facility holding the year it is built (empty when not built). UTF-8 with a
    /// byte order mark, one header row, CRLF.
    public func csv() -> String {
        let a = alternatives, c = scenario.currency
        var header = ["design", "npv_\(c)", "co2e_avoided_t", "jobs_fte_years", "proven", "distance_from_optimum", "distance_from_closest"]
        header += candidates.map(\.id)
        var lines = [header.map(csvField).joined(separator: ",")]
        for (index, item) in a.designs.enumerated() {
            let d = item.design
            var fields = [Self.name(index), String(d.npv), String(d.co2eAvoided), String(d.jobsFTEYears),
                          item.proven ? "yes" : "no", String(item.distanceFromOptimum), String(item.distanceFromClosest)]
            fields += candidates.map { Self.year($0.id, facility: $0.facility, in: d).map(String.init) ?? "" }
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
