import Analysis
import Foundation
import FuzzReplay
import Formulation
import MILP
import Scenario

/// libFuzzer target on the scenario loader and the policy override engine (docs/robustness.md).
///
/// One input is the text of a scenario file. It is loaded as the base scenario, which also
/// applies every policy of the file on its own to report their errors (`PolicyBook`); when it
/// loads, each policy is loaded alone, then one combination `a+b+…` chosen from the input's
/// bytes; every numeric setting is changed once through `Scenario.setting(_:to:)` with a value
/// chosen the same way; and a loaded scenario of modest size is formulated and its model
/// validated. What must hold, or the process stops (a finding):
///
/// - a rejected file has at least one error, each with a message, and a location inside the
///   text (line 1 … lines + 1, column ≥ 1);
/// - a loaded scenario (base or with a policy) gives a model without non-finite coefficients,
///   bounds or sides (`Model.validate()`).
///
/// Built with `-sanitize=fuzzer -Xswiftc -DSYMBIOSIS_FUZZING`, libFuzzer supplies `main`.
/// Built normally, `main` replays files or folders given as arguments (crash reproduction).
enum ScenarioFuzzer {
    /// Largest model formulated per input (years × options): keeps one run near a millisecond.
    static let formulationLimit = 20_000

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

        guard let base = load(text, policy: nil, lines: lines) else { return }
        formulate(base.scenario, what: "base scenario")
        sample(base.scenario, hash: hash)
        let ids = base.scenario.policies.map(\.id)
        for id in ids { _ = load(text, policy: id, lines: lines) }
        if ids.count > 1 {
            // A combination of two or more, in an order taken from the input.
            var chosen: [String] = []
            for (index, id) in ids.enumerated() where (hash >> UInt64(index % 64)) & 1 == 1 { chosen.append(id) }
            if chosen.count < 2 { chosen = [ids[Int(hash % UInt64(ids.count))], ids[Int((hash >> 8) % UInt64(ids.count))]] }
            if hash & 0x100 != 0 { chosen.reverse() }
            let spec = chosen.joined(separator: "+")
            if let combined = load(text, policy: spec, lines: lines) { formulate(combined.scenario, what: "policy \(spec)") }
        }
        edit(base.scenario, hash: hash)
    }

    /// Loads `text` with `policy`; checks the diagnostics of a rejection.
    static func load(_ text: String, policy: String?, lines: Int) -> LoadedScenario? {
        do {
            return try Scenario.parse(yaml: text, file: "fuzz.yaml", policy: policy)
        } catch {
            check(error.diagnostics, lines: lines, policy: policy)
            return nil
        }
    }

    static func check(_ diagnostics: [Diagnostic], lines: Int, policy: String?) {
        let context = policy.map { " with policy \($0)" } ?? ""
        if !diagnostics.contains(where: { $0.severity == .error }) {
            fail("rejected\(context) without an error: \(diagnostics)")
        }
        for diagnostic in diagnostics {
            if diagnostic.message.isEmpty { fail("empty message\(context): \(diagnostic)") }
            if let location = diagnostic.location, !(1 ... lines + 1).contains(location.line) || location.column < 1 {
                fail("location outside the text (\(lines) lines)\(context): \(diagnostic)")
            }
        }
    }

    /// Every numeric setting, once, with a value picked from the input (typed overrides); the
    /// scenario with all the accepted edits is formulated.
    static func edit(_ scenario: Scenario, hash: UInt64) {
        let values: [Double] = [0, 1, -1, 0.5, 1e9, -1e-9, 1e15, 1e308, .nan, .infinity, 1000, 7, 0.9, -0.9]
        var state = hash, edited = scenario, applied: [String] = []
        for path in scenario.settableKeyPaths {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = values[Int(state >> 33) % values.count]
            _ = try? scenario.setting(path, to: value)
            if Int(state >> 20) % 4 == 0, let next = try? edited.setting(path, to: value) {
                edited = next
                applied.append("\(path) = \(value)")
            }
        }
        if !applied.isEmpty { formulate(edited, what: "settings " + applied.joined(separator: ", ")) }
    }

    /// Formulates a loaded scenario (when small enough) and validates the model.
    static func formulate(_ scenario: Scenario, what: String) {
        let options = scenario.exchanges.count + scenario.facilities.count + scenario.companies.count
        guard scenario.horizonYears * max(1, options) <= formulationLimit else { return }
        let formulation = ParkFormulation(scenario)
        do { try formulation.model.validate() } catch {
            fail("\(what) loads but its model is invalid: \(error)")
        }
    }

    /// What `simulate` does before its LPs: a few paths of the `uncertainty:` block drawn with
    /// each sampling method, every multiplier finite, and the model of one path valid.
    static func sample(_ scenario: Scenario, hash: UInt64) {
        guard scenario.uncertainty != nil else { return }
        let options = scenario.exchanges.count + scenario.facilities.count + scenario.companies.count
        guard scenario.horizonYears * max(1, options) <= formulationLimit else { return }
        for method in SamplingMethod.allCases {
            let sampler: PathSampler
            do { sampler = try PathSampler(scenario: scenario, method: method, samples: 4, seed: hash) } catch {
                if "\(error)".isEmpty { fail("sampling (\(method.rawValue)) refused without a message") }
                continue
            }
            for s in 0..<4 {
                for row in sampler.multipliers(sample: s) where row.contains(where: { !$0.isFinite }) {
                    fail("sample \(s) (\(method.rawValue)) has a non-finite multiplier: \(row)")
                }
            }
            let formulation = ParkFormulation(data: ParkData(scenario, path: sampler.path(sample: Int(hash % 4))))
            do { try formulation.model.validate() } catch {
                fail("a sampled path (\(method.rawValue)) gives an invalid model: \(error)")
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("ScenarioFuzzer finding: \(message)\n".utf8))
        abort()
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ScenarioFuzzer.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

#if !SYMBIOSIS_FUZZING
/// Replays inputs without libFuzzer: `ScenarioFuzzer FILE|FOLDER…` runs each file once.
@main
enum ScenarioFuzzerReplay {
    static func main() { FuzzReplay.main(ScenarioFuzzer.run) }
}
#endif
