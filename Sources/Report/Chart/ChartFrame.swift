/// The plot area of a chart with two linear axes: title, grid, ticks and axis labels, and the
/// mapping from data to pixels. Charts draw their marks inside it.
struct ChartFrame {
    let x: Axis
    let y: Axis
    let width: Double
    let height: Double
    var left = 90.0
    var top = 48.0
    var right: Double { width - 24 }
    var bottom: Double { height - 64 }

    init(x: Axis, y: Axis, width: Double = 760, height: Double = 360) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
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

    /// The grid lines at the ticks, both axes with their tick labels, and the axis labels.
    func drawGridAndAxes(on svg: inout SVGDocument) {
        svg.beginGroup(role: "grid")
        for tick in x.ticks { svg.line(from: (px(tick), top), to: (px(tick), bottom), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1)) }
        for tick in y.ticks { svg.line(from: (left, py(tick)), to: (right, py(tick)), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1)) }
        svg.endGroup()
        svg.beginGroup(role: "axes")
        svg.line(from: (left, bottom), to: (right, bottom), style: SVGStyle(stroke: "#333", strokeWidth: 1))
        svg.line(from: (left, top), to: (left, bottom), style: SVGStyle(stroke: "#333", strokeWidth: 1))
        for tick in x.ticks {
            svg.line(from: (px(tick), bottom), to: (px(tick), bottom + 5), style: SVGStyle(stroke: "#333", strokeWidth: 1))
            svg.text(x.label(for: tick), at: (px(tick), bottom + 19), anchor: .middle, size: 11)
        }
        for tick in y.ticks {
            svg.line(from: (left - 5, py(tick)), to: (left, py(tick)), style: SVGStyle(stroke: "#333", strokeWidth: 1))
            svg.text(y.label(for: tick), at: (left - 8, py(tick) + 4), anchor: .end, size: 11)
        }
        svg.text(x.label, at: ((left + right) / 2, height - 22), anchor: .middle, size: 13)
        svg.text(y.label, at: (22, (top + bottom) / 2), anchor: .middle, size: 13, rotation: -90)
        svg.endGroup()
    }
}
