import Foundation
import Testing
import TestSupport

/// `pareto --shard K/N` and `merge` as a user runs them: the parts of 1 and of 3 shards merged
/// print the one-machine front (table, JSON, CSV in both dialects) and draw its chart, byte for
/// byte; parts that do not belong together, or a scenario file other than theirs, are refused
/// with exit 65 naming the files, and nothing is written.
@Suite("symbiosis pareto --shard and merge")
struct ParetoShardCommandTests {
    /// tiny.yaml under the reform, economic against environmental: 6 grid levels, so 3 shards
    /// get 2 each (`StudyShard.range`: ⌊k·6/3⌋ = 0, 2, 4, 6), and the front's two points are
    /// found in different shards (the ash link alone at the lowest CO2e level, the water chain
    /// at the highest).
    static let arguments = ["pareto", TestSupport.scenario("tiny.yaml"), "--policy", "legal_reform", "--points", "6"]

    /// Writes the `shards` parts of `arguments` into `directory`; returns their paths.
    static func parts(_ shards: Int, in directory: String, prefix: String, arguments: [String] = arguments) -> [String] {
        (1...shards).map { k in
            let path = "\(directory)/\(prefix)-\(k).json"
            let run = TestSupport.symbiosis(arguments + ["--shard", "\(k)/\(shards)", "--output", path, "--threads", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
    }

    /// 1 and 3 shards of a two-objective front, and 3 shards of a three-objective one (whose
    /// runs of levels cut the outer objective's rows): the merged table, JSON, CSV (standard and
    /// excel-vi) and chart are the single run's bytes.
    @Test(arguments: [(1, [String]()), (3, []), (3, ["--objectives", "economic,environmental,social", "--points", "4"])])
    func shardsMergeToTheSingleRun(shards: Int, extra: [String]) throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = Self.arguments + extra
        let parts = Self.parts(shards, in: directory, prefix: "part", arguments: arguments)
        let outputs: [(format: [String], name: String)] = [
            (["--format", "table"], "front.txt"), (["--format", "json"], "front.json"), (["--format", "csv"], "front.csv"),
            (["--format", "csv", "--csv-dialect", "excel-vi"], "front-vi.csv"),
        ]
        for (format, name) in outputs {
            let single = TestSupport.symbiosis(arguments + format + ["--output", "\(directory)/single-\(name)", "--chart", "\(directory)/single.svg"])
            #expect(single.status == 0, "\(single.stderr)")
            // Parts in another order than the shards': the merge sorts them by shard.
            let merged = TestSupport.symbiosis(["merge"] + parts.reversed() + ["--scenario", TestSupport.scenario("tiny.yaml")] + format
                                               + ["--output", "\(directory)/merged-\(name)", "--chart", "\(directory)/merged.svg"])
            #expect(merged.status == 0, "\(merged.stderr)")
            let a = FileManager.default.contents(atPath: "\(directory)/single-\(name)")
            #expect(a != nil && a == FileManager.default.contents(atPath: "\(directory)/merged-\(name)"), "\(name): merged differs from the single run")
            let chart = FileManager.default.contents(atPath: "\(directory)/single.svg")
            #expect(chart != nil && chart == FileManager.default.contents(atPath: "\(directory)/merged.svg"), "\(name): charts differ")
        }
        // The front itself, not an empty one: tiny's two points under the reform.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/merged-front.json"))) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect((json["points"] as? [Any])?.count == 2)
    }

    /// Parts that do not belong together (other --points, another policy, a missing shard, the
    /// same shard twice, a cut file, an edited file, a compare part among pareto parts) and a
    /// scenario file other than the parts' are refused with exit 65 and a message naming the
    /// file; nothing is written. A merge of pareto parts needs --scenario (exit 64); a shard
    /// needs --output and draws no chart (exit 64).
    @Test func mismatchedPartsAreRefused() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tiny = TestSupport.scenario("tiny.yaml")
        let parts = Self.parts(3, in: directory, prefix: "part")
        let (one, two, three) = (parts[0], parts[1], parts[2])
        let finer = Self.parts(3, in: directory, prefix: "finer", arguments: Array(Self.arguments.dropLast()) + ["7"])[1]
        let base = directory + "/base.json"
        #expect(TestSupport.symbiosis(["pareto", tiny, "--points", "6", "--shard", "2/3", "--output", base]).status == 0)
        let cut = directory + "/cut.json"
        let text = try String(contentsOfFile: two, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: cut, atomically: true, encoding: .utf8)
        // Shard 1's first answer moved to a level of shard 3 (an edited file).
        let moved = directory + "/moved.json"
        let first = try String(contentsOfFile: one, encoding: .utf8)
        let edited = first.replacingOccurrences(of: #""level":[0],"outcome""#, with: #""level":[5],"outcome""#)
        #expect(edited != first)
        try edited.write(toFile: moved, atomically: true, encoding: .utf8)
        let compare = directory + "/compare.json"
        #expect(TestSupport.symbiosis(["compare", tiny, "--policies", "baseline", "--samples", "0", "--shard", "1/1", "--output", compare]).status == 0)
        let source = try String(contentsOfFile: tiny, encoding: .utf8)
        let renamed = directory + "/renamed.yaml"
        let changed = source.replacingOccurrences(of: "name: Tiny park", with: "name: Tiny park B")
        #expect(changed != source)
        try changed.write(toFile: renamed, atomically: true, encoding: .utf8)
        let output = directory + "/out.json", chart = directory + "/front.svg"
        let cases: [(parts: [String], scenario: String, message: String)] = [
            ([one, finer, three], tiny, "\(one) and \(finer) come from different fronts (they differ in points)"),
            ([one, base, three], tiny, "\(one) and \(base) come from different fronts (they differ in scenario content, policy)"),
            ([one, three], tiny, "shard 2 of 3 missing"),
            ([one, two, two, three], tiny, "\(two) and \(two) are both shard 2/3"),
            ([one, cut, three], tiny, "\(cut): not a pareto part file"),
            ([moved, two, three], tiny, "\(moved): a damaged or edited part file: level [5] is not one of this shard's"),
            ([one, compare], tiny, "\(compare): a `compare` part, but \(one) is a `pareto` part"),
            ([one, two, three], renamed, "\(renamed) is not the scenario the parts were computed on"),
        ]
        for (parts, scenario, message) in cases {
            let merged = TestSupport.symbiosis(["merge"] + parts + ["--scenario", scenario, "--output", output, "--chart", chart])
            #expect(merged.status == 65, "\(parts): \(merged.stderr)")
            #expect(merged.stderr.contains(message), "\(merged.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output) && !FileManager.default.fileExists(atPath: chart))
        }
        #expect(TestSupport.symbiosis(["merge", one, two, three, "--output", output]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "1/3"]).status == 64)
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "0/3", "--output", output]).status == 64)
        #expect(TestSupport.symbiosis(Self.arguments + ["--shard", "1/3", "--output", output, "--chart", chart]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
