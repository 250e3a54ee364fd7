import Analysis
import Formulation
import Foundation
import MILP
import Scenario

/// The board's report on policy options: the recommendation and the options side by side
/// first, then each option's design, map, risk charts and deal terms, then the assumptions.
/// Rendered as one self-contained HTML file, as Markdown, and as CSV tables.
public struct ComparisonReport {
    public let comparison: PolicyComparison
    public let language: ReportLanguage
    /// The scenario file's text, for its notes on sources (`nil`: not shown).
    public let scenarioText: String?
    /// A tornado study of the recommended option, when one was run.
    public let tornado: (base: ParkEvaluation, bars: [TornadoBar])?
    /// How the CSV tables write their fields (`--csv-dialect`).
    public var csvDialect: CSVDialect = .standard

    public init(comparison: PolicyComparison, language: ReportLanguage = .en, scenarioText: String? = nil,
                tornado: (base: ParkEvaluation, bars: [TornadoBar])? = nil) {
        self.comparison = comparison
        self.language = language
        self.scenarioText = scenarioText
        self.tornado = tornado
    }

    var l: ReportLanguage { language }
    var options: [PolicyOption] { comparison.options }
    var currency: String { options.first?.scenario.currency ?? "" }
    /// The currency as the reader names it (`đồng` for VND in Vietnamese).
    var currencyName: String { l.style.currencyName(currency) }
    /// An amount of money in prose, scaled to the reader: "15.0 million USD", "1.332,8 tỷ đồng".
    func money(_ value: Double) -> String { l.style.money(value, currency: currency) }
    /// The scale of every money table of the report, from the largest value to society or park
    /// NPV among the options: millions for a park of millions of USD, billions of VND.
    var scale: NumberStyle.MoneyScale {
        NumberStyle.MoneyScale(magnitude: options.compactMap { o in o.design.map { max(abs($0.npv), abs(o.appraisal?.society ?? 0)) } }.max() ?? 0)
    }
    /// The unit of the money columns: "million USD", "tỷ đồng".
    var moneyUnit: String { l.style.moneyUnit(scale, currency: currency) }
    /// A money table cell in `scale`, its unit in the column header.
    func cell(_ value: Double) -> String { l.style.money(value, in: scale, currency: currency) }
    /// A cost per t CO2e: cents of a dollar, no decimals of a dong.
    func perTonne(_ value: Double) -> String { l.style.unitPrice(value, currency: currency) }
    /// A column header of money, with its unit: "Firms (million USD)", "Gain (PV, million USD)".
    func inCurrency(_ label: String) -> String {
        label.hasSuffix(")") ? label.dropLast() + ", \(moneyUnit))" : label + " (\(moneyUnit))"
    }
    /// The header of the public cost per additional t CO2e, with its unit.
    var costPerTonneHeader: String { l(.costPerTonne) + " (\(currencyName)/\(l.unit("t")) CO2e)" }
    func count(_ value: Double) -> String { l.grouped(value) }
    /// "450,000 t": an amount with its unit in the report's language.
    func quantity(_ q: PhysicalQuantity) -> String { count(q.amount) + " " + l.unit(q.unit) }
    /// Amounts in several units, never added up: "450,000 t, 3,600,000 m3" (`none` when empty).
    func quantities(_ list: [PhysicalQuantity]) -> String {
        list.isEmpty ? l(.none) : list.map(quantity).joined(separator: ", ")
    }
    /// "Waste diverted (t)": a label with the unit of its figures.
    func withUnit(_ label: String, _ unit: String) -> String { "\(label) (\(l.unit(unit)))" }
    /// The units waste diverted is counted in (one table column each): those of the scenario's
    /// resources that are disposed of when not sent away.
    var divertedUnits: [String] { options.first?.scenario.units(of: \.isDisposed) ?? [] }

    /// The whole report as a document (rendered by `ReportDocument.html()` / `markdown()`).
    public func document() -> ReportDocument {
        let park = options.first?.scenario
        var doc = ReportDocument(title: l(.reportTitle) + (park.map { " — \($0.name)" } ?? ""), language: l)
        addRecommendation(&doc)
        addSummary(&doc)
        addAccounts(&doc)
        addFramework(&doc)
        addTornado(&doc)
        for group in designGroups() { addDetails(&doc, group: group) }
        addAssumptions(&doc)
        return doc
    }

