import Analysis
@testable import Report
import Scenario
import Testing

/// `compare`'s console lines are structured messages with an English and a Vietnamese wording:
/// a Vietnamese run prints no English word, and options are named as the report names them.
@Suite("Console messages")
struct ConsoleMessageTests {
    let en = ReportLanguage.en, vi = ReportLanguage.vi

    static let policies: [Policy] = {
        var reform = Policy(id: "legal_reform")
        reform.title = "Legal reform"
        reform.titleVi = "Cải cách pháp lý"
        return [Policy(id: "baseline"), reform]
    }()

    static let messages: [ConsoleMessage] = [
        .step(.solving(option: "legal_reform")), .step(.simulating(option: "legal_reform")),
        .step(.solvingStatusQuo(policy: "baseline")), .tornadoStudy(option: "legal_reform", evaluations: 7),
        .reportWritten("r.html"), .markdownWritten("r.md"), .tablesWritten("tables"), .tornadoWithoutParameters,
        .interrupted, .interruptedPartial,
    ]

    /// Each message in Vietnamese differs from its English and holds none of the English words
    /// of any message (ids, paths and the flags `--tornado`, `--param`, `sensitivity:` aside).
    @Test func vietnameseHasNoEnglish() {
        let english = ["solving", "simulating", "status quo", "tornado study", "solves", "written", "interrupted", "partial",
                       "note", "report", "needs", "Legal reform", "CSV tables"]
        for message in Self.messages {
            let vi = vi(message, policies: Self.policies)
            #expect(vi != en(message, policies: Self.policies), "\(message)")
            for word in english {
                #expect(!vi.replacingOccurrences(of: "--tornado", with: "").replacingOccurrences(of: "r.html", with: "")
                    .contains(word), "\(message): \(vi)")
            }
        }
    }

    /// An option is named by its policy's name (`name_vi` in Vietnamese) with its id; an id
    /// without a name is shown as it is.
    @Test func optionsByTheirNames() {
        #expect(en(.step(.solving(option: "legal_reform")), policies: Self.policies)
            == "solving “Legal reform” (legal_reform)")
        #expect(vi(.step(.solving(option: "legal_reform")), policies: Self.policies)
            == "đang giải phương án “Cải cách pháp lý” (legal_reform)")
        #expect(vi(.step(.solvingStatusQuo(policy: "baseline")), policies: Self.policies)
            == "đang giải hiện trạng (baseline)")
        #expect(en(.tornadoStudy(option: "x", evaluations: 7)) == "tornado study of x (7 evaluations)")
    }

    /// Resources are named by `name_vi` in Vietnamese, units as a Vietnamese reader writes them.
    @Test func resourcesAndUnitsInVietnamese() {
        var ash = Resource(id: "fly_ash", unit: "t")
        ash.nameVi = "Tro bay"
        let scenario = Scenario(name: "t", currency: "USD", startYear: 2026, horizonYears: 10, discountRate: 0.08,
                                resources: [ash, Resource(id: "wastewater", unit: "m3")], companies: [], facilities: [], exchanges: [])
        #expect(ReportLanguage.vi.resource("fly_ash", in: scenario) == "Tro bay")
        #expect(ReportLanguage.en.resource("fly_ash", in: scenario) == "fly_ash")
        #expect(ReportLanguage.vi.resource("wastewater", in: scenario) == "wastewater")  // no name_vi: the id
        #expect(ReportLanguage.vi.unit("m3") == "m³" && ReportLanguage.vi.unit("t") == "tấn" && ReportLanguage.vi.unit("MWh") == "MWh")
        #expect(ReportLanguage.en.unit("m3") == "m3")
        #expect(SettingDescription("resources.fly_ash.price", in: scenario, language: .vi).label == "Tro bay: giá mua (USD/tấn)")
        #expect(SettingDescription("resources.wastewater.disposal_cost", in: scenario, language: .vi).label
            == "Wastewater: chi phí xử lý (USD/m³)")
        #expect(SettingDescription("resources.fly_ash.price", in: scenario).label == "Fly ash: price (USD/t)")
    }
}
