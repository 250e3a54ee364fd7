import Analysis
import Foundation

/// Renders a simulation result as a readable table, JSON or CSV.
///
/// The output depends only on the result (never on threads, shards or timing), so a run on one
/// machine and the merge of its shards give the same bytes.
public struct SimulationReport {
    public let result: SimulationResult

    public init(result: SimulationResult) { self.result = result }

    private var header: SimulationHeader { result.header }
    private var tally: SimulationTally { result.tally }

    /// The key statistics of one outcome as a JSON object.
    static func json(_ summary: DistributionSummary?) -> Any {
        guard let s = summary else { return NSNull() }
        return [
            "mean": s.mean, "sd": s.standardDeviation, "standard_error": s.standardError,
            "min": s.minimum, "max": s.maximum, "p5": s.p5, "p10": s.p10, "p50": s.p50, "p90": s.p90, "p95": s.p95,
            "cvar5": s.cvar5, "probability_negative": s.probabilityNegative,
        ] as [String: Any]
    }

    /// Per exchange: the probability it carries flow in a year it operates, and (re-optimized
    /// designs) how often it is built.
    var exchanges: [[String: Any]] {
        header.exchanges.enumerated().map { e, id in
            var item: [String: Any] = ["id": id, "built_in_design": header.design.exchanges[id] ?? NSNull()]
            item["probability_active"] = tally.operatingYears[e] > 0
                ? Double(tally.carriedYears[e]) / Double(tally.operatingYears[e]) : NSNull()
            if header.mode == .reoptimize, tally.samples > 0 {
                item["probability_built"] = Double(tally.built[e]) / Double(tally.samples)
                var years: [String: Double] = [:]
                for (t, count) in tally.buildYears[e].enumerated() where count > 0 {
                    years[String(header.startYear + t)] = Double(count) / Double(tally.samples)
                }
                item["build_year_probability"] = years
            }
            return item
        }
    }

    public func json() -> String {
        var root: [String: Any] = [
            "scenario": header.scenario, "scenario_digest": header.scenarioDigest, "policy": header.policy, "currency": header.currency,
            "mode": header.mode.rawValue, "method": header.method.rawValue, "seed": header.seed,
            "samples": header.samples, "samples_done": tally.samples, "partial": result.partial || !result.isComplete,
            "quantile_definition": DistributionSummary.definition,
        ]
        root["design"] = ["exchanges": header.design.exchanges, "facilities": header.design.facilities,
                          "npv": header.design.npv, "co2e_avoided": header.design.co2eAvoided,
                          "jobs_fte_years": header.design.jobsFTEYears] as [String: Any]
        root["npv"] = Self.json(tally.npv.summary)
        root["co2e_avoided"] = Self.json(tally.co2eAvoided.summary)
        root["jobs_fte_years"] = Self.json(tally.jobs.summary)
        root["waste_diverted"] = Self.json(tally.wasteDiverted.summary)
        root["water_saved"] = Self.json(tally.waterSaved.summary)
        root["probability_of_loss"] = tally.npv.summary?.probabilityNegative ?? NSNull()
        root["companies"] = header.accounts.enumerated().map { a, id in
            ["id": id, "npv": Self.json(tally.accountNPV[a].summary),
             "probability_of_loss": tally.accountNPV[a].summary?.probabilityNegative ?? NSNull()] as [String: Any]
        }
        root["exchanges"] = exchanges
        root["cash_flow"] = tally.cashFlow.enumerated().map { t, distribution in
            ["year": header.startYear + t, "stats": Self.json(distribution.summary)] as [String: Any]
        }
        root["convergence"] = tally.npv.runningMean.map {
            ["samples": $0.samples, "mean_npv": $0.mean, "standard_error": $0.standardError] as [String: Any]
        }
        return JSONText.render(root)
    }

