import Analysis
import Foundation
import MILP
import Report
import Scenario
import Testing
import TestSupport

/// Sharding a sensitivity study: the partition of its points, the part file's round trip, and
/// the checks `merge` makes. No solve: evaluations are made up, the checks are on bookkeeping.
@Suite struct SensitivityShardTests {
    /// Brute force over small sizes: the shards' ranges are contiguous, in order, and cover
    /// every point exactly once; sizes differ by at most one.
    @Test func shardsCoverEveryPointOnce() {
        for total in 0...40 {
            for count in 1...12 {
                let ranges = (0..<count).map { StudyShard(index: $0, count: count).range(of: total) }
                #expect(ranges.first?.lowerBound == 0)
                #expect(ranges.last?.upperBound == total)
                for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
                let sizes = ranges.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1, "total \(total), \(count) shards: \(sizes)")
            }
        }
        // The arithmetic does not overflow for the largest shard count (k·total needs 128 bits).
        let huge = StudyShard(index: Int.max - 1, count: Int.max)
        #expect(huge.range(of: 1_000_000) == 999_999..<1_000_000)
        #expect(StudyShard(argument: "3/2") == nil)
        #expect(StudyShard(argument: "0/2") == nil)
        #expect(StudyShard(argument: "2/") == nil)
        #expect(StudyShard(argument: "2/4") == StudyShard(index: 1, count: 4))
    }

    /// The study's points do not depend on anything but the study: Sobol has N × (D + 2),
    /// Morris r × (D + 1), tornado 2D + 1 and a sweep grid^D.
    @Test func pointCounts() throws {
        let parameters = [SensitivityParameter(keyPath: "a", low: 0, high: 1), SensitivityParameter(keyPath: "b", low: 2, high: 4)]
        // The count without the points is the number of points.
        for plan in [SensitivityPlan(method: .sobol, parameters: parameters, samples: 16), SensitivityPlan(method: .morris, parameters: parameters, trajectories: 5),
                     SensitivityPlan(method: .tornado, parameters: parameters), SensitivityPlan(method: .sweep, parameters: parameters, grid: 3)] {
            #expect(try plan.pointCount == plan.points().count, "\(plan.method)")
        }
        #expect(try SensitivityPlan(method: .sobol, parameters: parameters, samples: 16).points().count == 16 * 4)
        #expect(try SensitivityPlan(method: .morris, parameters: parameters, trajectories: 5).points().count == 5 * 3)
        #expect(try SensitivityPlan(method: .tornado, parameters: parameters).points().count == 5)
        #expect(try SensitivityPlan(method: .sweep, parameters: parameters, grid: 3).points().count == 9)
        // Settings another method uses do not make two studies differ.
        #expect(SensitivityPlan(method: .tornado, parameters: parameters, grid: 3, seed: 1)
                == SensitivityPlan(method: .tornado, parameters: parameters, grid: 9, seed: 2))
    }

    static let parameters = [SensitivityParameter(keyPath: "resources.clinker.price", low: 30, high: 70),
                             SensitivityParameter(keyPath: "resources.fly_ash.disposal_cost", low: 5, high: 40)]

    /// Made-up evaluations of a Morris study of 7 trajectories (21 points), split in `count`.
    static func parts(count: Int, seed: UInt64 = 7) throws -> [SensitivityPart] {
        let study = SensitivityPlan(method: .morris, parameters: parameters, trajectories: 7, seed: seed)
        let points = try study.points()
        let header = SensitivityPart.Header(
            scenario: try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: nil).scenario, policy: nil, study: study,
            weights: ObjectiveWeights(economic: 1, environmental: 0, social: 0), timeLimit: nil, search: "best-bound", points: points.count)
        let evaluations = points.enumerated().map { i, row in
            ParkEvaluation(npv: 1_000 * row[0]! - Double(i), co2eAvoided: row[1]!, jobs: 0.5, built: i % 2 == 0 ? ["a"] : [],
                           termination: .optimal)
        }
        return (0..<count).map { k in
            let shard = StudyShard(index: k, count: count)
            return SensitivityPart(header: header, shard: shard, evaluations: Array(evaluations[shard.range(of: points.count)]))
        }
    }

    /// Parts in any order merge to the evaluations of every point in point order; the part
    /// file gives back the same values, NaN (no design) and −0 included, bit for bit.
    @Test func partsMergeInPointOrder() throws {
        var parts = try Self.parts(count: 3)
        parts[1].evaluations[0].npv = .nan
        parts[1].evaluations[0].termination = .infeasible
        parts[2].evaluations[0].jobs = -0.0
        let names = ["p1", "p2", "p3"]
        let reread = try parts.enumerated().map { k, part in
            try PartFile.read(SensitivityPart.self, from: Data(SensitivityReport.partFile(part).utf8), name: names[k])
        }
        for (a, b) in zip(parts, reread) {
            #expect(a.header == b.header && a.shard == b.shard)
            #expect(a.evaluations.map { $0.values.map(\.bitPattern) } == b.evaluations.map { $0.values.map(\.bitPattern) })
            #expect(a.evaluations.map(\.termination) == b.evaluations.map(\.termination))
        }
        let merged = try SensitivityPart.merge([reread[2], reread[0], reread[1]], names: ["p3", "p1", "p2"])
        let whole = try Self.parts(count: 1)[0].evaluations
        #expect(merged.evaluations.count == whole.count)
        #expect(merged.evaluations.map(\.co2eAvoided) == whole.map(\.co2eAvoided))
    }

    /// Missing shards, a shard twice, other shard counts and other studies are refused, naming
    /// the files.
    @Test func mismatchedPartsAreRefused() throws {
        let three = try Self.parts(count: 3)
        func refusal(_ parts: [SensitivityPart], _ names: [String]) -> String? {
            do { _ = try SensitivityPart.merge(parts, names: names); return nil } catch { return error.description }
        }
        #expect(refusal([three[0], three[2]], ["a", "c"])?.contains("shard 2 of 3 missing") == true)
        #expect(refusal([three[0], three[1], three[1], three[2]], ["a", "b", "b2", "c"])?.contains("b and b2 are both shard 2/3") == true)
        let two = try Self.parts(count: 2)
        #expect(refusal([three[0], two[1], three[2]], ["a", "x", "c"])?.contains("a is a shard of 3 and x a shard of 2") == true)
        let reseeded = try Self.parts(count: 3, seed: 8)
        let other = refusal([three[0], reseeded[1], three[2]], ["a", "s", "c"])
        #expect(other?.contains("a and s come from different studies (they differ in seed)") == true, "\(other ?? "merged")")
        var edited = three[1]
        edited.header.scenarioDigest = "0000000000000000"
        #expect(refusal([three[0], edited, three[2]], ["a", "e", "c"])?.contains("a and e study different scenarios") == true)
    }

    /// An edited part (an evaluation removed, a shard that cannot exist, points that do not
    /// match the study) is refused when read; bytes that are not a part say so.
    @Test func damagedPartsAreRefusedWhenRead() throws {
        var part = try Self.parts(count: 3)[1]
        func problem(_ part: SensitivityPart) -> String? {
            do { _ = try PartFile.read(SensitivityPart.self, from: Data(SensitivityReport.partFile(part).utf8), name: "edited.json"); return nil } catch {
                return error.description
            }
        }
        part.evaluations.removeLast()
        #expect(problem(part)?.hasPrefix("edited.json: a damaged or edited part file: 6 evaluations for the 7 points of shard 2/3") == true)
        part = try Self.parts(count: 3)[1]
        part.shard.index = 5
        #expect(problem(part)?.contains("shard 6 of 3 does not exist") == true)
        part = try Self.parts(count: 3)[1]
        part.header.points = 30
        #expect(problem(part)?.contains("the study has 21 points, the part says 30") == true)
        // Settings no run accepts are refused before the points are built (2⁴⁰ Sobol samples
        // would not fit in memory; negative trajectories would trap).
        part = try Self.parts(count: 3)[1]
        part.header.study = SensitivityPlan(method: .sobol, parameters: Self.parameters, samples: 1 << 40)
        part.header.points = (1 << 40) * 4
        #expect(problem(part)?.contains("study settings `sensitivity` does not accept (sobol, 2 parameters)") == true)
        part.header.study = SensitivityPlan(method: .morris, parameters: Self.parameters, trajectories: -3)
        part.header.points = -9
        #expect(problem(part)?.contains("study settings `sensitivity` does not accept (morris, 2 parameters)") == true)
        let text = SensitivityReport.partFile(try Self.parts(count: 3)[0])
        do { _ = try PartFile.read(SensitivityPart.self, from: Data(text.prefix(text.count / 2).utf8), name: "cut.json"); Issue.record("a cut part was read") } catch {
            #expect(error.description.hasPrefix("cut.json: not a sensitivity part file"))
        }
    }
}
