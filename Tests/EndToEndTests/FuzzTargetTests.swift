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
}
