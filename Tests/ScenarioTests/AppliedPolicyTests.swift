import Scenario
import Testing
import TestSupport

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

    /// The board reads names, in its language where the file gives one; ids where it gives none.
    @Test func namesAndVietnameseTextsOfTheParts() {
        var a = Policy(id: "landfill_tax", description: "Landfill fee raised")
        a.title = "Landfill tax"
        a.titleVi = "Thuế chôn lấp"
        a.descriptionVi = "Phí chôn lấp tăng"
        var b = Policy(id: "legal_reform", description: "Ash reuse allowed")
        b.title = "Legal reform"
        let c = Policy(id: "green_credit", description: "Grant")
        let policies = [a, b, c]
        #expect(AppliedPolicy(spec: "landfill_tax+legal_reform").title(in: policies) == "Landfill tax + Legal reform")
        #expect(AppliedPolicy(spec: "landfill_tax+legal_reform").title(in: policies, vietnamese: true) == "Thuế chôn lấp + Legal reform")
        #expect(AppliedPolicy(spec: "legal_reform+green_credit").title(in: policies) == "Legal reform + green_credit")
        #expect(AppliedPolicy(spec: "green_credit").title(in: policies) == nil)
        #expect(AppliedPolicy(spec: "landfill_tax+green_credit").descriptionVi(in: policies) == "Phí chôn lấp tăng; Grant")
    }

    /// `name`, `name_vi` and `description_vi` are read from the file (tiny.yaml fills them in).
    @Test func namesAreReadFromTheFile() throws {
        let loaded = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: "legal_reform")
        let policy = try #require(loaded.scenario.policies.first { $0.id == "legal_reform" })
        #expect(policy.title == "Legal reform" && policy.titleVi == "Cải cách pháp lý")
        #expect(policy.descriptionVi?.hasPrefix("Tro bay được tái sử dụng") == true)
    }

    @Test func allExpandsToTheStatusQuoAndEveryPolicy() {
        #expect(AppliedPolicy.options(["all"], defined: ["a", "b"]) == ["baseline", "a", "b"])
        #expect(AppliedPolicy.options(["all"], defined: ["baseline", "a"]) == ["baseline", "a"])
        #expect(AppliedPolicy.options(["a", "a+b"], defined: ["a", "b"]) == ["a", "a+b"])
    }
}
