import Testing
import LPSolve
import MILP
import TestSupport

/// A multi-year fixed-charge network of the park model's shape: options built in at most one
/// year (`once`), flows only while built (`active`), senders' yearly supply shared (`supply`).
func randomBuildYears(options n: Int, years: Int, seed: UInt64) -> Model {
    var rng = SplitMix64(seed: seed)
    func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_000) / 1_000_000 }
    var model = Model(name: "build-years-\(seed)")
    let built = (0..<n).map { model.addVariable("built\($0)", kind: .binary) }
    let build = (0..<n).map { o in (0..<years).map { model.addVariable("build\(o)_\($0)", kind: .binary) } }
    let flow = (0..<n).map { o in (0..<years).map { model.addVariable("flow\(o)_\($0)", upper: 1) } }
    var objective = LinearExpression(), spend = LinearExpression()
    let senders = max(1, n / 2)
    var supply = [[LinearExpression]](repeating: [LinearExpression](repeating: LinearExpression(), count: years), count: senders)
    for o in 0..<n {
        var once = LinearExpression()
        for t in 0..<years { once.add(1, build[o][t]) }
        once.add(-1, built[o])
        model.addConstraint(once == 0, name: "once\(o)")
        let capex = uniform(2, 9)
        spend.add(capex, built[o])
        for t in 0..<years {
            var active = LinearExpression()
            active.add(1, flow[o][t])
            for tau in 0...t { active.add(-1, build[o][tau]) }
            model.addConstraint(active <= 0, name: "active\(o)_\(t)")
            supply[o % senders][t].add(uniform(0.3, 0.9), flow[o][t])
            objective.add(uniform(1, 4), flow[o][t])
            objective.add(-capex * (1 - 0.1 * Double(t)) / 3, build[o][t])
        }
    }
    for s in 0..<senders { for t in 0..<years where supply[s][t].terms.count >= 2 { model.addConstraint(supply[s][t] <= 1, name: "supply\(s)_\(t)") } }
    model.addConstraint(spend <= uniform(8, 20), name: "budget")
    model.setObjective(.maximize, objective)
    return model
}

@Suite("Flow cover cuts from single-node flow rows")
struct FlowCoverTests {
    /// One company's waste offered to two links that could each take 80 % of it: λ = 0.6, and
    /// at the LP point that builds both to 0.625 and sends 0.625 on each the cut
    /// `0.8x₁ + 0.8x₂ − 0.2y₁ − 0.2y₂ ≤ 0.6` is violated by 0.15.
    @Test func twoLinksSharingOneSupply() {
        var model = Model()
        let y1 = model.addVariable("y1", kind: .binary), y2 = model.addVariable("y2", kind: .binary)
        let x1 = model.addVariable("x1", upper: 1), x2 = model.addVariable("x2", upper: 1)
        model.addConstraint(x1 - y1 <= 0, name: "active1")
        model.addConstraint(x2 - y2 <= 0, name: "active2")
        model.addConstraint(0.8 * x1 + 0.8 * x2 <= 1, name: "supply")
        let separator = FlowCoverSeparator(model)
        #expect(separator.count == 1)
        let point = [0.625, 0.625, 0.625, 0.625]
        let cuts = separator.separate(point: point)
        try? #require(cuts.count == 1)
        let cut = cuts[0]
        #expect(cut.columns == [0, 1, 2, 3])
        #expect(zip(cut.coefficients, [-0.2, -0.2, 0.8, 0.8]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(cut.upper - 0.6) < 1e-12 && abs(cut.violation(at: point) - 0.15) < 1e-12)
        // Both built and sharing the supply, or one built and full: the cut holds.
        #expect(cut.violation(at: [1, 1, 0.625, 0.625]) <= 1e-12 && cut.violation(at: [1, 0, 1, 0]) <= 1e-12)
    }

    /// A variable upper bound over binaries that could both be 1 (`x ≤ y₁ + y₂`) is no flow
    /// set: α could be 2.
    @Test func needsAnAtMostOneSwitch() {
        var model = Model()
        let y1 = model.addVariable("y1", kind: .binary), y2 = model.addVariable("y2", kind: .binary)
        let y3 = model.addVariable("y3", kind: .binary)
        let x1 = model.addVariable("x1", upper: 1), x2 = model.addVariable("x2", upper: 1)
        model.addConstraint(x1 - y1 - y2 <= 0, name: "active1")
        model.addConstraint(x2 - y3 <= 0, name: "active2")
        model.addConstraint(0.8 * x1 + 0.8 * x2 <= 1, name: "supply")
        #expect(FlowCoverSeparator(model).count == 0)
        model.addConstraint(y1 + y2 <= 1, name: "one year")
        #expect(FlowCoverSeparator(model).count == 1)
    }

    /// On random multi-year models small enough to enumerate, every cut found at a random
    /// point holds at every design: for each choice of build years, the most the cut's left
    /// side can reach over the flows the model allows (an LP solved by lp_solve) is within
    /// its right-hand side.
    @Test func everyCutKeepsEveryDesign() throws {
        var found = 0
        for seed in 0..<60 as Range<UInt64> {
            let options = 2 + Int(seed % 3), years = 2 + Int(seed % 2)
            let model = randomBuildYears(options: options, years: years, seed: 91_000 + seed)
            let separator = FlowCoverSeparator(model)
            #expect(separator.count > 0, "seed \(seed)")
            var rng = SplitMix64(seed: seed)
            var cuts: [Cut] = []
            for _ in 0..<4 {
                let point = (0..<model.variableCount).map { _ in Double(rng.next() % 1000) / 1000 }
                cuts += separator.separate(point: point)
            }
            found += cuts.count
            guard !cuts.isEmpty else { continue }
            // Each option: not built (−1) or built in year t.
            var choice = [Int](repeating: -1, count: options)
            repeat {
                var fixed = model
                for o in 0..<options {
                    fixed.setBounds(fixed.variable(at: o), lower: choice[o] >= 0 ? 1 : 0, upper: choice[o] >= 0 ? 1 : 0)
                    for t in 0..<years {
                        let v = choice[o] == t ? 1.0 : 0
                        fixed.setBounds(fixed.variable(at: options + o * years + t), lower: v, upper: v)
                    }
                }
                for cut in cuts {
                    var lhs = LinearExpression()
                    for (j, a) in zip(cut.columns, cut.coefficients) { lhs.add(a, fixed.variable(at: j)) }
                    fixed.setObjective(.maximize, lhs)
                    let best = try LPSolver().solve(fixed)
                    if best.termination == .infeasible { break }   // over budget
                    #expect(best.termination == .optimal)
                    if let most = best.objective { #expect(most <= cut.upper + 1e-7, "seed \(seed): \(cut) reaches \(most) at \(choice)") }
                }
            } while next(&choice, years: years)
        }
        #expect(found > 30, "\(found) cuts on 60 models")
    }

    /// The next choice of build years (odometer over −1..<years per option); false after the last.
    private func next(_ choice: inout [Int], years: Int) -> Bool {
        for o in choice.indices {
            if choice[o] < years - 1 { choice[o] += 1; return true }
            choice[o] = -1
        }
        return false
    }
}
