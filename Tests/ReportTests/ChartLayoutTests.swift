@testable import Report
import Scenario
import Testing

/// Text extents, label placement, chart margins and the words a chart names a setting with.
@Suite("Chart layout")
struct ChartLayoutTests {
    /// 10 characters at 10 px: 60 px wide (0.6 em each), from 8 px above the baseline to 2.5 px below.
    @Test func textBoxFromAnchor() {
        let start = TextExtent.box("0123456789", at: (100, 50), anchor: .start, size: 10)
        #expect(start == PixelBox(x: 100, y: 42, width: 60, height: 10.5))
        #expect(TextExtent.box("0123456789", at: (100, 50), anchor: .middle, size: 10).x == 70)
        #expect(TextExtent.box("0123456789", at: (100, 50), anchor: .end, size: 10).x == 40)
    }

    @Test func boxesIntersectOnlyWhenTheyShareArea() {
        let a = PixelBox(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersects(PixelBox(x: 9, y: 9, width: 5, height: 5)))
        #expect(!a.intersects(PixelBox(x: 10, y: 0, width: 5, height: 5)))  // touching edges
        #expect(a.contains(PixelBox(x: 2, y: 2, width: 8, height: 8)))
        #expect(!a.contains(PixelBox(x: 2, y: 2, width: 9, height: 8)))
    }

    /// Two labels wanting the same spot: the second takes its next candidate; a label whose
    /// candidates are all taken gets none from `placeIfFree` and the least-overlapping one from `place`.
    @Test func labelsAvoidEachOther() {
        var layout = LabelLayout(bounds: PixelBox(x: 0, y: 0, width: 200, height: 100))
        let spots: [LabelLayout.Candidate] = [.init(position: (10, 20), anchor: .start), .init(position: (10, 40), anchor: .start)]
        let first = layout.place("abcdef", size: 10, candidates: spots)
        let second = layout.place("abcdef", size: 10, candidates: spots)
        #expect(first.position == (10, 20) && second.position == (10, 40))
        #expect(layout.placeIfFree("abcdef", size: 10, candidates: spots) == nil)
        #expect(layout.taken.count == 2)
        // Outside the bounds counts as taken: the label moves inside.
        let edge = layout.place("abcdef", size: 10, candidates: [.init(position: (180, 80), anchor: .start), .init(position: (100, 80), anchor: .start)])
        #expect(edge.position == (100, 80))
    }

    /// The y axis' margin grows with its widest tick label; the last x tick label fits inside the
    /// picture (it was cut at "300,000,000,0").
    @Test func marginsFitTickLabels() {
        let x = Axis(label: "capex", data: [0, 300_000_000])
        let frame = ChartFrame(x: x, y: Axis(label: "NPV", data: [0, 12_345_678]))
        let last = TextExtent.box(x.label(for: x.ticks.last!), at: (frame.px(x.ticks.last!), 0), anchor: .middle, size: ChartFrame.tickSize)
        #expect(last.maxX <= frame.width)
        let widestY = frame.y.ticks.map { TextExtent.width(frame.y.label(for: $0), size: ChartFrame.tickSize) }.max()!
        #expect(frame.left - 8 - widestY >= 30)  // room for the rotated axis label at x = 22
        #expect(ChartFrame(x: x, y: Axis(label: "y", data: [0, 1])).left == 90)
    }

    /// Crowded ticks: only every `xLabelStride`-th is labelled, with 6 px between labels.
    @Test func crowdedTickLabelsAreThinned() {
        let frame = ChartFrame(x: Axis(label: "x", data: [0, 3e9], tickCount: 11), y: Axis(label: "y", data: [0, 1]), width: 300)
        let stride = frame.xLabelStride
        let widest = frame.x.ticks.map { TextExtent.width(frame.x.label(for: $0), size: ChartFrame.tickSize) }.max()!
        let spacing = frame.px(frame.x.ticks[1]) - frame.px(frame.x.ticks[0])
        #expect(stride > 1)
        #expect(Double(stride) * spacing >= widest + 6)
        #expect(Double(stride - 1) * spacing < widest + 6)
    }

    /// Heatmap cells run halfway to each neighbour level, and half a step beyond the ends.
    @Test func heatmapCellEdges() {
        #expect(SensitivityReport.cellEdges([30, 40, 60]) == [25, 35, 50, 70])
        #expect(SensitivityReport.cellEdges([5]) == [4.5, 5.5])
    }

    /// Key paths in words, with the scenario's units: what a tornado bar or an axis is labelled.
    @Test func settingsInWords() {
        let scenario = Scenario(name: "t", currency: "VND", startYear: 2026, horizonYears: 10, discountRate: 0.08,
                                resources: [Resource(id: "fly_ash", unit: "t")], companies: [], facilities: [],
                                exchanges: [Exchange(id: "ash_to_cement", from: "a", to: "b", send: "fly_ash", capacity: 50_000)])
        let price = SettingDescription("resources.fly_ash.disposal_cost", in: scenario)
        #expect(price.label == "Fly ash: disposal cost (VND/t)" && !price.isMoney)
        let capex = SettingDescription("exchanges.ash_to_cement.capex", in: scenario)
        #expect(capex.label == "Ash to cement: capex (VND)" && capex.isMoney)
        #expect(SettingDescription("exchanges.ash_to_cement.transport_cost", in: scenario).unit == "VND/t/km")
        #expect(SettingDescription("discount_rate", in: scenario).label == "Discount rate")
        #expect(SettingDescription("resources.fly_ash.price", in: scenario, language: .vi).label == "Fly ash: giá mua (đồng/tấn)")
        // A path it does not know keeps its own text.
        #expect(SettingDescription("objectives.economic", in: scenario).label == "objectives.economic")
    }
}