    func status(_ option: PolicyOption) -> String {
        guard option.design != nil else { return l(.noDesign) }
        if option.result.termination == .optimal { return l(.optimal) }
        // A gap over a design worth 0 is no percentage (`hasReadableRelativeGap`): said in words.
        let gap = option.result.gap.map { gap in
            " " + (option.result.hasReadableRelativeGap ? l.percent(gap) : l(.gapNotAPercentage))
        } ?? ""
        // Stopped with a design: by the time or node limit, the user or a solution limit (in the
        // report's language), or as `StatusWord` says.
        let stopped: String
        switch option.result.termination {
        case .timeLimit: stopped = l(.timeLimit)
        case .nodeLimit: stopped = l(.nodeLimit)
        case .interrupted: stopped = l(.stoppedByUser)
        case .solutionLimit: stopped = l(.solutionLimitStop)
        default: stopped = l(.solverStopped) + " (\(StatusWord.of(option.result.termination, hasDesign: true)))"
        }
        return "\(stopped), \(l(.notProven))\(gap.isEmpty ? "" : ", " + l(.gap) + gap)"
    }

    // MARK: Sections

    /// The option as the board reads it: its policies' names (`name`, `name_vi` in Vietnamese);
    /// `baseline` without a name is "Today's rules" ("Quy định hiện hành": firms build what pays under
    /// today's rules; the status quo, nothing built, is the yardstick, not an option); else the policy expression
    /// (`legal_reform`).
    func title(_ option: PolicyOption) -> String {
        if let named = AppliedPolicy(spec: option.name, defined: option.scenario.policies.map(\.id))
            .title(in: option.scenario.policies, vietnamese: l == .vi) { return named }
        let statusQuo = [AppliedPolicy.statusQuoName, comparison.appraisal.statusQuoName]
        return statusQuo.contains(option.name) ? l(.todaysRulesOption) : option.name
    }

    /// "“Legal reform” (legal_reform)": the name and, when it differs, the id the tables and CSV use.
    func titleWithID(_ option: PolicyOption) -> String {
        let t = title(option)
        return t == option.name ? "“\(t)”" : "“\(t)” (\(option.name))"
    }

    /// The policies' descriptions in the report's language (`description_vi` in Vietnamese).
    func describe(_ option: PolicyOption) -> String {
        l == .vi ? AppliedPolicy(spec: option.name, defined: option.scenario.policies.map(\.id)).descriptionVi(in: option.scenario.policies)
            : option.description
    }

    /// The option the report recommends, an index into `options`: the first-ranked, when it has a
    /// design that builds something; `nil` otherwise (no option beats the status quo in the
    /// designs found). The recommendation, the JSON's `recommended` and the run history's
    /// headline all follow this one rule.
    var recommended: Int? {
        guard let best = comparison.ranking.first, options[best.option].design?.buildsAnything == true else { return nil }
        return best.option
    }

