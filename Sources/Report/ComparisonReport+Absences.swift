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

    /// The reason a link is not built, as one clause in the report's language; money as the
    /// report writes it (`money(_:)`: "1.2 million USD", "1.332,8 tỷ đồng").
    func reason(_ e: ParkDesign.ExchangeResult, in scenario: Scenario) -> String {
        let vi = l == .vi
        func names(_ ids: [String]) -> String { ids.joined(separator: ", ") }
        if let blocked = e.blockedBy {
            guard vi else { return blocked }
            let permit = scenario.exchanges.first { $0.id == e.id }?.permit
            return permit.map { "giấy phép \($0) bị cấm" } ?? "điểm đầu hoặc điểm cuối không có trong kịch bản"
        }
        guard let absence = e.notBuiltBecause else { return vi ? "phương án tối ưu không chọn" : "not chosen by the optimum" }
        switch absence {
        case let .permitDelay(year):
            return vi ? "giấy phép chỉ cho xây dựng từ năm \(year), sau khi kết thúc giai đoạn"
                : "its permit allows building from \(year), after the horizon"
        case let .facilityNotBuilt(facility):
            return vi ? "công trình \(facility) không được xây dựng" : "facility \(facility) is not built"
        case let .noPayback(npv):
            return vi ? "không hoàn vốn ở bất kỳ lưu lượng nào: NPV riêng tối đa \(money(npv)) nếu xây vào năm tốt nhất"
                : "no payback at any volume: at most \(money(npv)) NPV alone in its best year"
        case let .budget(payer, capex, left):
            let who = l.company(payer, in: scenario)
            return vi ? "vượt ngân sách của \(who): vốn tự có và giấy phép \(money(capex)), chỉ còn \(money(max(0, left)))"
                : "beyond \(who)'s budget: \(money(capex)) own capex and permit, \(money(max(0, left))) left"
        case let .supplyTaken(ids):
            return vi ? "nguồn cung đã chuyển cho \(names(ids))" : "its supply goes to \(names(ids))"
        case let .needTaken(ids):
            return vi ? "nhu cầu của bên nhận đã được đáp ứng bởi \(names(ids))" : "the receiver's need is met by \(names(ids))"
        case let .notChosen(npv, facility):
            return vi ? "tự hoàn vốn (NPV tối đa \(money(npv))\(facility ? " trước chi phí của công trình" : "")) nhưng phương án tối ưu tốt hơn khi không có liên kết này"
                : "pays back alone (up to \(money(npv)) NPV\(facility ? " before the facility's costs" : "")) but the optimum is better without it"
        }
    }
}
