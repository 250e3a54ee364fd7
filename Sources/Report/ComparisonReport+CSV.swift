import Analysis
import Formulation
import MILP

extension ComparisonReport {
    /// The report's tables as CSV files Excel opens correctly (UTF-8 with BOM, one header row):
    /// `options.csv`, `exchanges.csv`, `companies.csv`, `accounts.csv`, `firms.csv`. Numbers unformatted, in the scenario's
    /// currency and units.
    public func csvTables() -> [(file: String, text: String)] {
        let c = currency
        let units = divertedUnits
        var options = [["rank", "option", "status", "gap", "npv_\(c)", "npv_p10_\(c)", "npv_p50_\(c)", "npv_p90_\(c)",
                        "probability_of_loss", "co2e_avoided_t"] + units.map { "waste_diverted_\($0)" } + ["water_saved_m3", "jobs_fte_years",
                        "companies_participating", "exchanges_built", "public_cost_net_\(c)", "public_cost_per_t_co2e_\(c)",
                        "society_\(c)", "score"]]
        for (rank, entry) in comparison.ranking.enumerated() {
            let option = self.options[entry.option]
            let d = option.design, risk = option.risk?.tally.npv.summary
            func text(_ value: Double?, decimals: Int = 2) -> String { value.map { csvDialect.number($0, decimals: decimals) } ?? "" }
            let diverted = d?.wasteDivertedByUnit(in: option.scenario)
            options.append([
                String(rank + 1), option.name, StatusWord.of(option.result.termination, hasDesign: option.design != nil),
                text(option.result.gap, decimals: 6), text(d?.npv),
                text(risk?.p10), text(risk?.p50), text(risk?.p90), text(risk?.probabilityNegative, decimals: 4), text(d?.co2eAvoided)]
                + units.map { unit in text(diverted.map { $0.first { $0.unit == unit }?.amount ?? 0 }) } + [
                text(d?.waterSaved), text(d?.jobsFTEYears),
                d.map { String($0.companiesParticipating) } ?? "", d.map { String($0.exchangesBuilt) } ?? "", text(option.appraisal?.publicCost.net),
                text(option.publicCostPerTonne), text(option.appraisal?.society), entry.score.isFinite ? text(entry.score, decimals: 4) : "",
            ])
        }
        var exchanges = [["option", "exchange", "from", "to", "resource", "build_year", "first_year_flow", "transfer_pv_\(c)",
                          "transfer_per_unit_\(c)", "probability_active"]]
        var companies = [["option", "company", "npv_\(c)", "npv_before_transfers_\(c)", "own_capex_\(c)", "financed_capex_\(c)",
                          "npv_p10_\(c)", "probability_of_loss"]]
        for option in self.options {
            guard let d = option.design else { continue }
            let risk = option.risk
            for e in d.exchanges where e.built {
                let index = risk?.header.exchanges.firstIndex(of: e.id)
                let active = index.flatMap { i -> Double? in
                    guard let tally = risk?.tally, tally.operatingYears[i] > 0 else { return nil }
                    return Double(tally.carriedYears[i]) / Double(tally.operatingYears[i])
                }
                exchanges.append([option.name, e.id, e.from, e.to, e.resource, e.buildYear.map(String.init) ?? "",
                                  csvDialect.number(e.flows.first { $0 > 0 } ?? 0), csvDialect.number(e.transfer),
                                  e.transferPerUnit.map { csvDialect.number($0, decimals: 4) } ?? "",
                                  active.map { csvDialect.number($0, decimals: 4) } ?? ""])
            }
            for (a, company) in d.companies.enumerated() {
                let summary = risk.flatMap { a < $0.tally.accountNPV.count ? $0.tally.accountNPV[a].summary : nil }
                let n = { (x: Double) in csvDialect.number(x) }
                companies.append([option.name, company.id, n(company.npv), n(company.npvBeforeTransfers),
                                  n(company.ownCapex), n(company.financedCapex),
                                  summary.map { n($0.p10) } ?? "", summary.map { csvDialect.number($0.probabilityNegative, decimals: 4) } ?? ""])
            }
        }
        func file(_ rows: [[String]]) -> String {
            "\u{FEFF}" + rows.map(csvDialect.row).joined(separator: "\r\n") + "\r\n"
        }
        let appraisal = appraisalCSV()
        return [("options.csv", file(options)), ("exchanges.csv", file(exchanges)), ("companies.csv", file(companies)),
                ("accounts.csv", file(appraisal.accounts)), ("firms.csv", file(appraisal.firms))]
    }
}
