import Foundation
import Report
import Scenario

extension BoardRoomPark {
    /// A setting as the board reads it, in `language`: its policy options by their names
    /// (`name`, `name_vi`; no policy as "Today's rules" / "Quy định hiện hành", the compare report's
    /// words), then each moved lever as its label, value and unit
    /// ("Landfill tax · Fly ash: disposal cost 25 USD/t"). The ids stay in `BoardSetting.title`
    /// (the run history's and the report's option name).
    public func words(for setting: BoardSetting, language: ReportLanguage) -> String {
        let statusQuoParts = AppliedPolicy(spec: appraisal.statusQuoName, defined: base.policies.map(\.id)).parts
        let policy: String
        if setting.policies.isEmpty || setting.policies == statusQuoParts {
            policy = language(.todaysRulesOption)
        } else {
            policy = AppliedPolicy(parts: setting.policies).title(in: base.policies, vietnamese: language == .vi) ?? setting.policyName
        }
        let moved = setting.overrides.sorted { $0.key < $1.key }.compactMap { key, value -> String? in
            guard let lever = levers.first(where: { $0.key == key }) else { return nil }
            return "\(language == .vi ? lever.labelVi : lever.label) \(lever.text(value, language: language))"
        }
        return ([policy] + moved).joined(separator: " · ")
    }
}

extension Lever {
    /// A value of this lever as the reader writes it, with its unit: a share as a percentage
    /// (`25.0 %`), a whole number for years and counts, else the number and the unit
    /// (`25 USD/t`, `25 USD/tấn`).
    public func text(_ value: Double, language: ReportLanguage) -> String {
        let unit = language == .vi ? unitVi : self.unit
        if unit.isEmpty && maximum <= 1 && !integer { return language.percent(value) }
        let number = language.style.number(value, decimals: integer || value.rounded() == value ? 0 : NumberStyle.decimals(byMagnitude: value))
        return unit.isEmpty ? number : "\(number) \(unit)"
    }
}
