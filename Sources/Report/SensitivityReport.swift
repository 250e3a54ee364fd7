import Analysis
import Foundation
import MILP
import Sampling
import Scenario

/// Renders sensitivity studies: tables, JSON (indices under each parameter's key path), CSV,
/// and SVG charts (tornado, index bars, sweep heatmap).
public enum SensitivityReport {
    static func json(_ root: [String: Any]) -> String {
        return JSONText.render(root)
    }

    static func evaluation(_ e: ParkEvaluation) -> [String: Any] {
        ["npv": e.npv.isFinite ? e.npv : NSNull(), "co2e_avoided": e.co2eAvoided.isFinite ? e.co2eAvoided : NSNull(),
         "jobs_fte_years": e.jobs.isFinite ? e.jobs : NSNull(), "built": e.built, "status": status(e)]
    }

    // MARK: Tornado

    public static func tornado(_ base: ParkEvaluation, _ bars: [TornadoBar], currency: String, format: String) -> String {
        switch format {
        case "json":
            return json(["method": "tornado", "base": evaluation(base), "parameters": Dictionary(uniqueKeysWithValues: bars.map { bar in
                (bar.parameter.keyPath, ["low": bar.parameter.low, "high": bar.parameter.high, "at_low": evaluation(bar.low),
                                         "at_high": evaluation(bar.high), "npv_swing": bar.high.npv - bar.low.npv,
                                         "switches_design": bar.switchesDesign] as [String: Any])
            })])
        case "csv":
            var lines = ["parameter,low,high,npv_at_low_\(currency),npv_at_high_\(currency),co2e_at_low_t,co2e_at_high_t,switches_design,status_at_low,status_at_high"]
            for bar in bars {
                lines.append([csvField(bar.parameter.keyPath), String(bar.parameter.low), String(bar.parameter.high), csvNumber(bar.low.npv),
                              csvNumber(bar.high.npv), csvNumber(bar.low.co2eAvoided), csvNumber(bar.high.co2eAvoided),
                              bar.switchesDesign ? "yes" : "no", status(bar.low), status(bar.high)].joined(separator: ","))
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        default:
            var out = "Tornado: each parameter at its low and high value, the MIP re-solved (base NPV \(money(base.npv)) \(currency))\n\n"
            out += padded("parameter", 42) + padded("range", 22) + padded("NPV at low", 16) + padded("NPV at high", 16) + "design\n"
            for bar in bars {
                out += padded(bar.parameter.keyPath, 42) + padded("\(level(bar.parameter.low)) .. \(level(bar.parameter.high))", 22)
                    + padded(outcome(bar.low), 16) + padded(outcome(bar.high), 16) + (bar.switchesDesign ? "switches *" : "same") + "\n"
            }
            out += "\n* the links built differ from the base design at one end of the range.\n"
            if bars.contains(where: { !$0.low.npv.isFinite || !$0.high.npv.isFinite }) {
                out += "An end marked infeasible has no design at that value (a target or requirement cannot hold); such bars come first.\n"
            }
            return out
        }
    }

    /// The NPV of an evaluation, or why it has none (`infeasible`, `no design (time_limit_no_solution)`).
    static func outcome(_ e: ParkEvaluation) -> String {
        if e.npv.isFinite { return money(e.npv) }
        return e.termination == .infeasible ? "infeasible" : "no design (\(status(e)))"
    }

    /// The evaluation's status word (`StatusWord`): it has a design when its NPV is a number.
    static func status(_ e: ParkEvaluation) -> String { StatusWord.of(e.termination, hasDesign: e.npv.isFinite) }

    /// A CSV number; empty where there is no value (the status column says why).
    static func csvNumber(_ value: Double) -> String { value.isFinite ? String(value) : "" }

    /// A parameter level: grouped digits from 100 up, four significant digits below.
    static func level(_ value: Double) -> String { abs(value) >= 100 ? money(value) : String(format: "%.4g", value) }

    public static func tornadoChart(_ base: ParkEvaluation, _ bars: [TornadoBar], currency: String) -> String {
        let values = bars.flatMap { [$0.low.npv / 1e6, $0.high.npv / 1e6] } + [base.npv / 1e6]
        let height = Double(80 + 34 * max(1, bars.count))
        let x = Axis(label: "Park NPV (million \(currency))", data: values.filter(\.isFinite))
        var frame = ChartFrame(x: x, y: Axis(label: "", data: [0, 1]), width: 860, height: height)
        frame.left = 300
        var svg = SVGDocument(width: frame.width, height: height, title: "Tornado: park NPV")
        svg.text("Tornado: park NPV, each parameter at its low and high value", at: (frame.width / 2, 24), anchor: .middle, size: 15, bold: true)
        let top = 44.0, row = 34.0
        let baseX = frame.px(base.npv / 1e6)
        for tick in x.ticks {
            svg.line(from: (frame.px(tick), top), to: (frame.px(tick), top + row * Double(bars.count)), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1))
            svg.text(x.label(for: tick), at: (frame.px(tick), top + row * Double(bars.count) + 16), anchor: .middle, size: 11)
        }
        svg.text(x.label, at: ((frame.left + frame.right) / 2, height - 10), anchor: .middle, size: 12)
        for (i, bar) in bars.enumerated() {
            let y = top + row * Double(i) + 6
            for (value, color) in [(bar.low.npv, "#56B4E9"), (bar.high.npv, "#D55E00")] where value.isFinite {
                let end = frame.px(value / 1e6)
                svg.rectangle(x: min(baseX, end), y: y, width: max(1, abs(end - baseX)), height: row - 12, style: SVGStyle(fill: color))
            }
            let label = bar.parameter.keyPath + (bar.switchesDesign ? " *" : "")
            svg.text(label, at: (frame.left - 8, y + row / 2 - 2), anchor: .end, size: 11)
        }
        svg.line(from: (baseX, top - 4), to: (baseX, top + row * Double(bars.count)), style: SVGStyle(stroke: "#222", strokeWidth: 1.5))
        svg.text("low", at: (frame.right - 70, top - 8), size: 11, color: "#0072B2")
        svg.text("high", at: (frame.right - 30, top - 8), size: 11, color: "#D55E00")
        return svg.rendered()
    }

