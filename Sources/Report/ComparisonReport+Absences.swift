import Analysis
import Formulation
import Scenario

/// Why each candidate link of an option's design is not built, in the report's language: the
/// board's first question about a link it expected ("why not the fly ash to the cement mill?").
/// The reasons are `LinkAbsence`'s (docs/model.md §"Why a link is not built"), in the order a
/// planner asks them, plus a forbidden permit (`ExchangeResult.blockedBy`).
extension ComparisonReport {
    /// A heading and a table of the links `option`'s design does not build, with the reason of
    /// each; nothing when every candidate is built.
    func addAbsences(_ doc: inout ReportDocument, _ option: PolicyOption) {
        guard let design = option.design else { return }
        let missing = design.exchanges.filter { !$0.built }
        guard !missing.isEmpty else { return }
        let vi = l == .vi
        doc.heading(vi ? "Liên kết không được xây dựng và lý do" : "Links not built, and why", level: 3)
        let rows = missing.map { e in
            [e.id, "\(l.company(e.from, in: option.scenario)) → \(l.company(e.to, in: option.scenario))", reason(e, in: option.scenario)]
        }
        doc.table([l(.exchange), l(.fromTo), vi ? "Lý do" : "Why not built"], rows)
    }

    /// The reason a link is not built, as one clause in the report's language
    /// (`LinkAbsence.sentence(_:in:)`, the wording the board room and `solve` use too).
    func reason(_ e: ParkDesign.ExchangeResult, in scenario: Scenario) -> String {
        if let blocked = e.blockedReason(l, in: scenario) { return blocked }
        guard let absence = e.notBuiltBecause else { return l == .vi ? "không có trong thiết kế" : "not in the design" }
        return absence.sentence(l, in: scenario)
    }
}
