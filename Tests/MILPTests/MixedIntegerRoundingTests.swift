import Testing
import LPSolve
import MILP
import TestSupport

/// Small mixed rows with general integers, a variable upper bound and an equality: the
/// c-MIR separator's bound substitution, complementing and aggregation all get used.
func randomMixedRows(seed: UInt64) -> Model {
    var rng = SplitMix64(seed: seed)
    func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_000) / 1_000_000 }
    var model = Model(name: "mixed-rows-\(seed)")
    let z0 = model.addVariable("z0", upper: 3, kind: .integer), z1 = model.addVariable("z1", upper: 3, kind: .integer)
    let y = model.addVariable("y", kind: .binary)
    let x0 = model.addVariable("x0", upper: 5), x1 = model.addVariable("x1", upper: 5), x2 = model.addVariable("x2", upper: 6)
    model.addConstraint(x0 - uniform(2, 5) * y <= 0, name: "vub")
    model.addConstraint(x0 + x1 - x2 == 0, name: "balance")
    model.addConstraint(x2 + uniform(0.5, 2.5) * z0 >= uniform(2, 6), name: "demand")
    model.addConstraint(uniform(0.5, 3) * z0 + uniform(0.5, 3) * z1 - x1 <= uniform(1, 5), name: "mixed")
    model.addConstraint(x1 - uniform(0.5, 2) * z1 <= uniform(0, 1), name: "capacity")
    model.setObjective(.minimize, uniform(1, 3) * z0 + uniform(1, 3) * z1 + uniform(2, 6) * y + uniform(0, 1) * x1)
    return model
}

@Suite("Complemented mixed-integer rounding cuts")
struct MixedIntegerRoundingTests {
    /// `s + 2y ≥ 3` with `y` integer and `s ≥ 0`: at `y = 1.5, s = 0` the divisor 2 gives
    /// `f = 1/2` and the cut `y + s ≥ 2` (written `−y − s ≤ −2`), violated by 0.5. It holds at
    /// `(1, 1)`, `(2, 0)` and `(0, 3)`.
    @Test func oneRowWithAnIntegerAndASlack() {
        var model = Model()
        let y = model.addVariable("y", upper: 10, kind: .integer)
        let s = model.addVariable("s")
        model.addConstraint(s + 2 * y >= 3, name: "demand")
        let point = [1.5, 0]
        let cuts = MixedIntegerRoundingSeparator(model).separate(point: point, lower: [0, 0], upper: [10, .infinity])
        #expect(cuts.count == 1)
        guard let cut = cuts.first else { return }
        #expect(cut.columns == [0, 1])
        #expect(zip(cut.coefficients, [-1.0, -1.0]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(cut.upper + 2) < 1e-12 && abs(cut.violation(at: point) - 0.5) < 1e-12)
        for valid in [[1.0, 1], [2, 0], [0, 3]] { #expect(cut.violation(at: valid) <= 1e-12) }
    }

    /// A link `in ≤ 5y` feeds a facility (`in − out = 0`) whose output meets a demand with a
    /// purchase `s` (`out + s ≥ 3`). No single row gives a cut; the demand row plus the
    /// balance row (cancelling `out`) does: `in + s ≥ 3` with `in = 5y − in′`, `y`
    /// complemented, divisor 5, gives `y + s/3 ≥ 1` (no link: buy all 3). At `y = 0.6,
    /// in = out = 3, s = 0` it is violated by 0.4.
    @Test func aggregatesAcrossAFacility() {
        var model = Model()
        let y = model.addVariable("y", kind: .binary)
        let inflow = model.addVariable("in"), outflow = model.addVariable("out"), s = model.addVariable("s")
        model.addConstraint(inflow - 5 * y <= 0, name: "vub")
        model.addConstraint(inflow - outflow == 0, name: "balance")
        model.addConstraint(outflow + s >= 3, name: "demand")
        let point = [0.6, 3, 3, 0]
        let lower = [0.0, 0, 0, 0], upper = [1.0, .infinity, .infinity, .infinity]
        var separator = MixedIntegerRoundingSeparator(model)
        separator.maximumAggregations = 0
        #expect(separator.separate(point: point, lower: lower, upper: upper).isEmpty)
        separator.maximumAggregations = 1
        let cuts = separator.separate(point: point, lower: lower, upper: upper)
        #expect(cuts.count == 1)
        guard let cut = cuts.first else { return }
        #expect(cut.columns == [0, 3])
        #expect(zip(cut.coefficients, [-1.0, -1.0 / 3]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(cut.upper + 1) < 1e-12 && abs(cut.violation(at: point) - 0.4) < 1e-12)
        #expect(cut.violation(at: [0, 0, 0, 3]) <= 1e-12 && cut.violation(at: [1, 3, 3, 0]) <= 1e-12)
    }

    /// On random models small enough to enumerate, every cut found at LP optima (random
    /// objectives) holds at every integer assignment: with the integer columns fixed, the most
    /// the cut's left side can reach over the continuous columns the model allows (an LP
    /// solved by lp_solve) is within its right-hand side.
    @Test func everyCutKeepsEveryIntegerPoint() throws {
        var found = 0
        for seed in 0..<40 as Range<UInt64> {
            let mixed = seed % 2 == 0
            let model = mixed ? randomMixedRows(seed: 7_000 + seed)
                : randomBuildYears(options: 2 + Int(seed % 4 / 2), years: 2, seed: 92_000 + seed)
            let separator = MixedIntegerRoundingSeparator(model)
            let lower = model.variables.map(\.lower), upper = model.variables.map(\.upper)
            var rng = SplitMix64(seed: seed)
            var cuts: [Cut] = []
            for _ in 0..<4 {
                var relaxed = model
                relaxed.relaxIntegrality()
                var objective = LinearExpression()
                for j in 0..<model.variableCount { objective.add(Double(rng.next() % 2001) / 1000 - 1, relaxed.variable(at: j)) }
                relaxed.setObjective(.maximize, objective)
                let lp = try LPSolver().solve(relaxed)
                guard lp.termination == .optimal else { continue }
                cuts += separator.separate(point: lp.values, lower: lower, upper: upper)
            }
            found += cuts.count
            guard !cuts.isEmpty else { continue }
            let integers = model.variables.indices.filter { model.variables[$0].isInteger }
            var assignment = integers.map { Int(model.variables[$0].lower) }
            repeat {
                var fixed = model
                for (k, j) in integers.enumerated() {
                    fixed.setBounds(fixed.variable(at: j), lower: Double(assignment[k]), upper: Double(assignment[k]))
                }
                for cut in cuts {
                    var lhs = LinearExpression()
                    for (j, a) in zip(cut.columns, cut.coefficients) { lhs.add(a, fixed.variable(at: j)) }
                    fixed.setObjective(.maximize, lhs)
                    let best = try LPSolver().solve(fixed)
                    if best.termination == .infeasible { break }
                    #expect(best.termination == .optimal)
                    if let most = best.objective {
                        #expect(most <= cut.upper + 1e-7, "seed \(seed): \(cut) reaches \(most) at \(assignment)")
                    }
                }
            } while next(&assignment, integers.map { Int(model.variables[$0].upper) }, lower: integers.map { Int(model.variables[$0].lower) })
        }
        #expect(found > 40, "\(found) cuts on 40 models")
    }

    /// The next integer assignment (odometer); false after the last.
    private func next(_ assignment: inout [Int], _ upper: [Int], lower: [Int]) -> Bool {
        for k in assignment.indices {
            if assignment[k] < upper[k] { assignment[k] += 1; return true }
            assignment[k] = lower[k]
        }
        return false
    }
}
