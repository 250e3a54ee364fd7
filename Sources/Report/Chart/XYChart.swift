/// A chart of (x, y) series with two linear axes, a title and a legend: line charts, scatter
/// charts, and both at once (a Pareto front is its points joined in order). Rendered by
/// `svg()` as a self-contained, byte-for-byte deterministic SVG document.
///
/// ```swift
/// var chart = XYChart(title: "Front", xAxis: "kt CO2e avoided", yAxis: "NPV, USD millions")
/// chart.series.append(.init(name: "baseline", points: [(155, 19.3), (517, 18.4)], marks: .lineAndMarkers))
/// try OutputFile.write(chart.svg(), to: "front.svg")
/// ```
public struct XYChart: Sendable {
    /// How a series is drawn.
    public enum Marks: Sendable { case line, markers, lineAndMarkers }

    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var marks: Marks
        /// A CSS colour; `nil` takes the next palette colour.
        public var color: String?
        /// Optional text per point, shown as a tooltip on its marker.
        public var tooltips: [String]?

        public init(name: String, points: [(x: Double, y: Double)], marks: Marks = .lineAndMarkers,
                    color: String? = nil, tooltips: [String]? = nil) {
            self.name = name
            self.points = points
            self.marks = marks
            self.color = color
            self.tooltips = tooltips
        }
    }

    /// Okabe & Ito's colour-blind-safe palette.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    public var title: String
    public var subtitle: String?
    public var xAxisLabel: String
    public var yAxisLabel: String
    public var series: [Series] = []
    public var width: Double = 760
    public var height: Double = 500
    /// Stretch the axes to include 0.
    public var includeZero = false
    /// Show the legend (when there is more than one series, or always).
    public var legend: Legend = .whenSeveral

    public enum Legend: Sendable { case never, whenSeveral, always }

    public init(title: String, subtitle: String? = nil, xAxis: String, yAxis: String) {
        self.title = title
        self.subtitle = subtitle
        xAxisLabel = xAxis
        yAxisLabel = yAxis
    }

    /// The axes the data gets (nice bounds around every series' points).
    public var axes: (x: Axis, y: Axis) {
        (Axis(label: xAxisLabel, data: series.flatMap { $0.points.map(\.x) }, includeZero: includeZero),
         Axis(label: yAxisLabel, data: series.flatMap { $0.points.map(\.y) }, includeZero: includeZero))
    }

    public func svg() -> String {
        let (xAxis, yAxis) = axes
        var svg = SVGDocument(width: width, height: height, title: title, summary: subtitle)
        var frame = ChartFrame(x: xAxis, y: yAxis, width: width, height: height)
        frame.top = subtitle == nil ? 48.0 : 66.0
        let (right, top) = (frame.right, frame.top)
        func x(_ value: Double) -> Double { frame.px(value) }
        func y(_ value: Double) -> Double { frame.py(value) }

        svg.text(title, at: (width / 2, 26), anchor: .middle, size: 16, bold: true)
        if let subtitle { svg.text(subtitle, at: (width / 2, 46), anchor: .middle, size: 12, color: "#555") }
        frame.drawGridAndAxes(on: &svg)

        for (index, item) in series.enumerated() {
            let color = item.color ?? Self.palette[index % Self.palette.count]
            svg.beginGroup(role: "series")
            let pixels = item.points.map { (x($0.x), y($0.y)) }
            if item.marks != .markers {
                svg.polyline(pixels, style: SVGStyle(stroke: color, strokeWidth: 2))
            }
            if item.marks != .line {
                for (p, pixel) in pixels.enumerated() {
                    svg.circle(center: pixel, radius: 4, style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: color),
                               tooltip: item.tooltips.flatMap { p < $0.count ? $0[p] : nil })
                }
            }
            svg.endGroup()
        }

        let showLegend = legend == .always || (legend == .whenSeveral && series.count > 1)
        if showLegend {
            svg.beginGroup(role: "legend")
            let rowHeight = 18.0
            let boxWidth = 20 + 7 * Double(series.map(\.name.count).max() ?? 0) + 28
            let boxX = right - boxWidth - 8, boxY = top + 8
            svg.rectangle(x: boxX, y: boxY, width: boxWidth, height: rowHeight * Double(series.count) + 8,
                          style: SVGStyle(stroke: "#cccccc", strokeWidth: 1, fill: "#ffffff", opacity: 0.9))
            for (index, item) in series.enumerated() {
                let color = item.color ?? Self.palette[index % Self.palette.count]
                let rowY = boxY + 4 + rowHeight * Double(index) + rowHeight / 2
                svg.line(from: (boxX + 8, rowY), to: (boxX + 28, rowY), style: SVGStyle(stroke: color, strokeWidth: 2))
                svg.circle(center: (boxX + 18, rowY), radius: 3.5, style: SVGStyle(fill: color))
                svg.text(item.name, at: (boxX + 34, rowY + 4), size: 11)
            }
            svg.endGroup()
        }
        return svg.rendered()
    }
}
