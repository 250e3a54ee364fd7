import Foundation
import Scenario

/// One setting the board asks about: policy options applied in order (`a+b`), then numeric
/// levers set by key path. The same setting always names the same park (`contentDigest` of the
/// scenario it yields), which is what the history cache is keyed by.
public struct BoardSetting: Sendable, Equatable, Codable {
    /// The policy options applied, in the order given; empty for the status quo.
    public var policies: [String]
    /// Lever key path → value, applied after the policies.
    public var overrides: [String: Double]

    public init(policies: [String] = [], overrides: [String: Double] = [:]) {
        self.policies = policies; self.overrides = overrides
    }

    /// `a+b`, or `baseline`.
    public var policyName: String { AppliedPolicy(parts: policies).name }

    /// The overrides as `key.path=value`, sorted by key (the run history's form).
    public var overrideLines: [String] { overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.number($0.value))" } }

    /// A name for reports: `landfill_tax + fee 25` style, the policy expression then the levers.
    public var title: String {
        overrides.isEmpty ? policyName : policyName + " [" + overrideLines.joined(separator: ", ") + "]"
    }

    static func number(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

/// A request the board room refuses: HTTP 400 with this message.
public struct BoardRoomInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension BoardRoomPark {
    /// The scenario of `setting`: the file loaded with its policies, then each lever set with
    /// `Scenario.setting(_:to:)`. Throws `BoardRoomInputError` naming the policy or key when the
    /// setting is not allowed (unknown policy or lever, value outside the lever's range).
    public func scenario(for setting: BoardSetting) throws -> Scenario {
        let defined = base.policies.map(\.id)
        for part in setting.policies where !defined.contains(part) {
            throw BoardRoomInputError("unknown policy option '\(part)' in \(file); options: \(defined.joined(separator: ", "))")
        }
        if Set(setting.policies).count != setting.policies.count {
            throw BoardRoomInputError("a policy option is named twice: \(setting.policyName)")
        }
        for (key, value) in setting.overrides.sorted(by: { $0.key < $1.key }) {
            guard let lever = levers.first(where: { $0.key == key }) else {
                throw BoardRoomInputError("unknown lever '\(key)'; levers: \(levers.map(\.key).joined(separator: ", "))")
            }
            if let problem = lever.violation(value) { throw BoardRoomInputError(problem) }
        }
        var scenario: Scenario
        if setting.policies.isEmpty { scenario = base } else {
            do { scenario = try Scenario.load(contentsOf: file, policy: setting.policyName).scenario } catch {
                throw BoardRoomInputError("\(file): policy \(setting.policyName): "
                                          + error.diagnostics.map { "\($0)" }.joined(separator: "; "))
            }
        }
        for (key, value) in setting.overrides.sorted(by: { $0.key < $1.key }) {
            do { scenario = try Lever.applying(key, value, to: scenario) } catch {
                throw BoardRoomInputError(error.diagnostics.map { "\($0)" }.joined(separator: "; "))
            }
        }
        return scenario
    }
}
