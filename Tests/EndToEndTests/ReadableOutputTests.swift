import Foundation
import Testing
import TestSupport

/// Issue 19's last defects, each as a board member or an analyst meets it: CSV numbers
/// without float noise, sensitivity tables in Vietnamese, companies by their `name_vi`, the
/// status quo in words.
@Suite("readable outputs (issue 19)")
struct ReadableOutputTests {
    /// A plain CSV number with more than four decimals or an exponent: float noise
    /// (`49999.99999999999`, `-8.49e-07`), never a meaningful precision here.
    static func noisy(_ field: String) -> Bool {
        field.range(of: #"^-?[0-9]+\.[0-9]{5,}$|^-?[0-9.]+[eE][-+]?[0-9]+$"#, options: .regularExpression) != nil
    }

    /// The fields of a standard CSV without quoted commas (these CSVs quote only lists of ids).
    static func rows(_ csv: String) -> [[String]] {
        csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            .map { $0.components(separatedBy: ",") }
    }

    /// solve's CSV: tiny under legal_reform sends 50,000 t of fly ash a year from 2027. By hand:
    /// the link's capacity is 50,000 t; the power plant makes 60,000 t × 1.02^t and the grinder
    /// takes up to 30 % of 150,000 t clinker at 0.8 t clinker per t ash = 56,250 t, so the
    /// capacity binds. The solver's 49999.99999999999 is written 50000. A link not built says why.
    /// simulate's and Morris's CSVs: no float noise in any field either.
    @Test func csvNumbersCarryNoFloatNoise() throws {
        let tiny = TestSupport.scenario("tiny.yaml")
        let solve = TestSupport.symbiosis(["solve", tiny, "--policy", "legal_reform", "--format", "csv", "--no-history"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let table = Self.rows(solve.stdout)
        let header = try #require(table.first)
        let ash = try #require(table.first { $0.first == "ash_to_cement" })
        let flow2027 = try #require(header.firstIndex(of: "flow_2027"))
        #expect(ash[flow2027] == "50000", "\(ash)")
        let because = try #require(header.firstIndex(of: "not_built_because"))
        let reuse = try #require(table.first { $0.first == "wastewater_to_reuse" })
        #expect(reuse[because] == "facility water_reuse_plant is not built", "\(reuse)")
        #expect(ash[because].isEmpty)
        let simulate = TestSupport.symbiosis(["simulate", tiny, "--policy", "legal_reform", "--samples", "40", "--threads", "1",
                                              "--format", "csv", "--no-history"])
        let morris = TestSupport.symbiosis(["sensitivity", tiny, "--policy", "legal_reform", "--method", "morris", "--trajectories", "3",
                                            "--param", "resources.clinker.price=30:70", "--param", "exchanges.ash_to_cement.capex=400000:1500000",
                                            "--threads", "1", "--format", "csv", "--no-history"])
        for (name, run) in [("solve", solve), ("simulate", simulate), ("morris", morris)] {
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let fields = Self.rows(run.stdout).dropFirst().flatMap { $0 }
            #expect(fields.count > 10, "\(name)")
            let noise = fields.filter(Self.noisy)
            #expect(noise.isEmpty, "\(name): \(noise.prefix(5))")
        }
    }

    /// `sensitivity --lang vi`: the tables' titles, headers and words in Vietnamese and the
    /// digits grouped with dots (the base NPV of tiny under legal_reform is 14,999,626 USD, as
    /// `solve` prints it); the English run keeps its words.
    @Test func sensitivityTablesInVietnamese() {
        let tiny = TestSupport.scenario("tiny.yaml")
        let tornado = ["sensitivity", tiny, "--policy", "legal_reform", "--method", "tornado",
                       "--param", "resources.fly_ash.disposal_cost=5:40", "--threads", "1", "--no-history"]
        let vi = TestSupport.symbiosis(tornado + ["--lang", "vi"])
        #expect(vi.status == 0, "\(vi.stderr)")
        for phrase in ["Biểu đồ lốc xoáy", "NPV cơ sở 14.999.626 USD", "NPV ở mức thấp", "tham số", "không đổi"] {
            #expect(vi.stdout.contains(phrase), "\(phrase) in \(vi.stdout)")
        }
        for english in ["Tornado", "NPV at low", "same", "key path", "14,999,626"] {
            #expect(!vi.stdout.contains(english), "\(english) in \(vi.stdout)")
        }
        let en = TestSupport.symbiosis(tornado)
        #expect(en.stdout.contains("base NPV 14,999,626 USD") && en.stdout.contains("NPV at low"), "\(en.stdout)")
        let morris = TestSupport.symbiosis(["sensitivity", tiny, "--policy", "legal_reform", "--method", "morris", "--trajectories", "3",
                                            "--param", "resources.clinker.price=30:70", "--threads", "1", "--lang", "vi", "--no-history"])
        #expect(morris.status == 0, "\(morris.stderr)")
        for phrase in ["Hiệu ứng cơ bản Morris (3 quỹ đạo", "NPV toàn khu (USD)", "CO2e tránh được (tấn)", "Việc làm (người-năm)"] {
            #expect(morris.stdout.contains(phrase), "\(phrase) in \(morris.stdout)")
        }
        #expect(!morris.stdout.contains("trajectories") && !morris.stdout.contains("\nnpv\n"), "\(morris.stdout)")
        // A sweep's break-even says where the link is built in Vietnamese too (the JSON keeps
        // its English `note` for programs): ash_to_cement is built while its unit cost stays
        // below about 51.9 USD/t, i.e. up to that level (ChartGeometryTests.sweepCharts).
        let sweep = ["sensitivity", tiny, "--policy", "legal_reform", "--method", "sweep", "--grid", "3",
                     "--param", "exchanges.ash_to_cement.unit_cost=0:80", "--break-even", "ash_to_cement", "--threads", "1", "--no-history"]
        let sweepVi = TestSupport.symbiosis(sweep + ["--lang", "vi"]), sweepEn = TestSupport.symbiosis(sweep)
        #expect(sweepVi.status == 0 && sweepEn.status == 0, "\(sweepVi.stderr)")
        #expect(sweepVi.stdout.contains("Điểm hòa vốn của ash_to_cement") && sweepVi.stdout.contains("được xây dựng đến mức này"),
                "\(sweepVi.stdout)")
        #expect(!sweepVi.stdout.contains("built up to this level") && !sweepVi.stdout.contains("level up"), "\(sweepVi.stdout)")
        #expect(sweepEn.stdout.contains("built up to this level"), "\(sweepEn.stdout)")
    }

    /// A company's `name_vi` (issue 19): tiny with Vietnamese names for its two firms. The
    /// Vietnamese report names them in the links table, the map, the firms' gains and the
    /// recommendation, and a tornado labels their settings with them; the English report and the
    /// tables' key paths keep the ids. The status quo is "today's rules" ("quy định hiện hành"),
    /// not the id `baseline`, and a cost per t that does not apply is "không áp dụng". Each
    /// option's section says why each candidate link is not built, in the report's language.
    @Test func companiesByTheirVietnameseNames() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  power_plant:\n", with: "  power_plant:\n    name_vi: Nhà máy nhiệt điện\n")
            .replacingOccurrences(of: "  cement_grinding:\n", with: "  cement_grinding:\n    name_vi: Trạm nghiền xi măng\n")
        let file = directory + "/tiny-vi.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let validate = TestSupport.symbiosis(["validate", file])
        #expect(validate.status == 0 && !validate.stderr.contains("name_vi"), "\(validate.stderr)")

        let compare = ["compare", file, "--policies", "baseline,legal_reform", "--samples", "0", "--threads", "1", "--no-history"]
        let vi = TestSupport.symbiosis(compare + ["--lang", "vi", "--report", directory + "/vi.html"])
        #expect(vi.status == 0, "\(vi.stderr)")
        let html = try String(contentsOfFile: directory + "/vi.html", encoding: .utf8)
        for phrase in [">Nhà máy nhiệt điện → Trạm nghiền xi măng<", ">Nhà máy nhiệt điện</text>", ">Trạm nghiền xi măng</td>",
                       "Doanh nghiệp được lợi ít nhất, Nhà máy nhiệt điện,", "Hiện trạng: quy định hiện hành, không xây dựng gì.",
                       ">không áp dụng<", "Liên kết không được xây dựng và lý do",
                       ">công trình dùng chung water_reuse_plant không được xây dựng<", ">giấy phép waste_as_material bị cấm<"] {
            #expect(html.contains(phrase), "\(phrase)")
        }
        for id in [">power_plant", "power_plant →", "“baseline”", ">n/a<"] { #expect(!html.contains(id), "\(id)") }
        #expect(vi.stdout.contains("so với hiện trạng (quy định hiện hành, không xây dựng gì)"), "\(vi.stdout)")

        let en = TestSupport.symbiosis(compare + ["--report", directory + "/en.html"])
        #expect(en.status == 0, "\(en.stderr)")
        let english = try String(contentsOfFile: directory + "/en.html", encoding: .utf8)
        #expect(english.contains(">power_plant → cement_grinding<") && !english.contains("Nhà máy"))
        #expect(english.contains("Status quo: today's rules, nothing built."))
        // Why each link is not built: under legal_reform the water links wait for a facility the
        // design does not build; in the status quo the fly ash link's permit is forbidden.
        #expect(english.contains("Links not built, and why") && english.contains(">facility water_reuse_plant is not built<")
                && english.contains(">permit waste_as_material is forbidden<"))
        #expect(en.stdout.contains("Accounts against the status quo (today's rules, nothing built)") && !en.stdout.contains("(baseline"),
                "\(en.stdout)")

        let tornado = TestSupport.symbiosis(["sensitivity", file, "--policy", "legal_reform", "--method", "tornado", "--threads", "1",
                                             "--param", "companies.cement_grinding.needs.clinker=100000:200000", "--lang", "vi", "--no-history"])
        #expect(tornado.stdout.contains("Trạm nghiền xi măng: nhu cầu clanhke (tấn/năm)"), "\(tornado.stdout)")
    }

