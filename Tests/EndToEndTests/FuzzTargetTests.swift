import Foundation
import Testing
import TestSupport

/// The libFuzzer target (docs/robustness.md) built without libFuzzer replays inputs: the seed
/// corpus and the crashes it found must run through without a finding.
@Suite struct FuzzTargetTests {
    static let replayPath = URL(fileURLWithPath: TestSupport.symbiosisPath).deletingLastPathComponent()
        .appendingPathComponent("ScenarioFuzzer").path

    @Test func seedCorpusAndFindingsReplayCleanly() throws {
        let findings = TestSupport.packageRoot.appendingPathComponent("Tests/EndToEndTests/FuzzFindings").path
        let result = TestSupport.run(Self.replayPath, ["Scenarios", findings], in: TestSupport.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(result.stdout.hasPrefix("replayed "))
        #expect(!result.stderr.contains("ScenarioFuzzer finding"))
    }

    /// The part-file target (what `merge` reads) replays its seed corpus cleanly.
    @Test func partFileCorpusReplaysCleanly() throws {
        let replay = URL(fileURLWithPath: Self.replayPath).deletingLastPathComponent().appendingPathComponent("PartFileFuzzer").path
        let corpus = TestSupport.packageRoot.appendingPathComponent("Tests/EndToEndTests/PartFuzzCorpus").path
        let result = TestSupport.run(replay, [corpus], in: TestSupport.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(result.stdout.hasPrefix("replayed "))
        #expect(!result.stdout.hasPrefix("replayed 0 "))
        #expect(!result.stderr.contains("PartFileFuzzer finding"))
    }
}
