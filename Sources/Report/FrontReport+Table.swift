import Analysis
import Formulation
import Foundation
import MILP
import MultiObjective
import Scenario

extension FrontReport {
    /// The readable report of `pareto`: run summary, payoff table, the points with their
    /// trade-offs, then each point's design.
    public func table() -> String {
        let f = front.front, s = f.statistics
        let names = front.objectives.map(\.rawValue).joined(separator: " vs ")
        var out = "\(scenario.name) — policy \(policy ?? AppliedPolicy.statusQuoName)\n"
        out += "Pareto front: \(names), \(gridPoints) ε levels per constrained objective (AUGMECON2)\n"
        out += "status: \(status)   " + (timings ? Self.runSummary(s) : counted(s.gridLevels, "grid level")) + "\n"
        if let failure = f.failure {
            out += "no front: the payoff table found no design (\(failure.rawValue)).\n"
            return out
        }
        if s.unsolved > 0 { out += "note: \(s.unsolved) grid levels were not solved before the time limit.\n" }
        if s.notProven > 0 { out += "note: \(s.notProven) solves stopped at the time limit; their points are marked 'no' under proven.\n" }
        if f.payoff.approximate { out += "note: a payoff-table solve stopped at the time limit; the grid spans its incumbents.\n" }

        out += "\nPayoff table (each objective maximized alone, ties broken lexicographically)\n"
        out += padded("maximized", 16) + front.objectives.map { padded("\($0.rawValue) (\(unit($0)))", 28) }.joined() + "\n"
        for (k, row) in f.payoff.values.enumerated() {
            out += padded(front.objectives[k].rawValue, 16)
                + zip(row, front.objectives).map { padded(formatted($0 * $1.reportScale(for: scenario), $1), 28) }.joined() + "\n"
        }

        out += "\nPoints (each a MIP optimum; next = cost of moving to the next point along that objective)\n"
        var header = padded("#", 4) + padded("NPV (\(currency))", 16) + padded("CO2e avoided (t)", 18) + padded("jobs (FTE-years)", 18)
        header += padded("proven", 8)
        for objective in front.objectives.dropFirst() { header += padded("next: \(ratioUnit(objective))", 26) }
        out += header + "built\n"
        for (index, point) in front.points.enumerated() {
            let d = point.design
            var line = padded("\(index + 1)", 4) + padded(money(d.npv), 16) + padded(number(d.co2eAvoided), 18)
                + padded(number(d.jobsFTEYears), 18)
            line += padded(point.proven ? "yes" : String(format: "no (gap %.1f%%)", (point.gap ?? 0) * 100), 8)
            for objective in front.objectives.dropFirst() {
                let text = point.tradeOffs.first { $0.objective == objective }.map { "\(formattedRatio(ratio($0))) (to #\($0.neighbour + 1))" } ?? "-"
                line += padded(text, 26)
            }
            out += line + "\(Self.builds(d).count)\n"
        }

        out += "\nDesigns (what is built, and when)\n"
        for (index, point) in front.points.enumerated() {
            let builds = Self.builds(point.design).sorted { ($0.year, $0.id) < ($1.year, $1.id) }
            let text = builds.isEmpty ? "nothing" : builds.map { "\($0.id) \($0.year)" }.joined(separator: ", ")
            out += "  #\(index + 1): \(text)\n"
        }
        out += "\nε bounds, grid levels and design per point: --format json\n"
        return out
    }

    /// One line per grid solve for `pareto --progress`: elapsed time, level, outcome, objectives.
    public static func progressLine(_ level: AugmentedEpsilonConstraint.LevelReport, objectives: [ParkFormulation.Objective],
                                    scenario: Scenario, elapsed: Double) -> String {
        var line = String(format: "[%7.1f s] level ", elapsed) + level.level.map(String.init).joined(separator: ",")
        line += ": " + StatusWord.of(level.termination, hasDesign: !level.objectives.isEmpty)
        for (objective, value) in zip(objectives, level.objectives) {
            line += ", \(objective.rawValue) " + String(format: "%.6g", value * objective.reportScale(for: scenario))
        }
        line += String(format: " (search %.1f s, solve %.1f s)", level.neighbourhoodSeconds, level.seconds)
        if level.bypassed > 0 { line += ", bypasses \(level.bypassed)" }
        return line
    }

    private func formatted(_ value: Double, _ objective: ParkFormulation.Objective) -> String {
        objective == .economic ? money(value) : number(value)
    }

    private func formattedRatio(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return abs(value) >= 100 ? money(value) : String(format: "%.2f", value)
    }
}
