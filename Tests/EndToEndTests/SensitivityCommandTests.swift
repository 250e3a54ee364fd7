#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
import TestSupport

/// `sensitivity` as a user runs it.
@Suite("symbiosis sensitivity")
struct SensitivityCommandTests {
    static let params = ["--param", "resources.clinker.price=30:70", "--param", "resources.fly_ash.disposal_cost=5:40",
                         "--param", "exchanges.ash_to_cement.capex=500000:2000000"]

    /// JSON gives each parameter's indices under its key path; the chart parses as XML.
    @Test func sobolJSONByKeyPath() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--method", "sobol",
                                            "--samples", "32", "--format", "json", "--chart", directory + "/sobol.svg"] + Self.params)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["evaluations"] as? Int == 32 * 5)
        let parameters = try #require(json["parameters"] as? [String: [String: [String: Double]]])
        let clinker = try #require(parameters["resources.clinker.price"]?["npv"])
        for key in ["S1", "S1_conf", "ST", "ST_conf"] { #expect(clinker[key] != nil, "\(key)") }
        _ = try XMLDocument(xmlString: try String(contentsOfFile: directory + "/sobol.svg", encoding: .utf8), options: [])
    }

    @Test func tornadoTableAndBadParameters() throws {
        let result = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--method", "tornado"] + Self.params)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("exchanges.ash_to_cement.capex"))
        let unknown = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--method", "tornado", "--param", "resources.clinkr.price=1:2"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("resources.clinkr.price"))
        let inverted = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--method", "tornado", "--param", "discount_rate=0.2:0.1"])
        #expect(inverted.status == 64)
        let none = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--method", "morris"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("no parameters"))
    }

    @Test func sweepWithBreakEven() {
        let result = TestSupport.symbiosis(["sensitivity", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--method", "sweep",
                                            "--param", "exchanges.ash_to_cement.unit_cost=0:80", "--grid", "3", "--break-even", "ash_to_cement"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Break-even of ash_to_cement on exchanges.ash_to_cement.unit_cost: 51.9"))
    }

    /// Ctrl-C during a study: exit 130 and no file. (The case issue 20 found, a signal while the
    /// last evaluations run, is checked in `Sensitivity.run` after the study returns; this test's
    /// signal usually lands in the base solve, so it guards the behaviour, not that timing.)
    @Test func interruptionWritesNothing() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.symbiosisPath)
        process.arguments = ["sensitivity", TestSupport.scenario("hiep-phuoc.yaml"), "--method", "tornado",
                             "--param", "resources.fly_ash.disposal_cost=5:40", "--threads", "3",
                             "--format", "json", "--output", directory + "/tornado.json"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 3)  // loaded, the handler installed, solving (a debug solve of hiep-phuoc takes longer)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
