import Foundation
import Testing
import TestSupport

/// `compare --shard K/N` and `merge` as a user runs them: the parts of 1 and of 3 shards merged
/// write the one-machine run's report, Markdown (and its charts), CSV tables and printed result
/// byte for byte; parts that do not belong together, or a scenario file other than theirs, are
/// refused with exit 65 naming the files, and nothing is written.
@Suite("symbiosis compare --shard and merge")
struct CompareShardCommandTests {
    /// Three options and the status quo's payoff table: 4 items, so 3 shards get 1, 1 and 2 of
    /// them (`StudyShard.range`: ⌊k·4/3⌋ = 0, 1, 2, 4), the last with the status quo.
    static let arguments = ["compare", TestSupport.scenario("tiny.yaml"), "--policies", "baseline,legal_reform,legal_reform+green_credit",
                            "--samples", "128", "--seed", "5"]

    /// The outputs a report run writes into `folder`: --report, --markdown (with its chart
    /// folder), --csv and the printed result in `format` to --output.
    static func outputs(_ folder: String, format: String) -> [String] {
        ["--report", folder + "/report.html", "--markdown", folder + "/report.md", "--csv", folder + "/tables",
         "--format", format, "--output", folder + "/printed.txt"]
    }

    /// Every file under `folder` (relative path → bytes).
    static func files(under folder: String) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return found
    }

    /// Writes the `shards` parts of the comparison into `directory`; returns their paths.
    static func parts(_ shards: Int, in directory: String, prefix: String, extra: [String] = []) -> [String] {
        (1...shards).map { k in
            let path = "\(directory)/\(prefix)-\(k).json"
            let run = TestSupport.symbiosis(arguments + extra + ["--shard", "\(k)/\(shards)", "--output", path, "--threads", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
    }

    /// 1 and 3 shards, JSON and table, English and Vietnamese with the excel-vi CSV dialect: the
    /// merged files are the single run's files, byte for byte, and the same set of files.
    @Test(arguments: [(1, "json", ["--lang", "en"]), (3, "json", ["--lang", "en"]),
                      (3, "table", ["--lang", "vi", "--csv-dialect", "excel-vi"])])
    func shardsMergeToTheSingleRun(shards: Int, format: String, language: [String]) throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for folder in ["single", "merged"] { try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true) }
        let single = TestSupport.symbiosis(Self.arguments + Self.outputs(directory + "/single", format: format) + language)
        #expect(single.status == 0, "\(single.stderr)")
        let parts = Self.parts(shards, in: directory, prefix: "part")
        // Parts in another order than the shards': the merge sorts them by shard.
        let merged = TestSupport.symbiosis(["merge"] + parts.reversed() + ["--scenario", TestSupport.scenario("tiny.yaml")]
                                           + Self.outputs(directory + "/merged", format: format) + language)
        #expect(merged.status == 0, "\(merged.stderr)")
        let a = try Self.files(under: directory + "/single"), b = try Self.files(under: directory + "/merged")
        // report.html, report.md, its charts, 3 CSV tables and the printed result.
        #expect(a.count >= 6, "\(a.keys.sorted())")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a.sorted(by: { $0.key < $1.key }) {
            #expect(b[name] == bytes, "\(name): merged differs from the single run")
        }
        // The printed result is the comparison itself, not an empty file.
        let printed = String(decoding: a["printed.txt"] ?? Data(), as: UTF8.self)
        #expect(printed.contains("legal_reform+green_credit"))
    }

    /// A file whose status quo is one of its policies (`status_quo: landfill_tax`): the status
    /// quo's payoff table falls in shard 2 of 2 with the last option, while the options of shard
    /// 1 are judged at the merge against the same status quo; the merged JSON is the single run's.
    @Test func statusQuoPolicyShardsMergeToTheSingleRun() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let park = directory + "/park.yaml"
        let source = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
        let text = source.replacingOccurrences(of: "discount_rate: 0.08", with: "discount_rate: 0.08\nstatus_quo: landfill_tax")
        #expect(text != source)
        try text.write(toFile: park, atomically: true, encoding: .utf8)
        let arguments = ["compare", park, "--policies", "baseline,landfill_tax+legal_reform,legal_reform+green_credit", "--samples", "64"]
        let single = TestSupport.symbiosis(arguments + ["--format", "json"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("\"status_quo\" : \"landfill_tax\""))
        var parts: [String] = []
        for k in 1...2 {
            parts.append(directory + "/part-\(k).json")
            let run = TestSupport.symbiosis(arguments + ["--shard", "\(k)/2", "--output", parts[k - 1]])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = TestSupport.symbiosis(["merge"] + parts + ["--scenario", park, "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
    }

    /// Parts that do not belong together (another seed, a missing shard, the same shard twice, a
    /// cut file, an edited file, a sensitivity part among compare parts) and a scenario file other than the
    /// parts' (one value changed; only a comment changed) are refused with exit 65 and a message
    /// naming the file; nothing is written. A merge of compare parts needs --scenario (exit 64).
    @Test func mismatchedPartsAreRefused() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tiny = TestSupport.scenario("tiny.yaml")
        let parts = Self.parts(3, in: directory, prefix: "part", extra: ["--samples", "64"])
        let (one, two, three) = (parts[0], parts[1], parts[2])
        let reseeded = Self.parts(3, in: directory, prefix: "reseeded", extra: ["--samples", "64", "--seed", "6"])[1]
        let cut = directory + "/cut.json"
        let text = try String(contentsOfFile: two, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: cut, atomically: true, encoding: .utf8)
        // The last part without the status quo's scales (an edited file): its header still
        // says it holds the last item.
        let unscaled = directory + "/unscaled.json"
        let last = try String(contentsOfFile: three, encoding: .utf8)
        let stripped = last.replacingOccurrences(of: #","scales":\{[^}]*\}"#, with: "", options: .regularExpression)
        #expect(stripped != last)
        try stripped.write(toFile: unscaled, atomically: true, encoding: .utf8)
        let sensitivity = directory + "/sensitivity.json"
        #expect(TestSupport.symbiosis(["sensitivity", tiny, "--method", "tornado", "--param", "resources.clinker.price=30:70",
                                       "--shard", "1/1", "--output", sensitivity]).status == 0)
        let source = try String(contentsOfFile: tiny, encoding: .utf8)
        let edited = directory + "/edited.yaml", commented = directory + "/commented.yaml"
        try source.replacingOccurrences(of: "samples: 2000", with: "samples: 2000\n  # a comment more")
            .write(toFile: commented, atomically: true, encoding: .utf8)
        let changed = source.replacingOccurrences(of: "name: Tiny park", with: "name: Tiny park B")
        #expect(changed != source)
        try changed.write(toFile: edited, atomically: true, encoding: .utf8)
        let output = directory + "/out.txt", report = directory + "/report.html"
        let cases: [(parts: [String], scenario: String, message: String)] = [
            ([one, reseeded, three], tiny, "\(one) and \(reseeded) come from different comparisons (they differ in seed)"),
            ([one, three], tiny, "shard 2 of 3 missing"),
            ([one, two, two, three], tiny, "\(two) and \(two) are both shard 2/3"),
            ([one, cut, three], tiny, "\(cut): not a compare part file"),
            ([one, two, unscaled], tiny, "\(unscaled): a damaged or edited part file: shard 3/3 holds the status quo's scales, the part has none"),
            ([one, sensitivity], tiny, "\(sensitivity): a `sensitivity` part, but \(one) is a `compare` part"),
            ([one, two, three], edited, "\(edited) is not the scenario file the parts were computed on (it differs in scenario content"),
            ([one, two, three], commented, "\(commented) is not the scenario file the parts were computed on (it differs in scenario file text)"),
        ]
        for (parts, scenario, message) in cases {
            let merged = TestSupport.symbiosis(["merge"] + parts + ["--scenario", scenario, "--output", output, "--report", report])
            #expect(merged.status == 65, "\(parts): \(merged.stderr)")
            #expect(merged.stderr.contains(message), "\(merged.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
            #expect(!FileManager.default.fileExists(atPath: report))
        }
        #expect(TestSupport.symbiosis(["merge", one, two, three, "--output", output]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
        let merged = TestSupport.symbiosis(["merge", one, two, three, "--scenario", tiny, "--output", output, "--report", report])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(FileManager.default.fileExists(atPath: report))
        // Usage: a shard needs --output, and writes no report itself; no tornado in a shard.
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "1/3"]).status == 64)
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "4/3", "--output", output]).status == 64)
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "1/3", "--output", output, "--report", report]).status == 64)
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "1/3", "--output", output, "--tornado"]).status == 64)
    }
}
