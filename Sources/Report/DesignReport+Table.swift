import Analysis
import Formulation
import Foundation
import Scenario

extension DesignReport {
    /// The readable report of `solve`: status, indicators, what to build and when, NPV per
    /// company, transfers.
    public func table() -> String {
        var out = "\(scenario.name) — policy \(policy ?? AppliedPolicy.statusQuoName)\n"
        out += "status: \(status)"
        if result.termination != .optimal, result.design != nil { out += " (\(gapText))" }
        out += String(format: "   solved in %.2f s, %d nodes, %d rows x %d columns (%d binary)\n",
                      result.seconds, result.nodes, result.rows, result.columns, result.binaries)
        if result.payoff?.fellBackToEconomic == true {
            out += "note: a payoff-table row found no design within the time limit; this run optimized the economic objective alone.\n"
        } else if result.payoffApproximate {
            out += "note: a payoff-table row stopped at the time limit; the objectives' normalization uses its incumbent.\n"
        }
        if let run = result.lexicographic {
            let kept = run.stages.map { stage -> String in
                let objective = run.order[stage.objective]
                let bound = (stage.bound ?? 0) * objective.reportScale(for: scenario)
                return "\(objective.rawValue) ≥ \(objective == .economic ? money(bound) : number(bound)) \(objective.unit(currency: scenario.currency))"
            }
            out += "lexicographic: " + run.order.map(\.rawValue).joined(separator: ", then ")
                + (kept.isEmpty ? "" : "; kept " + kept.joined(separator: ", "))
                + (run.tolerance > 0 ? String(format: " (tolerance %g %%)", run.tolerance * 100) : "") + "\n"
            if !run.complete { out += "note: a lexicographic stage found no design in its time; the final solve optimized \(run.order[run.stages.count].rawValue).\n" }
        }
        if let design = result.design, result.termination != .optimal, !design.buildsAnything {
            out += "note: nothing better than building nothing was found in the time; the design below is the status quo.\n"
        }
        guard let design = result.design else {
            out += "no design: the solver found no feasible network.\n"
            return out
        }
        let c = scenario.currency
        out += "\nIndicators over \(scenario.horizonYears) years (\(design.years.first ?? 0)-\(design.years.last ?? 0))\n"
        out += row("Park NPV vs. no symbiosis", money(design.npv) + " \(c)")
        out += row("Public cost (grants, PV)", money(design.publicCost) + " \(c)")
        out += row("CO2e avoided", number(design.co2eAvoided) + " t")
        // Summed within a unit only (t of ash, m3 of wastewater), then each resource with its unit.
        let diverted = design.wasteDivertedByUnit(in: scenario)
        out += row("Waste diverted", diverted.isEmpty ? "none" : diverted.map { "\(number($0.amount)) \($0.unit)" }.joined(separator: ", "))
        let divertedResources = design.wasteDiverted.filter { scenario.resource($0.key)?.isDisposed == true }.sorted { $0.key < $1.key }
        if !divertedResources.isEmpty {
            out += row("  by resource", divertedResources.map { "\($0.key) \(number($0.value)) \(unit($0.key))" }.joined(separator: ", "))
        }
        out += row("Water saved", number(design.waterSaved) + " m3")
        out += row("Jobs", number(design.jobsFTEYears) + " FTE-years")
        out += row("Companies taking part", "\(design.companiesParticipating)")
        out += row("Exchanges built", "\(design.exchangesBuilt) of \(design.exchanges.count)")

        let built = design.exchanges.filter(\.built).sorted { ($0.buildYear ?? 0, $0.id) < ($1.buildYear ?? 0, $1.id) }
        if !built.isEmpty {
            out += "\nBuild\n"
            out += pad("exchange", 32) + pad("from -> to", 48) + pad("year", 6) + pad("first-year flow", 18) + "transfer (PV)\n"
            for e in built {
                let firstFlow = e.flows.first { $0 > 0 } ?? 0
                var transfer = ""
                if e.transfer != 0 {
                    let payer = e.transfer > 0 ? e.to : e.from
                    transfer = "\(money(abs(e.transfer))) paid by \(payer)"
                    // Per unit as the currency counts it: whole dong, cents of a dollar below 1,000.
                    if let perUnit = e.transferPerUnit {
                        transfer += " (\(NumberStyle().unitPrice(abs(perUnit), currency: c)) \(c)/\(unit(e.resource)) \(e.resource))"
                    }
                }
                out += pad(e.id, 32) + pad("\(e.from) -> \(e.to)", 48) + pad("\(e.buildYear ?? 0)", 6)
                    + pad(number(firstFlow) + " " + unit(e.resource), 18) + transfer + "\n"
            }
        }
        let facilities = design.facilities.filter(\.built)
        if !facilities.isEmpty {
            out += "\nFacilities\n"
            for f in facilities {
                out += pad(f.id, 28) + pad("built \(f.buildYear ?? 0)", 16) + "peak activity \(number(f.activity.max() ?? 0))\n"
            }
        }
        let blocked = design.exchanges.filter { $0.blockedBy != nil }
        if !blocked.isEmpty {
            out += "\nBlocked: " + blocked.map { "\($0.id) (\($0.blockedBy ?? ""))" }.joined(separator: ", ") + "\n"
        }
        let absent = design.exchanges.filter { $0.notBuiltBecause != nil }
        if !absent.isEmpty {
            out += "\nNot built, and why\n"
            for e in absent { out += pad(e.id, 32) + (e.notBuiltBecause?.sentence(currency: c) ?? "") + "\n" }
        }
        let parties = design.companies.filter { $0.participates || $0.npv != 0 }
        if !parties.isEmpty {
            out += "\nNPV by company (\(c))\n"
            // Columns at least as wide as their widest cell plus two spaces (dong-sized amounts
            // keep the table aligned); the last column is not padded.
            let header = ["company", "before transfers", "after transfers", "own capex", "financed"]
            let rows = parties.map { [$0.id, money($0.npvBeforeTransfers), money($0.npv), money($0.ownCapex), money($0.financedCapex)] }
            let least = [28, 20, 20, 14]
            let widths = least.indices.map { i in max(least[i], (rows.map { $0[i].count } + [header[i].count]).max()! + 2) }
            for cells in [header] + rows {
                out += zip(cells, widths).map { pad($0, $1) }.joined() + cells[cells.count - 1] + "\n"
            }
        }
        if let sharing = design.sharing, !sharing.players.isEmpty { out += sharingText(sharing, design: design) }
        return out
    }

