import Scenario

extension PolicyOption {
    /// An option judged outside `PolicyComparison.run`: the board room evaluates one setting at
    /// a time with the same `PolicyAppraisal` (its `appraisal`), without Monte Carlo risk.
    public init(named name: String, scenario: Scenario, result: OptimizationResult, appraisal: OptionAppraisal?) {
        self.init(name: name, description: "", scenario: scenario, result: result, risk: nil)
        self.appraisal = appraisal
    }
}
