import Analysis
import Scenario

/// A line `compare` prints on the console while it works and when it is done, in the report's
/// language: each message is a case with its English and Vietnamese wording, so a Vietnamese
/// run prints no English and no line is translated by matching its words.
///
/// ```swift
/// ReportLanguage.vi(.step(.solving(option: "legal_reform")), policies: tiny.policies)
/// // "đang giải phương án “Cải cách pháp lý”"
/// ```
public enum ConsoleMessage: Sendable, Equatable {
    /// A step of the comparison as it starts (solving, simulating an option; the status quo).
    case step(PolicyComparison.Step)
    /// A tornado study of the recommended option: `evaluations` parks (the base and each
    /// parameter at its low and its high value), each solved or answered by an earlier solve of
    /// the same model (`SensitivityReport.reuseNote` says which, after the study).
    case tornadoStudy(option: String, evaluations: Int)
    /// The HTML report was written to a path.
    case reportWritten(String)
    /// The Markdown report was written to a path.
    case markdownWritten(String)
    /// The CSV tables were written into a folder.
    case tablesWritten(String)
    /// `--tornado` without parameters: the report has no tornado.
    case tornadoWithoutParameters
    /// `compare --shard K/N`: shard `shard` (as `K/N`) wrote `options` of `total` options to `path`.
    case partWritten(shard: String, options: Int, total: Int, path: String)
    /// Ctrl-C: nothing was written.
    case interrupted
    /// Ctrl-C while simulating: some option's simulation is partial, nothing was written.
    case interruptedPartial
}

extension ReportLanguage {
    /// The console line of `message`; options are named as the report names them (their
    /// policies' `name`, `name_vi` in Vietnamese, else the policy expression).
    public func callAsFunction(_ message: ConsoleMessage, policies: [Policy] = []) -> String {
        let vi = self == .vi
        /// "“Legal reform” (legal_reform)"; the unnamed `baseline` as the status quo it is.
        func option(_ spec: String, statusQuoNamed: Bool = true) -> String {
            let title = AppliedPolicy(spec: spec, defined: policies.map(\.id)).title(in: policies, vietnamese: vi)
            if let title { return "“\(title)” (\(spec))" }
            return statusQuoNamed && spec == AppliedPolicy.statusQuoName ? "“\(self(.todaysRulesOption))” (\(spec))" : spec
        }
        switch message {
        case let .step(.solving(name)): return vi ? "đang giải phương án \(option(name))" : "solving \(option(name))"
        case let .step(.simulating(name)): return vi ? "đang mô phỏng phương án \(option(name))" : "simulating \(option(name))"
        case let .step(.solvingStatusQuo(policy)):
            return vi ? "đang giải hiện trạng (\(option(policy, statusQuoNamed: false)))"
                : "solving the status quo (\(option(policy, statusQuoNamed: false)))"
        case let .tornadoStudy(name, evaluations):
            return vi ? "phân tích độ nhạy dạng lốc xoáy cho phương án \(option(name)) (\(evaluations) lần đánh giá)"
                : "tornado study of \(option(name)) (\(evaluations) evaluations)"
        case let .reportWritten(path): return vi ? "đã ghi báo cáo vào \(path)" : "report written to \(path)"
        case let .markdownWritten(path): return vi ? "đã ghi báo cáo Markdown vào \(path)" : "Markdown written to \(path)"
        case let .tablesWritten(folder): return vi ? "đã ghi các bảng CSV vào \(folder)/" : "CSV tables written to \(folder)/"
        case .tornadoWithoutParameters:
            return vi ? "lưu ý: --tornado cần tham số (khối sensitivity: hoặc --param); báo cáo không có biểu đồ lốc xoáy"
                : "note: --tornado needs parameters (a sensitivity: block or --param); no tornado in the report"
        case let .partWritten(shard, count, total, path):
            return vi ? "đã ghi phần \(shard) (\(count) trên \(total) phương án) vào \(path)"
                : "part \(shard) (\(count) of \(total) options) written to \(path)"
        case .interrupted: return vi ? "đã dừng: không ghi báo cáo nào." : "interrupted: no report was written."
        case .interruptedPartial:
            return vi ? "đã dừng: phép so sánh chưa đầy đủ; không ghi báo cáo nào."
                : "interrupted: the comparison is partial; no report was written."
        }
    }
}
