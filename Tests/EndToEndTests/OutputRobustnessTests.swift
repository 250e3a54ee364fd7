import Foundation
import Testing
import TestSupport

/// Issue 20: what the commands write when the output is not an ordinary new file, when one
/// of several files cannot be written, and when a result holds no number (NaN).
@Suite("output files: devices, modes, all or none")
struct OutputRobustnessTests {
    /// `solve --format json` crashed (array index out of range) when a payoff-table row found
    /// no design and the run fell back to the economic objective: with a discount rate of
    /// −0.95 the rows do. The JSON must parse and list only the rows solved.
    @Test func jsonWithAFallenBackPayoffTableIsWritten() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: TestSupport.scenario("tiny.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "discount_rate: 0.08", with: "discount_rate: -0.95")
        #expect(text.contains("discount_rate: -0.95"))
        try text.write(toFile: directory + "/negative.yaml", atomically: true, encoding: .utf8)
        let result = TestSupport.symbiosis(["solve", "negative.yaml", "--format", "json", "--time-limit", "10"], in: directory)
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        #expect(result.status != 132 && result.status != 134)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for row in json["payoff_table"] as? [[String: Any]] ?? [] {
            #expect((row["values"] as? [String: Any])?.count == 3)
        }
    }

    /// A FIFO (and likewise /dev/null or a terminal) is written in place, never replaced by a
    /// regular file: before the fix `--output FIFO` renamed a regular file over it.
    @Test func aFIFOIsWrittenInPlace() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = Received()
        let reader = Thread {
            // Blocks until the command opens the FIFO for writing, then reads to its end.
            let descriptor = open(fifo, O_RDONLY)
            guard descriptor >= 0 else { return }
            received.set(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile())
        }
        reader.start()
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--output", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        for _ in 0..<100 where received.value == nil { usleep(50_000) }
        #expect(String(decoding: received.value ?? Data(), as: UTF8.self).contains("ash_to_cement"))
    }

    /// An existing output keeps its permission bits (mode 600 used to become 644), and a
    /// temporary file left by a killed run (`.NAME.PID.tmp` of a process that has ended) is
    /// removed by the next write.
    @Test func anExistingFileKeepsItsModeAndStaleTemporariesGo() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/result.txt"
        try "old".write(toFile: output, atomically: true, encoding: .utf8)
        #expect(chmod(output, 0o600) == 0)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = directory + "/.result.txt.\(finished.processIdentifier).tmp"
        try "half a file".write(toFile: stale, atomically: false, encoding: .utf8)
        let result = TestSupport.symbiosis(["solve", "Scenarios/tiny.yaml", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat(output, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("Tiny park"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["result.txt"])
    }

    /// Commands that write several files write all of them or none: `compare --report r.html
    /// --csv FILE` (a file where a folder should be) and `export --mps a.mps --lp BAD` used to
    /// leave r.html and a.mps behind; export exited 70, not 73; `--csv FILE` printed a raw
    /// NSCocoaErrorDomain error.
    @Test func severalFilesAreWrittenAllOrNone() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "not a folder".write(toFile: directory + "/tables", atomically: true, encoding: .utf8)
        let compare = TestSupport.symbiosis(["compare", TestSupport.scenario("tiny.yaml"), "--policies", "baseline",
                                             "--samples", "0", "--report", "r.html", "--csv", "tables"], in: directory)
        #expect(compare.status == 73)
        #expect(compare.stderr.contains("it is a file, not a folder"))
        #expect(!compare.stderr.contains("NSCocoaErrorDomain"))
        let export = TestSupport.symbiosis(["export", TestSupport.scenario("tiny.yaml"), "--mps", "a.mps",
                                            "--lp", "missing/folder/a.lp"], in: directory)
        #expect(export.status == 73)
        #expect(export.stderr.contains("no file was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["tables"])
    }

    /// A tornado whose high end makes the model infeasible (a CO2e target of 1e9 t) wrote a
    /// lone newline as JSON and `nan` in the table and CSV, with exit 0. Now the end says
    /// `infeasible`, its numbers are null (JSON) or empty (CSV), and its bar comes first.
    @Test func anInfeasibleTornadoEndIsReportedAsSuch() throws {
        let arguments = ["sensitivity", "Scenarios/tiny.yaml", "--policy", "legal_reform", "--method", "tornado",
                         "--param", "targets.co2e_avoided=0:1e9", "--param", "resources.clinker.price=30:70", "--threads", "1"]
        let json = TestSupport.symbiosis(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let target = try #require((root["parameters"] as? [String: Any])?["targets.co2e_avoided"] as? [String: Any])
        let high = try #require(target["at_high"] as? [String: Any])
        #expect(high["status"] as? String == "infeasible")
        #expect(high["npv"] is NSNull)
        #expect(target["npv_swing"] is NSNull)
        let table = TestSupport.symbiosis(arguments)
        #expect(table.status == 0)
        #expect(!table.stdout.lowercased().contains("nan"))
        let rows = table.stdout.split(separator: "\n")
        // Parameters are named in words, their key path in the next column.
        let first = try #require(rows.firstIndex { $0.contains("targets.co2e_avoided") })
        let second = try #require(rows.firstIndex { $0.contains("resources.clinker.price") })
        #expect(first < second)
        #expect(rows[first].contains("infeasible"))
        let csv = TestSupport.symbiosis(arguments + ["--format", "csv"])
        #expect(!csv.stdout.lowercased().contains("nan"))
        #expect(csv.stdout.contains(",optimal,infeasible"))
    }
}

/// What the FIFO's reader received.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data? { lock.withLock { data } }
}
