import Analysis
import Foundation
import FuzzReplay
import Report

/// libFuzzer target on what `merge` reads: one input is the bytes of a simulation part file
/// (`simulate --shard K/N --output FILE`), mutated (docs/robustness.md).
///
/// What must hold, or the process stops (a finding):
/// - the bytes are read as a part or refused with a message (`PartFile.read`);
/// - a part that reads merges alone or is refused with a message, and the same part given
///   twice is always refused (its blocks overlap);
/// - a merged result renders as a table, CSV and JSON, the JSON parses, and no report holds
///   `nan` where a number was promised.
enum PartFileFuzzer {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(buffer: bytes)
        let part: SimulationResult
        do { part = try PartFile.read(SimulationResult.self, from: data, name: "fuzz.json") } catch {
            if error.description.isEmpty { fail("refused without a message") }
            return
        }
        do {
            _ = try SimulationResult.merge([part, part], names: ["a.json", "b.json"])
            if part.tally.samples > 0 { fail("the same part twice was merged") }
        } catch {
            if "\(error)".isEmpty { fail("a refused merge has no message") }
        }
        let merged: SimulationResult
        do { merged = try SimulationResult.merge([part], names: ["fuzz.json"]) } catch {
            if "\(error)".isEmpty { fail("a refused merge has no message") }
            return
        }
        let report = SimulationReport(result: merged)
        _ = report.table()
        _ = report.csv()
        let json = report.json()
        guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
            fail("the merged result's JSON does not parse: \(json.prefix(200))")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("PartFileFuzzer finding: \(message)\n".utf8))
        abort()
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func partFileFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    PartFileFuzzer.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

#if !SYMBIOSIS_FUZZING
/// Replays inputs without libFuzzer: `PartFileFuzzer FILE|FOLDER…` runs each file once.
@main
enum PartFileFuzzerReplay {
    static func main() { FuzzReplay.main(PartFileFuzzer.run) }
}
#endif
