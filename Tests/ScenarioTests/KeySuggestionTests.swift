import Foundation
import Testing
@testable import Scenario
import TestSupport

/// "Did you mean" hints stay exact for ordinary names and cheap for hostile ones (issue 20, item 8).
@Suite struct KeySuggestionTests {
    /// The plain optimal-string-alignment distance over the whole table, as a reference.
    static func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { table[i][0] = i }
        for j in 0 ... b.count { table[0][j] = j }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    @Test func bandedDistanceAgreesWithTheFullTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc")
        for _ in 0 ..< 3000 {
            let a = (0 ..< Int.random(in: 0 ... 8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0 ..< Int.random(in: 0 ... 8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let exact = Self.referenceDistance(a, b)
            for bound in 0 ... 4 {
                let banded = KeySuggestion.editDistance(a, b, atMost: bound)
                #expect(banded == (exact <= bound ? exact : nil), "\(String(a)) / \(String(b)) within \(bound)")
            }
            #expect(KeySuggestion.editDistance(String(a), String(b)) == exact)
        }
    }

    @Test func suggestionsForOrdinaryNames() {
        #expect(KeySuggestion.closest(to: "capcity", among: ["capex", "capacity", "city"]) == "capacity")
        #expect(KeySuggestion.closest(to: "dsicount_rate", among: ["discount_rate"]) == "discount_rate")
        #expect(KeySuggestion.closest(to: "xyz", among: ["capacity"]) == nil)
        // Ties go to the first candidate, as before.
        #expect(KeySuggestion.closest(to: "ab", among: ["ax", "ay"]) == "ax")
        #expect(KeySuggestion.closest(to: "ab", among: ["ab"]) == nil, "the name itself is not a suggestion")
        // Asked again (cached), the same answers.
        #expect(KeySuggestion.closest(to: "capcity", among: ["capex", "capacity", "city"]) == "capacity")
        #expect(KeySuggestion.closest(to: "xyz", among: ["capacity"]) == nil)
    }

    @Test func namesLongerThanTheLimitGetNoSuggestion() {
        let long = String(repeating: "a", count: KeySuggestion.longestName + 1)
        #expect(KeySuggestion.closest(to: long, among: [long + "b"]) == nil)
        let fits = String(repeating: "a", count: KeySuggestion.longestName)
        #expect(KeySuggestion.closest(to: fits, among: [String(fits.dropLast()) + "b"]) == String(fits.dropLast()) + "b")
    }

    /// A scenario with one link whose sender is `from`, plus `companies` (YAML lines) and `extraLinks`.
    static func park(companies: String, from: String, extraLinks: String = "") -> String {
        """
        name: T
        start_year: 2026
        horizon_years: 10
        discount_rate: 0.08
        resources:
          fly_ash: {unit: t, disposal_cost: 12}
          clinker: {unit: t, price: 55}
        companies:
          cement: {needs: {clinker: 100}}
        \(companies)
        exchanges:
          x0: {from: \(from), to: cement, send: fly_ash, replace: clinker, capacity: 1}
        \(extraLinks)
        """
    }

    /// Seconds `work` takes.
    static func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    /// Took 7 s (debug build) before the hints were bounded: a 1,000-character id misspelt once
    /// and used 21 times through aliases, each an unknown reference compared with the real id.
    @Test func longIdReusedThroughAliases() {
        let id = String(repeating: "c", count: 1000)
        var links = ""
        for index in 1 ... 21 { links += "  x\(index): {from: *wrong, to: cement, send: fly_ash, replace: clinker, capacity: 1}\n" }
        let text = Self.park(companies: "  \(id): {produces: {fly_ash: 1}}", from: "&wrong \(id)x", extraLinks: links)
        var errors: [Diagnostic] = []
        let time = Self.seconds { errors = Fixtures.errors(text) }
        #expect(errors.count == 22)
        #expect(errors.allSatisfy { $0.message.hasPrefix("unknown company or facility `\(id)x`") })
        #expect(time < TestSupport.timeBound(2), "took \(time) s")
    }

    /// Took 12 s (debug build) with a 6,000-character id one character off a company's id; a
    /// 60,000-character one would have taken about 20 minutes.
    @Test(arguments: [6000, 60000])
    func longIdReferencedWrongly(length: Int) {
        let id = String(repeating: "d", count: length)
        let text = Self.park(companies: "  ? \(id)\n  : {produces: {fly_ash: 1}}", from: String(id.dropLast()) + "e")
        var errors: [Diagnostic] = []
        let time = Self.seconds { errors = Fixtures.errors(text) }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("unknown company or facility `dddd") == true)
        #expect(errors.first?.keyPath == "exchanges.x0.from")
        #expect(time < TestSupport.timeBound(2), "took \(time) s")
    }
}
