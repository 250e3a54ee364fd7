import Analysis
import Foundation
import Scenario

/// "What the option changes" in sentences a board member reads, instead of the scenario's YAML
/// (`permits.waste_as_material = {status: conditional, cost: 25000, delay_years: 2}` becomes
/// "Permit waste_as_material: conditional, cost 25,000 USD, delay 2 years").
extension ComparisonReport {
    /// One sentence per override of the option's policies, in the order they are written.
    func changes(_ option: PolicyOption) -> [String] {
        let policies = option.scenario.policies
        return AppliedPolicy(spec: option.name, defined: policies.map(\.id)).overrides(in: policies)
            .map { describe($0, in: option.scenario) }
    }

    /// An override as a sentence: the thing changed, then each field changed with its value in
    /// the report's units.
    func describe(_ override: Override, in scenario: Scenario) -> String {
        let parts = override.keyPath.split(separator: ".").map(String.init)
        let fields = Self.flowMap(override.yaml)
        let vi = l == .vi
        let (subject, field): (String, String?) = switch parts.first {
        case "resources" where parts.count >= 2: (l.resource(parts[1], in: scenario), parts.count > 2 ? parts[2...].joined(separator: ".") : nil)
        case "permits" where parts.count >= 2: ((vi ? "Giấy phép " : "Permit ") + parts[1], parts.count > 2 ? parts[2...].joined(separator: ".") : nil)
        case "exchanges" where parts.count >= 2: ((vi ? "Liên kết " : "Link ") + parts[1], parts.count > 2 ? parts[2...].joined(separator: ".") : nil)
        case "facilities" where parts.count >= 2: ((vi ? "Cơ sở " : "Facility ") + parts[1], parts.count > 2 ? parts[2...].joined(separator: ".") : nil)
        case "companies" where parts.count >= 2: ((vi ? "Doanh nghiệp " : "Company ") + parts[1], parts.count > 2 ? parts[2...].joined(separator: ".") : nil)
        case "targets" where parts.count >= 3 && parts[1] == "diverted":
            ((vi ? "Mục tiêu chuyển hướng " : "Diversion target for ") + parts[2], parts.count > 3 ? parts[3...].joined(separator: ".") : nil)
        case "targets" where parts.count >= 2: (vi ? "Mục tiêu" : "Target", parts[1...].joined(separator: "."))
        default: (vi ? "Toàn khu" : "Park-wide", override.keyPath)
        }
        let unit = parts.first == "resources" && parts.count >= 2 ? scenario.resource(parts[1])?.unit : nil
        let pairs: [(String, String)] = if let fields { fields } else { [(field ?? "", override.yaml)] }
        let text = pairs.map { key, value in Self.fieldWords(key, vi: vi) + " " + valueText(key, value, unit: unit) }
        return subject + ": " + text.joined(separator: ", ")
    }

    /// A value with its unit: money in the currency (per unit of the resource), shares in %,
    /// years as years; anything else as written.
    func valueText(_ key: String, _ value: String, unit: String?) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        guard let number = Double(value) else { return value == "conditional" && l == .vi ? "có điều kiện" : value }
        let perUnit = unit.map { "/" + l.unit($0) } ?? ""
        if ["capex_subsidy", "interest_rate", "carbon_price_growth", "growth", "share", "discount_rate"].contains(last) {
            return l.percent(number)
        }
        if last == "by" { return l.style.year(Int(number.rounded())) }  // a year, never grouped
        if last.hasSuffix("years") { return l == .vi ? "\(l.grouped(number)) năm" : counted(Int(number), "year") }
        if last == "carbon_price" { return "\(perTonne(number)) \(currencyName)/\(l.unit("t")) CO2e" }
        if ["price", "sale_price", "disposal_cost", "unit_cost"].contains(last) {
            return "\(perTonne(number)) \(currencyName)\(perUnit)"
        }
        if last.hasSuffix("cost") || last == "capex" || last == "budget" {
            return money(number) + (last == "fixed_cost" ? (l == .vi ? " mỗi năm" : " a year") : "")
        }
        return l.grouped(number, decimals: number == number.rounded() ? 0 : 2)
    }

    /// A field name in words: `disposal_cost` → "disposal cost".
    static func fieldWords(_ key: String, vi: Bool) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        if vi {
            let words = ["disposal_cost": "phí xử lý", "price": "giá", "sale_price": "giá bán", "cost": "chi phí",
                         "delay_years": "thời gian cấp phép", "status": "trạng thái", "fixed_cost": "chi phí cố định",
                         "capex": "vốn đầu tư", "capex_subsidy": "hỗ trợ vốn đầu tư", "interest_rate": "lãi suất",
                         "loan_years": "thời hạn vay", "carbon_price": "giá carbon", "carbon_price_growth": "tăng giá carbon mỗi năm",
                         "by": "trước năm", "share": "tỷ lệ", "min_exchanges": "số liên kết tối thiểu",
                         "min_companies": "số doanh nghiệp tối thiểu"]
            if let word = words[last] { return word }
        }
        let words = ["delay_years": "delay", "loan_years": "loan term", "capex_subsidy": "capex grant", "min_exchanges": "links at least",
                     "min_companies": "firms taking part at least",
                     "carbon_price_growth": "carbon price growth a year"]
        if !vi, let word = words[last] { return word }
        return last.replacingOccurrences(of: "_", with: " ")
    }

    /// The fields of a YAML flow map `{a: 1, b: x}` in order; `nil` when `text` is not one.
    static func flowMap(_ text: String) -> [(String, String)]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), !trimmed.dropFirst().dropLast().contains("{") else { return nil }
        return trimmed.dropFirst().dropLast().split(separator: ",").compactMap { item in
            let pair = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return pair.count == 2 ? (pair[0], pair[1]) : nil
        }
    }
}
