import Analysis
import Scenario
import Foundation
import Formulation
import Sampling

/// The charts of the board report: the park map, the NPV histogram and CDF with P10/P50/P90,
/// and the fan chart of yearly cash flow. Deterministic to the byte (`SVGDocument`).
enum ComparisonCharts {
    static let blue = "#0072B2", orange = "#D55E00", green = "#009E73", grey = "#777777"

    /// Companies and facilities at their locations; built links as arrows labelled with their
    /// first full year's flow. A two-way pair of links is drawn as two parallel arrows, each
    /// labelled on its own side; names and flow labels are placed where they overlap neither
    /// each other nor a site (`LabelLayout`); a flow label with no free place is left to the
    /// table below the map.
    static func map(_ option: PolicyOption, title: String? = nil, language l: ReportLanguage) -> String {
        let scenario = option.scenario
        var points: [String: (Double, Double)] = [:]
        for company in scenario.companies { points[company.id] = (company.location.x, company.location.y) }
        for facility in scenario.facilities { points[facility.id] = (facility.location.x, facility.location.y) }
        // A margin around the sites, so that labels stay inside the picture.
        let xs = points.values.map(\.0), ys = points.values.map(\.1)
        let padX = 0.1 * max(1, (xs.max() ?? 0) - (xs.min() ?? 0)), padY = 0.06 * max(1, (ys.max() ?? 0) - (ys.min() ?? 0))
        let xRange = [(xs.min() ?? 0) - padX, (xs.max() ?? 1) + padX], yRange = [(ys.min() ?? 0) - padY, (ys.max() ?? 1) + padY]
        let frame = ChartFrame(x: Axis(label: "km", data: xRange, style: l.style), y: Axis(label: "km", data: yRange, style: l.style), width: 900, height: 640)
        var svg = frame.document(title: "\(scenario.name) — \(title ?? option.name)")
        if scenario.isGeographic { scaleBar(in: &svg, frame: frame, xRange: xRange, yRange: yRange) }
        guard let design = option.design else { return svg.rendered() }
        let built = design.exchanges.filter(\.built).sorted { $0.id < $1.id }
        let active = Set(built.flatMap { [$0.from, $0.to] })
        let pairs = Set(built.map { "\($0.from)>\($0.to)" })
        var layout = LabelLayout(bounds: frame.plotBox)
        for p in points.values { layout.reserve(PixelBox(x: frame.px(p.0) - 7, y: frame.py(p.1) - 7, width: 14, height: 14)) }
        // Names first: every site keeps its name next to it.
        let nameSize = 12.0, flowSize = 11.0
        var names: [(String, LabelLayout.Candidate, Bool)] = []
        for (id, p) in points.sorted(by: { $0.key < $1.key }) {
            let (x, y) = (frame.px(p.0), frame.py(p.1))
            let name = l.company(id, in: scenario)
            let chosen = layout.place(name, size: nameSize, candidates: [
                .init(position: (x + 10, y + 14), anchor: .start), .init(position: (x + 10, y - 6), anchor: .start),
                .init(position: (x - 10, y + 14), anchor: .end), .init(position: (x - 10, y - 6), anchor: .end),
                .init(position: (x, y + 22), anchor: .middle), .init(position: (x, y - 12), anchor: .middle),
                .init(position: (x + 10, y + 28), anchor: .start), .init(position: (x - 10, y + 28), anchor: .end),
                .init(position: (x + 10, y - 20), anchor: .start), .init(position: (x - 10, y - 20), anchor: .end),
            ])
            names.append((name, chosen, active.contains(id)))
        }
        svg.beginGroup(role: "links")
        var flowLabels: [(String, LabelLayout.Candidate)] = []
        for e in built {
            guard let a = points[e.from], let b = points[e.to] else { continue }
            var (x1, y1, x2, y2) = (frame.px(a.0), frame.py(a.1), frame.px(b.0), frame.py(b.1))
            let length = max(1e-9, ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot())
            let (ux, uy) = ((x2 - x1) / length, (y2 - y1) / length)
            // The normal to the left of the direction of flow (y down): a two-way pair's arrows
            // run 4 px apart, each on its own left.
            let (nx, ny) = (uy, -ux)
            if pairs.contains("\(e.to)>\(e.from)") {
                (x1, y1, x2, y2) = (x1 + nx * 4, y1 + ny * 4, x2 + nx * 4, y2 + ny * 4)
            }
            // Stop short of the node; an arrow head of two strokes.
            let end = (x2 - ux * 9, y2 - uy * 9)
            svg.line(from: (x1 + ux * 7, y1 + uy * 7), to: end, style: SVGStyle(stroke: green, strokeWidth: 2))
            let head1 = (end.0 - ux * 9 - uy * 5, end.1 - uy * 9 + ux * 5), head2 = (end.0 - ux * 9 + uy * 5, end.1 - uy * 9 - ux * 5)
            svg.polygon([end, head1, head2], style: SVGStyle(fill: green))
            let first = e.flows.first { $0 > 0 } ?? 0
            let unit = l.unit(scenario.resource(e.resource)?.unit ?? "")
            let name = l == .vi ? l.resource(e.resource, in: scenario) : e.resource.replacingOccurrences(of: "_", with: " ")
            let text = "\(name) \(l.grouped(first)) \(unit)/\(l == .vi ? "năm" : "yr")"
            // Along the link on its left side (where its twin's label is not), nearer the middle first.
            let width = TextExtent.width(text, size: flowSize)
            var candidates: [LabelLayout.Candidate] = []
            for t in [0.5, 0.35, 0.65, 0.25, 0.75] {
                let (mx, my) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
                for gap in [4.0, 16.0] {
                    // The label's box `gap` px off the line on its left: its centre that far plus
                    // half the box's extent along the normal; the baseline 3.5 px below the centre.
                    let d = gap + abs(nx) * width / 2 + abs(ny) * flowSize / 2
                    candidates.append(.init(position: (mx + nx * d, my + ny * d + 3.5), anchor: .middle))
                }
            }
            if let chosen = layout.placeIfFree(text, size: flowSize, candidates: candidates) { flowLabels.append((text, chosen)) }
        }
        svg.endGroup()
        svg.beginGroup(role: "nodes")
        let facilities = Set(scenario.facilities.map(\.id))
        for (id, p) in points.sorted(by: { $0.key < $1.key }) {
            let on = active.contains(id)
            let center = (frame.px(p.0), frame.py(p.1))
            if facilities.contains(id) {
                svg.rectangle(x: center.0 - 6, y: center.1 - 6, width: 12, height: 12,
                              style: SVGStyle(stroke: "#333", strokeWidth: 1, fill: on ? orange : "#ffffff"))
            } else {
                svg.circle(center: center, radius: 6, style: SVGStyle(stroke: "#333", strokeWidth: 1, fill: on ? blue : "#ffffff"), tooltip: l.company(id, in: scenario))
            }
        }
        svg.endGroup()
        svg.beginGroup(role: "labels")
        for (text, c) in flowLabels { svg.text(text, at: c.position, anchor: c.anchor, size: flowSize, color: "#1b5e20") }
        for (name, c, on) in names { svg.text(name, at: c.position, anchor: c.anchor, size: nameSize, color: on ? "#222" : "#777") }
        svg.endGroup()
        return svg.rendered()
    }