    /// The recommendation in words: which option, what it does, why it ranks first (its score
    /// and its figures against the runner-up and the status quo, in units), its risk, what it
    /// costs the public and who gains least.
    func addRecommendation(_ doc: inout ReportDocument) {
        doc.heading(l(.recommendation))
        let ranking = comparison.ranking
        guard let best = ranking.first, let design = options[best.option].design else {
            doc.callout(l(.noDesign))
            return
        }
        let option = options[best.option]
        let vi = l == .vi
        // The first-ranked design builds nothing: no option beats the status quo, and naming one
        // (ranked first among ties at 0) would recommend a policy for what it does not do.
        guard recommended == best.option else {
            doc.callout(l(.recommendsNothing) + "." + (option.result.termination != .optimal ? " (\(status(option)))" : ""))
            addWeightsLine(&doc)
            return
        }
        let society = option.appraisal?.society ?? design.npv
        let about = describe(option)
        var text = (vi ? "Khuyến nghị phương án \(titleWithID(option))" : "We recommend option \(titleWithID(option))")
            + (about.isEmpty ? "." : ": \(about.hasSuffix(".") ? String(about.dropLast()) : about).")
        // Why: the weighted score, and each weighed figure against the runner-up; the status quo is 0 on each.
        let runner = ranking.dropFirst().first.map { options[$0.option] }
        let runnerDesign = runner?.design
        // Solver noise below half a currency unit is 0 ("0 USD", not "0.00 USD").
        let runnerSociety = runner.flatMap { r in r.appraisal?.society ?? r.design?.npv }.map { abs($0) < 0.5 ? 0 : $0 }
        text += vi ? " Phương án xếp hạng nhất theo trọng số mục tiêu của kịch bản (điểm \(l.grouped(best.score, decimals: 2))"
            : " It ranks first under the scenario's objective weights (score \(l.grouped(best.score, decimals: 2))"
        if let runner, let second = ranking.dropFirst().first {
            // Scores equal to the decimals shown are a tie, said as one.
            let tied = l.grouped(second.score, decimals: 2) == l.grouped(best.score, decimals: 2)
            text += tied ? (vi ? ", bằng điểm phương án thứ hai “\(title(runner))”)" : ", equal to the runner-up “\(title(runner))”)")
                : vi ? ", phương án thứ hai “\(title(runner))” \(l.grouped(second.score, decimals: 2)))"
                : " against \(l.grouped(second.score, decimals: 2)) for the runner-up “\(title(runner))”)"
        } else {
            text += ")"
        }
        let co2 = count(design.co2eAvoided) + " " + l.unit("t") + " CO2e"
        if vi {
            text += ": so với hiện trạng, giá trị đối với xã hội tăng \(money(society))"
                + (runnerSociety.map { " (phương án thứ hai: \(money($0)))" } ?? "")
                + ", tránh được \(co2)" + (runnerDesign.map { " (\(count($0.co2eAvoided)) \(l.unit("t")))" } ?? "")
                + ", \(count(design.jobsFTEYears)) người-năm việc làm" + (runnerDesign.map { " (\(count($0.jobsFTEYears)))" } ?? "")
                + ", \(design.exchangesBuilt) liên kết cộng sinh."
        } else {
            text += ": against the status quo it adds \(money(society)) of value to society"
                + (runnerSociety.map { " (runner-up: \(money($0)))" } ?? "")
                + ", avoids \(co2)" + (runnerDesign.map { " (runner-up: \(count($0.co2eAvoided)) t)" } ?? "")
                + " and gives \(count(design.jobsFTEYears)) FTE-years of jobs" + (runnerDesign.map { " (runner-up: \(count($0.jobsFTEYears)))" } ?? "")
                + ", with " + counted(design.exchangesBuilt, "symbiosis link") + "."
        }
        if let risk = option.risk?.tally.npv.summary {
            text += vi ? " Xác suất lỗ \(l.percent(risk.probabilityNegative)), NPV P10 \(money(risk.p10))."
                : " Probability of loss \(l.percent(risk.probabilityNegative)), NPV P10 \(money(risk.p10))."
        }
        let publicCost = option.appraisal?.publicCost.net ?? design.publicCost
        text += vi ? " Chi phí công ròng \(money(publicCost))." : " Net public cost \(money(publicCost))."
        // Among the firms the option touches (a gain or loss of at least half a currency unit):
        // a firm outside every link gains nothing and says nothing about the deal.
        if let least = option.appraisal?.firms.filter({ abs($0.gain) >= 0.5 }).min(by: { $0.gain < $1.gain }) {
            text += vi ? " Doanh nghiệp được lợi ít nhất, \(l.company(least.id, in: option.scenario)), được \(money(least.gain)) so với hiện trạng."
                : " The firm that gains least, \(least.id), gains \(money(least.gain)) against the status quo."
        }
        if option.result.termination != .optimal { text += " (\(status(option)))" }
        doc.callout(text)
        let dominated = comparison.dominance.filter { $0.better == best.option }.map { "“\(title(options[$0.worse]))”" }
        if !dominated.isEmpty {
            doc.paragraph("“\(title(option))” " + l(.dominance) + ": " + dominated.joined(separator: ", ") + ".")
        }
        addWeightsLine(&doc)
    }

    /// The objective weights and how the score and dominance are judged, under the recommendation.
    func addWeightsLine(_ doc: inout ReportDocument) {
        let w = comparison.weights
        doc.paragraph(l(.weightsLine) + ": \(l.grouped(w.economic, decimals: 2)), \(l.grouped(w.environmental, decimals: 2)), "
            + "\(l.grouped(w.social, decimals: 2)). " + l(.rankingNote))
    }

