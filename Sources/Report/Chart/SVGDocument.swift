/// A small SVG writer whose output depends only on what is drawn: elements in the order they
/// are added, attributes in a fixed order, numbers with at most two decimals (never `-0`),
/// text escaped for XML. The same chart gives the same bytes on every machine, so charts can
/// be compared in tests and kept under version control.
///
/// ```swift
/// var svg = SVGDocument(width: 200, height: 100, title: "Example")
/// svg.line(from: (10, 90), to: (190, 90), style: SVGStyle(stroke: "#333"))
/// svg.text("axis", at: (100, 98), anchor: .middle)
/// let text = svg.rendered()
/// ```
public struct SVGDocument: Sendable {
    /// Horizontal alignment of a text element (`text-anchor`).
    public enum Anchor: String, Sendable { case start, middle, end }

    public let width: Double
    public let height: Double
    /// Read by screen readers and shown as a tooltip (`<title>`).
    public var title: String?
    /// A longer description (`<desc>`).
    public var summary: String?
    private var elements: [String] = []
    private var depth = 1

    public init(width: Double, height: Double, title: String? = nil, summary: String? = nil) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    // MARK: Elements

    public mutating func line(from start: (Double, Double), to end: (Double, Double), style: SVGStyle) {
        append("<line x1=\"\(Self.number(start.0))\" y1=\"\(Self.number(start.1))\" x2=\"\(Self.number(end.0))\" y2=\"\(Self.number(end.1))\"\(style.attributes)/>")
    }

    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, style: SVGStyle) {
        append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"\(style.attributes)/>")
    }

    public mutating func circle(center: (Double, Double), radius: Double, style: SVGStyle, tooltip: String? = nil) {
        let open = "<circle cx=\"\(Self.number(center.0))\" cy=\"\(Self.number(center.1))\" r=\"\(Self.number(radius))\"\(style.attributes)"
        if let tooltip {
            append(open + "><title>\(Self.escape(tooltip))</title></circle>")
        } else {
            append(open + "/>")
        }
    }

    /// Connected straight segments through `points` (not closed, no fill unless styled).
    public mutating func polyline(_ points: [(Double, Double)], style: SVGStyle) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        append("<polyline points=\"\(list)\"\(style.attributes)/>")
    }

    /// A closed shape through `points` (bars, bands, areas).
    public mutating func polygon(_ points: [(Double, Double)], style: SVGStyle) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        append("<polygon points=\"\(list)\"\(style.attributes)/>")
    }

    /// Text at `position` (the baseline point), optionally rotated by `rotation` degrees about it.
    public mutating func text(_ string: String, at position: (Double, Double), anchor: Anchor = .start,
                              size: Double = 12, bold: Bool = false, rotation: Double? = nil, color: String = "#222") {
        var attributes = "x=\"\(Self.number(position.0))\" y=\"\(Self.number(position.1))\""
        attributes += " font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(Self.escape(color))\""
        if bold { attributes += " font-weight=\"bold\"" }
        if let rotation {
            attributes += " transform=\"rotate(\(Self.number(rotation)) \(Self.number(position.0)) \(Self.number(position.1)))\""
        }
        append("<text \(attributes)>\(Self.escape(string))</text>")
    }

    /// Starts a group (`<g>`); close it with `endGroup()`. `role` becomes the `class` attribute.
    public mutating func beginGroup(role: String) {
        append("<g class=\"\(Self.escape(role))\">")
        depth += 1
    }

    public mutating func endGroup() {
        precondition(depth > 1, "endGroup without beginGroup")
        depth -= 1
        append("</g>")
    }

    private mutating func append(_ element: String) {
        elements.append(String(repeating: "  ", count: depth) + element)
    }

    // MARK: Output

    /// The whole document, UTF-8 text ending in a newline.
    public func rendered() -> String {
        precondition(depth == 1, "a group was not closed")
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"Helvetica, Arial, sans-serif\">")
        if let title { lines.append("  <title>\(Self.escape(title))</title>") }
        if let summary { lines.append("  <desc>\(Self.escape(summary))</desc>") }
        lines.append("  <rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>")
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Text and numbers

    /// `&`, `<`, `>`, `"` and `'` as entities; control characters XML 1.0 forbids are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals, trailing zeros trimmed, `0` for a negative zero.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = Int64(abs(hundredths))
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }
}

/// How an element is painted. `nil` properties are left out (the SVG defaults apply).
public struct SVGStyle: Sendable, Equatable {
    public var stroke: String?
    public var strokeWidth: Double?
    public var fill: String?
    /// Dash and gap lengths (`stroke-dasharray`).
    public var dash: [Double]?
    public var opacity: Double?

    public init(stroke: String? = nil, strokeWidth: Double? = nil, fill: String? = nil, dash: [Double]? = nil, opacity: Double? = nil) {
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.fill = fill
        self.dash = dash
        self.opacity = opacity
    }

    var attributes: String {
        var out = ""
        out += " fill=\"\(SVGDocument.escape(fill ?? "none"))\""
        if let stroke { out += " stroke=\"\(SVGDocument.escape(stroke))\"" }
        if let strokeWidth { out += " stroke-width=\"\(SVGDocument.number(strokeWidth))\"" }
        if let dash, !dash.isEmpty { out += " stroke-dasharray=\"\(dash.map(SVGDocument.number).joined(separator: " "))\"" }
        if let opacity { out += " opacity=\"\(SVGDocument.number(opacity))\"" }
        return out
    }
}