    /// The sharing rule in words, sampled shares' standard errors, payments through the park's
    /// benefit-sharing account and the coalitions the allocation short-changes.
    private func sharingText(_ sharing: ParkDesign.Sharing, design: ParkDesign) -> String {
        let c = scenario.currency
        let rules = ["shapley": "Shapley value", "nash": "Nash bargaining per link", "proportional": "proportional to investment",
                     "minimal": "smallest transfers keeping every firm whole"]
        var out = "\nBenefit sharing: \(rules[sharing.rule] ?? sharing.rule)"
        if sharing.rule == "shapley" {
            out += sharing.exact ? " (exact)" : " (sampled, \(sharing.samples) orders per large group)"
        }
        out += "\n"
        for (id, error) in sharing.standardErrors.sorted(by: { $0.key < $1.key }) {
            out += "  \(id): standard error \(money(error)) \(c)\n"
        }
        for company in design.companies where company.benefitAccount != 0 {
            out += "  \(company.id) \(company.benefitAccount > 0 ? "receives" : "pays") "
                + "\(money(abs(company.benefitAccount))) \(c) through the park's benefit-sharing account\n"
        }
        if sharing.coreViolations.isEmpty {
            out += "  No coalition of up to 3 firms would do better on its own.\n"
        } else {
            for v in sharing.coreViolations.prefix(10) {
                out += "  Coalition \(v.members.joined(separator: " + ")) could earn \(money(v.worth)) \(c) alone; "
                    + "it gets \(money(v.allocated)) \(c)\n"
            }
            if sharing.coreViolations.count > 10 { out += "  … and \(sharing.coreViolations.count - 10) more coalitions\n" }
        }
        return out
    }

    private func unit(_ resource: String) -> String { scenario.resource(resource)?.unit ?? "" }
    private func row(_ label: String, _ value: String) -> String { "  " + pad(label, 30) + value + "\n" }
    private func pad(_ text: String, _ width: Int) -> String { padded(text, width) }
}

/// `text` left-aligned in a column of `width` characters (at least one space after it).
func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

/// `1,234,567` (no decimals), with a minus sign where negative.
extension DesignReport {
    /// The proven gap in words: a percentage of the incumbent, or, when the incumbent is 0
    /// (building nothing), the bound itself, since no percentage of 0 means anything.
    var gapText: String {
        guard let gap = result.gap, let bound = result.bestBound else { return "gap unknown: no bound proven in the time" }
        if !result.hasReadableRelativeGap {
            return String(format: "no relative gap: the incumbent is 0 or nearly, the best bound %.6g in the objective's units", bound)
        }
        return String(format: "gap %.2f%%", gap * 100)
    }
}

/// Console numbers of `solve`, `simulate`, `pareto` and friends, written by `NumberStyle` (English).
func money(_ value: Double) -> String { NumberStyle().number(value) }

/// Grouped with up to one decimal below 100.
func number(_ value: Double) -> String {
    NumberStyle().number(value, decimals: abs(value) < 100 && value != value.rounded() ? 1 : 0)
}
