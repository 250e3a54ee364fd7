import Analysis
import Formulation
import Foundation
import MILP
import Scenario

/// The appraisal of the options (docs/appraisal.md) in every form: the accounts table, each
/// firm's gain, the JSON `appraisal` block and the CSV files.
extension ComparisonReport {
    var appraisal: PolicyAppraisal { comparison.appraisal }

    /// Options in ranking order that have an appraisal.
    var appraised: [(index: Int, option: PolicyOption, appraisal: OptionAppraisal)] {
        comparison.ranking.compactMap { entry in
            let option = options[entry.option]
            return option.appraisal.map { (entry.option, option, $0) }
        }
    }

    func addAccounts(_ doc: inout ReportDocument) {
        doc.heading(l(.accountsHeading))
        let stopped = options.contains { $0.design != nil && $0.result.termination != .optimal }
        doc.paragraph(l(.accountsIntro) + " " + l(.responseNote) + (stopped ? " " + l(.responseNoteStopped) : ""))
        doc.paragraph(statusQuoLine())
        let header = [l(.option)] + [l(.firmsAccount), l(.operatorAccount), l(.publicAccount), l(.externalities), l(.societyAccount)]
            .map(inCurrency)
        doc.table(header, appraised.map { _, option, a in
            [title(option), cell(a.firmsTotal), cell(a.operatorGain), cell(a.publicAccount), cell(a.externalities),
             cell(a.society)]
        }, numeric: header.indices.map { $0 != 0 })
        let publicHeader = [l(.option)] + [l(.grants), l(.interestSubsidy), l(.feeRevenue), l(.carbonRevenue), l(.publicCostNet)]
            .map(inCurrency) + [costPerTonneHeader]
        doc.table(publicHeader, appraised.map { _, option, a in
            [title(option), cell(a.publicCost.grants), cell(a.publicCost.interestSubsidy),
             cell(a.publicCost.feeRevenueChange), cell(a.publicCost.carbonRevenueChange), cell(a.publicCost.net),
             option.publicCostPerTonne.map(perTonne) ?? l(.notApplicable)]
        }, numeric: publicHeader.indices.map { $0 != 0 })
    }

    /// The status quo as the board reads it: "today's rules" ("quy định hiện hành") for the
    /// unnamed `baseline`, else the named policy the scenario's `appraisal.status_quo` gives, by
    /// its name (`name_vi` in Vietnamese) and id, never a bare id the board does not know.
    func statusQuoWords() -> String {
        let name = appraisal.statusQuoName
        let named = options.first.flatMap { option in
            AppliedPolicy(spec: name, defined: option.scenario.policies.map(\.id)).title(in: option.scenario.policies, vietnamese: l == .vi)
        }
        // `baseline`, unnamed or named "Today's rules" (hiep-phuoc): today's rules.
        if name == AppliedPolicy.statusQuoName && (named == nil || named == l(.todaysRulesOption)) {
            return l == .vi ? "quy định hiện hành" : "today's rules"
        }
        guard let named, named != name else { return "“\(name)”" }
        return "“\(named)” (\(name))"
    }

    /// "Status quo: today's rules, nothing built. Social cost of carbon …: 0 USD/t CO2e."
    func statusQuoLine() -> String {
        let scc = appraisal.settings.socialCostOfCarbon
        let line = l == .vi
            ? "Hiện trạng: \(statusQuoWords()), không xây dựng gì. \(l(.socialCostOfCarbonLine)): \(perTonne(scc)) \(currencyName)/tấn CO2e."
            : "Status quo: \(statusQuoWords()), nothing built. \(l(.socialCostOfCarbonLine)): \(perTonne(scc)) \(currencyName)/t CO2e."
        // The other shadow prices only when the scenario sets them.
        var extra: [String] = []
        if appraisal.settings.landfillShadowPrice > 0 {
            extra.append((l == .vi ? "Giá mờ của chất thải chôn lấp" : "Shadow price of landfill")
                         + ": \(perTonne(appraisal.settings.landfillShadowPrice)) \(currencyName)/\(l.unit("t")).")
        }
        if appraisal.settings.waterShadowPrice > 0 {
            extra.append((l == .vi ? "Giá mờ của nước" : "Shadow price of water")
                         + ": \(perTonne(appraisal.settings.waterShadowPrice)) \(currencyName)/\(l.unit("m3")).")
        }
        return ([line] + extra).joined(separator: " ")
    }

