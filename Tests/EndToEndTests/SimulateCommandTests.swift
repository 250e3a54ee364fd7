import Foundation
import Testing
import TestSupport

/// `simulate` and `merge` as a user runs them.
@Suite("symbiosis simulate and merge")
struct SimulateCommandTests {
    /// Two shards on "two machines" merged give the bytes of the one-machine run, with 1 or 2
    /// threads; the table is a golden file.
    @Test func shardsMergeToTheSingleRun() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scenario = TestSupport.scenario("tiny.yaml")
        let common = ["simulate", scenario, "--policy", "legal_reform", "--samples", "500", "--seed", "11", "--method", "lhs"]
        let single = TestSupport.symbiosis(common + ["--threads", "1", "--format", "json"])
        #expect(single.status == 0, "\(single.stderr)")
        let two = TestSupport.symbiosis(common + ["--threads", "2", "--format", "json"])
        #expect(two.stdout == single.stdout)
        for k in 1...2 {
            let part = TestSupport.symbiosis(common + ["--shard", "\(k)/2", "--output", directory + "/part-\(k).json"])
            #expect(part.status == 0, "\(part.stderr)")
        }
        let merged = TestSupport.symbiosis(["merge", directory + "/part-2.json", directory + "/part-1.json", "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        let again = TestSupport.symbiosis(["merge", directory + "/part-1.json", directory + "/part-1.json"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("in two parts"))
        let table = TestSupport.symbiosis(common + ["--threads", "2"])
        let diff = TestSupport.goldenDifference(table.stdout, golden: "simulate-tiny.txt")
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func samplesCanBeWrittenOut() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = TestSupport.symbiosis(["simulate", TestSupport.scenario("tiny.yaml"), "--samples", "100",
                                            "--samples-out", directory + "/samples.csv", "--output", directory + "/risk.csv", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: directory + "/samples.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
        let samples = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(samples.hasPrefix("sample,npv_USD,co2e_avoided_t,jobs_fte_years,npv_power_plant_USD"))
        #expect(samples.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 101)
        let risk = try #require(FileManager.default.contents(atPath: directory + "/risk.csv"))
        #expect(String(decoding: risk.dropFirst(3), as: UTF8.self).hasPrefix("kind,id,mean"))
    }

    @Test func usageErrorsAreRefused() {
        let tiny = TestSupport.scenario("tiny.yaml")
        #expect(TestSupport.symbiosis(["simulate", tiny, "--shard", "1/2"]).status == 64)
        #expect(TestSupport.symbiosis(["simulate", tiny, "--shard", "3/2", "--output", "/tmp/x.json"]).status == 64)
        #expect(TestSupport.symbiosis(["simulate", tiny, "--samples", "0"]).status == 64)
        let notAPart = TestSupport.symbiosis(["merge", tiny])
        #expect(notAPart.status == 65)
        #expect(notAPart.stderr.contains("not a simulation part file"))
    }

    /// Issue 20 (5): sample counts beyond what the sampling methods can draw are refused with a
    /// message, not a crash (exit 134) or memory exhaustion; shard arithmetic does not overflow.
    @Test func hugeSampleCountsAreRefused() throws {
        let tiny = TestSupport.scenario("tiny.yaml")
        for samples in ["9999999999999", "100000000000", "4294967297", "9223372036854775807"] {
            let result = TestSupport.symbiosis(["simulate", tiny, "--policy", "legal_reform", "--samples", samples])
            #expect(result.status == 64, "--samples \(samples): \(result.stderr)")
            #expect(result.stderr.contains("--samples must be at most 4294967296"), "\(result.stderr)")
        }
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The largest study, split over the most shards: this one has no block to run.
        let part = TestSupport.symbiosis(["simulate", tiny, "--policy", "legal_reform", "--samples", "4294967296",
                                          "--shard", "2/9223372036854775807", "--output", directory + "/part.json"])
        #expect(part.status == 0, "\(part.stderr)")
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let edited = directory + "/huge.yaml"
        try text.replacingOccurrences(of: "  samples: 2000\n", with: "  samples: 5000000000\n").write(toFile: edited, atomically: true, encoding: .utf8)
        let scenario = TestSupport.symbiosis(["simulate", edited, "--policy", "legal_reform"])
        #expect(scenario.status == 65, "\(scenario.stderr)")
        #expect(scenario.stderr.contains("uncertainty.samples: must be at most 4294967296"), "\(scenario.stderr)")
    }

    /// Issue 20 (6): shards of an edited scenario with the same name (one volatility changed)
    /// are refused, naming both files; shards of the same content (reformatted) merge.
    @Test func mergeRefusesPartsOfAnEditedScenario() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let original = "clinker: {model: gbm, drift: 0.02, volatility: 0.15}"
        #expect(text.contains(original))
        let same = directory + "/same.yaml", edited = directory + "/edited.yaml"
        // Same content, other layout: a comment and a number spelled differently.
        try ("# a copy\n" + text.replacingOccurrences(of: original, with: "clinker: {model: gbm, drift: 2e-2, volatility: 0.150}"))
            .write(toFile: same, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: original, with: "clinker: {model: gbm, drift: 0.02, volatility: 0.25}")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let common = ["--policy", "legal_reform", "--samples", "128", "--seed", "3"]
        func shard(_ scenario: String, _ k: Int, _ name: String) -> String {
            let path = directory + "/" + name
            let result = TestSupport.symbiosis(["simulate", scenario] + common + ["--shard", "\(k)/2", "--output", path])
            #expect(result.status == 0, "\(result.stderr)")
            return path
        }
        let first = shard(TestSupport.scenario("tiny.yaml"), 1, "part-1.json")
        let good = shard(same, 2, "part-2.json")
        let bad = shard(edited, 2, "part-2-edited.json")
        let merged = TestSupport.symbiosis(["merge", first, good, "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("\"scenario_digest\""))
        let refused = TestSupport.symbiosis(["merge", first, bad])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains(first) && refused.stderr.contains(bad), "\(refused.stderr)")
        #expect(refused.stderr.contains("different scenarios"), "\(refused.stderr)")
    }

    /// Issue 20 (7): a design file is checked against the model: a build year before the
    /// permit allows it is refused naming the link and the permit, and the deterministic NPV
    /// comes from the model, not from the file.
    @Test func designFilesAreCheckedAgainstTheModel() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tiny = TestSupport.scenario("tiny.yaml")
        let design = directory + "/d.json"
        let solve = TestSupport.symbiosis(["solve", tiny, "--policy", "legal_reform", "--format", "json", "--output", design])
        #expect(solve.status == 0, "\(solve.stderr)")
        let text = try String(contentsOfFile: design, encoding: .utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let npv = try #require((root["economic"] as? [String: Any])?["npv"] as? Double)
        let common = ["simulate", tiny, "--policy", "legal_reform", "--samples", "64", "--format", "json"]

        let early = directory + "/early.json"
        #expect(text.contains("\"build_year\" : 2027"))
        try text.replacingOccurrences(of: "\"build_year\" : 2027", with: "\"build_year\" : 2026").write(toFile: early, atomically: true, encoding: .utf8)
        let refused = TestSupport.symbiosis(common + ["--design", early, "--output", directory + "/risk.json"])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("ash_to_cement") && refused.stderr.contains("waste_as_material"), "\(refused.stderr)")
        #expect(refused.stderr.contains("2026") && refused.stderr.contains("2027"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/risk.json"))

        let claimed = directory + "/claimed.json"
        var edited = root
        var economic = try #require(root["economic"] as? [String: Any])
        economic["npv"] = 123.0
        edited["economic"] = economic
        try JSONSerialization.data(withJSONObject: edited).write(to: URL(fileURLWithPath: claimed))
        let run = TestSupport.symbiosis(common + ["--design", claimed])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let recomputed = try #require((result["design"] as? [String: Any])?["npv"] as? Double)
        #expect(TestSupport.relativeDifference(recomputed, npv) < 1e-6, "\(recomputed) vs \(npv)")
        #expect(run.stderr.contains("states an NPV of 123"), "\(run.stderr)")
    }

    /// Issue 20 (low): Ctrl-C during the first (deterministic) solve exits 130 with
    /// "interrupted" and writes nothing.
    @Test func interruptionDuringTheFirstSolve() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.symbiosisPath)
        process.arguments = ["simulate", TestSupport.scenario("hiep-phuoc.yaml"), "--policy", "legal_reform", "--samples", "64",
                             "--threads", "1", "--format", "json", "--output", directory + "/risk.json"]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted"))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(left.isEmpty, "\(left)")
    }

    /// Ctrl-C during a simulation: a non-zero exit within 2 s, a partial table on stdout, and no
    /// output file.
    @Test func interruptionLeavesNoFile() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.symbiosisPath)
        process.arguments = ["simulate", TestSupport.scenario("tiny.yaml"), "--samples", "5000000", "--threads", "2",
                             "--format", "json", "--output", directory + "/risk.json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < TestSupport.timeBound(2))
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: output, as: UTF8.self).contains("PARTIAL"))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(left.isEmpty, "\(left)")
    }
}
