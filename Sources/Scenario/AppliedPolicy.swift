/// The policy a scenario is run under, as data carried from loading to every report: its
/// parts (a combined policy `a+b` applies `a`, then `b`), and from the scenario's `policies:`
/// block their descriptions and overrides.
///
/// The `+` grammar is parsed here once (`parts(of:)`), and the status quo — no policy
/// applied — has its one name here (`statusQuoName`).
public struct AppliedPolicy: Sendable, Equatable {
    /// The name of the run without a policy in reports, JSON and `--policies`: `baseline`.
    public static let statusQuoName = "baseline"

    /// The policies applied, in order; `[]` for the status quo.
    public var parts: [String]

    public init(parts: [String]) { self.parts = parts }

    /// The policy named by `spec` (`a+b`); the status quo for `nil`, empty text, or `baseline`
    /// when `defined` has no policy of that name.
    public init(spec: String?, defined: [String] = []) {
        guard let spec, !spec.trimmingWhitespace.isEmpty else { self.init(parts: []); return }
        if spec.trimmingWhitespace == Self.statusQuoName && !defined.contains(Self.statusQuoName) { self.init(parts: []); return }
        self.init(parts: Self.parts(of: spec))
    }

    /// `a+b` → `["a", "b"]`, each name trimmed (empty names kept, for the loader to report).
    public static func parts(of spec: String) -> [String] {
        spec.split(separator: "+", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
    }

    /// Whether no policy is applied.
    public var isStatusQuo: Bool { parts.isEmpty }

    /// `a+b`, or `baseline` for the status quo.
    public var name: String { isStatusQuo ? Self.statusQuoName : parts.joined(separator: "+") }

    /// The spec to load: `nil` for the status quo.
    public var spec: String? { isStatusQuo ? nil : name }

    /// The parts' non-empty descriptions in `policies`, joined by "; ".
    public func description(in policies: [Policy]) -> String {
        parts.compactMap { part in policies.first { $0.id == part }?.description }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The parts' descriptions in Vietnamese where given (`description_vi`), else as written.
    public func descriptionVi(in policies: [Policy]) -> String {
        parts.compactMap { part in policies.first { $0.id == part }.map { $0.descriptionVi ?? $0.description } }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The name a board member reads: each part's `name` (`name_vi` in Vietnamese when given),
    /// else its id, joined by " + "; `nil` when no part has a name (the id expression is shown).
    public func title(in policies: [Policy], vietnamese: Bool = false) -> String? {
        let found = parts.map { part in policies.first { $0.id == part } }
        guard found.contains(where: { $0?.title != nil || $0?.titleVi != nil }) else { return nil }
        return zip(parts, found).map { part, policy in
            (vietnamese ? policy?.titleVi ?? policy?.title : policy?.title) ?? part
        }.joined(separator: " + ")
    }

    /// The parts' overrides in `policies`, in the order applied.
    public func overrides(in policies: [Policy]) -> [Override] {
        parts.flatMap { part in policies.first { $0.id == part }?.overrides ?? [] }
    }

    /// The options a comparison runs for `requested` (`["all"]`: the status quo, unless a policy
    /// is itself named `baseline`, then every policy of `defined`, in file order).
    public static func options(_ requested: [String], defined: [String]) -> [String] {
        guard requested == ["all"] else { return requested }
        return (defined.contains(statusQuoName) ? [] : [statusQuoName]) + defined
    }
}
