import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Report
import Testing

@Suite("SVG charts")
struct ChartTests {
    /// Heckbert's loose labels: nice bounds around the data, steps of 1, 2 or 5 × 10ⁿ.
    @Test(arguments: [
        ([154.7, 579.1], 100.0, 600.0, 100.0),
        ([16.84, 19.26], 16.0, 20.0, 1.0),
        ([0.0, 1.0], 0.0, 1.0, 0.2),
        ([-3.2, 7.9], -5.0, 10.0, 5.0),
        ([318_600.0, 319_200.0], 318_600.0, 319_200.0, 200.0),
    ])
    func niceTicks(data: [Double], lower: Double, upper: Double, step: Double) {
        let axis = Axis(label: "x", data: data)
        #expect(axis.lower == lower && axis.upper == upper && axis.step == step, "\(axis)")
        #expect(axis.ticks.first == lower && abs(axis.ticks.last! - upper) < 1e-9)
        #expect(axis.ticks.count >= 3 && axis.ticks.count <= 11)
    }

    @Test func niceNumbers() {
        #expect(Axis.niceNumber(0.7, round: true) == 0.5)
        #expect(Axis.niceNumber(0.7, round: false) == 1)
        #expect(Axis.niceNumber(2.6, round: true) == 2)
        #expect(Axis.niceNumber(2.6, round: false) == 5)
        #expect(Axis.niceNumber(7.5, round: true) == 10)
        #expect(Axis.niceNumber(1234, round: false) == 2000)
    }

    @Test func tickLabels() {
        let axis = Axis(label: "x", data: [0.1, 0.3])
        #expect(axis.ticks.map { axis.label(for: $0) } == ["0.10", "0.15", "0.20", "0.25", "0.30"])
        let big = Axis(label: "x", data: [0, 2_500_000])
        #expect(big.label(for: 2_000_000) == "2,000,000")
        #expect(Axis(label: "x", data: [-1, 1]).label(for: -1e-12) == "0.0")  // never "-0.0"
        #expect(Axis(label: "x", data: [5, 5]).ticks.count >= 2)  // one value: a range around it
    }

    @Test func textIsEscapedAndNumbersAreStable() {
        #expect(SVGDocument.escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(SVGDocument.escape("bell\u{7}") == "bell")
        #expect(SVGDocument.number(-0.001) == "0")
        #expect(SVGDocument.number(12.5) == "12.5")
        #expect(SVGDocument.number(3.14159) == "3.14")
        #expect(SVGDocument.number(-2.05) == "-2.05")
        #expect(SVGDocument.number(7) == "7")
    }

    func sample() -> XYChart {
        var chart = XYChart(title: "Front <A&B>", subtitle: "3 points", xAxis: "CO2e avoided (kt)", yAxis: "NPV (USD millions)")
        chart.series = [
            .init(name: "efficient points", points: [(154.7, 19.26), (181.6, 19.13), (517.3, 18.43)], tooltips: ["#1", "#2", "#3"]),
            .init(name: "other \"series\"", points: [(200, 18.0), (400, 17.5)], marks: .markers),
        ]
        return chart
    }

    /// The chart is well-formed XML (parsed by Foundation's XMLDocument) with the expected parts.
    @Test func chartParsesAsXML() throws {
        let text = sample().svg()
        let document = try XMLDocument(xmlString: text, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.attributes?.first { $0.localName == "viewBox" }?.stringValue == "0 0 760 500")
        let circles = try root.nodes(forXPath: "//*[local-name()='circle']")
        #expect(circles.count == 5 + 2)  // markers + legend swatches
        let texts = try root.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("Front <A&B>"))
        #expect(texts.contains("CO2e avoided (kt)"))
        #expect(texts.contains("other \"series\""))
        #expect(try root.nodes(forXPath: "//*[local-name()='polyline']").count == 1)
    }

    /// Drawing the same chart twice gives the same bytes.
    @Test func chartIsDeterministic() {
        #expect(sample().svg() == sample().svg())
        #expect(sample().svg().hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}