    /// Each firm's gain against the status quo, with the P10 and probability of loss of that gain
    /// in the Monte Carlo run of the option (each sample's path applied to the option and to the
    /// status quo alike).
    func addFirmGains(_ doc: inout ReportDocument, _ option: PolicyOption) {
        guard let a = option.appraisal else { return }
        doc.heading(l(.firmGainsHeading), level: 3)
        let header = [l(.companies), inCurrency(l(.gainVsStatusQuo)), inCurrency(l(.gainP10)), l(.probabilityOfLoss)]
        var rows: [[String]] = []
        for (i, firm) in a.firms.enumerated() {
            let summary = option.risk?.tally.gainSummary(account: i)
            rows.append([l.company(firm.id, in: option.scenario), cell(firm.gain), summary.map { cell($0.p10) } ?? "–",
                         summary.map { l.percent($0.probabilityNegative) } ?? "–"])
        }
        let operatorRisk = option.risk?.tally.gainSummary(account: a.firms.count)
        rows.append([l(.operatorAccount), cell(a.operatorGain), operatorRisk.map { cell($0.p10) } ?? "–",
                     operatorRisk.map { l.percent($0.probabilityNegative) } ?? "–"])
        doc.table(header, rows, numeric: [false, true, true, true])
    }

    /// The accounts as plain text (the end of `compare`'s table output).
    public func accountsText() -> String {
        let scc = "\(perTonne(appraisal.settings.socialCostOfCarbon)) \(currencyName)/\(l.unit("t")) CO2e"
        var out = l == .vi
            ? "\nCác tài khoản so với hiện trạng (\(statusQuoWords()), không xây dựng gì), giá trị hiện tại tính bằng \(moneyUnit); "
                + "chi phí xã hội của carbon \(scc)\n\n"
            : "\nAccounts against the status quo (\(statusQuoWords()), nothing built), PV in \(moneyUnit); "
                + "social cost of carbon \(scc)\n\n"
        let header = l == .vi
            ? ["phương án", "doanh nghiệp", "vận hành", "ngân sách", "ngoại ứng", "xã hội", "hỗ trợ vốn", "hỗ trợ lãi", "phí", "carbon",
               "\(currencyName)/tấn thêm"]
            : ["option", "firms", "operator", "public", "externality", "society", "grants", "int. subsidy", "fees", "carbon",
               "\(currencyName)/add. t"]
        let widths = [30, 14, 12, 13, 12, 14, 11, 13, 12, 12, 0]
        out += zip(header, widths).map { padded($0, $1) }.joined() + "\n"
        for (_, option, a) in appraised {
            let p = a.publicCost
            let cells = [option.name, cell(a.firmsTotal), cell(a.operatorGain), cell(a.publicAccount),
                         cell(a.externalities), cell(a.society), cell(p.grants), cell(p.interestSubsidy),
                         cell(p.feeRevenueChange), cell(p.carbonRevenueChange),
                         option.publicCostPerTonne.map(perTonne) ?? l(.notApplicable)]
            out += zip(cells, widths).map { padded($0, $1) }.joined() + "\n"
        }
        return out
    }

