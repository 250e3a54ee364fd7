import Analysis
import Foundation
import MILP
import Sampling
import Scenario

/// Renders sensitivity studies: tables, JSON (indices under each parameter's key path), CSV,
/// and SVG charts (`SensitivityReport+Charts.swift`).
public enum SensitivityReport {
    static func json(_ root: [String: Any]) -> String {
        return JSONText.render(root)
    }

    static func evaluation(_ e: ParkEvaluation) -> [String: Any] {
        ["npv": e.npv.isFinite ? e.npv : NSNull(), "co2e_avoided": e.co2eAvoided.isFinite ? e.co2eAvoided : NSNull(),
         "jobs_fte_years": e.jobs.isFinite ? e.jobs : NSNull(), "built": e.built, "status": status(e)]
    }

    // MARK: Tornado

    /// The parameters of a text table in words (`SettingDescription`, with their units), each
    /// with its key path in a column of its own for reproducing the study; key paths alone
    /// without a scenario.
    struct ParameterColumns {
        let labels: [String: String]
        let width: Int
        let language: ReportLanguage

        init(_ keyPaths: [String], scenario: Scenario?, language: ReportLanguage) {
            self.language = language
            var labels: [String: String] = [:]
            if let scenario {
                for path in keyPaths { labels[path] = SettingDescription(path, in: scenario, language: language).label }
            }
            self.labels = labels
            width = max(12, (keyPaths.map { labels[$0]?.count ?? 0 }.max() ?? 0) + 2)
        }

        /// The header: "parameter" (and "key path" when described); "tham số", "đường dẫn khóa".
        var header: String {
            let (parameter, keyPath) = language == .vi ? ("tham số", "đường dẫn khóa") : ("parameter", "key path")
            return labels.isEmpty ? padded(parameter, 42) : padded(parameter, width) + padded(keyPath, 42)
        }

        /// A parameter's cells: its words and its key path, or its key path alone.
        func cells(_ keyPath: String) -> String {
            guard let label = labels[keyPath] else { return padded(keyPath, 42) }
            return padded(label, width) + padded(keyPath, 42)
        }
    }

