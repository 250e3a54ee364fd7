import Analysis

/// The board report's park map (`ComparisonCharts.map`: sites at their locations, built links
/// as arrows with their first full year's flow) for pages other than the report: the board
/// room draws each setting's map with it.
public enum ParkMap {
    /// The map of `option`'s design as an SVG document, titled `title` (else the option's name).
    public static func svg(_ option: PolicyOption, title: String? = nil, language: ReportLanguage = .en) -> String {
        ComparisonCharts.map(option, title: title, language: language)
    }
}
