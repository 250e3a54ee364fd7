import Report
import Testing

/// Every output writes numbers through `NumberStyle` (issue 19): grouping as the language does,
/// years never grouped, money scaled to the reader with its unit.
@Suite("Number style")
struct NumberStyleTests {
    @Test func groupingFollowsTheLanguage() {
        #expect(NumberStyle(.en).number(1_234_567.891, decimals: 1) == "1,234,567.9")
        #expect(NumberStyle(.vi).number(1_234_567.891, decimals: 1) == "1.234.567,9")
        #expect(NumberStyle(.en).number(-0.0001) == "0")  // never "-0"
        #expect(NumberStyle(.en).number(-1500) == "−1,500")
    }

    @Test func yearsAreNeverGrouped() {
        for language in ReportLanguage.allCases {
            let axis = Axis(label: "year", data: [2025, 2040], style: NumberStyle(language), years: true)
            #expect(axis.ticks.map(axis.label(for:)).allSatisfy { !$0.contains(",") && !$0.contains(".") })
            #expect(axis.label(for: 2025) == "2025")
        }
    }

    @Test func chartTicksAreGroupedLikeTheText() {
        let vi = Axis(label: "x", data: [0, 2_500_000], style: NumberStyle(.vi))
        #expect(vi.label(for: 2_000_000) == "2.000.000")
        #expect(Axis(label: "x", data: [0, 0.3], style: NumberStyle(.vi)).label(for: 0.1) == "0,1")
    }

    @Test func moneyIsScaledToTheReader() {
        #expect(NumberStyle(.vi).money(1_332_762_945_635, currency: "VND") == "1.332,8 tỷ đồng")
        #expect(NumberStyle(.en).money(1_332_762_945_635, currency: "VND") == "1,332.8 billion VND")
        #expect(NumberStyle(.en).money(14_999_626.22, currency: "USD") == "15.0 million USD")
        #expect(NumberStyle(.vi).money(14_999_626.22, currency: "USD") == "15,0 triệu USD")
        #expect(NumberStyle(.en).money(850, currency: "USD") == "850 USD")
        #expect(NumberStyle(.en).money(281_805, currency: "USD") == "281.8 thousand USD")
        #expect(NumberStyle(.en).money(0.4, in: .millions, currency: "USD") == "0")
        #expect(NumberStyle(.vi).moneyUnit(.millions, currency: "USD") == "triệu USD")
    }

    @Test func noDecimalsOfADong() {
        #expect(NumberStyle(.vi).unitPrice(24_384.93, currency: "VND") == "24.385")
        #expect(NumberStyle(.en).unitPrice(0.8845, currency: "USD") == "0.88")
        #expect(NumberStyle(.en).money(12.5, in: .units, currency: "VND") == "13")
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(counted(1, "facility") == "1 facility")
        #expect(counted(2, "facility") == "2 facilities")
        #expect(counted(1, "thread") == "1 thread")
        #expect(counted(0, "thread") == "0 threads")
        #expect(counted(1, "symbiosis link") == "1 symbiosis link")
        #expect(counted(3, "candidate exchange") == "3 candidate exchanges")
        #expect(counted(2, "policy") == "2 policies")
        #expect(counted(2, "day") == "2 days")
    }
}

/// CSV numbers rounded to a meaningful precision, in the standard or Excel-Vietnamese dialect.
@Suite("CSV dialect")
struct CSVDialectTests {
    @Test func noFloatNoise() {
        #expect(CSVDialect.standard.number(600_000.000_000_000_2) == "600000")
        #expect(CSVDialect.standard.number(-8.49e-07) == "0")
        #expect(CSVDialect.standard.number(14_999_626.221_947_167) == "14999626.22")
        #expect(CSVDialect.standard.number(0.884_510_834, decimals: 4) == "0.8845")
    }

    @Test func excelVietnameseUsesSemicolonsAndDecimalCommas() {
        #expect(CSVDialect.excelVi.number(14_999_626.221_947_167) == "14999626,22")
        #expect(CSVDialect.excelVi.row(["a;b", "1,5", "x"]) == "\"a;b\";1,5;x")
        #expect(CSVDialect.standard.row(["a;b", "1,5"]) == "a;b,\"1,5\"")
    }
}
