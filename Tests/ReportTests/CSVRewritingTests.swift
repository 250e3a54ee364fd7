@testable import Report
import Testing

/// `CSVDialect.rewriting(_:)`: standard CSV as Excel set to Vietnamese reads it.
@Suite("CSV rewritten in a dialect")
struct CSVRewritingTests {
    /// By hand: numbers take a decimal comma, text keeps its points (`v1.2`), a field holding
    /// `;` is quoted, a quoted field holding `,` and a quote stays quoted (it holds a quote), an
    /// empty field stays empty, the byte order mark and CRLF line ends stay.
    @Test func excelVietnameseRewritesNumbersOnly() {
        let standard = "\u{FEFF}option,npv_USD,share,note\r\nlegal_reform,14999626.22,-8.5e-07,v1.2\r\n"
            + "a+b,0.5,12,\"x, \"\"y\"\"\"\r\nc;d,,3,\r\n"
        let expected = "\u{FEFF}option;npv_USD;share;note\r\nlegal_reform;14999626,22;-8,5e-07;v1.2\r\n"
            + "a+b;0,5;12;\"x, \"\"y\"\"\"\r\n\"c;d\";;3;\r\n"
        #expect(CSVDialect.excelVi.rewriting(standard) == expected)
        #expect(CSVDialect.standard.rewriting(standard) == standard)
        // LF lines and a last line without an end.
        #expect(CSVDialect.excelVi.rewriting("a,b\n1.5,2") == "a;b\n1,5;2")
    }
}