    func addSummary(_ doc: inout ReportDocument) {
        doc.heading(l(.summary))
        let ranking = comparison.ranking
        let rankOf = Dictionary(uniqueKeysWithValues: ranking.enumerated().map { ($1.option, $0 + 1) })
        let money = [l(.rank), l(.option), inCurrency(l(.societyAccount)), inCurrency(l(.parkNPV)), inCurrency(l(.npvP10)),
                     inCurrency(l(.npvP50)), inCurrency(l(.npvP90)), l(.probabilityOfLoss), inCurrency(l(.publicCost)),
                     costPerTonneHeader, l(.score), l(.status)]
        let units = divertedUnits
        let impact = [l(.option), l(.co2eAvoided)] + units.map { withUnit(l(.wasteDiverted), $0) }
            + [l(.waterSaved), l(.jobs), l(.companies), l(.exchangesBuilt)]
        var moneyRows: [[String]] = [], impactRows: [[String]] = []
        for entry in ranking {
            let option = options[entry.option]
            let rank = "\(rankOf[entry.option] ?? 0)"
            guard let d = option.design else {
                moneyRows.append([rank, title(option)] + Array(repeating: "–", count: money.count - 3) + [status(option)])
                impactRows.append([title(option)] + Array(repeating: "–", count: impact.count - 1))
                continue
            }
            let risk = option.risk?.tally.npv.summary
            func show(_ value: Double?) -> String { value.map(cell) ?? "–" }
            var row = [rank, title(option), show(option.appraisal?.society), show(d.npv), show(risk?.p10), show(risk?.p50), show(risk?.p90)]
            row.append(risk.map { l.percent($0.probabilityNegative) } ?? "–")
            row += [show(option.appraisal?.publicCost.net), option.publicCostPerTonne.map(perTonne) ?? l(.notApplicable),
                    l.grouped(entry.score, decimals: 2), status(option)]
            moneyRows.append(row)
            let diverted = d.wasteDivertedByUnit(in: option.scenario)
            impactRows.append([title(option), count(d.co2eAvoided)] + units.map { unit in count(diverted.first { $0.unit == unit }?.amount ?? 0) }
                + [count(d.waterSaved), count(d.jobsFTEYears), "\(d.companiesParticipating)", "\(d.exchangesBuilt)"])
        }
        doc.table(money, moneyRows, numeric: money.indices.map { $0 != 1 && $0 != money.count - 1 })
        doc.table(impact, impactRows, numeric: impact.indices.map { $0 != 0 })
        doc.paragraph(l(.quantileNote) + " " + l(.publicCostNote))
        let pairs = comparison.dominance
        // The best option's dominance is stated once, in the recommendation.
        if pairs.isEmpty {
            doc.paragraph(l(.noDominance))
        } else {
            // One line per dominating option, in ranking order.
            var lines: [String] = []
            for entry in ranking.dropFirst() {
                let worse = pairs.filter { $0.better == entry.option }.map { "“\(title(options[$0.worse]))”" }
                if !worse.isEmpty { lines.append("“\(title(options[entry.option]))” " + l(.dominance) + ": " + worse.joined(separator: ", ")) }
            }
            doc.list(lines)
        }
    }

    func addFramework(_ doc: inout ReportDocument) {
        guard let best = comparison.ranking.first, let d = options[best.option].design else { return }
        let option = options[best.option]
        doc.heading(l(.ifeipHeading))
        doc.paragraph(l(.ifeipIntro) + " (“\(title(option))”)")
        let energy = d.virginAvoided.filter { option.scenario.resource($0.key)?.kind == .energy }
            .sorted { $0.key < $1.key }
            .map { "\(l.resource($0.key, in: option.scenario)) \(count($0.value)) \(l.unit(option.scenario.resource($0.key)?.unit ?? ""))" }
        let rows: [[String]] = [
            [l(.environmental), l(.climate), count(d.co2eAvoided) + " " + l.unit("t") + " CO2e"],
            [l(.environmental), l(.energy), energy.isEmpty ? l(.none) : energy.joined(separator: ", ")],
            [l(.environmental), l(.water), quantities(d.virginAvoidedByUnit(.water, in: option.scenario))],
            [l(.environmental), l(.wasteAndMaterials), quantities(d.wasteDivertedByUnit(in: option.scenario))],
            [l(.environmental), l(.materialsReplaced), quantities(d.virginAvoidedByUnit(.material, in: option.scenario))],
            [l(.social), l(.employment), count(d.jobsFTEYears)],
            [l(.economic), l(.valueCreation), money(d.npv)],
            [l(.economic), l(.localBusiness), "\(d.companiesParticipating) / \(d.exchangesBuilt)"],
        ]
        doc.table([l(.category), l(.indicator), l(.value)], rows, numeric: [false, false, true])
    }

