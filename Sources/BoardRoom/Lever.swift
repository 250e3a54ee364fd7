import Foundation
import Report
import Scenario

/// A numeric lever of the board room: a key path of `Scenario.setting(_:to:)` (fees, carbon
/// price and growth, grant share, loan terms, permits, targets), its value in the scenario
/// without policies, and the range a slider may take.
///
/// Ranges come from the scenario (docs/board-room.md): a money amount or rate runs from 0 to
/// twice the largest value the file or any of its policy options gives it (a fee of 30 in a
/// policy: 0..60); shares run over 0..1; counts over their documented bounds. A value outside
/// its lever's range is refused (HTTP 400) before anything is solved.
public struct Lever: Codable, Sendable, Equatable {
    /// The key path, e.g. `resources.fly_ash.disposal_cost`.
    public var key: String
    /// What it is and its unit, in English and Vietnamese (`SettingDescription`).
    public var label: String
    public var labelVi: String
    public var unit: String
    public var unitVi: String
    /// The family it belongs to: `fees`, `carbon`, `finance`, `permits` or `targets`.
    public var group: String
    /// The value in the scenario without any policy.
    public var value: Double
    public var minimum: Double
    public var maximum: Double
    public var step: Double
    /// Whether only whole numbers are allowed (years, counts).
    public var integer: Bool
    /// A lever that picks one of a few states (a permit's status): each state's value and name;
    /// nil for a number.
    public var choices: [Choice]?

    /// One state of a lever with `choices`.
    public struct Choice: Codable, Sendable, Equatable {
        public var value: Double
        public var label: String
        public var labelVi: String
        enum CodingKeys: String, CodingKey { case value, label, labelVi = "label_vi" }
    }

    enum CodingKeys: String, CodingKey {
        case key, label, unit, group, value, minimum, maximum, step, integer, choices
        case labelVi = "label_vi", unitVi = "unit_vi"
    }

    /// A permit's status as a lever's value: 0 forbidden (its links are not in the model), 1
    /// conditional (its cost and delay apply), 2 allowed.
    public static let permitStatuses: [(status: Permit.Status, value: Double, en: String, vi: String)] = [
        (.forbidden, 0, "forbidden", "bị cấm"),
        (.conditional, 1, "conditional (its cost and delay apply)", "có điều kiện (áp dụng chi phí và thời gian chờ)"),
        (.allowed, 2, "allowed", "được phép"),
    ]

    /// Why `value` is not allowed for this lever, or nil.
    public func violation(_ value: Double) -> String? {
        guard value.isFinite else { return "\(key) must be a finite number" }
        if value < minimum - 1e-12 || value > maximum + 1e-12 {
            return "\(key) = \(value) is outside its range \(minimum)...\(maximum)"
        }
        if integer && value.rounded() != value { return "\(key) must be a whole number, got \(value)" }
        return nil
    }
}

extension Lever {
    /// The levers of `scenario` (loaded without policies), in the order the page shows them.
    public static func levers(of scenario: Scenario) -> [Lever] {
        var out: [Lever] = []
        let policyValues = Self.policyValues(scenario.policies)
        func add(_ key: String, group: String, value: Double, range: ClosedRange<Double>? = nil, integer: Bool = false,
                 floor: Double = 0, choices: [Choice]? = nil) {
            let largest = max(value, policyValues[key]?.max() ?? 0)
            let upper = range?.upperBound ?? max(2 * largest, floor)
            guard upper > (range?.lowerBound ?? 0) else { return }
            let lower = range?.lowerBound ?? 0
            let en = SettingDescription(key, in: scenario, language: .en)
            let vi = SettingDescription(key, in: scenario, language: .vi)
            let step = integer ? 1 : Self.niceStep((upper - lower) / 200)
            out.append(Lever(key: key, label: en.text, labelVi: vi.text, unit: en.unit, unitVi: vi.unit, group: group,
                             value: value, minimum: lower, maximum: upper, step: step, integer: integer, choices: choices))
        }
        // Fees: what disposing of a waste costs, where the file or a policy prices it.
        for r in scenario.resources {
            let key = "resources.\(r.id).disposal_cost"
            if r.disposalCost > 0 || policyValues[key] != nil { add(key, group: "fees", value: r.disposalCost) }
        }
        let e = scenario.economics
        add("carbon_price", group: "carbon", value: e.carbonPrice, floor: 100)
        add("carbon_price_growth", group: "carbon", value: e.carbonPriceGrowth, range: 0...max(0.1, 2 * max(e.carbonPriceGrowth, policyValues["carbon_price_growth"]?.max() ?? 0)))
        add("capex_subsidy", group: "finance", value: e.capexSubsidy, range: 0...1)
        add("interest_rate", group: "finance", value: e.interestRate ?? 0, range: 0...max(0.2, 2 * max(e.interestRate ?? 0, policyValues["interest_rate"]?.max() ?? 0)))
        add("loan_years", group: "finance", value: Double(e.loanYears), range: 1...Double(max(30, 2 * e.loanYears)), integer: true)
        add("loan_share", group: "finance", value: e.loanShare, range: 0...1)
        let statuses = permitStatuses.map { Choice(value: $0.value, label: $0.en, labelVi: $0.vi) }
        for p in scenario.permits {
            add("permits.\(p.id).status", group: "permits", value: permitStatuses.first { $0.status == p.status }?.value ?? 0,
                range: 0...2, integer: true, choices: statuses)
            add("permits.\(p.id).cost", group: "permits", value: p.cost, floor: 1)
            add("permits.\(p.id).delay_years", group: "permits", value: Double(p.delayYears),
                range: 0...Double(max(5, 2 * p.delayYears, Int(2 * (policyValues["permits.\(p.id).delay_years"]?.max() ?? 0)))), integer: true)
        }
        if let co2e = scenario.targets.co2eAvoided, co2e > 0 { add("targets.co2e_avoided", group: "targets", value: co2e) }
        add("targets.min_exchanges", group: "targets", value: Double(scenario.targets.minExchanges ?? 0),
            range: 0...Double(max(1, scenario.exchanges.count)), integer: true)
        for d in scenario.targets.diverted {
            add("targets.diverted.\(d.resource).share", group: "targets", value: d.share, range: 0...1)
        }
        return out
    }

