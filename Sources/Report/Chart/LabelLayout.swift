/// A rectangle in pixels (x to the right, y down), for text extents and the areas marks cover.
public struct PixelBox: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether the two boxes share an area (touching edges do not count).
    public func intersects(_ other: PixelBox) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether `other` lies wholly inside this box.
    public func contains(_ other: PixelBox) -> Bool {
        other.x >= x - 1e-9 && other.maxX <= maxX + 1e-9 && other.y >= y - 1e-9 && other.maxY <= maxY + 1e-9
    }
}

/// The space a line of text takes, estimated from its font size, since an SVG written without a
/// renderer cannot measure it: Helvetica's and Arial's characters average about 0.55 em wide
/// (digits 0.556 em, lower case 0.5 em, capitals 0.67 em; Adobe's Helvetica AFM metrics), so
/// 0.6 em per character over-estimates slightly and keeps estimated boxes conservative. The
/// box runs from the ascender (0.8 em above the baseline) to the descender (0.25 em below).
public enum TextExtent {
    /// Average advance per character, in em (0.64 for bold).
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        Double(text.count) * size * (bold ? 0.64 : 0.6)
    }

    /// The box of `text` drawn with its baseline point at `position` and `anchor` (unrotated).
    public static func box(_ text: String, at position: (Double, Double), anchor: SVGDocument.Anchor = .start,
                           size: Double, bold: Bool = false) -> PixelBox {
        let w = width(text, size: size, bold: bold)
        let x: Double
        switch anchor {
        case .start: x = position.0
        case .middle: x = position.0 - w / 2
        case .end: x = position.0 - w
        }
        return PixelBox(x: x, y: position.1 - 0.8 * size, width: w, height: 1.05 * size)
    }
}

/// Places labels where they overlap no other label and no mark registered before them: each
/// label tries its candidate positions in order and takes the first free one inside the
/// frame; when none is free it takes the candidate that overlaps least (a label is never
/// dropped silently: the caller may leave it out instead, `fits`). Greedy, in the order labels
/// are placed, as in the "first fit" point-feature labelling of Christensen, Marks and Shieber,
/// "An empirical study of algorithms for point-feature label placement", ACM Transactions on
/// Graphics 14(3), 1995.
struct LabelLayout {
    /// Where labels may go (the picture, or the plot area).
    let bounds: PixelBox
    /// Boxes already taken: labels placed and marks registered with `reserve`.
    private(set) var taken: [PixelBox] = []

    init(bounds: PixelBox) { self.bounds = bounds }

    /// Marks an area as taken (a node, a bar, a legend).
    mutating func reserve(_ box: PixelBox) { taken.append(box) }

    /// A candidate position of a label: its baseline point and anchor.
    struct Candidate {
        var position: (Double, Double)
        var anchor: SVGDocument.Anchor
    }

    /// Whether `box` is inside the bounds and free.
    func fits(_ box: PixelBox) -> Bool {
        bounds.contains(box) && !taken.contains { $0.intersects(box) }
    }

    /// The first free candidate for `text` (else the least-overlapping one inside the bounds, else
    /// the first), taken.
    mutating func place(_ text: String, size: Double, bold: Bool = false, candidates: [Candidate]) -> Candidate {
        precondition(!candidates.isEmpty, "a label needs at least one candidate position")
        func box(_ c: Candidate) -> PixelBox { TextExtent.box(text, at: c.position, anchor: c.anchor, size: size, bold: bold) }
        let chosen = candidates.first { fits(box($0)) } ?? candidates.min { a, b in
            overlap(box(a)) < overlap(box(b))
        }!
        taken.append(box(chosen))
        return chosen
    }

    /// The first free candidate for `text`, taken; `nil` (nothing taken) when none is free.
    mutating func placeIfFree(_ text: String, size: Double, bold: Bool = false, candidates: [Candidate]) -> Candidate? {
        guard let chosen = candidates.first(where: { fits(TextExtent.box(text, at: $0.position, anchor: $0.anchor, size: size, bold: bold)) })
        else { return nil }
        taken.append(TextExtent.box(text, at: chosen.position, anchor: chosen.anchor, size: size, bold: bold))
        return chosen
    }

    /// How much of `box` lies outside the bounds or under taken boxes (area in px²).
    func overlap(_ box: PixelBox) -> Double {
        func shared(_ a: PixelBox, _ b: PixelBox) -> Double {
            max(0, min(a.maxX, b.maxX) - max(a.x, b.x)) * max(0, min(a.maxY, b.maxY) - max(a.y, b.y))
        }
        let outside = box.width * box.height - shared(box, bounds)
        return taken.reduce(outside * 10) { $0 + shared($1, box) }
    }
}
