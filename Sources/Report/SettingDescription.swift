import Scenario

/// A numeric setting named by its key path (`resources.clinker.price`) as a board member reads
/// it: what it is, of what, and in which unit ("Clinker: price (USD/t)", "Ash to cement: capex
/// (USD)"). Ids are written as words (underscores as spaces, first letter capital); a path this
/// does not know keeps its own text. The unit comes from the scenario: the currency, and the
/// resource's unit for amounts per unit. The key paths are those of `Scenario.setting(_:to:)`.
///
/// ```swift
/// let d = SettingDescription("exchanges.ash_to_cement.capex", in: scenario)
/// d.text              // "Ash to cement: capex"
/// d.unit              // "USD"
/// d.isMoney           // true: an axis of it may count in thousands or millions
/// d.label             // "Ash to cement: capex (USD)"
/// ```
public struct SettingDescription: Sendable, Equatable {
    /// What the setting is, without its unit.
    public var text: String
    /// The unit of its values, empty for a pure number.
    public var unit: String
    /// Whether its values are amounts of money (not per unit): they may be scaled to millions.
    public var isMoney: Bool

    /// The text with its unit in parentheses.
    public var label: String { unit.isEmpty ? text : "\(text) (\(unit))" }

    public init(text: String, unit: String = "", isMoney: Bool = false) {
        self.text = text
        self.unit = unit
        self.isMoney = isMoney
    }

