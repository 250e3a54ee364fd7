import Formulation
import Foundation
import Scenario

/// Why a link is not built (`LinkAbsence`, docs/model.md §"Why a link is not built") in the
/// reader's language, and its parameters for a program (the board room's page, `solve --format
/// json`'s `not_built_because.parameters`).
///
/// English is `LinkAbsence.sentence(currency:)` (the one English wording, in Formulation, used by
/// `solve`'s table and JSON); Vietnamese is worded here, money as `NumberStyle.money` writes it
/// (`1,5 tỷ đồng`).
extension LinkAbsence {
    /// The reason's amounts and names by key: `earliest_year`, `facility`, `best_npv`, `payer`,
    /// `own_capex`, `left`, `links`, `before_facility_costs` (money in the scenario's currency).
    public var parameters: [String: Any] {
        switch self {
        case let .permitDelay(year): return ["earliest_year": year]
        case let .facilityNotBuilt(facility): return ["facility": facility]
        case let .noPayback(npv): return ["best_npv": npv]
        case let .budget(payer, capex, left): return ["payer": payer, "own_capex": capex, "left": left]
        case let .supplyTaken(ids), let .needTaken(ids): return ["links": ids]
        case let .notChosen(npv, facility), let .notReached(npv, facility): return ["best_npv": npv, "before_facility_costs": facility]
        }
    }

    /// One sentence in `language`, amounts in the scenario's currency: the one wording of each
    /// reason, used by the board report's "Links not built, and why", the board room and `solve`.
    /// English is Formulation's `sentence(currency:)`; in Vietnamese a company is named by its
    /// `name_vi` and money as `NumberStyle.money` writes it (`1,5 tỷ đồng`).
    public func sentence(_ language: ReportLanguage, in scenario: Scenario) -> String {
        sentence(language, currency: scenario.currency) { language.company($0, in: scenario) }
    }

    /// One sentence in `language`, amounts in `currency`, a company named by `company` (its id
    /// by default).
    public func sentence(_ language: ReportLanguage, currency: String,
                         company: (String) -> String = { $0 }) -> String {
        guard language == .vi else { return sentence(currency: currency) }
        let style = language.style
        func money(_ x: Double) -> String { style.money(x, currency: currency) }
        switch self {
        case let .permitDelay(year):
            return "giấy phép chỉ cho phép xây từ năm \(style.year(year)), sau khi hết thời kỳ phân tích"
        case let .facilityNotBuilt(facility): return "công trình dùng chung \(facility) không được xây dựng"
        case let .noPayback(npv):
            return "không hoàn vốn ở bất kỳ mức sử dụng nào: NPV riêng tối đa \(money(npv)) nếu xây vào năm tốt nhất"
        case let .budget(payer, capex, left):
            return "vượt ngân sách của \(company(payer)): cần \(money(capex)) vốn tự có và giấy phép, "
                + "chỉ còn \(money(max(0, left)))"
        case let .supplyTaken(ids): return "nguồn cung đã dành cho " + ids.joined(separator: ", ")
        case let .needTaken(ids): return "nhu cầu của bên nhận đã được đáp ứng bởi " + ids.joined(separator: ", ")
        case let .notChosen(npv, facility), let .notReached(npv, facility):
            return "tự hoàn vốn (NPV tối đa \(money(npv))\(facility ? " trước chi phí của công trình dùng chung" : "")) "
                + (self == .notChosen(bestNPV: npv, beforeFacilityCosts: facility) ? "nhưng phương án tối ưu tốt hơn khi không có liên kết này"
                    : "nhưng không có trong thiết kế tốt nhất tìm được: quá trình tìm kiếm dừng lại trước khi chứng minh được lời giải tối ưu")
        }
    }
}

extension ParkDesign.ExchangeResult {
    /// Why the link cannot be built at all (`blockedBy`: a forbidden permit, or an end missing from
    /// the scenario) in `language`; nil when nothing blocks it.
    public func blockedReason(_ language: ReportLanguage, in scenario: Scenario) -> String? {
        guard let blocked = blockedBy else { return nil }
        guard language == .vi else { return blocked }
        let permit = scenario.exchanges.first { $0.id == id }?.permit
        return permit.map { "giấy phép \($0) bị cấm" } ?? "điểm đầu hoặc điểm cuối không có trong kịch bản"
    }
}