    /// `solve` on the park written in dong (docs/examples/vnd-park.yaml): the firms' table
    /// stays aligned with 15-digit amounts (every value of a column starts where its header
    /// does), and a transfer's price per unit is in whole dong, grouped (`81,123 VND/m3`, not
    /// `81122.53`).
    @Test func solveTablesStayAlignedInDong() throws {
        let park = TestSupport.packageRoot.appendingPathComponent("docs/examples/vnd-park.yaml").path
        let solve = TestSupport.symbiosis(["solve", park, "--policy", "legal_reform", "--no-history"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let lines = solve.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "NPV by company (VND)"))
        let header = lines[start + 1]
        let rows = lines[(start + 2)...].prefix { !$0.isEmpty }
        #expect(rows.count >= 4, "\(solve.stdout)")
        for title in ["before transfers", "after transfers", "own capex", "financed"] {
            let column = try #require(header.range(of: title)).lowerBound.utf16Offset(in: header)
            for row in rows {
                let characters = Array(row)
                #expect(characters.count > column && characters[column - 1] == " " && characters[column] != " ",
                        "\(title) at \(column): \(row)")
            }
        }
        let prices = solve.stdout.components(separatedBy: " VND/").dropLast().compactMap { $0.components(separatedBy: "(").last }
        #expect(!prices.isEmpty, "\(solve.stdout)")
        for price in prices { #expect(price.range(of: #"^[0-9]{1,3}(,[0-9]{3})*$"#, options: .regularExpression) != nil, "\(price)") }
    }

