/// A scenario read from a file with a policy applied, and what looked odd about it.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// Legal but likely wrong settings, in file order.
    public var warnings: [Diagnostic]
    /// The policies applied, in order (`[]` for the base scenario).
    public var appliedPolicies: [String]

    public init(scenario: Scenario, warnings: [Diagnostic] = [], appliedPolicies: [String] = []) {
        self.scenario = scenario; self.warnings = warnings; self.appliedPolicies = appliedPolicies
    }
}
