import Foundation

/// Shared helpers for the unit and end-to-end test targets.
public enum TestSupport {
    /// The package root (the folder holding Package.swift), found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Scenarios/<name>`.
    public static func scenario(_ name: String) -> String {
        packageRoot.appendingPathComponent("Scenarios").appendingPathComponent(name).path
    }

    /// `../shared/tools/highs-check` beside the package.
    public static let highsCheckPath: String = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/tools/highs-check").path

    /// Whether HiGHS can be run here (the tool exists and `highspy` imports).
    public static let highsAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: highsCheckPath) else { return false }
        let result = run("/usr/bin/env", ["python3", "-c", "import highspy"])
        return result.status == 0
    }()

    /// HiGHS's answer for an MPS text: (status, objective).
    public static func highsCheck(mps: String) throws -> (status: String, objective: Double) {
        let file = temporaryFile(suffix: ".mps")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try mps.write(toFile: file, atomically: true, encoding: .utf8)
        let result = run(highsCheckPath, [file])
        // HiGHS prints its banner on stdout before the JSON line.
        let line = result.stdout.split(separator: "\n").last { $0.hasPrefix("{") }.map(String.init) ?? ""
        guard result.status == 0,
              let data = line.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let status = json["status"] as? String,
              let objective = json["objective"] as? Double
        else { throw TestSupportError.highs(result.stdout + result.stderr) }
        return (status, objective)
    }

    /// A new empty folder in the temporary folder (the caller removes it).
    public static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "symbiosis-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A fresh path in the temporary folder.
    public static func temporaryFile(suffix: String) -> String {
        NSTemporaryDirectory() + "symbiosis-test-\(UUID().uuidString)\(suffix)"
    }

    /// Runs a program to completion and captures its output; `environment` is added to this
    /// process's environment. Unless `environment` names one, the run gets a fresh run history
    /// (SYMBIOSIS_HISTORY), removed afterwards: tests never write into the user's history.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = environment
        let ownHistory = environment["SYMBIOSIS_HISTORY"] == nil ? temporaryFile(suffix: "-history.sqlite") : nil
        if let ownHistory { environment["SYMBIOSIS_HISTORY"] = ownHistory }
        defer {
            if let ownHistory {
                for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ownHistory + suffix) }
            }
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "", "\(error)") }
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Whether this process runs under AddressSanitizer or ThreadSanitizer (`swift test
    /// --sanitize=…`): their runtimes define `__asan_init` / `__tsan_init`. Wall-time bounds in
    /// tests are widened there (the code runs 2–15× slower), nothing else changes.
    public static let underSanitizer: Bool = {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil
    }()

    /// `seconds`, or ten times as much under a sanitizer.
    public static func timeBound(_ seconds: Double) -> Double { underSanitizer ? seconds * 10 : seconds }

    /// Relative difference `|a − b| / max(1, |a|, |b|)`.
    public static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(1, abs(a), abs(b))
    }
}

public enum TestSupportError: Error { case highs(String) }

/// A small deterministic generator for test data (SplitMix64; reference values in shared/data).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension TestSupport {
    /// The `symbiosis` executable built beside the test bundle.
    public static let symbiosisPath: String = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [testBinary.deletingLastPathComponent(), testBinary.deletingLastPathComponent().deletingLastPathComponent()]
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let path = directory.appendingPathComponent("symbiosis").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot.appendingPathComponent(".build/debug/symbiosis").path
    }()

    /// Runs `symbiosis` with `arguments` in `directory` (default: the package root).
    public static func symbiosis(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:])
        -> (status: Int32, stdout: String, stderr: String) {
        run(symbiosisPath, arguments, in: directory ?? packageRoot.path, environment: environment)
    }

    /// Compares `text` with `Tests/<target>/Golden/<name>` line by line and returns the
    /// differing lines as a readable diff ("" when equal). With SYMBIOSIS_UPDATE_GOLDEN=1 the
    /// golden file is rewritten instead.
    public static func goldenDifference(_ text: String, golden name: String, target: String = "EndToEndTests") -> String {
        let path = packageRoot.appendingPathComponent("Tests/\(target)/Golden/\(name)").path
        if ProcessInfo.processInfo.environment["SYMBIOSIS_UPDATE_GOLDEN"] == "1" {
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return ""
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else { return "missing golden file \(path)" }
        let want = expected.components(separatedBy: "\n"), got = text.components(separatedBy: "\n")
        var diff: [String] = []
        for index in 0..<max(want.count, got.count) {
            let w = index < want.count ? want[index] : "<end>", g = index < got.count ? got[index] : "<end>"
            if w != g { diff.append("line \(index + 1):\n  - \(w)\n  + \(g)") }
        }
        return diff.joined(separator: "\n")
    }
}
