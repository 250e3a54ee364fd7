/// The plot area of a chart with two linear axes: title, grid, ticks and axis labels, and the
/// mapping from data to pixels. Charts draw their marks inside it. The margins grow to fit the
/// tick labels (their widths estimated by `TextExtent`), so that the longest y tick label and
/// the last x tick label are never cut at the picture's edge.
struct ChartFrame {
    let x: Axis
    let y: Axis
    let width: Double
    let height: Double
    var left: Double
    var top = 48.0
    /// Space right of the plot area (a colour scale, the half of the last x tick label).
    var rightMargin: Double
    var bottomMargin = 64.0
    var right: Double { width - rightMargin }
    var bottom: Double { height - bottomMargin }
    /// The plot area in pixels: marks drawn inside it.
    var plotBox: PixelBox { PixelBox(x: left, y: top, width: right - left, height: bottom - top) }

    static let tickSize = 11.0

    init(x: Axis, y: Axis, width: Double = 760, height: Double = 360) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        let widestY = y.ticks.map { TextExtent.width(y.label(for: $0), size: Self.tickSize) }.max() ?? 0
        // Tick labels end 8 px left of the axis; the rotated axis label sits at 22 px.
        left = max(90, widestY + 8 + 36)
        let lastX = x.ticks.last.map { TextExtent.width(x.label(for: $0), size: Self.tickSize) } ?? 0
        rightMargin = max(24, lastX / 2 + 8)
    }

    func px(_ value: Double) -> Double { x.position(of: value, from: left, to: right) }
    func py(_ value: Double) -> Double { y.position(of: value, from: bottom, to: top) }

    /// A document with the title, the grid and both axes drawn.
    func document(title: String, summary: String? = nil) -> SVGDocument {
        var svg = SVGDocument(width: width, height: height, title: title, summary: summary)
        svg.text(title, at: (width / 2, 26), anchor: .middle, size: 15, bold: true)
        drawGridAndAxes(on: &svg)
        return svg
    }

    /// Every `stride`-th x tick is labelled, so that neighbouring labels (estimated widths) keep
    /// 6 px apart: 1 when they fit.
    var xLabelStride: Int {
        guard x.ticks.count > 1 else { return 1 }
        let widest = x.ticks.map { TextExtent.width(x.label(for: $0), size: Self.tickSize) }.max() ?? 0
        let spacing = abs(px(x.ticks[1]) - px(x.ticks[0]))
        return max(1, Int(((widest + 6) / max(1, spacing)).rounded(.up)))
    }

    /// The grid lines at the ticks, both axes with their tick labels, and the axis labels.
    /// `grid: false` leaves the grid out (a heatmap's cells cover the plot area).
    func drawGridAndAxes(on svg: inout SVGDocument, grid: Bool = true) {
        if grid {
            svg.beginGroup(role: "grid")
            for tick in x.ticks { svg.line(from: (px(tick), top), to: (px(tick), bottom), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1)) }
            for tick in y.ticks { svg.line(from: (left, py(tick)), to: (right, py(tick)), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1)) }
            svg.endGroup()
        }
        svg.beginGroup(role: "axes")
        svg.line(from: (left, bottom), to: (right, bottom), style: SVGStyle(stroke: "#333", strokeWidth: 1))
        svg.line(from: (left, top), to: (left, bottom), style: SVGStyle(stroke: "#333", strokeWidth: 1))
        let stride = xLabelStride
        for (i, tick) in x.ticks.enumerated() {
            svg.line(from: (px(tick), bottom), to: (px(tick), bottom + 5), style: SVGStyle(stroke: "#333", strokeWidth: 1))
            if i % stride == 0 {
                svg.text(x.label(for: tick), at: (px(tick), bottom + 19), anchor: .middle, size: Self.tickSize)
            }
        }
        for tick in y.ticks {
            svg.line(from: (left - 5, py(tick)), to: (left, py(tick)), style: SVGStyle(stroke: "#333", strokeWidth: 1))
            svg.text(y.label(for: tick), at: (left - 8, py(tick) + 4), anchor: .end, size: Self.tickSize)
        }
        svg.text(x.label, at: ((left + right) / 2, height - 22), anchor: .middle, size: 13)
        svg.text(y.label, at: (22, (top + bottom) / 2), anchor: .middle, size: 13, rotation: -90)
        svg.endGroup()
    }
}