    /// The description of `keyPath` in `scenario`, in `language`.
    public init(_ keyPath: String, in scenario: Scenario, language l: ReportLanguage = .en) {
        let parts = keyPath.split(separator: ".").map(String.init)
        let money = l.style.currencyName(scenario.currency)
        let vi = l == .vi
        func words(_ id: String) -> String {
            let spaced = id.replacingOccurrences(of: "_", with: " ")
            return spaced.prefix(1).uppercased() + spaced.dropFirst()
        }
        /// A resource in words: its `name_vi` in Vietnamese when given, else its id as words.
        func resourceWords(_ id: String) -> String { vi ? scenario.resource(id)?.nameVi ?? words(id) : words(id) }
        /// A company in words: its `name_vi` in Vietnamese when given, else its id as words.
        func companyWords(_ id: String) -> String { vi ? scenario.companies.first(where: { $0.id == id })?.nameVi ?? words(id) : words(id) }
        let tCO2e = vi ? "tấn CO2e" : "t CO2e"
        func unitOf(_ resource: String) -> String { l.unit(scenario.resource(resource)?.unit ?? (vi ? "đơn vị" : "unit")) }
        func field(_ key: String) -> (String, String)? {
            let table: [String: (String, String)] = [
                "price": ("price", "giá mua"), "sale_price": ("sale price", "giá bán"), "co2e": ("CO2e per unit", "CO2e mỗi đơn vị"),
                "disposal_cost": ("disposal cost", "chi phí xử lý"), "disposal_co2e": ("CO2e of disposal", "CO2e khi xử lý"),
                "capex": ("capex", "vốn đầu tư"), "fixed_cost": ("fixed cost", "chi phí cố định"),
                "unit_cost": ("unit cost", "chi phí mỗi đơn vị"), "transport_cost": ("transport cost", "chi phí vận chuyển"),
                "transport_co2e": ("transport CO2e", "CO2e vận chuyển"), "capacity": ("capacity", "công suất"),
                "ratio": ("replacement ratio", "tỷ lệ thay thế"), "max_share": ("largest share", "tỷ trọng tối đa"),
                "distance": ("distance", "khoảng cách"), "jobs": ("jobs", "việc làm"), "lifetime": ("lifetime", "tuổi thọ"),
                "growth": ("growth", "tăng trưởng"), "capital_budget": ("capital budget", "ngân sách đầu tư"),
                "hurdle_rate": ("hurdle rate", "lãi suất kỳ vọng"), "co2e_per_unit": ("CO2e per unit", "CO2e mỗi đơn vị"),
                "cost": ("cost", "chi phí"), "delay_years": ("delay", "thời gian chờ"), "status": ("status", "tình trạng"),
            ]
            return table[key]
        }
        func named(_ owner: String, _ key: String, resource: Bool = false, company: Bool = false) -> String {
            let name = resource ? resourceWords(owner) : company ? companyWords(owner) : words(owner)
            guard let f = field(key) else { return "\(name): \(key)" }
            return "\(name): \(vi ? f.1 : f.0)"
        }
        switch parts.count {
        case 1:
            let top: [String: (String, String, String, Bool)] = [
                "discount_rate": ("Discount rate", "Tỷ lệ chiết khấu", "", false),
                "min_utilization": ("Least use of a built link", "Mức sử dụng tối thiểu", "", false),
                "carbon_price": ("Carbon price", "Giá carbon", "\(money)/\(tCO2e)", false),
                "carbon_price_growth": ("Carbon price growth", "Tăng giá carbon", vi ? "mỗi năm" : "per year", false),
                "capex_subsidy": ("Capex grant share", "Tỷ lệ hỗ trợ vốn", "", false),
                "interest_rate": ("Loan interest rate", "Lãi suất vay", "", false),
                "loan_years": ("Loan term", "Thời hạn vay", vi ? "năm" : "years", false),
                "loan_share": ("Loan share of capex", "Tỷ lệ vay trên vốn", "", false),
                "loan_cap": ("Largest loan", "Khoản vay tối đa", money, true),
                "park_budget": ("Park budget", "Ngân sách khu", money, true),
            ]
            if let t = top[keyPath] { self.init(text: vi ? t.1 : t.0, unit: t.2, isMoney: t.3); return }
        case 3 where parts[0] == "resources":
            let r = parts[1], key = parts[2]
            let unit: String
            switch key {
            case "co2e", "disposal_co2e": unit = "\(tCO2e)/\(unitOf(r))"
            default: unit = "\(money)/\(unitOf(r))"
            }
            self.init(text: named(r, key, resource: true), unit: unit); return
        case 3 where parts[0] == "companies":
            switch parts[2] {
            case "capital_budget": self.init(text: named(parts[1], "capital_budget", company: true), unit: money, isMoney: true); return
            case "growth", "hurdle_rate": self.init(text: named(parts[1], parts[2], company: true), unit: parts[2] == "growth" ? (vi ? "mỗi năm" : "per year") : ""); return
            default: break
            }
        case 4 where parts[0] == "companies" && (parts[2] == "produces" || parts[2] == "needs"):
            let verb = parts[2] == "produces" ? (vi ? "sản lượng" : "output of") : (vi ? "nhu cầu" : "need of")
            let resource = vi ? (scenario.resource(parts[3])?.nameVi ?? words(parts[3])).lowercased() : parts[3].replacingOccurrences(of: "_", with: " ")
            self.init(text: "\(companyWords(parts[1])): \(verb) \(resource)", unit: "\(unitOf(parts[3]))/\(vi ? "năm" : "yr")"); return
        case 3 where parts[0] == "exchanges" || parts[0] == "facilities":
            let key = parts[2]
            let sent: String
            if parts[0] == "exchanges", let e = scenario.exchanges.first(where: { $0.id == parts[1] }) { sent = unitOf(e.send) } else { sent = vi ? "đơn vị" : "unit" }
            let unit: String, isMoney: Bool
            switch key {
            case "capex": (unit, isMoney) = (money, true)
            case "fixed_cost": (unit, isMoney) = ("\(money)/\(vi ? "năm" : "yr")", true)
            case "unit_cost": (unit, isMoney) = ("\(money)/\(sent)", false)
            case "transport_cost": (unit, isMoney) = ("\(money)/\(sent)/km", false)
            case "transport_co2e": (unit, isMoney) = ("\(tCO2e)/\(sent)/km", false)
            case "co2e_per_unit": (unit, isMoney) = ("\(tCO2e)/\(sent)", false)
            case "capacity": (unit, isMoney) = ("\(sent)/\(vi ? "năm" : "yr")", false)
            case "distance": (unit, isMoney) = ("km", false)
            case "jobs": (unit, isMoney) = ("FTE", false)
            case "lifetime": (unit, isMoney) = (vi ? "năm" : "years", false)
            default: (unit, isMoney) = ("", false)
            }
            self.init(text: named(parts[1], key), unit: unit, isMoney: isMoney); return
        case 2 where parts[0] == "targets":
            let targets: [String: (String, String, String)] = [
                "co2e_avoided": ("Target: CO2e avoided over the horizon", "Mục tiêu: CO2e tránh được trong cả giai đoạn", tCO2e),
                "min_exchanges": ("Target: fewest links built", "Mục tiêu: số liên kết tối thiểu", vi ? "liên kết" : "links"),
                "min_companies": ("Target: fewest firms taking part", "Mục tiêu: số doanh nghiệp tham gia tối thiểu", vi ? "doanh nghiệp" : "firms"),
            ]
            if let t = targets[parts[1]] { self.init(text: vi ? t.1 : t.0, unit: t.2); return }
        case 3 where parts[0] == "permits":
            let unit = parts[2] == "cost" ? money : parts[2] == "status" ? "" : (vi ? "năm" : "years")
            self.init(text: named(parts[1], parts[2]), unit: unit, isMoney: parts[2] == "cost"); return
        default: break
        }
        self.init(text: keyPath)
    }
}