    /// A scale bar in the lower left corner of a map whose sites were given in lat/lon (drawn in
    /// the local equirectangular projection, km east and north of the sites' centroid): the
    /// longest of 1-2-5 × 10^k km that fits in a quarter of the width.
    static func scaleBar(in svg: inout SVGDocument, frame: ChartFrame, xRange: [Double], yRange: [Double]) {
        let width = xRange[1] - xRange[0]
        guard width > 0 else { return }
        var length = pow(10, floor(log10(width / 4)))
        for step in [5.0, 2.0] where length * step <= width / 4 { length *= step; break }
        let x0 = xRange[0] + 0.03 * width, y0 = yRange[0] + 0.03 * (yRange[1] - yRange[0])
        let (a, b) = ((frame.px(x0), frame.py(y0)), (frame.px(x0 + length), frame.py(y0)))
        let style = SVGStyle(stroke: "#222", strokeWidth: 2)
        svg.beginGroup(role: "scale-bar")
        svg.line(from: a, to: b, style: style)
        svg.line(from: (a.0, a.1 - 4), to: (a.0, a.1 + 4), style: style)
        svg.line(from: (b.0, b.1 - 4), to: (b.0, b.1 + 4), style: style)
        let label = length >= 1 ? "\(Int(length)) km" : "\(Int((length * 1000).rounded())) m"
        svg.text(label, at: ((a.0 + b.0) / 2, a.1 - 6), anchor: .middle, size: 9, color: "#222")
        svg.endGroup()
    }

