import Foundation
import Testing
import TestSupport

/// `sensitivity --shard K/N` and `merge` as a user runs them: N = 3 shards merged give the
/// bytes of the one-machine run, for every method; parts that do not belong together are
/// refused with exit 65, naming the files, and nothing is written.
@Suite("symbiosis sensitivity --shard and merge")
struct SensitivityShardCommandTests {
    static let params = ["--param", "resources.clinker.price=30:70", "--param", "resources.fly_ash.disposal_cost=5:40",
                         "--param", "exchanges.ash_to_cement.capex=500000:2000000"]

    /// Runs `arguments` once on one machine and as `shards` shards merged; returns both outputs
    /// (stdout of the single run in `format`, stdout of the merge) and the part paths.
    static func singleAndMerged(_ arguments: [String], shards: Int, format: String, in directory: String,
                                prefix: String) throws -> (single: String, merged: String, parts: [String]) {
        let single = TestSupport.symbiosis(arguments + ["--format", format])
        #expect(single.status == 0, "\(single.stderr)")
        var parts: [String] = []
        for k in 1...shards {
            let path = "\(directory)/\(prefix)-\(k).json"
            let part = TestSupport.symbiosis(arguments + ["--shard", "\(k)/\(shards)", "--output", path, "--threads", "1"])
            #expect(part.status == 0, "\(part.stderr)")
            parts.append(path)
        }
        // Parts in another order than the shards': the merge sorts them by shard.
        // With the scenario, the merged table names the parameters in words as the single run does.
        let merged = TestSupport.symbiosis(["merge"] + parts.reversed() + ["--format", format, "--scenario", arguments[1]])
        #expect(merged.status == 0, "\(merged.stderr)")
        return (single.stdout, merged.stdout, parts)
    }

    /// Every method, 3 shards, JSON and table: the merge is byte for byte the single run.
    @Test(arguments: [
        ["--method", "tornado"],
        ["--method", "sweep", "--param", "resources.fly_ash.disposal_cost=5:40", "--param", "resources.clinker.price=30:70", "--grid", "4"],
        ["--method", "morris", "--trajectories", "6", "--seed", "5"],
        ["--method", "sobol", "--samples", "16", "--seed", "3"],
    ])
    func threeShardsMergeToTheSingleRun(method: [String]) throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = ["sensitivity", TestSupport.scenario("tiny.yaml"), "--policy", "legal_reform"] + method
            + (method[1] == "sweep" ? [] : Self.params)
        for format in ["json", "table"] {
            let run = try Self.singleAndMerged(arguments, shards: 3, format: format, in: directory, prefix: "\(method[1])-\(format)")
            #expect(!run.single.isEmpty)
            #expect(run.merged == run.single, "\(method[1]) \(format): merged differs from the single run")
        }
    }

    /// The chart of the merged study is the single run's chart, byte for byte.
    @Test func mergedChartIsTheSingleRunsChart() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = ["sensitivity", TestSupport.scenario("tiny.yaml"), "--policy", "legal_reform", "--method", "sobol",
                         "--samples", "8"] + Self.params
        let single = TestSupport.symbiosis(arguments + ["--chart", directory + "/single.svg", "--output", directory + "/single.txt"])
        #expect(single.status == 0, "\(single.stderr)")
        var parts: [String] = []
        for k in 1...3 {
            parts.append(directory + "/part-\(k).json")
            #expect(TestSupport.symbiosis(arguments + ["--shard", "\(k)/3", "--output", parts[k - 1]]).status == 0)
        }
        let merged = TestSupport.symbiosis(["merge"] + parts + ["--chart", directory + "/merged.svg", "--scenario", TestSupport.scenario("tiny.yaml"), "--output", directory + "/merged.txt"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let a = try #require(FileManager.default.contents(atPath: directory + "/single.svg"))
        let b = try #require(FileManager.default.contents(atPath: directory + "/merged.svg"))
        #expect(a == b)
        #expect(FileManager.default.contents(atPath: directory + "/single.txt") == FileManager.default.contents(atPath: directory + "/merged.txt"))
    }

    /// A small generated park (10 companies, 30 candidate links, 6 years): 3 shards of a Sobol study
    /// merged equal the single run.
    @Test func generatedParkSobol() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let park = directory + "/park.yaml"
        let generated = TestSupport.symbiosis(["generate", "--companies", "10", "--exchanges", "30", "--years", "6", "--seed", "3", "--output", park])
        #expect(generated.status == 0, "\(generated.stderr)")
        let arguments = ["sensitivity", park, "--method", "sobol", "--samples", "8", "--seed", "2",
                         "--param", "discount_rate=0.04:0.12", "--param", "carbon_price=0:60"]
        let run = try Self.singleAndMerged(arguments, shards: 3, format: "json", in: directory, prefix: "park")
        #expect(run.single.contains("\"evaluations\""))
        #expect(run.merged == run.single)
    }

    /// Parts that do not belong together: another seed, a missing shard, the same shard twice,
    /// a cut file, a simulation part among sensitivity parts. Each is refused with exit 65 and
    /// a message naming the file; --output is not written.
    @Test func mismatchedPartsAreRefused() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tiny = TestSupport.scenario("tiny.yaml")
        let arguments = ["sensitivity", tiny, "--policy", "legal_reform", "--method", "morris", "--trajectories", "4"] + Self.params
        func part(_ extra: [String], _ name: String) -> String {
            let path = directory + "/" + name
            let run = TestSupport.symbiosis(arguments + extra + ["--output", path])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
        let one = part(["--shard", "1/3"], "one.json"), two = part(["--shard", "2/3"], "two.json"), three = part(["--shard", "3/3"], "three.json")
        let reseeded = part(["--shard", "2/3", "--seed", "99"], "reseeded.json")
        let cut = directory + "/cut.json"
        let text = try String(contentsOfFile: two, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: cut, atomically: true, encoding: .utf8)
        let simulation = directory + "/simulation.json"
        #expect(TestSupport.symbiosis(["simulate", tiny, "--samples", "64", "--shard", "1/1", "--output", simulation]).status == 0)
        let output = directory + "/out.json"
        let cases: [(parts: [String], message: String)] = [
            ([one, reseeded, three], "\(one) and \(reseeded) come from different studies (they differ in seed)"),
            ([one, three], "shard 2 of 3 missing"),
            ([one, two, two, three], "\(two) and \(two) are both shard 2/3"),
            ([one, cut, three], "\(cut): not a sensitivity part file"),
            ([one, simulation], "\(simulation): a `simulate` part, but \(one) is a `sensitivity` part"),
        ]
        for (parts, message) in cases {
            let merged = TestSupport.symbiosis(["merge"] + parts + ["--output", output])
            #expect(merged.status == 65, "\(parts): \(merged.stderr)")
            #expect(merged.stderr.contains(message), "\(merged.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
        #expect(TestSupport.symbiosis(["merge", one, two, three, "--output", output]).status == 0)
        // Usage: a shard needs --output; --break-even and --chart are not for shards.
        #expect(TestSupport.symbiosis(arguments + ["--shard", "1/3"]).status == 64)
        #expect(TestSupport.symbiosis(arguments + ["--shard", "4/3", "--output", output]).status == 64)
        #expect(TestSupport.symbiosis(["sensitivity", tiny, "--method", "sweep", "--param", "resources.clinker.price=30:70",
                                       "--break-even", "ash_to_cement", "--shard", "1/2", "--output", output]).status == 64)
    }
}