    // MARK: Sweep and break-even

    public static func sweep(_ parameters: [SensitivityParameter], levels: [[Double]], results: [ParkEvaluation],
                             breakEven: BreakEven?, currency: String, format: String) -> String {
        switch format {
        case "json":
            var root: [String: Any] = ["method": "sweep", "parameters": parameters.map(\.keyPath),
                                       "points": zip(levels, results).map { ["levels": $0, "result": evaluation($1)] as [String: Any] }]
            if let b = breakEven {
                root["break_even"] = ["parameter": b.parameter.keyPath, "exchange": b.exchange, "level": b.level ?? NSNull(),
                                      "tolerance": b.tolerance, "note": b.note,
                                      "below": b.below.map(evaluation) ?? NSNull(), "above": b.above.map(evaluation) ?? NSNull()] as [String: Any]
            }
            return json(root)
        case "csv":
            var lines = [(parameters.map { csvField($0.keyPath) } + ["npv_\(currency)", "co2e_avoided_t", "jobs_fte_years", "links_built", "built", "status"]).joined(separator: ",")]
            for (level, r) in zip(levels, results) {
                lines.append((level.map { String($0) } + [csvNumber(r.npv), csvNumber(r.co2eAvoided), csvNumber(r.jobs), String(r.built.count),
                                                          csvField(r.built.joined(separator: " ")), status(r)]).joined(separator: ","))
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        default:
            var out = "Sweep over " + parameters.map(\.keyPath).joined(separator: " x ") + "\n\n"
            out += parameters.map { padded($0.keyPath, 34) }.joined() + padded("NPV (\(currency))", 16) + padded("CO2e (t)", 14) + padded("jobs", 8) + "links\n"
            for (level, r) in zip(levels, results) {
                out += level.map { padded(Self.level($0), 34) }.joined() + padded(outcome(r), 16)
                    + padded(r.co2eAvoided.isFinite ? number(r.co2eAvoided) : "-", 14)
                    + padded(r.jobs.isFinite ? number(r.jobs) : "-", 8) + "\(r.built.count)\n"
            }
            if let b = breakEven {
                out += "\nBreak-even of \(b.exchange) on \(b.parameter.keyPath): "
                 out += b.level.map { "\(Self.level($0)) (± \(String(format: "%.3g", b.tolerance)); \(b.note))" } ?? b.note
                out += "\n"
            }
            return out
        }
    }

    /// A heatmap of park NPV over a 2-D sweep (a line chart for 1-D).
    public static func sweepChart(_ parameters: [SensitivityParameter], levels: [[Double]], results: [ParkEvaluation], currency: String) -> String {
        let npv = results.map { $0.npv / 1e6 }
        if parameters.count == 1 {
            var chart = XYLine(title: "Park NPV over \(parameters[0].keyPath)", x: parameters[0].keyPath, y: "Park NPV (million \(currency))")
            chart.points = zip(levels, npv).map { ($0[0], $1) }
            return chart.svg()
        }
        let xs = Array(Set(levels.map { $0[0] })).sorted(), ys = Array(Set(levels.map { $0[1] })).sorted()
        let frame = ChartFrame(x: Axis(label: parameters[0].keyPath, data: xs), y: Axis(label: parameters[1].keyPath, data: ys), width: 760, height: 520)
        var svg = frame.document(title: "Park NPV (million \(currency))")
        let finite = npv.filter(\.isFinite)
        let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        let dx = xs.count > 1 ? (frame.px(xs[1]) - frame.px(xs[0])) : 40, dy = ys.count > 1 ? (frame.py(ys[0]) - frame.py(ys[1])) : 40
        for (level, value) in zip(levels, npv) where value.isFinite {
            let share = high > low ? (value - low) / (high - low) : 0.5
            let color = String(format: "#%02x%02x%02x", Int(255 - 200 * share), Int(255 - 110 * share), Int(255 - 60 * share))
            svg.rectangle(x: frame.px(level[0]) - dx / 2, y: frame.py(level[1]) - dy / 2, width: dx, height: dy, style: SVGStyle(fill: color))
            svg.text(String(format: "%.1f", value), at: (frame.px(level[0]), frame.py(level[1]) + 4), anchor: .middle, size: 9)
        }
        return svg.rendered()
    }

    // MARK: Morris and Sobol

    public static func morris(_ parameters: [SensitivityParameter], _ results: [MorrisScreening], trajectories: Int, format: String) -> String {
        if format == "json" {
            return json(["method": "morris", "trajectories": trajectories, "parameters": Dictionary(uniqueKeysWithValues: parameters.enumerated().map { i, p in
                (p.keyPath, Dictionary(uniqueKeysWithValues: ParkEvaluation.outputs.enumerated().map { k, name in
                    (name, ["mu": results[k].mu[i], "mu_star": results[k].muStar[i], "sigma": results[k].sigma[i],
                            "mu_star_conf": results[k].muStarConfidence[i]])
                }))
            })])
        }
        var lines: [String] = []
        if format == "csv" {
            lines.append("parameter,output,mu,mu_star,sigma,mu_star_conf")
            for (i, p) in parameters.enumerated() {
                for (k, name) in ParkEvaluation.outputs.enumerated() {
                    lines.append([csvField(p.keyPath), name, String(results[k].mu[i]), String(results[k].muStar[i]),
                                  String(results[k].sigma[i]), String(results[k].muStarConfidence[i])].joined(separator: ","))
                }
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
        var out = "Morris elementary effects (\(trajectories) trajectories, \(MorrisScreening.levels) levels), effect per full range of each parameter\n"
        for (k, name) in ParkEvaluation.outputs.enumerated() {
            out += "\n\(name)\n" + padded("parameter", 42) + padded("mu*", 16) + padded("± (95%)", 14) + padded("mu", 16) + "sigma\n"
            for i in parameters.indices.sorted(by: { results[k].muStar[$0] > results[k].muStar[$1] }) {
                out += padded(parameters[i].keyPath, 42) + padded(number(results[k].muStar[i]), 16) + padded(number(results[k].muStarConfidence[i]), 14)
                    + padded(number(results[k].mu[i]), 16) + number(results[k].sigma[i]) + "\n"
            }
        }
        return out
    }

    public static func sobol(_ parameters: [SensitivityParameter], _ results: [SobolIndices], samples: Int, evaluations: Int, format: String) -> String {
        if format == "json" {
            return json(["method": "sobol", "samples": samples, "evaluations": evaluations,
                         "parameters": Dictionary(uniqueKeysWithValues: parameters.enumerated().map { i, p in
                (p.keyPath, Dictionary(uniqueKeysWithValues: ParkEvaluation.outputs.enumerated().map { k, name in
                    (name, ["S1": results[k].firstOrder[i], "S1_conf": results[k].firstOrderConfidence[i],
                            "ST": results[k].total[i], "ST_conf": results[k].totalConfidence[i]])
                }))
            })])
        }
        if format == "csv" {
            var lines = ["parameter,output,S1,S1_conf,ST,ST_conf"]
            for (i, p) in parameters.enumerated() {
                for (k, name) in ParkEvaluation.outputs.enumerated() {
                    lines.append([csvField(p.keyPath), name, String(results[k].firstOrder[i]), String(results[k].firstOrderConfidence[i]),
                                  String(results[k].total[i]), String(results[k].totalConfidence[i])].joined(separator: ","))
                }
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
        var out = "Sobol indices (Saltelli 2010 first order, Jansen total; \(samples) base samples, \(evaluations) evaluations, 95% bootstrap intervals)\n"
        for (k, name) in ParkEvaluation.outputs.enumerated() {
            out += "\n\(name)\n" + padded("parameter", 42) + padded("S1", 18) + "ST\n"
            for i in parameters.indices.sorted(by: { results[k].total[$0] > results[k].total[$1] }) {
                out += padded(parameters[i].keyPath, 42)
                    + padded(String(format: "%.3f ± %.3f", results[k].firstOrder[i], results[k].firstOrderConfidence[i]), 18)
                    + String(format: "%.3f ± %.3f", results[k].total[i], results[k].totalConfidence[i]) + "\n"
            }
        }
        return out
    }

    /// Bars of first-order and total indices of the park NPV.
    public static func sobolChart(_ parameters: [SensitivityParameter], _ npv: SobolIndices) -> String {
        let height = Double(90 + 40 * max(1, parameters.count))
        var frame = ChartFrame(x: Axis(label: "Sobol index of park NPV", data: [0, 1]), y: Axis(label: "", data: [0, 1]), width: 860, height: height)
        frame.left = 300
        var svg = SVGDocument(width: frame.width, height: height, title: "Sobol indices of park NPV")
        svg.text("Sobol indices of park NPV (first order S1, total ST)", at: (frame.width / 2, 24), anchor: .middle, size: 15, bold: true)
        let top = 44.0, row = 40.0
        for tick in frame.x.ticks {
            svg.line(from: (frame.px(tick), top), to: (frame.px(tick), top + row * Double(parameters.count)), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1))
            svg.text(frame.x.label(for: tick), at: (frame.px(tick), top + row * Double(parameters.count) + 16), anchor: .middle, size: 11)
        }
        for (i, p) in parameters.enumerated() {
            let y = top + row * Double(i) + 4
            for (j, (value, color)) in [(npv.firstOrder[i], "#0072B2"), (npv.total[i], "#D55E00")].enumerated() {
                let clipped = min(1, max(0, value))
                svg.rectangle(x: frame.px(0), y: y + Double(j) * 15, width: max(0.5, frame.px(clipped) - frame.px(0)), height: 13, style: SVGStyle(fill: color))
            }
            svg.text(p.keyPath, at: (frame.left - 8, y + 18), anchor: .end, size: 11)
        }
        svg.text("S1", at: (frame.right - 70, top - 8), size: 11, color: "#0072B2")
        svg.text("ST", at: (frame.right - 30, top - 8), size: 11, color: "#D55E00")
        return svg.rendered()
    }
}

/// One line of points on two axes (for 1-D sweeps).
struct XYLine {
    var title: String
    var x: String
    var y: String
    var points: [(Double, Double)] = []

    func svg() -> String {
        let frame = ChartFrame(x: Axis(label: x, data: points.map(\.0)), y: Axis(label: y, data: points.map(\.1).filter(\.isFinite)))
        var svg = frame.document(title: title)
        svg.polyline(points.filter { $0.1.isFinite }.map { (frame.px($0.0), frame.py($0.1)) }, style: SVGStyle(stroke: "#0072B2", strokeWidth: 2))
        return svg.rendered()
    }
}
