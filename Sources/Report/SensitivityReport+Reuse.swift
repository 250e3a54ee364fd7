import Analysis

extension SensitivityReport {
    /// One line on standard error: how many evaluations were solved, and how many reused work.
    public static func reuseNote(_ reuse: SensitivityAnalysis.ReuseCounts, language: ReportLanguage) -> String {
        switch language {
        case .vi:
            return "ghi chú: \(reuse.solved) lần giải MIP (\(reuse.warmStarted) lần bắt đầu từ lời giải cơ sở); "
                + "\(reuse.answeredBySolveBefore) lần đánh giá dùng lại lời giải của cùng một mô hình, không giải lại"
        default:
            return "note: \(reuse.solved) MIPs solved (\(reuse.warmStarted) started from the base solve); "
                + "\(reuse.answeredBySolveBefore) evaluations took the answer of the same model solved before, without a solve"
        }
    }
}