    /// `simulate`'s waste diverted is tonnes, never t + m3 + t of steam: the park in dong under
    /// legal_reform diverts 596,983 t of fly ash and 6,000,000 m3 of wastewater and sells
    /// 300,000 t of steam (not waste); with a clinker price that barely moves, every sample runs
    /// the design's flows, so the simulated tonnes are `solve`'s `waste_diverted_by_unit.t`
    /// (the sum of all three, 6,896,983, was printed before).
    @Test func simulatedWasteIsTonnes() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/examples/vnd-park.yaml"), encoding: .utf8)
        let head = try #require(text.components(separatedBy: "\nuncertainty:").first)
        let file = directory + "/vnd.yaml"
        try (head + "\nuncertainty:\n  prices:\n    clinker: {model: gbm, drift: 0, volatility: 0.001}\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let solve = TestSupport.symbiosis(["solve", file, "--policy", "legal_reform", "--format", "json", "--no-history"])
        let design = try #require(try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as? [String: Any])
        let byUnit = try #require((design["environmental"] as? [String: Any])?["waste_diverted_by_unit"] as? [String: Double])
        let tonnes = try #require(byUnit["t"]), cubicMetres = try #require(byUnit["m3"])
        #expect(tonnes > 500_000 && cubicMetres > 1_000_000, "\(byUnit)")
        let simulate = TestSupport.symbiosis(["simulate", file, "--policy", "legal_reform", "--samples", "4", "--threads", "1",
                                              "--format", "json", "--no-history"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let risk = try #require(try JSONSerialization.jsonObject(with: Data(simulate.stdout.utf8)) as? [String: Any])
        let mean = try #require((risk["waste_diverted"] as? [String: Any])?["mean"] as? Double)
        #expect(TestSupport.relativeDifference(mean, tonnes) < 1e-6, "simulated \(mean) vs solve's \(tonnes) t")
        let table = TestSupport.symbiosis(["simulate", file, "--policy", "legal_reform", "--samples", "4", "--threads", "1", "--no-history"])
        #expect(table.stdout.contains("Waste diverted (t)"), "\(table.stdout)")
    }
}
