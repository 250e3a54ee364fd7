import Analysis
import Foundation
import Sampling
import Scenario

/// The charts of a sensitivity study: tornado, sweep (a line with its break-even marked, or a
/// heatmap with a colour scale), Morris μ*–σ and Sobol indices with their intervals. Every
/// parameter is named in words with its unit (`SettingDescription`), money in the scenario's
/// currency scaled to the reader (million USD, tỷ đồng), numbers written as the language writes
/// them.
extension SensitivityReport {
    static let lowColor = "#56B4E9", highColor = "#D55E00", blue = "#0072B2", orange = "#D55E00"

    /// The scale and unit of park NPVs: "million USD".
    static func npvScale(_ values: [Double], currency: String, _ l: ReportLanguage) -> (divisor: Double, unit: String) {
        let scale = NumberStyle.MoneyScale(magnitude: values.filter(\.isFinite).map(abs).max() ?? 0)
        return (scale.rawValue, l.style.moneyUnit(scale, currency: currency))
    }

    /// A parameter's axis: its description with its unit, money scaled by the largest level.
    static func parameterAxis(_ p: SensitivityParameter, levels: [Double], scenario: Scenario,
                              _ l: ReportLanguage) -> (label: String, divisor: Double) {
        let d = SettingDescription(p.keyPath, in: scenario, language: l)
        guard d.isMoney else { return (d.label, 1) }
        let scale = NumberStyle.MoneyScale(magnitude: levels.map(abs).max() ?? 0)
        return ("\(d.text) (\(l.style.moneyUnit(scale, currency: scenario.currency)))", scale.rawValue)
    }

    /// A parameter level with its unit, for labels: "1.2 million USD", "55 USD/t", "0.08".
    static func levelText(_ value: Double, _ p: SensitivityParameter, scenario: Scenario, _ l: ReportLanguage) -> String {
        let d = SettingDescription(p.keyPath, in: scenario, language: l)
        if d.isMoney { return l.style.money(value, currency: scenario.currency) }
        return d.unit.isEmpty ? plain(value, l) : plain(value, l) + " " + d.unit
    }

    /// A parameter's range with its unit once: "30 – 70 USD/t", "0.5 – 2.0 million USD".
    static func rangeText(_ p: SensitivityParameter, scenario: Scenario, _ l: ReportLanguage) -> String {
        let d = SettingDescription(p.keyPath, in: scenario, language: l)
        if d.isMoney {
            let scale = NumberStyle.MoneyScale(magnitude: max(abs(p.low), abs(p.high)))
            let low = l.style.money(p.low, in: scale, currency: scenario.currency), high = l.style.money(p.high, in: scale, currency: scenario.currency)
            return "\(low) – \(high) \(l.style.moneyUnit(scale, currency: scenario.currency))"
        }
        let range = "\(plain(p.low, l)) – \(plain(p.high, l))"
        return d.unit.isEmpty ? range : range + " " + d.unit
    }

    /// A number as given when whole (`30`), else with four significant digits, trailing zeros
    /// dropped (`51.96`, `0.085`), as the text table writes levels.
    static func plain(_ value: Double, _ l: ReportLanguage) -> String {
        let size = abs(value)
        if value == value.rounded() || size >= 1000 { return l.style.number(value) }
        let decimals = min(6, max(0, 3 - Int(floor(log10(size)))))
        var text = l.style.number(value, decimals: decimals)
        let mark: Character = l == .vi ? "," : "."
        if text.contains(mark) {
            while text.last == "0" { text.removeLast() }
            if text.last == mark { text.removeLast() }
        }
        return text
    }

    // MARK: Tornado