    func addTornado(_ doc: inout ReportDocument) {
        guard let tornado, let best = comparison.ranking.first else { return }
        doc.heading(l(.tornadoHeading) + " (“\(title(options[best.option]))”)")
        doc.figure(SensitivityReport.tornadoChart(tornado.base, tornado.bars, scenario: options[best.option].scenario, language: l), caption: l(.tornadoCaption), file: "tornado.svg")
        doc.table([l(.parameter), l(.range), inCurrency(l(.parkNPV) + " −"), inCurrency(l(.parkNPV) + " +"), l(.designSwitch)],
                  tornado.bars.map { bar in
                      [SettingDescription(bar.parameter.keyPath, in: options[best.option].scenario, language: l).text,
                       SensitivityReport.rangeText(bar.parameter, scenario: options[best.option].scenario, l),
                       cell(bar.low.npv), cell(bar.high.npv), bar.switchesDesign ? "✓" : ""]
                  }, numeric: [false, true, true, true, false])
    }

    func addAssumptions(_ doc: inout ReportDocument) {
        guard let park = options.first?.scenario else { return }
        doc.heading(l(.assumptionsHeading))
        var items = [
            "\(l(.horizon)): \(park.startYear)–\(park.startYear + park.horizonYears - 1)",
            "\(l(.discountRate)): \(l.percent(park.discountRate))",
            "\(l(.residualValueLine)): \(l(park.residualValue == .straightLine ? .residualIncluded : .residualNotIncluded))",
            "\(l(.carbonPrice)): \(perTonne(park.economics.carbonPrice)) \(currencyName)/\(l.unit("t")) CO2e",
            "\(l(.currency)): \(currency)",
            "\(l(.socialCostOfCarbonLine)): \(perTonne(comparison.appraisal.settings.socialCostOfCarbon)) \(currencyName)/\(l.unit("t")) CO2e",
        ]
        if let samples = options.compactMap({ $0.risk?.header.samples }).first { items.append("\(l(.samples)): \(samples)") }
        doc.list(items)
        if let notes = Self.leadingComments(scenarioText), !notes.isEmpty {
            doc.paragraph(l(.sourcesIntro))
            doc.preformatted(notes)
        }
    }

    /// The comment block at the top of a scenario file (where scenarios state their sources).
    static func leadingComments(_ text: String?) -> String? {
        guard let text else { return nil }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                lines.append(String(trimmed.dropFirst()).trimmingCharacters(in: CharacterSet(charactersIn: " ")))
            } else if trimmed.isEmpty {
                if !lines.isEmpty { lines.append("") }
            } else {
                break
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension ComparisonReport {
    /// The options side by side as plain text (what `compare` prints).
    public func summaryText() -> String {
        let park = options.first?.scenario.name ?? ""
        var out = l == .vi ? "\(park) — \(options.count) phương án, tốt nhất trước; tiền tính bằng \(moneyUnit)\n\n"
            : "\(park) — \(counted(options.count, "option")), best first; money in \(moneyUnit)\n\n"
        let header = l == .vi
            ? ["phương án", "xã hội", "NPV", "P10", "P(lỗ)", "CO2e tấn", "việc làm", "liên kết", "chi phí công", "điểm", "trạng thái"]
            : ["option", "society", "NPV", "P10", "P(loss)", "CO2e t", "jobs", "links", "public cost", "score", "status"]
        let widths = [30, 14, 14, 14, 8, 12, 8, l == .vi ? 9 : 6, 13, 7, 0]
        out += zip(header, widths).map { padded($0, $1) }.joined() + "\n"
        for entry in comparison.ranking {
            let option = options[entry.option]
            let d = option.design, risk = option.risk?.tally.npv.summary
            func show(_ value: Double?) -> String { value.map { l.grouped($0) } ?? "–" }
            func showMoney(_ value: Double?) -> String { value.map(cell) ?? "–" }
            var cells: [String] = [option.name, showMoney(option.appraisal?.society), showMoney(d?.npv), showMoney(risk?.p10)]
            cells.append(risk.map { l.percent($0.probabilityNegative) } ?? "–")
            cells += [show(d?.co2eAvoided), show(d?.jobsFTEYears), d.map { "\($0.exchangesBuilt)" } ?? "–", showMoney(option.appraisal?.publicCost.net)]
            cells += [entry.score.isFinite ? l.grouped(entry.score, decimals: 2) : "–", status(option)]
            out += zip(cells, widths).map { padded($0, $1) }.joined() + "\n"
        }
        return out + accountsText()
    }
}
