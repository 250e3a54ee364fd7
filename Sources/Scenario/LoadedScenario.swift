/// A scenario read from a file with a policy applied, and what looked odd about it.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// Legal but likely wrong settings, in file order.
    public var warnings: [Diagnostic]
    /// The policy applied (`parts` empty for the base scenario).
    public var policy: AppliedPolicy

    public init(scenario: Scenario, warnings: [Diagnostic] = [], policy: AppliedPolicy = AppliedPolicy(parts: [])) {
        self.scenario = scenario; self.warnings = warnings; self.policy = policy
    }
}
