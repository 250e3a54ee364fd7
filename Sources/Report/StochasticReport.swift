import Analysis
import Formulation
import Foundation
import MILP

/// The stochastic design against the deterministic one: in-sample values (RP, WS, EEV, EVPI,
/// VSS) and both designs' risk on fresh paths.
public struct StochasticReport {
    public let stochastic: StochasticDesign
    public let deterministic: SimulationResult
    public let robust: SimulationResult

    public init(stochastic: StochasticDesign, deterministic: SimulationResult, robust: SimulationResult) {
        self.stochastic = stochastic
        self.deterministic = deterministic
        self.robust = robust
    }

    var currency: String { deterministic.header.currency }

    /// Built links of each design, `id (year)`.
    var links: (deterministic: [String], stochastic: [String]) {
        let d = deterministic.header.design.exchanges.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        let s = stochastic.design.exchanges.filter(\.built).sorted { $0.id < $1.id }.map { "\($0.id) (\($0.buildYear ?? 0))" }
        return (d, s)
    }

    public func table() -> String {
        var out = "\(deterministic.header.scenario) — policy \(deterministic.header.policy): stochastic design over "
            + "\(stochastic.paths) sampled paths vs the deterministic design\n"
        out += "stochastic program: \(stochastic.size.rows) rows x \(stochastic.size.columns) columns (\(stochastic.size.binaries) binary), "
            + StatusWord.of(stochastic.termination, hasDesign: true) + (stochastic.gap.map { String(format: ", gap %.2f%%", $0 * 100) } ?? "")
            + String(format: ", %.1f s\n\n", stochastic.seconds)
        out += "In sample (objective units of the solved objective):\n"
        func value(_ x: Double?) -> String { x.map { String(format: "%.6g", $0) } ?? "n/a" }
        out += "  RP  (stochastic design)          \(value(stochastic.recourseValue))\n"
        out += "  WS  (wait and see)               \(value(stochastic.waitAndSee))\n"
        out += "  EEV (deterministic design)       \(value(stochastic.deterministicValue))\n"
        out += "  EVPI = WS - RP                   \(value(stochastic.evpi))\n"
        out += "  VSS  = RP - EEV                  \(value(stochastic.vss))\n\n"
        out += "On \(robust.tally.samples) fresh paths (seed \(robust.header.seed)):\n"
        out += padded("", 26) + ["mean NPV", "P10", "P50", "P(loss)", "mean CO2e t"].map { padded($0, 15) }.joined() + "\n"
        for (label, result) in [("deterministic design", deterministic), ("stochastic design", robust)] {
            guard let npv = result.tally.npv.summary else { continue }
            out += padded(label, 26) + [money(npv.mean), money(npv.p10), money(npv.p50),
                                        String(format: "%.1f%%", npv.probabilityNegative * 100),
                                        number(result.tally.co2eAvoided.summary?.mean ?? 0)].map { padded($0, 15) }.joined() + "\n"
        }
        let (d, s) = links
        out += "\nLinks only in the deterministic design: " + (Set(d).subtracting(s).sorted().joined(separator: ", ").nonEmpty ?? "none") + "\n"
        out += "Links only in the stochastic design:    " + (Set(s).subtracting(d).sorted().joined(separator: ", ").nonEmpty ?? "none") + "\n"
        out += "Links in both:                          " + (Set(d).intersection(s).sorted().joined(separator: ", ").nonEmpty ?? "none") + "\n"
        return out
    }

    public func json() -> String {
        let (d, s) = links
        let root: [String: Any] = [
            "scenario": deterministic.header.scenario, "policy": deterministic.header.policy, "paths": stochastic.paths,
            "status": StatusWord.of(stochastic.termination, hasDesign: true), "gap": stochastic.gap ?? NSNull(),
            "rp": stochastic.recourseValue, "ws": stochastic.waitAndSee ?? NSNull(), "eev": stochastic.deterministicValue ?? NSNull(),
            "evpi": stochastic.evpi ?? NSNull(), "vss": stochastic.vss ?? NSNull(),
            "deterministic": ["links": d, "out_of_sample_npv": SimulationReport.json(deterministic.tally.npv.summary)] as [String: Any],
            "stochastic": ["links": s, "out_of_sample_npv": SimulationReport.json(robust.tally.npv.summary)] as [String: Any],
            "out_of_sample_samples": robust.tally.samples, "seed": robust.header.seed,
        ]
        return JSONText.render(root)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
