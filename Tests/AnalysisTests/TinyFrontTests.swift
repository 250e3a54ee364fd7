import Analysis
import Foundation
import Formulation
import LPSolve
import MILP
import MultiObjective
import Scenario
import Testing
import TestSupport

/// tiny.yaml's fronts checked by enumerating every design: each exchange and the facility
/// either not built or built in one of its years (under the legal reform 10 × 11 × 11 × 11 =
/// 13,310 designs), each design's flows, loans and transfers then an LP. The ε-optimum of a
/// level is the best LP over all designs; a design whose LP at the lowest level is already
/// below the best value found at a level cannot win there (levels only remove points), which
/// keeps the enumeration to a few LPs per design.
@Suite("tiny.yaml fronts against enumeration of its designs")
struct TinyFrontTests {
    static func load(_ policy: String) throws -> Scenario {
        try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: policy).scenario
    }

    /// Every design as the value of each binary column.
    static func designs(_ formulation: ParkFormulation) -> [[Int: Double]] {
        var options: [[[Int: Double]]] = []
        for (e, years) in formulation.build.enumerated() {
            var choices: [[Int: Double]] = [[:]]
            for variable in years {
                guard let variable, formulation.model[formulation.chosen[e]].upper > 0 else { continue }
                choices.append([variable.index: 1, formulation.chosen[e].index: 1])
            }
            options.append(choices)
        }
        for (k, years) in formulation.buildFacility.enumerated() {
            options.append([[:]] + years.map { [$0.index: 1, formulation.chosenFacility[k].index: 1] })
        }
        var designs: [[Int: Double]] = [[:]]
        for choices in options {
            designs = designs.flatMap { design in choices.map { design.merging($0) { a, _ in a } } }
        }
        return designs
    }

    /// The LP of the model with every binary fixed to a design, re-solved per design and level.
    final class DesignLP {
        let loaded: LPSolveModel
        let binaries: [Variable]
        let rows: [ConstraintRef]

        init(_ problem: MultiObjectiveModel) throws {
            var model = problem.model
            binaries = (0..<model.variableCount).map { model.variable(at: $0) }.filter { model[$0].isInteger }
            rows = problem.objectives.map { model.addConstraint(LinearConstraint($0), name: "bound") }
            model.relaxIntegrality()
            loaded = try LPSolveModel(model)
        }

        /// `bounds[k]`: objective k ≥ it (−∞: no bound).
        func solve(_ design: [Int: Double], objective: LinearExpression, bounds: [Double]) throws -> Solution {
            for b in binaries {
                let value = design[b.index] ?? 0
                loaded.setBounds(b, lower: value, upper: value)
            }
            for (row, bound) in zip(rows, bounds) {
                loaded.setBounds(row, lower: bound.isFinite ? bound - 1e-9 * max(1, abs(bound)) : -.infinity, upper: .infinity)
            }
            loaded.setObjective(.maximize, objective)
            return try loaded.solve()
        }
    }

    /// `a` better than `best` beyond a relative 1e-9 (anything beats −∞).
    static func above(_ a: Double, _ best: Double) -> Bool { best == -.infinity || a > best + 1e-9 * max(1, abs(best)) }
    /// `a` worse than `best` beyond a relative 1e-9.
    static func below(_ a: Double, _ best: Double) -> Bool { best != -.infinity && a < best - 1e-9 * max(1, abs(best)) }

    /// The front `AugmentedEpsilonConstraint` finds on tiny under `policy` with `points` levels,
    /// and the enumeration's answer for the same payoff table and levels.
    func compare(policy: String, objectives: [ParkFormulation.Objective], points: Int) throws {
        let formulation = ParkFormulation(try Self.load(policy))
        let problem = formulation.multiObjective(objectives)
        let method = AugmentedEpsilonConstraint(backend: LPSolver(), gridPoints: points, threads: 2,
                                                neighbourhood: formulation.chosen + formulation.chosenFacility)
        let front = try method.front(problem)
        #expect(front.failure == nil && front.complete && front.statistics.notProven == 0)
        let lp = try DesignLP(problem)
        #expect(lp.binaries.count == formulation.model.integerCount)
        // Designs whose LP is feasible at all (the rest are infeasible under any bound).
        let designs = try Self.designs(formulation).filter { design in
            try lp.solve(design, objective: LinearExpression(), bounds: Array(repeating: -.infinity, count: objectives.count)).hasSolution
        }
        let count = objectives.count
        let scale = (0..<count).map { front.payoff.range($0) }
        // Lexicographic stages keep earlier objectives within a relative 1e-7, so two exact
        // answers can differ by that much.
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            a.indices.allSatisfy { abs(a[$0] - b[$0]) <= 1e-6 * max(1, scale[$0], abs(a[$0])) }
        }

        // The payoff table: each objective's best over all designs, ties broken lexicographically.
        for k in 0..<count {
            let order = [k] + (0..<count).filter { $0 != k }
            var candidates = designs
            var bounds = [Double](repeating: -.infinity, count: count)
            var last: [Double] = []
            for j in order {
                var best = -Double.infinity
                var winners: [[Int: Double]] = []
                for design in candidates {
                    let solution = try lp.solve(design, objective: problem.objectives[j], bounds: bounds)
                    guard solution.hasSolution else { continue }
                    let values = problem.values(at: solution.values)
                    if Self.above(values[j], best) { best = values[j]; winners = [design]; last = values }
                    else if !Self.below(values[j], best) { winners.append(design) }
                }
                try #require(!winners.isEmpty, "payoff row \(k), stage \(j): no design among \(candidates.count) with bounds \(bounds)")
                candidates = winners
                bounds[j] = LexicographicOptimization.bound(below: best, tolerance: 0)
            }
            try #require(!last.isEmpty, "payoff row \(k): no design")
            #expect(close(front.payoff.values[k], last), "payoff row \(k): \(front.payoff.values[k]) vs \(last)")
        }

        // Each level's ε-optimum over all designs.
        let weights = (0..<count).map { k in k == 0 ? 1 : method.augmentation * scale[0] * pow(10, -Double(k - 1)) / scale[k] }
        var augmented = LinearExpression()
        for (k, f) in problem.objectives.enumerated() { augmented.add(f, scaledBy: weights[k]) }
        let lowest = [-Double.infinity] + front.levels.map { $0[0] }
        var atLowest: [(design: [Int: Double], value: Double)] = []
        for design in designs {
            let solution = try lp.solve(design, objective: augmented, bounds: lowest)
            if solution.hasSolution { atLowest.append((design, augmented.value(at: solution.values))) }
        }
        atLowest.sort { $0.value > $1.value }
        var combinations: [[Int]] = [[]]
        for dimension in front.levels { combinations = combinations.flatMap { prefix in (0..<dimension.count).map { prefix + [$0] } } }
        var reachable: [[Double]] = [], required: [[Double]] = []
        for level in combinations {
            let bounds = [-Double.infinity] + level.enumerated().map { front.levels[$0][$1] }
            var best = -Double.infinity
            var winners: [[Double]] = []
            for candidate in atLowest {
                if Self.below(candidate.value, best) { break }
                let solution = try lp.solve(candidate.design, objective: augmented, bounds: bounds)
                guard solution.hasSolution else { continue }
                let value = augmented.value(at: solution.values)
                let values = problem.values(at: solution.values)
                if Self.above(value, best) { best = value; winners = [values] }
                else if !Self.below(value, best), !winners.contains(where: { close($0, values) }) { winners.append(values) }
            }
            reachable += winners
            if winners.count == 1 { required.append(winners[0]) }
        }
        let found = front.points.map(\.objectives)
        for point in found {
            #expect(reachable.contains { close($0, point) }, "\(point) is no level's optimum")
            // No feasible design dominates it (checked against every level optimum found).
            #expect(!reachable.contains { r in r.indices.allSatisfy { r[$0] >= point[$0] - 1e-6 * max(1, scale[$0]) }
                && r.indices.contains { r[$0] > point[$0] + 1e-6 * max(1, scale[$0]) } }, "\(point) is dominated")
        }
        for point in required { #expect(found.contains { close($0, point) }, "missed \(point)") }
        for (a, b) in zip(found, found.dropFirst()) { #expect(!close(a, b)) }
        try resolveAlone(front, problem: problem, method: method)
    }

    /// Each point re-solved alone (a fresh lp_solve model of its first level) gives the same objectives.
    func resolveAlone(_ front: ParetoFront, problem: MultiObjectiveModel, method: AugmentedEpsilonConstraint) throws {
        for point in front.points {
            let alone = try LPSolver().solve(method.model(problem, payoff: front.payoff, bounds: point.bounds))
            #expect(alone.termination == .optimal)
            let again = problem.values(at: alone.values)
            for k in again.indices {
                #expect(abs(again[k] - point.objectives[k]) <= 1e-6 * max(1, front.payoff.range(k)), "\(again) vs \(point.objectives)")
            }
        }
    }

    /// Legal reform, economic vs environmental: the ash link alone (15.0 M USD, 318,600 t), then
    /// the water chain added (more CO2e from replaced water, less NPV), built earlier for more.
    @Test func economicEnvironmentalUnderTheReform() throws {
        try compare(policy: "legal_reform", objectives: [.economic, .environmental], points: 11)
    }

    @Test func threeObjectivesUnderTheReform() throws {
        try compare(policy: "legal_reform", objectives: [.economic, .environmental, .social], points: 4)
    }

    /// Social first: jobs maximized, NPV constrained (the grid runs over NPV).
    @Test func socialAgainstEconomicWithLandfillTax() throws {
        try compare(policy: "landfill_tax+legal_reform", objectives: [.social, .economic], points: 9)
    }
}