    /// The numbers the policy options set, by key path (a flow mapping `{cost: 20000, delay_years: 1}`
    /// under `permits.X` counts for `permits.X.cost` and `permits.X.delay_years`).
    static func policyValues(_ policies: [Policy]) -> [String: [Double]] {
        var values: [String: [Double]] = [:]
        for policy in policies {
            for o in policy.overrides {
                let text = o.yaml.trimmingCharacters(in: .whitespaces)
                if let number = Double(text) { values[o.keyPath, default: []].append(number); continue }
                guard text.hasPrefix("{"), text.hasSuffix("}") else { continue }
                for pair in text.dropFirst().dropLast().split(separator: ",") {
                    let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if parts.count == 2, let number = Double(parts[1]) { values["\(o.keyPath).\(parts[0])", default: []].append(number) }
                }
            }
        }
        return values
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// The current value of `key` in `scenario` (a key path of `levers(of:)`), or nil.
    static func value(of key: String, in s: Scenario) -> Double? {
        let parts = key.split(separator: ".").map(String.init)
        switch parts.count {
        case 1:
            let e = s.economics
            switch key {
            case "carbon_price": return e.carbonPrice
            case "carbon_price_growth": return e.carbonPriceGrowth
            case "capex_subsidy": return e.capexSubsidy
            case "interest_rate": return e.interestRate ?? 0
            case "loan_years": return Double(e.loanYears)
            case "loan_share": return e.loanShare
            default: return nil
            }
        case 3 where parts[0] == "resources": return s.resources.first { $0.id == parts[1] }?.disposalCost
        case 3 where parts[0] == "permits":
            guard let p = s.permits.first(where: { $0.id == parts[1] }) else { return nil }
            if parts[2] == "status" { return permitStatuses.first { $0.status == p.status }?.value }
            return parts[2] == "cost" ? p.cost : Double(p.delayYears)
        case 2 where key == "targets.co2e_avoided": return s.targets.co2eAvoided ?? 0
        case 2 where key == "targets.min_exchanges": return Double(s.targets.minExchanges ?? 0)
        case 4 where parts[0] == "targets": return s.targets.diverted.first { $0.resource == parts[2] }?.share
        default: return nil
        }
    }
}

extension Lever {
    /// `scenario` with lever `key` at `value`: a permit's status set to the state of that value
    /// (`permitStatuses`), any other lever through `Scenario.setting(_:to:)`.
    static func applying(_ key: String, _ value: Double, to scenario: Scenario) throws(ScenarioError) -> Scenario {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 3, parts[0] == "permits", parts[2] == "status" else { return try scenario.setting(key, to: value) }
        guard let i = scenario.permits.firstIndex(where: { $0.id == parts[1] }),
              let state = permitStatuses.first(where: { $0.value == value }) else {
            return scenario  // not reached: the lever exists and `violation` allows only 0, 1 and 2
        }
        var copy = scenario
        copy.permits[i].status = state.status
        return copy
    }
}