    /// The comparison as JSON: each option in ranking order with its score, indicators and
    /// `appraisal` block, the status quo, the dominance pairs, and `recommended` (the option the
    /// report recommends, `null` when none: `recommended`).
    public func json() -> String {
        var list: [[String: Any]] = []
        let dominance = comparison.dominance
        for (rank, entry) in comparison.ranking.enumerated() {
            let option = options[entry.option]
            var item: [String: Any] = [
                "rank": rank + 1, "option": option.name, "status": StatusWord.of(option.result.termination, hasDesign: option.design != nil),
                "gap": option.result.gap ?? NSNull(), "score": entry.score.isFinite ? entry.score : NSNull(),
                "dominates": dominance.filter { $0.better == entry.option }.map { options[$0.worse].name },
            ]
            if let d = option.design {
                item["park_npv"] = d.npv
                item["co2e_avoided"] = d.co2eAvoided
                // Per unit, never added across units: {"t": 450000, "m3": 3600000}.
                item["waste_diverted"] = Dictionary(d.wasteDivertedByUnit(in: option.scenario).map { ($0.unit, $0.amount) }) { a, _ in a }
                item["virgin_avoided"] = Dictionary(uniqueKeysWithValues: Resource.Kind.allCases.compactMap { kind -> (String, [String: Double])? in
                    let list = d.virginAvoidedByUnit(kind, in: option.scenario)
                    return list.isEmpty ? nil : (kind.rawValue, Dictionary(list.map { ($0.unit, $0.amount) }) { a, _ in a })
                })
                item["water_saved"] = d.waterSaved
                item["jobs_fte_years"] = d.jobsFTEYears
                item["exchanges_built"] = d.exchangesBuilt
            }
            if let risk = option.risk?.tally.npv.summary {
                item["npv_p10"] = risk.p10
                item["probability_of_loss"] = risk.probabilityNegative
            }
            if let a = option.appraisal {
                let p = a.publicCost
                item["appraisal"] = [
                    "status_quo": appraisal.statusQuoName,
                    "accounts": ["firms": a.firmsTotal, "operator": a.operatorGain, "public": a.publicAccount,
                                 "externalities": a.externalities, "society": a.society],
                    "firms": a.firms.enumerated().map { i, firm -> [String: Any] in
                        let summary = option.risk?.tally.gainSummary(account: i)
                        return ["id": firm.id, "gain": firm.gain, "gain_p10": summary?.p10 ?? NSNull(),
                                "probability_of_loss": summary?.probabilityNegative ?? NSNull()]
                    },
                    "public_cost": ["grants": p.grants, "interest_subsidy": p.interestSubsidy,
                                    "fee_revenue_change": p.feeRevenueChange, "carbon_revenue_change": p.carbonRevenueChange,
                                    "net": p.net],
                    "externalities": ["carbon": a.carbonValue, "landfill": a.landfillValue, "water": a.waterValue],
                    "co2e_avoided_vs_status_quo": a.co2eAvoided,
                    "landfill_avoided_t": a.landfillAvoided,
                    "water_saved_vs_status_quo": a.waterSaved,
                    "public_cost_per_t_co2e": option.publicCostPerTonne ?? NSNull(),
                    "public_cost_per_t_diverted": option.publicCostPerTonneDiverted ?? NSNull(),
                    "smallest_firm_gain": a.smallestFirmGain ?? NSNull(),
                    "firms_losing": a.losingFirms,
                ] as [String: Any]
            }
            list.append(item)
        }
        let root: [String: Any] = [
            "scenario": options.first?.scenario.name ?? "", "currency": currency,
            "status_quo": appraisal.statusQuoName, "social_cost_of_carbon": appraisal.settings.socialCostOfCarbon,
            "landfill_shadow_price": appraisal.settings.landfillShadowPrice,
            "water_shadow_price": appraisal.settings.waterShadowPrice,
            "weights": ["economic": comparison.weights.economic, "environmental": comparison.weights.environmental,
                        "social": comparison.weights.social],
            "scales": ["social_value": comparison.scales.socialValue, "co2e_avoided": comparison.scales.co2eAvoided,
                       "jobs": comparison.scales.jobs],
            "options": list,
            "recommended": recommended.map { options[$0].name } ?? NSNull(),
        ]
        return JSONText.render(root)
    }

    /// `accounts.csv` (one row per option) and `firms.csv` (one row per option and firm).
    func appraisalCSV() -> (accounts: [[String]], firms: [[String]]) {
        let c = currency
        var accounts = [["option", "status_quo", "firms_\(c)", "operator_\(c)", "public_\(c)", "externalities_\(c)", "society_\(c)",
                         "grants_\(c)", "interest_subsidy_\(c)", "fee_revenue_change_\(c)", "carbon_revenue_change_\(c)",
                         "public_cost_net_\(c)", "co2e_avoided_vs_status_quo_t", "public_cost_per_t_co2e_\(c)",
                         "smallest_firm_gain_\(c)", "firms_losing"]]
        var firms = [["option", "company", "gain_\(c)", "gain_p10_\(c)", "probability_of_loss"]]
        func text(_ value: Double?, decimals: Int = 2) -> String { value.map { csvDialect.number($0, decimals: decimals) } ?? "" }
        for (_, option, a) in appraised {
            let p = a.publicCost
            accounts.append([option.name, appraisal.statusQuoName, text(a.firmsTotal), text(a.operatorGain), text(a.publicAccount),
                             text(a.externalities), text(a.society), text(p.grants), text(p.interestSubsidy),
                             text(p.feeRevenueChange), text(p.carbonRevenueChange), text(p.net), text(a.co2eAvoided),
                             text(option.publicCostPerTonne), text(a.smallestFirmGain), String(a.losingFirms)])
            for (i, firm) in a.firms.enumerated() {
                let summary = option.risk?.tally.gainSummary(account: i)
                firms.append([option.name, firm.id, text(firm.gain), text(summary?.p10), text(summary?.probabilityNegative, decimals: 4)])
            }
            firms.append([option.name, Party.operatorID, text(a.operatorGain), "", ""])
        }
        return (accounts, firms)
    }
}

extension ComparisonReport {
    /// `compare --format csv`: one row per option in ranking order, the accounts and the public
    /// cost beside the rank and score (plain UTF-8, no byte-order mark).
    public func csv() -> String {
        let accounts = appraisalCSV().accounts
        let rankOf = Dictionary(uniqueKeysWithValues: comparison.ranking.enumerated().map { (options[$1.option].name, ($0 + 1, $1.score)) })
        var rows = [["rank", "score"] + accounts[0]]
        for row in accounts.dropFirst() {
            let (rank, score) = rankOf[row[0]] ?? (0, .nan)
            rows.append([String(rank), score.isFinite ? csvDialect.number(score, decimals: 4) : ""] + row)
        }
        return rows.map(csvDialect.row).joined(separator: "\n") + "\n"
    }
}