    /// NPV histogram from the sketch's buckets, grouped into about 30 equal-width bins, with
    /// P10/P50/P90 as dashed lines.
    static func histogram(_ risk: SimulationResult, language l: ReportLanguage) -> String {
        let sketch = risk.tally.npv.sketch
        let summary = risk.tally.npv.summary
        let scale = moneyScale(summary), divisor = scale.rawValue
        let low = (summary?.minimum ?? 0) / divisor, high = (summary?.maximum ?? 1) / divisor
        let bins = 30
        let width = max(1e-9, (high - low) / Double(bins))
        var counts = [Double](repeating: 0, count: bins)
        for bucket in sketch.buckets {
            let value = bucket.representative / divisor
            let index = min(bins - 1, max(0, Int((value - low) / width)))
            counts[index] += Double(bucket.count)
        }
        let total = max(1, Double(sketch.count))
        let shares = counts.map { $0 / total }
        var frame = ChartFrame(x: Axis(label: moneyLabel(l(.npvAxis), scale, risk, l), data: [low, high], style: l.style),
                               y: Axis(label: l(.probabilityAxis), data: shares, includeZero: true, style: l.style))
        frame.top = quantileTop
        var svg = frame.document(title: l(.histogramCaption).components(separatedBy: ",").first ?? "")
        svg.beginGroup(role: "bars")
        for (i, share) in shares.enumerated() where share > 0 {
            let x0 = frame.px(low + Double(i) * width), x1 = frame.px(low + Double(i + 1) * width)
            svg.rectangle(x: x0, y: frame.py(share), width: max(0.5, x1 - x0 - 1), height: frame.py(0) - frame.py(share),
                          style: SVGStyle(fill: blue, opacity: 0.8))
        }
        svg.endGroup()
        if let summary { markQuantiles(&svg, frame, summary, divisor: divisor) }
        return svg.rendered()
    }

    /// The empirical CDF of the NPV (from the sketch's buckets).
    static func cdf(_ risk: SimulationResult, language l: ReportLanguage) -> String {
        let sketch = risk.tally.npv.sketch
        let scale = moneyScale(risk.tally.npv.summary), divisor = scale.rawValue
        var running = 0.0
        let total = max(1, Double(sketch.count))
        var points: [(Double, Double)] = []
        for bucket in sketch.buckets {
            running += Double(bucket.count)
            points.append((bucket.representative / divisor, running / total))
        }
        var frame = ChartFrame(x: Axis(label: moneyLabel(l(.npvAxis), scale, risk, l), data: points.map(\.0), style: l.style),
                               y: Axis(label: l(.probabilityAxis), data: [0, 1], style: l.style))
        frame.top = quantileTop
        var svg = frame.document(title: l(.cdfCaption).components(separatedBy: ":").first ?? "")
        var steps: [(Double, Double)] = []
        var previous = 0.0
        for (x, y) in points {
            steps.append((frame.px(x), frame.py(previous)))
            steps.append((frame.px(x), frame.py(y)))
            previous = y
        }
        svg.polyline(steps, style: SVGStyle(stroke: blue, strokeWidth: 2))
        if let summary = risk.tally.npv.summary { markQuantiles(&svg, frame, summary, divisor: divisor) }
        return svg.rendered()
    }

    /// The scale an NPV chart counts money in: from the largest NPV drawn (million USD, tỷ đồng).
    static func moneyScale(_ summary: DistributionSummary?) -> NumberStyle.MoneyScale {
        NumberStyle.MoneyScale(magnitude: max(abs(summary?.minimum ?? 0), abs(summary?.maximum ?? 0)))
    }