    public static func tornado(_ base: ParkEvaluation, _ bars: [TornadoBar], currency: String, format: String,
                               scenario: Scenario? = nil, language: ReportLanguage = .en) -> String {
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
                lines.append([csvField(bar.parameter.keyPath), csvLevel(bar.parameter.low), csvLevel(bar.parameter.high), csvNumber(bar.low.npv),
                              csvNumber(bar.high.npv), csvNumber(bar.low.co2eAvoided), csvNumber(bar.high.co2eAvoided),
                              bar.switchesDesign ? "yes" : "no", status(bar.low), status(bar.high)].joined(separator: ","))
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        default:
            let l = language, vi = language == .vi
            var out = vi ? "Biểu đồ lốc xoáy: mỗi tham số ở mức thấp và mức cao, bài toán MIP được giải lại (NPV cơ sở \(l.grouped(base.npv)) \(currency))\n\n"
                : "Tornado: each parameter at its low and high value, the MIP re-solved (base NPV \(money(base.npv)) \(currency))\n\n"
            let columns = ParameterColumns(bars.map(\.parameter.keyPath), scenario: scenario, language: language)
            out += columns.header + padded(vi ? "khoảng" : "range", 22) + padded(vi ? "NPV ở mức thấp" : "NPV at low", 16)
                + padded(vi ? "NPV ở mức cao" : "NPV at high", 16) + (vi ? "thiết kế" : "design") + "\n"
            for bar in bars {
                out += columns.cells(bar.parameter.keyPath) + padded("\(level(bar.parameter.low, l)) .. \(level(bar.parameter.high, l))", 22)
                    + padded(outcome(bar.low, l), 16) + padded(outcome(bar.high, l), 16)
                    + (bar.switchesDesign ? (vi ? "thay đổi *" : "switches *") : (vi ? "không đổi" : "same")) + "\n"
            }
            out += vi ? "\n* các liên kết được xây dựng khác với thiết kế cơ sở ở một đầu của khoảng.\n"
                : "\n* the links built differ from the base design at one end of the range.\n"
            if bars.contains(where: { !$0.low.npv.isFinite || !$0.high.npv.isFinite }) {
                out += vi ? "Đầu khoảng ghi “không khả thi” không có thiết kế nào ở giá trị đó (một mục tiêu hay yêu cầu không thể đáp ứng); các thanh này được xếp trước.\n"
                    : "An end marked infeasible has no design at that value (a target or requirement cannot hold); such bars come first.\n"
            }
            return out
        }
    }

    /// The NPV of an evaluation, or why it has none (`infeasible`, `no design (time_limit_no_solution)`),
    /// in the reader's language (`không khả thi`; digits grouped as the language groups them).
    static func outcome(_ e: ParkEvaluation, _ l: ReportLanguage = .en) -> String {
        if e.npv.isFinite { return l.grouped(e.npv) }
        if l == .vi { return e.termination == .infeasible ? "không khả thi" : "không có thiết kế (\(status(e)))" }
        return e.termination == .infeasible ? "infeasible" : "no design (\(status(e)))"
    }

    /// A number of a sensitivity table in the reader's language: grouped, one decimal below 100
    /// when it has decimals (as `number(_:)` writes it in English).
    static func tableNumber(_ value: Double, _ l: ReportLanguage) -> String {
        l.style.number(value, decimals: abs(value) < 100 && value != value.rounded() ? 1 : 0)
    }

    /// An output of a study in words, with its unit: `npv` is "Park NPV (USD)", "NPV toàn khu (USD)".
    static func outputName(_ name: String, currency: String, _ l: ReportLanguage) -> String {
        let vi = l == .vi, unit = currency.isEmpty ? "" : " (\(currency))"
        switch name {
        case "npv": return vi ? "NPV toàn khu\(unit)" : "Park NPV\(unit)"
        case "co2e_avoided": return vi ? "CO2e tránh được (tấn)" : "CO2e avoided (t)"
        case "jobs_fte_years": return vi ? "Việc làm (người-năm)" : "Jobs (FTE-years)"
        default: return name
        }
    }

    /// The evaluation's status word (`StatusWord`): it has a design when its NPV is a number.
    static func status(_ e: ParkEvaluation) -> String { StatusWord.of(e.termination, hasDesign: e.npv.isFinite) }

    /// A CSV number, rounded to `decimals` (cents of money, 1/100 of a t; an index to 1/10,000)
    /// without float noise; empty where there is no value (the status column says why).
    static func csvNumber(_ value: Double, decimals: Int = 2) -> String { value.isFinite ? CSVDialect.standard.number(value, decimals: decimals) : "" }

    /// A parameter level in a CSV: six significant digits, no float noise (`0.30000000000000004`).
    static func csvLevel(_ value: Double) -> String { value.isFinite ? CSVDialect.standard.number(Double(String(format: "%.6g", value)) ?? value, decimals: 12) : "" }

    /// A parameter level: grouped digits from 100 up, four significant digits below (a decimal
    /// comma in Vietnamese).
    /// Where a break-even's exchange is built, in the report's language, and whether the level
    /// is its payer's budget running out rather than the link ceasing to pay
    /// (`BreakEven.built`, `BreakEven.limit`; the JSON keeps `note`, in English, for programs).
    static func breakEvenWords(_ b: BreakEven, _ l: ReportLanguage) -> String {
        let vi = l == .vi
        var words: String
        switch b.built {
        case .everywhere: words = vi ? "được xây dựng trên toàn khoảng" : "built over the whole range"
        case .nowhere: words = vi ? "không được xây dựng ở bất kỳ mức nào trong khoảng" : "not built anywhere in the range"
        case .fromLevelUp: words = vi ? "được xây dựng từ mức này trở lên" : "built from this level up"
        case .upToLevel: words = vi ? "được xây dựng đến mức này" : "built up to this level"
        }
        if case let .budget(payer, _, _)? = b.limit, b.level != nil {
            words += vi ? "; đây là giới hạn ngân sách, không phải điểm hòa vốn kinh tế: vượt qua mức này liên kết vẫn hoàn vốn nhưng vượt ngân sách của \(payer)"
                : "; a budget limit, not an economic break-even: past it the link still pays back but exceeds \(payer)'s budget"
        }
        return words
    }

    static func level(_ value: Double, _ l: ReportLanguage = .en) -> String {
        if abs(value) >= 100 { return l.grouped(value) }
        let text = String(format: "%.4g", value)
        return l == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    // MARK: Sweep and break-even

    public static func sweep(_ parameters: [SensitivityParameter], levels: [[Double]], results: [ParkEvaluation],
                             breakEven: BreakEven?, currency: String, format: String,
                             scenario: Scenario? = nil, language: ReportLanguage = .en) -> String {
        switch format {
        case "json":
            var root: [String: Any] = ["method": "sweep", "parameters": parameters.map(\.keyPath),
                                       "points": zip(levels, results).map { ["levels": $0, "result": evaluation($1)] as [String: Any] }]
            if let b = breakEven {
                root["break_even"] = ["parameter": b.parameter.keyPath, "exchange": b.exchange, "level": b.level ?? NSNull(),
                                      "tolerance": b.tolerance, "note": b.note,
                                      "kind": b.isBudgetLimit ? "budget_limit" : "break_even", "limit": b.limit?.code ?? NSNull(),
                                      "below": b.below.map(evaluation) ?? NSNull(), "above": b.above.map(evaluation) ?? NSNull()] as [String: Any]
            }
            return json(root)
        case "csv":
            var lines = [(parameters.map { csvField($0.keyPath) } + ["npv_\(currency)", "co2e_avoided_t", "jobs_fte_years", "links_built", "built", "status"]).joined(separator: ",")]
            for (level, r) in zip(levels, results) {
                lines.append((level.map(csvLevel) + [csvNumber(r.npv), csvNumber(r.co2eAvoided), csvNumber(r.jobs), String(r.built.count),
                                                          csvField(r.built.joined(separator: " ")), status(r)]).joined(separator: ","))
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        default:
            let columns = ParameterColumns(parameters.map(\.keyPath), scenario: scenario, language: language)
            func named(_ p: SensitivityParameter) -> String { columns.labels[p.keyPath].map { "\($0) [\(p.keyPath)]" } ?? p.keyPath }
            let l = language, vi = language == .vi
            var out = (vi ? "Quét theo " : "Sweep over ") + parameters.map(named).joined(separator: " x ") + "\n\n"
            out += parameters.map { padded($0.keyPath, 34) }.joined() + padded("NPV (\(currency))", 16) + padded(vi ? "CO2e (tấn)" : "CO2e (t)", 14)
                + padded(vi ? "việc làm" : "jobs", 9) + (vi ? "liên kết" : "links") + "\n"
            for (level, r) in zip(levels, results) {
                out += level.map { padded(Self.level($0, l), 34) }.joined() + padded(outcome(r, l), 16)
                    + padded(r.co2eAvoided.isFinite ? tableNumber(r.co2eAvoided, l) : "-", 14)
                    + padded(r.jobs.isFinite ? tableNumber(r.jobs, l) : "-", 9) + "\(r.built.count)\n"
            }
            if let b = breakEven {
                out += vi ? "\n\(b.isBudgetLimit ? "Giới hạn ngân sách" : "Điểm hòa vốn") của \(b.exchange) theo \(named(b.parameter)): "
                    : "\n\(b.isBudgetLimit ? "Budget limit" : "Break-even") of \(b.exchange) on \(named(b.parameter)): "
                let words = Self.breakEvenWords(b, l)
                out += b.level.map { "\(Self.level($0, l)) (± \(Self.level(Double(String(format: "%.3g", b.tolerance)) ?? b.tolerance, l)); \(words))" } ?? words
                out += "\n"
            }
            return out
        }
    }

    // MARK: Morris and Sobol

    public static func morris(_ parameters: [SensitivityParameter], _ results: [MorrisScreening], trajectories: Int, format: String,
                              scenario: Scenario? = nil, language: ReportLanguage = .en) -> String {
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
                    lines.append([csvField(p.keyPath), name, csvNumber(results[k].mu[i]), csvNumber(results[k].muStar[i]),
                                  csvNumber(results[k].sigma[i]), csvNumber(results[k].muStarConfidence[i])].joined(separator: ","))
                }
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
        let l = language, currency = scenario?.currency ?? ""
        var out = l == .vi
            ? "Hiệu ứng cơ bản Morris (\(trajectories) quỹ đạo, \(MorrisScreening.levels) mức), hiệu ứng trên toàn khoảng của mỗi tham số\n"
            : "Morris elementary effects (\(trajectories) trajectories, \(MorrisScreening.levels) levels), effect per full range of each parameter\n"
        let columns = ParameterColumns(parameters.map(\.keyPath), scenario: scenario, language: language)
        for (k, name) in ParkEvaluation.outputs.enumerated() {
            out += "\n\(outputName(name, currency: currency, l))\n" + columns.header + padded("mu*", 16) + padded("± (95 %)", 14) + padded("mu", 16) + "sigma\n"
            for i in parameters.indices.sorted(by: { results[k].muStar[$0] > results[k].muStar[$1] }) {
                out += columns.cells(parameters[i].keyPath) + padded(tableNumber(results[k].muStar[i], l), 16) + padded(tableNumber(results[k].muStarConfidence[i], l), 14)
                    + padded(tableNumber(results[k].mu[i], l), 16) + tableNumber(results[k].sigma[i], l) + "\n"
            }
        }
        return out
    }

    public static func sobol(_ parameters: [SensitivityParameter], _ results: [SobolIndices], samples: Int, evaluations: Int, format: String,
                             scenario: Scenario? = nil, language: ReportLanguage = .en) -> String {
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
                    lines.append([csvField(p.keyPath), name, csvNumber(results[k].firstOrder[i], decimals: 4),
                                  csvNumber(results[k].firstOrderConfidence[i], decimals: 4), csvNumber(results[k].total[i], decimals: 4),
                                  csvNumber(results[k].totalConfidence[i], decimals: 4)].joined(separator: ","))
                }
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
        let l = language, currency = scenario?.currency ?? ""
        var out = l == .vi
            ? "Chỉ số Sobol (bậc nhất theo Saltelli 2010, toàn phần theo Jansen; \(samples) mẫu cơ sở, \(evaluations) lần giải, khoảng tin cậy bootstrap 95 %)\n"
            : "Sobol indices (Saltelli 2010 first order, Jansen total; \(samples) base samples, \(evaluations) evaluations, 95% bootstrap intervals)\n"
        let columns = ParameterColumns(parameters.map(\.keyPath), scenario: scenario, language: language)
        func index(_ value: Double, _ half: Double) -> String { "\(l.style.number(value, decimals: 3)) ± \(l.style.number(half, decimals: 3))" }
        for (k, name) in ParkEvaluation.outputs.enumerated() {
            out += "\n\(outputName(name, currency: currency, l))\n" + columns.header + padded("S1", 18) + "ST\n"
            for i in parameters.indices.sorted(by: { results[k].total[$0] > results[k].total[$1] }) {
                out += columns.cells(parameters[i].keyPath)
                    + padded(index(results[k].firstOrder[i], results[k].firstOrderConfidence[i]), 18)
                    + index(results[k].total[i], results[k].totalConfidence[i]) + "\n"
            }
        }
        return out
    }
}
