import Analysis
import LPSolve
import Report
import Testing
import TestSupport

/// The board report's solver status of an option whose search stopped for time, in English and
/// Vietnamese: the gap as a percentage where it means one, in words where the design found is
/// worth 0 (a relative gap divides by the incumbent: a status-quo design printed
/// "gap 8,792,233,396,358.3 %"), and "gap" itself in the report's language.
@Suite("Comparison status words")
struct ComparisonStatusTests {
    @Test func stoppedOptionsSayTheirGapInTheReadersWords() throws {
        var comparison = try PolicyAppraisalTests.tinyComparison(["baseline", "legal_reform"])
        let zero = try #require(comparison.options.firstIndex { $0.name == "baseline" })
        let some = try #require(comparison.options.firstIndex { $0.name == "legal_reform" })
        // A stop for time with a design worth 0 and a bound of 2 in the objective's units...
        comparison.options[zero].result.termination = .timeLimit
        comparison.options[zero].result.mipObjective = 0
        comparison.options[zero].result.bestBound = 2
        comparison.options[zero].result.gap = 2 / 1e-9
        // ...and one with a design and a gap of 0.3 %.
        comparison.options[some].result.termination = .timeLimit
        comparison.options[some].result.gap = 0.003

        let en = ComparisonReport(comparison: comparison, language: .en).document().markdown()
        #expect(en.contains("time limit, not proven optimal, gap not a percentage: the design found is worth 0, or nearly, in the objective"))
        #expect(en.contains("Where an option's search stopped before it proved the optimum"))
        #expect(en.contains("time limit, not proven optimal, gap 0.3 %"))
        #expect(!en.contains("200,000,000,000"), "the gap 2 / 1e-9 as a percentage")

        let vi = ComparisonReport(comparison: comparison, language: .vi).document().markdown()
        #expect(vi.contains("khoảng cách tối ưu không tính được theo phần trăm vì thiết kế tìm được có giá trị mục tiêu bằng 0 hoặc gần bằng 0"))
        #expect(vi.contains("khoảng cách tối ưu 0,3 %"))
        #expect(vi.contains("Với phương án mà quá trình tìm kiếm dừng lại"))
        #expect(!vi.contains(", gap"))
    }

    /// tiny.yaml under today's rules builds nothing (the ash link's permit is forbidden, the water
    /// reuse plant does not pay): the report recommends no option, rather than naming the first
    /// of options tied at 0, and calls the empty design optimal only when it is proven.
    @Test func nothingBuiltRecommendsNoOption() throws {
        var comparison = try PolicyAppraisalTests.tinyComparison(["baseline"])
        #expect(comparison.options[0].design?.buildsAnything == false)
        #expect(comparison.options[0].result.termination == .optimal)
        let en = ComparisonReport(comparison: comparison, language: .en).document().markdown()
        #expect(en.contains("No option is recommended: the highest-ranked option builds no link and no facility"))
        #expect(!en.contains("We recommend"))
        #expect(en.contains("The optimal design under this option builds no link and no facility"))
        #expect(!en.contains("Where an option's search stopped"))
        #expect(ComparisonReport(comparison: comparison, language: .en).json().contains(#""recommended" : null"#))

        comparison.options[0].result.termination = .timeLimit
        let vi = ComparisonReport(comparison: comparison, language: .vi).document().markdown()
        #expect(vi.contains("Không khuyến nghị phương án nào"))
        #expect(vi.contains("(hết thời gian, chưa chứng minh được là tối ưu"))
        #expect(vi.contains("Thiết kế tốt nhất tìm được trong trường hợp này không xây dựng"))
        #expect(!vi.contains("Khuyến nghị phương án"))
    }
}
