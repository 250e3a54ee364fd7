import Foundation
import Testing
import TestSupport
@testable import Scenario

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Property test: thousands of mutations of tiny.yaml never crash the loader, and each one either
/// loads or is rejected with at least one located error.
@Suite struct FuzzTests {
    /// One random edit of `text` (tiny.yaml is ASCII, so editing bytes is editing characters).
    static func mutate(_ text: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = text
        guard bytes.count > 2 else { return bytes }
        let newline = UInt8(ascii: "\n")
        func pick(_ count: Int) -> Int { Int(rng.next() % UInt64(max(1, count))) }
        /// Start and end (after the newline) of the line holding byte `i`.
        func line(around i: Int) -> Range<Int> {
            let start = (bytes[..<i].lastIndex(of: newline) ?? -1) + 1
            let end = bytes[i...].firstIndex(of: newline).map { $0 + 1 } ?? bytes.count
            return start ..< end
        }
        switch rng.next() % 7 {
        case 0: // delete a line
            bytes.removeSubrange(line(around: pick(bytes.count)))
        case 1: // swap two neighbouring characters
            let i = pick(bytes.count - 1)
            bytes.swapAt(i, i + 1)
        case 2: // duplicate a line
            let range = line(around: pick(bytes.count))
            bytes.insert(contentsOf: Array(bytes[range]), at: range.lowerBound)
        case 3: // change a number to -1, .nan, .inf, 0, text or a huge value
            let from = pick(bytes.count)
            guard let digit = bytes[from...].firstIndex(where: { (48 ... 57).contains($0) })
                ?? bytes[..<from].firstIndex(where: { (48 ... 57).contains($0) }) else { return bytes }
            var start = digit, end = digit
            while start > 0, (48 ... 57).contains(bytes[start - 1]) || bytes[start - 1] == 46 { start -= 1 }
            while end < bytes.count, (48 ... 57).contains(bytes[end]) || bytes[end] == 46 { end += 1 }
            let replacement = ["-1", ".nan", ".inf", "0", "x", "1e999", "-0.5"][pick(7)]
            bytes.replaceSubrange(start ..< end, with: Array(replacement.utf8))
        case 4: // truncate
            bytes.removeSubrange(pick(bytes.count)...)
        case 5: // overwrite a character with YAML punctuation
            bytes[pick(bytes.count)] = Array(":-[{}#'\" \n&*!|\t".utf8)[pick(15)]
        default: // delete a character
            bytes.remove(at: pick(bytes.count))
        }
        return bytes
    }

    @Test func mutationsNeverCrashAndAlwaysExplainThemselves() throws {
        var rng = SplitMix64(state: 20_261_129)
        let policies: [String?] = [nil, nil, nil, "landfill_tax+legal_reform", "carbon_price", "green_credit"]
        var loaded = 0, rejected = 0
        let start = Date()
        for round in 0 ..< 2500 {
            var bytes = Array(Fixtures.tinyYAML.utf8)
            for _ in 0 ... Int(rng.next() % 3) { bytes = Self.mutate(bytes, using: &rng) }
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let policy = policies[round % policies.count]
            do {
                _ = try Scenario.parse(yaml: text, file: "fuzz.yaml", policy: policy)
                loaded += 1
            } catch {
                rejected += 1
                #expect(!error.diagnostics.isEmpty, "round \(round): rejected without a diagnostic")
                for d in error.diagnostics {
                    #expect(d.severity == .error)
                    #expect(!d.message.isEmpty)
                    if let location = d.location {
                        #expect((1 ... lineCount + 1).contains(location.line) && location.column >= 1,
                                "round \(round): \(d)")
                    }
                }
            }
        }
        #expect(loaded > 100, "too few mutations load: \(loaded)")
        #expect(rejected > 1000, "too few mutations are rejected: \(rejected)")
        // A guard against pathological (e.g. quadratic) slowness, not a benchmark: about 15 s alone,
        // 20-76 s beside the rest of the suite and sanitizer builds on 2 cores.
        #expect(Date().timeIntervalSince(start) < TestSupport.timeBound(120))
    }
}
