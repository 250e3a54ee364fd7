import Scenario
import Testing

@Suite("The applied policy as data")
struct AppliedPolicyTests {
    @Test func parsesThePlusGrammarOnce() {
        #expect(AppliedPolicy.parts(of: " landfill_tax + legal_reform ") == ["landfill_tax", "legal_reform"])
        #expect(AppliedPolicy.parts(of: "a++b") == ["a", "", "b"])
        let combined = AppliedPolicy(spec: "a+b")
        #expect(combined.parts == ["a", "b"] && combined.name == "a+b" && combined.spec == "a+b")
    }

    /// `baseline` is the status quo unless the file defines a policy of that name.
    @Test func statusQuoHasOneName() {
        #expect(AppliedPolicy.statusQuoName == "baseline")
        for spec in [nil, "", "  ", "baseline"] as [String?] {
            let policy = AppliedPolicy(spec: spec, defined: ["landfill_tax"])
            #expect(policy.isStatusQuo && policy.name == "baseline" && policy.spec == nil, "\(String(describing: spec))")
        }
        let defined = AppliedPolicy(spec: "baseline", defined: ["baseline"])
        #expect(defined.parts == ["baseline"] && defined.spec == "baseline")
    }

    @Test func descriptionsAndOverridesOfTheParts() {
        let policies = [Policy(id: "a", description: "A tax", overrides: [Override(keyPath: "x", yaml: "1")]),
                        Policy(id: "b", description: "", overrides: [Override(keyPath: "y", yaml: "2")]),
                        Policy(id: "c", description: "C reform")]
        let policy = AppliedPolicy(spec: "c+a+b")
        #expect(policy.description(in: policies) == "C reform; A tax")
        #expect(policy.overrides(in: policies).map(\.keyPath) == ["x", "y"])
    }

    @Test func allExpandsToTheStatusQuoAndEveryPolicy() {
        #expect(AppliedPolicy.options(["all"], defined: ["a", "b"]) == ["baseline", "a", "b"])
        #expect(AppliedPolicy.options(["all"], defined: ["baseline", "a"]) == ["baseline", "a"])
        #expect(AppliedPolicy.options(["a", "a+b"], defined: ["a", "b"]) == ["a", "a+b"])
    }
}
