import Foundation
import Testing
@testable import Scenario

/// `Scenario.validate()` for scenarios built in code (no source locations).
@Suite struct InCodeValidationTests {
    @Test func findsRangeAndReferenceErrors() throws {
        let s = Scenario(
            name: "code", startYear: 2026, horizonYears: 0, discountRate: 0.05,
            resources: [Resource(id: "ash", unit: "t", disposalCost: 5)],
            companies: [Company(id: "a", produces: [ResourceAmount("ash", 10)]), Company(id: "b")],
            exchanges: [Exchange(id: "x", from: "a", to: "c", send: "ash", capacity: -1)])
        let found = s.validate().filter { $0.severity == .error }
        #expect(found.map(\.keyPath) == ["horizon_years", "exchanges.x.capacity", "exchanges.x.to"])
        #expect(found.allSatisfy { $0.location == nil })
        #expect(found.map(\.description).last == "error: exchanges.x.to: unknown company or facility `c`")
    }
}