    /// A money axis' label with its unit: "Park NPV (million USD)", "NPV toàn khu (tỷ đồng)".
    static func moneyLabel(_ label: String, _ scale: NumberStyle.MoneyScale, _ risk: SimulationResult, _ l: ReportLanguage) -> String {
        "\(label) (\(l.style.moneyUnit(scale, currency: risk.header.currency)))"
    }

    /// The top of a plot whose quantile labels stand above it (two rows between the title and the plot).
    static let quantileTop = 70.0

    /// P10, P50 and P90 as dashed lines, labelled above the plot area (never on a bar), a label
    /// moved up a row or aside where it would meet its neighbour.
    static func markQuantiles(_ svg: inout SVGDocument, _ frame: ChartFrame, _ s: DistributionSummary, divisor: Double) {
        svg.beginGroup(role: "quantiles")
        var layout = LabelLayout(bounds: PixelBox(x: 0, y: 34, width: frame.width, height: frame.top - 34))
        for (label, value) in [("P10", s.p10), ("P50", s.p50), ("P90", s.p90)] {
            let x = frame.px(value / divisor)
            svg.line(from: (x, frame.top), to: (x, frame.bottom), style: SVGStyle(stroke: orange, strokeWidth: 1.5, dash: [5, 4]))
            let chosen = layout.place(label, size: 11, candidates: [
                .init(position: (x, frame.top - 6), anchor: .middle), .init(position: (x, frame.top - 20), anchor: .middle),
                .init(position: (x + 3, frame.top - 20), anchor: .start), .init(position: (x - 3, frame.top - 20), anchor: .end),
            ])
            svg.text(label, at: chosen.position, anchor: chosen.anchor, size: 11, color: orange)
        }
        svg.endGroup()
    }

    /// Median line and 5–95 % / 10–90 % bands of the yearly park cash flow.
    static func fan(_ risk: SimulationResult, language l: ReportLanguage) -> String {
        let years = risk.tally.cashFlow.indices.map { Double(risk.header.startYear + $0) }
        let stats = risk.tally.cashFlow.map(\.summary)
        let scale = NumberStyle.MoneyScale(magnitude: stats.compactMap { $0 }.map { max(abs($0.p5), abs($0.p95)) }.max() ?? 0)
        let divisor = scale.rawValue
        var values = stats.compactMap { $0 }.flatMap { [$0.p5 / divisor, $0.p95 / divisor] }
        // 10 % headroom above the highest band and below the lowest: the bands never touch the frame.
        if let high = values.max(), let low = values.min() {
            let pad = 0.1 * max(high - low, 1e-9)
            values += [high + pad, low < 0 ? low - pad : low]
        }
        let frame = ChartFrame(x: Axis(label: l(.yearAxis), data: years, style: l.style, years: true),
                               y: Axis(label: moneyLabel(l(.cashFlowAxis), scale, risk, l), data: values, includeZero: true, style: l.style))
        var svg = frame.document(title: l(.fanCaption).components(separatedBy: ":").first ?? "")
        func band(_ low: (DistributionSummary) -> Double, _ high: (DistributionSummary) -> Double, opacity: Double) {
            var upper: [(Double, Double)] = [], lower: [(Double, Double)] = []
            for (t, s) in stats.enumerated() {
                guard let s else { continue }
                upper.append((frame.px(years[t]), frame.py(high(s) / divisor)))
                lower.append((frame.px(years[t]), frame.py(low(s) / divisor)))
            }
            svg.polygon(upper + lower.reversed(), style: SVGStyle(fill: blue, opacity: opacity))
        }
        svg.beginGroup(role: "bands")
        band({ $0.p5 }, { $0.p95 }, opacity: 0.18)
        band({ $0.p10 }, { $0.p90 }, opacity: 0.3)
        svg.endGroup()
        let median = stats.enumerated().compactMap { t, s in s.map { (frame.px(years[t]), frame.py($0.p50 / divisor)) } }
        svg.polyline(median, style: SVGStyle(stroke: blue, strokeWidth: 2))
        svg.line(from: (frame.left, frame.py(0)), to: (frame.right, frame.py(0)), style: SVGStyle(stroke: grey, strokeWidth: 1))
        return svg.rendered()
    }
}