    public func table() -> String {
        let c = header.currency
        var out = "\(header.scenario) — policy \(header.policy): Monte Carlo, \(header.mode.rawValue) design\n"
        out += "\(tally.samples) of \(header.samples) samples (\(header.method.rawValue), seed \(header.seed))"
        out += result.partial || !result.isComplete ? "  PARTIAL: the run was stopped before every sample was done\n" : "\n"
        out += "deterministic design: NPV \(money(header.design.npv)) \(c), CO2e \(number(header.design.co2eAvoided)) t, "
            + "\(counted(header.design.exchanges.count, "exchange")) built\n\n"
        out += padded("", 22) + ["mean", "sd", "p5", "p10", "p50", "p90", "p95", "CVaR 5%"].map { padded($0, 14) }.joined() + "\n"
        func line(_ label: String, _ summary: DistributionSummary?, format: (Double) -> String) -> String {
            guard let s = summary else { return padded(label, 22) + "no samples\n" }
            return padded(label, 22) + [s.mean, s.standardDeviation, s.p5, s.p10, s.p50, s.p90, s.p95, s.cvar5]
                .map { padded(format($0), 14) }.joined() + "\n"
        }
        out += line("NPV (\(c))", tally.npv.summary, format: money)
        out += line("CO2e avoided (t)", tally.co2eAvoided.summary, format: number)
        out += line("Jobs (FTE-years)", tally.jobs.summary, format: number)
        out += line("Waste diverted (t)", tally.wasteDiverted.summary, format: number)
        out += line("Water saved (m3)", tally.waterSaved.summary, format: number)
        if let npv = tally.npv.summary {
            out += String(format: "\nProbability of loss (park NPV < 0): %.1f%%   standard error of mean NPV: %@ %@\n",
                          npv.probabilityNegative * 100, money(npv.standardError), c)
        }
        let atRisk = header.accounts.enumerated().compactMap { a, id -> (String, DistributionSummary)? in
            guard let s = tally.accountNPV[a].summary, s.probabilityNegative > 0 else { return nil }
            return (id, s)
        }
        if !atRisk.isEmpty {
            out += "\nParties that lose money in some samples (NPV after transfers)\n"
            for (id, s) in atRisk.sorted(by: { $0.1.probabilityNegative > $1.1.probabilityNegative }) {
                out += "  " + padded(id, 30) + String(format: "P(loss) %5.1f%%   ", s.probabilityNegative * 100)
                    + "p10 \(money(s.p10)) \(c)   mean \(money(s.mean)) \(c)\n"
            }
        }
        out += "\n" + DistributionSummary.definition + ".\n"
        return out
    }

    /// The per-year cash-flow fan and per-company risk as one CSV table (UTF-8 with BOM); money
    /// and amounts to 1/100, the probability of a loss to 1/10,000 (no float noise).
    public func csv() -> String {
        var lines = [["kind", "id", "mean", "sd", "p5", "p10", "p50", "p90", "p95", "cvar5", "probability_negative"].joined(separator: ",")]
        func add(_ kind: String, _ id: String, _ summary: DistributionSummary?) {
            guard let s = summary else { return }
            let values = [s.mean, s.standardDeviation, s.p5, s.p10, s.p50, s.p90, s.p95, s.cvar5].map { CSVDialect.standard.number($0) }
            lines.append(([kind, id].map(csvField) + values + [CSVDialect.standard.number(s.probabilityNegative, decimals: 4)]).joined(separator: ","))
        }
        add("park", "npv", tally.npv.summary)
        add("park", "co2e_avoided", tally.co2eAvoided.summary)
        add("park", "jobs_fte_years", tally.jobs.summary)
        for (a, id) in header.accounts.enumerated() { add("company_npv", id, tally.accountNPV[a].summary) }
        for (t, distribution) in tally.cashFlow.enumerated() { add("cash_flow", String(header.startYear + t), distribution.summary) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension SimulationReport {
    /// A shard's part file: the result as JSON (`PartFile`).
    public static func partFile(_ result: SimulationResult) -> String { PartFile.text(result) }

    public typealias PartError = PartFileError

    /// Reads a part file written by `partFile`.
    public static func readPart(_ path: String) throws(PartError) -> SimulationResult {
        try PartFile.read(SimulationResult.self, from: PartFile.contents(path), name: path)
    }

    /// Every sample's outcomes as CSV (UTF-8 with BOM): sample, park NPV, CO2e, jobs, and each
    /// party's NPV after transfers, each to 1/100 (no float noise).
    public static func samplesCSV(_ samples: [(sample: Int, values: [Double])], header: SimulationHeader) -> String {
        let columns = ["sample", "npv_\(header.currency)", "co2e_avoided_t", "jobs_fte_years"]
            + header.accounts.map { "npv_\($0)_\(header.currency)" }
        var lines = [columns.map(csvField).joined(separator: ",")]
        for (sample, values) in samples { lines.append(([String(sample)] + values.map { CSVDialect.standard.number($0) }).joined(separator: ",")) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
