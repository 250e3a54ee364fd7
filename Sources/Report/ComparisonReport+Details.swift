import Analysis
import Scenario

/// Each option's section of the board report: what it changes, its design (map and links), its
/// deal (firm gains, transfers) and its risk; options with the same design share one section.
extension ComparisonReport {
    /// The options in ranking order, those with the same design together: the same links and
    /// facilities built in the same years with the same yearly flows (to the unit). Options
    /// without a design stand alone. Each group is described in one section.
    func designGroups() -> [[Int]] {
        var groups: [(key: String?, members: [Int])] = []
        for entry in comparison.ranking {
            let key = options[entry.option].design.map { d in
                (d.exchanges.filter(\.built).map { e in "\(e.id)@\(e.buildYear ?? 0):" + e.flows.map { "\(Int($0.rounded()))" }.joined(separator: "/") }
                    + d.facilities.filter(\.built).map { "\($0.id)@\($0.buildYear ?? 0)" }).joined(separator: ",")
            }
            if let key, let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].members.append(entry.option)
            } else {
                groups.append((key, [entry.option]))
            }
        }
        return groups.map(\.members)
    }

    /// One section for options that share a design (`designGroups()`): each option's
    /// description and changes, the design's map and links once (a transfer column per option),
    /// each option's firm gains and transfers, and the risk charts of the highest ranked.
    func addDetails(_ doc: inout ReportDocument, group: [Int]) {
        let index = group[0]
        let option = options[index]
        let members = group.map { options[$0] }
        let grouped = members.count > 1
        if grouped {
            doc.heading(l(.sameDesignHeading) + " " + members.map { "“\(title($0))”" }.joined(separator: ", "), anchor: "option-\(index)")
            doc.paragraph(l(.sameDesignNote))
        } else {
            doc.heading(l(.detailsHeading) + " “\(title(option))”", anchor: "option-\(index)")
        }
        for member in members {
            let about = describe(member)
            if grouped {
                doc.paragraph("“\(title(member))”" + (about.isEmpty ? "" : ": " + about))
            } else if !about.isEmpty {
                doc.paragraph(about)
            }
            let changes = changes(member)
            if !changes.isEmpty {
                doc.paragraph(l(.policyChanges) + ":")
                doc.list(changes)
            }
        }
        guard let design = option.design else {
            doc.paragraph(status(option))
            return
        }
        guard design.buildsAnything else {
            doc.paragraph(l(option.result.termination == .optimal ? .buildsNothing : .buildsNothingFound))
            addAbsences(&doc, option)
            return
        }
        doc.figure(ComparisonCharts.map(option, title: title(option), language: l), caption: l(.mapCaption), file: "map-\(index).svg")
        let built = design.exchanges.filter(\.built).sorted { ($0.buildYear ?? 0, $0.id) < ($1.buildYear ?? 0, $1.id) }
        let rows = built.map { e -> [String] in
            let unit = option.scenario.resource(e.resource)?.unit ?? ""
            let first = e.flows.first { $0 > 0 } ?? 0
            let transfers = members.map { member -> String in
                let t = member.design?.exchanges.first { $0.id == e.id }?.transfer ?? 0
                return t == 0 ? "" : money(t)
            }
            return [e.id, "\(l.company(e.from, in: option.scenario)) → \(l.company(e.to, in: option.scenario))", "\(e.buildYear ?? 0)", "\(count(first)) \(l.unit(unit)) \(l.resource(e.resource, in: option.scenario))"] + transfers
        }
        let transferHeaders = grouped ? members.map { l(.transfer) + " “\(title($0))”" } : [l(.transfer)]
        doc.table([l(.exchange), l(.fromTo), l(.year), l(.firstYearFlow)] + transferHeaders, rows,
                  numeric: [false, false, true, true] + transferHeaders.map { _ in true })
        let facilities = design.facilities.filter(\.built).map { "\($0.id) (\($0.buildYear ?? 0))" }
        if !facilities.isEmpty { doc.paragraph(l(.facilities) + ": " + facilities.joined(separator: ", ")) }
        addAbsences(&doc, option)
        for member in members {
            if grouped { doc.heading("“\(title(member))”", level: 3) }
            addDeals(&doc, member)
        }
        if let risk = option.risk, risk.tally.samples > 0 {
            doc.heading(l(.riskHeading) + (grouped ? " “\(title(option))”" : "") + " (\(l(.samples)): \(risk.tally.samples))", level: 3)
            doc.paragraph(l(.simulationNote))
            doc.figure(ComparisonCharts.histogram(risk, language: l), caption: l(.histogramCaption), file: "npv-histogram-\(index).svg")
            doc.figure(ComparisonCharts.cdf(risk, language: l), caption: l(.cdfCaption), file: "npv-cdf-\(index).svg")
            doc.figure(ComparisonCharts.fan(risk, language: l), caption: l(.fanCaption), file: "cash-flow-\(index).svg")
        }
    }

    /// An option's deal: each firm's gain, the firms that would lose without transfers and the
    /// transfers that make every firm win.
    func addDeals(_ doc: inout ReportDocument, _ option: PolicyOption) {
        guard let design = option.design else { return }
        let built = design.exchanges.filter(\.built).sorted { ($0.buildYear ?? 0, $0.id) < ($1.buildYear ?? 0, $1.id) }
        addFirmGains(&doc, option)
        doc.heading(l(.losersHeading), level: 3)
        let losers = option.losersWithoutTransfers
        if losers.isEmpty {
            doc.paragraph(l(.noLosers))
        } else {
            doc.table([l(.companies), inCurrency(l(.npvBeforeTransfers)), inCurrency(l(.npvAfterTransfers))],
                      losers.map { [l.company($0.id, in: option.scenario), cell($0.npvBeforeTransfers), cell($0.npv)] }, numeric: [false, true, true])
            doc.heading(l(.transfersHeading), level: 3)
            doc.list(built.filter { $0.transfer != 0 }.map { e in
                let payer = l.company(e.transfer > 0 ? e.to : e.from, in: option.scenario)
                let payee = l.company(e.transfer > 0 ? e.from : e.to, in: option.scenario)
                let unit = option.scenario.resource(e.resource)?.unit ?? ""
                let perUnit = e.transferPerUnit.map { l == .vi ? " (≈ \(perTonne(abs($0))) \(currencyName)/\(l.unit(unit)))" : " (≈ \(perTonne(abs($0))) \(currencyName) per \(unit))" } ?? ""
                return l == .vi ? "\(e.id): \(payer) trả cho \(payee) \(money(abs(e.transfer)))\(perUnit)"
                    : "\(e.id): \(payer) pays \(payee) \(money(abs(e.transfer)))\(perUnit)"
            })
        }
    }
}