    /// Bars of park NPV with each parameter at its low and high value, labelled in words with the
    /// range in units; `*` marks a design switch.
    public static func tornadoChart(_ base: ParkEvaluation, _ bars: [TornadoBar], scenario: Scenario,
                                    language l: ReportLanguage = .en) -> String {
        let all = bars.flatMap { [$0.low.npv, $0.high.npv] } + [base.npv]
        let (divisor, unit) = npvScale(all, currency: scenario.currency, l)
        let x = Axis(label: "\(l == .vi ? "NPV toàn khu" : "Park NPV") (\(unit))", data: all.filter(\.isFinite).map { $0 / divisor }, style: l.style)
        let labels = bars.map { bar in
            SettingDescription(bar.parameter.keyPath, in: scenario, language: l).text
                + " (\(rangeText(bar.parameter, scenario: scenario, l)))"
                + (bar.switchesDesign ? " *" : "")
        }
        let row = 34.0, top = 58.0
        let height = top + row * Double(max(1, bars.count)) + 62
        var frame = ChartFrame(x: x, y: Axis(label: "", data: [0, 1]), width: 900, height: height)
        frame.left = min(560, max(160, (labels.map { TextExtent.width($0, size: 11) }.max() ?? 0) + 16))
        frame.top = top
        let title = l == .vi ? "Biểu đồ lốc xoáy: NPV toàn khu khi mỗi tham số ở mức thấp và cao" : "Tornado: park NPV, each parameter at its low and high value"
        var svg = SVGDocument(width: frame.width, height: height, title: title)
        svg.text(title, at: (frame.width / 2, 24), anchor: .middle, size: 15, bold: true)
        let bottom = top + row * Double(bars.count)
        let baseX = frame.px(base.npv / divisor)
        svg.beginGroup(role: "grid")
        for (i, tick) in x.ticks.enumerated() {
            svg.line(from: (frame.px(tick), top), to: (frame.px(tick), bottom), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1))
            if i % frame.xLabelStride == 0 {
                svg.text(x.label(for: tick), at: (frame.px(tick), bottom + 16), anchor: .middle, size: 11)
            }
        }
        svg.text(x.label, at: ((frame.left + frame.right) / 2, bottom + 40), anchor: .middle, size: 12)
        svg.endGroup()
        svg.beginGroup(role: "bars")
        for (i, bar) in bars.enumerated() {
            let y = top + row * Double(i) + 6
            for (value, color) in [(bar.low.npv, lowColor), (bar.high.npv, highColor)] where value.isFinite {
                let end = frame.px(value / divisor)
                svg.rectangle(x: min(baseX, end), y: y, width: max(1, abs(end - baseX)), height: row - 12, style: SVGStyle(fill: color))
            }
            svg.text(labels[i], at: (frame.left - 8, y + row / 2 - 2), anchor: .end, size: 11)
        }
        svg.line(from: (baseX, top - 4), to: (baseX, bottom), style: SVGStyle(stroke: "#222", strokeWidth: 1.5))
        svg.endGroup()
        let (low, high) = l == .vi ? ("mức thấp", "mức cao") : ("low", "high")
        svg.beginGroup(role: "legend")
        svg.rectangle(x: frame.right - 150, y: 38, width: 10, height: 10, style: SVGStyle(fill: lowColor))
        svg.text(low, at: (frame.right - 136, 47), size: 11)
        svg.rectangle(x: frame.right - 70, y: 38, width: 10, height: 10, style: SVGStyle(fill: highColor))
        svg.text(high, at: (frame.right - 56, 47), size: 11)
        svg.endGroup()
        return svg.rendered()
    }

    // MARK: Sweep

    /// Park NPV over a sweep: a line over one parameter with the break-even level marked (as a
    /// budget limit when the link stops at its payer's budget), or a heatmap over two with a
    /// colour scale in the currency's unit.
    public static func sweepChart(_ parameters: [SensitivityParameter], levels: [[Double]], results: [ParkEvaluation],
                                  breakEven: BreakEven? = nil, scenario: Scenario, language l: ReportLanguage = .en) -> String {
        let (divisor, unit) = npvScale(results.map(\.npv), currency: scenario.currency, l)
        let npvLabel = "\(l == .vi ? "NPV toàn khu" : "Park NPV") (\(unit))"
        if parameters.count == 1 {
            return sweepLine(parameters[0], levels: levels.map { $0[0] }, npv: results.map(\.npv), divisor: divisor, npvLabel: npvLabel,
                             breakEven: breakEven, scenario: scenario, l)
        }
        return heatmap(parameters, levels: levels, npv: results.map { $0.npv / divisor }, unit: unit, scenario: scenario, l)
    }

    static func sweepLine(_ p: SensitivityParameter, levels: [Double], npv: [Double], divisor: Double, npvLabel: String, breakEven: BreakEven?,
                          scenario: Scenario, _ l: ReportLanguage) -> String {
        let (label, xDivisor) = parameterAxis(p, levels: levels + [p.low, p.high], scenario: scenario, l)
        var line = zip(levels, npv).map { (x: $0, y: $1) }
        // The break-even's two evaluations (just below and just above its level) join the line,
        // so that the jump is drawn where it happens rather than between two grid levels.
        if let b = breakEven, let level = b.level, let below = b.below, let above = b.above {
            let lowX = above.built.contains(b.exchange) ? level - b.tolerance : level  // built from the level up, or up to it
            line += [(lowX, below.npv), (lowX + b.tolerance, above.npv)]
            line.sort { $0.x < $1.x }
        }
        let xs = levels.map { $0 / xDivisor }, ys = npv.map { $0 / divisor }
        let finite = line.map { $0.y / divisor }.filter(\.isFinite)
        // 8 % headroom above the highest point, for the break-even's label.
        let top = (finite.max() ?? 1), bottom = finite.min() ?? 0
        let headroom = 0.08 * max(1e-9, top - bottom)
        var frame = ChartFrame(x: Axis(label: label, data: xs, style: l.style),
                               y: Axis(label: npvLabel, data: finite + [top + headroom], style: l.style), width: 760, height: 400)
        frame.top = 56
        let title = (l == .vi ? "NPV toàn khu theo " : "Park NPV over ") + SettingDescription(p.keyPath, in: scenario, language: l).text.lowercasedFirst(l)
        var svg = frame.document(title: title)
        svg.beginGroup(role: "series")
        svg.polyline(line.filter { $0.y.isFinite }.map { (frame.px($0.x / xDivisor), frame.py($0.y / divisor)) }, style: SVGStyle(stroke: blue, strokeWidth: 2))
        for (x, y) in zip(xs, ys) where y.isFinite {
            svg.circle(center: (frame.px(x), frame.py(y)), radius: 3, style: SVGStyle(fill: blue))
        }
        svg.endGroup()
        if let breakEven, let level = breakEven.level {
            let x = frame.px(level / xDivisor)
            let isBudget = breakEven.isBudgetLimit
            let color = isBudget ? "#8a5a00" : orange
            svg.beginGroup(role: "break-even")
            svg.line(from: (x, frame.top), to: (x, frame.bottom), style: SVGStyle(stroke: color, strokeWidth: 1.5, dash: [5, 4]))
            let name = isBudget ? (l == .vi ? "giới hạn ngân sách" : "budget limit") : (l == .vi ? "điểm hòa vốn" : "break-even")
            let text = "\(name) \(breakEven.exchange): \(levelText(level, p, scenario: scenario, l))"
            // Right of the line when it fits, else left of it.
            let fitsRight = x + 4 + TextExtent.width(text, size: 11) <= frame.right
            svg.text(text, at: (fitsRight ? x + 4 : x - 4, frame.top + 12), anchor: fitsRight ? .start : .end, size: 11, color: color)
            svg.endGroup()
        }
        return svg.rendered()
    }

    /// Cells from each level to halfway to its neighbours, inside the plot area; a value in each
    /// cell when it fits; a colour scale right of the plot with ticks in `unit`.
    static func heatmap(_ parameters: [SensitivityParameter], levels: [[Double]], npv: [Double], unit: String,
                        scenario: Scenario, _ l: ReportLanguage) -> String {
        let (xLabel, xDivisor) = parameterAxis(parameters[0], levels: levels.map { $0[0] }, scenario: scenario, l)
        let (yLabel, yDivisor) = parameterAxis(parameters[1], levels: levels.map { $0[1] }, scenario: scenario, l)
        let xs = Array(Set(levels.map { $0[0] / xDivisor })).sorted(), ys = Array(Set(levels.map { $0[1] / yDivisor })).sorted()
        let xEdges = cellEdges(xs), yEdges = cellEdges(ys)
        var frame = ChartFrame(x: levelAxis(xLabel, xs, xEdges, l), y: levelAxis(yLabel, ys, yEdges, l), width: 820, height: 540)
        frame.rightMargin = 130
        let finite = npv.filter(\.isFinite)
        let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        func share(_ value: Double) -> Double { high > low ? (value - low) / (high - low) : 0.5 }
        func color(_ value: Double) -> String { viridis(share(value)) }
        var svg = SVGDocument(width: frame.width, height: frame.height, title: "Park NPV (\(unit))")
        let title = (l == .vi ? "NPV toàn khu (" : "Park NPV (") + unit + ")"
        svg.text(title, at: (frame.width / 2, 26), anchor: .middle, size: 15, bold: true)
        svg.beginGroup(role: "cells")
        for (level, value) in zip(levels, npv) {
            guard let i = xs.firstIndex(of: level[0] / xDivisor), let j = ys.firstIndex(of: level[1] / yDivisor) else { continue }
            let x0 = frame.px(xEdges[i]), x1 = frame.px(xEdges[i + 1]), y0 = frame.py(yEdges[j + 1]), y1 = frame.py(yEdges[j])
            svg.rectangle(x: x0, y: y0, width: x1 - x0, height: y1 - y0,
                          style: SVGStyle(stroke: "#ffffff", strokeWidth: 0.5, fill: value.isFinite ? color(value) : "#d9d9d9"))
            let text = value.isFinite ? l.style.amount(value) : "–"
            if TextExtent.width(text, size: 9) <= x1 - x0 - 4 && y1 - y0 >= 12 {
                let dark = value.isFinite && share(value) < 0.55
                svg.text(text, at: ((x0 + x1) / 2, (y0 + y1) / 2 + 3), anchor: .middle, size: 9, color: dark ? "#ffffff" : "#222")
            }
        }
        svg.endGroup()
        // The axes over the cells, so that the cells never hide them.
        frame.drawGridAndAxes(on: &svg, grid: false)
        // The colour scale: 40 steps from the lowest NPV to the highest, with ticks.
        svg.beginGroup(role: "colour-scale")
        let scaleX = frame.right + 24, scaleTop = frame.top, scaleBottom = frame.bottom
        let scaleAxis = Axis(label: unit, data: [low, high], style: l.style)
        let steps = 40
        for k in 0..<steps {
            let v0 = low + (high - low) * Double(k) / Double(steps), v1 = low + (high - low) * Double(k + 1) / Double(steps)
            let y0 = scaleBottom - (scaleBottom - scaleTop) * Double(k + 1) / Double(steps)
            svg.rectangle(x: scaleX, y: y0, width: 16, height: (scaleBottom - scaleTop) / Double(steps) + 0.3, style: SVGStyle(fill: color((v0 + v1) / 2)))
        }
        svg.rectangle(x: scaleX, y: scaleTop, width: 16, height: scaleBottom - scaleTop, style: SVGStyle(stroke: "#333", strokeWidth: 0.5))
        for tick in scaleAxis.ticks where tick >= low - 1e-9 && tick <= high + 1e-9 {
            let y = high > low ? scaleBottom - (tick - low) / (high - low) * (scaleBottom - scaleTop) : (scaleTop + scaleBottom) / 2
            svg.line(from: (scaleX + 16, y), to: (scaleX + 20, y), style: SVGStyle(stroke: "#333", strokeWidth: 1))
            svg.text(scaleAxis.label(for: tick), at: (scaleX + 23, y + 4), size: 10)
        }
        svg.text(unit, at: (scaleX + 8, scaleTop - 8), anchor: .middle, size: 11)
        svg.endGroup()
        return svg.rendered()
    }

    /// An axis over the cells' edges with a tick at each level (every k-th when there are more
    /// than 11), written with the decimals the levels need.
    static func levelAxis(_ label: String, _ levels: [Double], _ edges: [Double], _ l: ReportLanguage) -> Axis {
        var axis = Axis(label: label, data: levels, style: l.style)
        axis.lower = edges.first ?? axis.lower
        axis.upper = edges.last ?? axis.upper
        let every = max(1, Int((Double(levels.count) / 11).rounded(.up)))
        axis.ticks = levels.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        axis.decimals = levels.map { v -> Int in
            (0...3).first { d in abs(v * pow(10, Double(d)) - (v * pow(10, Double(d))).rounded()) < 1e-6 } ?? 3
        }.max() ?? 0
        return axis
    }

    /// The viridis colour map (van der Walt and Smith, matplotlib 2.0, 2015) at `share` in [0, 1],
    /// linear between nine of its stops: dark purple for the lowest value, yellow for the highest;
    /// perceptually uniform, readable by colour-blind readers and in grey.
    static func viridis(_ share: Double) -> String {
        let stops: [(Double, Double, Double)] = [(68, 1, 84), (71, 45, 123), (59, 82, 139), (44, 114, 142), (33, 145, 140),
                                                  (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37)]
        let t = min(1, max(0, share.isFinite ? share : 0.5)) * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(t)), f = t - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// The edges of the cells around sorted levels: halfway between neighbours, and half a step
    /// beyond the first and last (one level: ±0.5 % of it, at least ±0.5).
    static func cellEdges(_ levels: [Double]) -> [Double] {
        guard levels.count > 1 else {
            let v = levels.first ?? 0, half = max(0.5, abs(v) * 0.005)
            return [v - half, v + half]
        }
        let middles = zip(levels, levels.dropFirst()).map { ($0 + $1) / 2 }
        return [levels[0] - (levels[1] - levels[0]) / 2] + middles + [levels[levels.count - 1] + (levels[levels.count - 1] - levels[levels.count - 2]) / 2]
    }

    // MARK: Morris and Sobol

    /// Morris screening of park NPV: μ* (mean absolute elementary effect) against σ (their spread),
    /// each parameter a labelled point; the line σ = μ* parts effects that are mostly linear
    /// (below) from those that interact or bend (above), after Morris (1991) and Campolongo,
    /// Cariboni and Saltelli (2007).
    public static func morrisChart(_ parameters: [SensitivityParameter], _ npv: MorrisScreening, scenario: Scenario,
                                   language l: ReportLanguage = .en) -> String {
        let (divisor, unit) = npvScale(npv.muStar + npv.sigma, currency: scenario.currency, l)
        let mu = npv.muStar.map { $0 / divisor }, sigma = npv.sigma.map { $0 / divisor }
        let largest = max(mu.max() ?? 1, sigma.max() ?? 1) * 1.1
        var frame = ChartFrame(x: Axis(label: "μ* (\(unit))", data: mu + [0, largest], style: l.style),
                               y: Axis(label: "σ (\(unit))", data: sigma + [0, largest], style: l.style), width: 760, height: 520)
        frame.top = 56
        let title = l == .vi ? "Sàng lọc Morris: ảnh hưởng tới NPV toàn khu (μ*) và độ phân tán (σ)"
            : "Morris screening of park NPV: effect (μ*) and spread (σ)"
        var svg = frame.document(title: title)
        svg.beginGroup(role: "reference")
        let end = min(frame.x.upper, frame.y.upper)
        svg.line(from: (frame.px(0), frame.py(0)), to: (frame.px(end), frame.py(end)), style: SVGStyle(stroke: "#999", strokeWidth: 1, dash: [4, 4]))
        svg.text("σ = μ*", at: (frame.px(end) - 4, frame.py(end) + 14), anchor: .end, size: 10, color: "#777")
        svg.endGroup()
        var layout = LabelLayout(bounds: frame.plotBox)
        layout.reserve(TextExtent.box("σ = μ*", at: (frame.px(end) - 4, frame.py(end) + 14), anchor: .end, size: 10))
        let points = parameters.indices.map { (frame.px(mu[$0]), frame.py(sigma[$0])) }
        for p in points { layout.reserve(PixelBox(x: p.0 - 4, y: p.1 - 4, width: 8, height: 8)) }
        svg.beginGroup(role: "points")
        for (i, p) in parameters.enumerated() {
            let point = points[i]
            svg.circle(center: point, radius: 4, style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: blue), tooltip: p.keyPath)
        }
        // Labels of the most influential first, so that they get their best places.
        for i in parameters.indices.sorted(by: { mu[$0] > mu[$1] }) {
            let text = SettingDescription(parameters[i].keyPath, in: scenario, language: l).text
            let (x, y) = points[i]
            let chosen = layout.place(text, size: 10, candidates: [
                .init(position: (x + 7, y + 4), anchor: .start), .init(position: (x - 7, y + 4), anchor: .end),
                .init(position: (x, y - 8), anchor: .middle), .init(position: (x, y + 16), anchor: .middle),
                .init(position: (x + 7, y - 6), anchor: .start), .init(position: (x - 7, y - 6), anchor: .end),
                .init(position: (x + 7, y + 14), anchor: .start), .init(position: (x - 7, y + 14), anchor: .end),
            ])
            svg.text(text, at: chosen.position, anchor: chosen.anchor, size: 10)
        }
        svg.endGroup()
        return svg.rendered()
    }

    /// Bars of the first-order (S1) and total (ST) indices of park NPV, each with its 95 %
    /// bootstrap interval drawn as a whisker.
    public static func sobolChart(_ parameters: [SensitivityParameter], _ npv: SobolIndices, scenario: Scenario,
                                  language l: ReportLanguage = .en) -> String {
        let labels = parameters.map { SettingDescription($0.keyPath, in: scenario, language: l).label }
        let row = 40.0, top = 58.0
        let height = top + row * Double(max(1, parameters.count)) + 62
        let x = Axis(label: l == .vi ? "Chỉ số Sobol của NPV toàn khu" : "Sobol index of park NPV", data: [0, 1], style: l.style)
        var frame = ChartFrame(x: x, y: Axis(label: "", data: [0, 1]), width: 900, height: height)
        frame.left = min(560, max(160, (labels.map { TextExtent.width($0, size: 11) }.max() ?? 0) + 16))
        let title = l == .vi ? "Chỉ số Sobol của NPV toàn khu (bậc một S1, tổng ST, khoảng tin cậy 95 %)"
            : "Sobol indices of park NPV (first order S1, total ST, 95 % intervals)"
        var svg = SVGDocument(width: frame.width, height: height, title: title)
        svg.text(title, at: (frame.width / 2, 24), anchor: .middle, size: 15, bold: true)
        let bottom = top + row * Double(parameters.count)
        svg.beginGroup(role: "grid")
        for tick in x.ticks {
            svg.line(from: (frame.px(tick), top), to: (frame.px(tick), bottom), style: SVGStyle(stroke: "#e4e4e4", strokeWidth: 1))
            svg.text(x.label(for: tick), at: (frame.px(tick), bottom + 16), anchor: .middle, size: 11)
        }
        svg.text(x.label, at: ((frame.left + frame.right) / 2, bottom + 40), anchor: .middle, size: 12)
        svg.endGroup()
        func clipped(_ v: Double) -> Double { min(1, max(0, v)) }
        svg.beginGroup(role: "bars")
        for (i, label) in labels.enumerated() {
            let y = top + row * Double(i) + 4
            let pairs = [(npv.firstOrder[i], npv.firstOrderConfidence[i], blue), (npv.total[i], npv.totalConfidence[i], orange)]
            for (j, (value, half, color)) in pairs.enumerated() {
                let barY = y + Double(j) * 15
                svg.rectangle(x: frame.px(0), y: barY, width: max(0.5, frame.px(clipped(value)) - frame.px(0)), height: 13, style: SVGStyle(fill: color))
                guard half.isFinite, half > 0 else { continue }
                let (a, b) = (frame.px(clipped(value - half)), frame.px(clipped(value + half)))
                let mid = barY + 6.5
                svg.line(from: (a, mid), to: (b, mid), style: SVGStyle(stroke: "#222", strokeWidth: 1.2))
                svg.line(from: (a, mid - 4), to: (a, mid + 4), style: SVGStyle(stroke: "#222", strokeWidth: 1.2))
                svg.line(from: (b, mid - 4), to: (b, mid + 4), style: SVGStyle(stroke: "#222", strokeWidth: 1.2))
            }
            svg.text(label, at: (frame.left - 8, y + 18), anchor: .end, size: 11)
        }
        svg.endGroup()
        svg.beginGroup(role: "legend")
        svg.rectangle(x: frame.right - 200, y: 38, width: 10, height: 10, style: SVGStyle(fill: blue))
        svg.text("S1", at: (frame.right - 186, 47), size: 11)
        svg.rectangle(x: frame.right - 150, y: 38, width: 10, height: 10, style: SVGStyle(fill: orange))
        svg.text("ST", at: (frame.right - 136, 47), size: 11)
        svg.line(from: (frame.right - 100, 43), to: (frame.right - 84, 43), style: SVGStyle(stroke: "#222", strokeWidth: 1.2))
        svg.text(l == .vi ? "KTC 95 %" : "95 % interval", at: (frame.right - 80, 47), size: 11)
        svg.endGroup()
        return svg.rendered()
    }
}

extension String {
    /// The first letter in lower case for English running text ("over clinker: price"); Vietnamese
    /// keeps the text as it is.
    func lowercasedFirst(_ l: ReportLanguage) -> String {
        l == .vi ? self : prefix(1).lowercased() + dropFirst()
    }
}
