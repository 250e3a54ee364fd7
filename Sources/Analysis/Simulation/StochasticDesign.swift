import Foundation
import Formulation
import MILP
import Scenario

/// The design chosen for many futures at once: a two-stage stochastic program solved as its
/// sample-average approximation (Kleywegt, Shapiro and Homem-de-Mello, SIAM J. Optim. 12, 2002).
///
/// The build decisions (which option, which year, how much financed) are shared by `S` sampled
/// paths; flows, activities and transfers are chosen per path; every path's rows (supply,
/// need, balances, budgets at that path's capex, targets, win-win) must hold; the objective is
/// the average over paths of the solved objective `Σ_k w_k f_k`. With the same sampled paths:
/// - RP, the stochastic program's optimum;
/// - WS (wait and see), the average of each path's own optimum (S MIPs);
/// - EEV, the deterministic design's value: the stochastic program with its build decisions
///   fixed to those of the deterministic optimum;
/// - EVPI = WS − RP ≥ 0, the most perfect foresight could add; VSS = RP − EEV ≥ 0, what
///   planning for uncertainty adds over planning for the average (Birge and Louveaux,
///   *Introduction to Stochastic Programming*, ch. 4).
public struct StochasticDesign: Sendable {
    public var plan: BuildPlan
    /// The design as seen along the first sampled path (its flows and transfers).
    public var design: ParkDesign
    public var termination: TerminationStatus
    public var gap: Double?
    public var seconds: Double
    public var paths: Int
    public var recourseValue: Double
    public var waitAndSee: Double?
    public var deterministicValue: Double?
    public var evpi: Double? { waitAndSee.map { $0 - recourseValue } }
    public var vss: Double? { deterministicValue.map { recourseValue - $0 } }
    /// Rows × columns × binaries of the stochastic program.
    public var size: (rows: Int, columns: Int, binaries: Int)

    /// Builds and solves the stochastic program over paths `0..<paths` of `sampler`.
    /// `options.timeLimit` applies to each solve.
    public static func solve(scenario: Scenario, weights: ObjectiveWeights, deterministic: BuildPlan,
                             sampler: PathSampler, paths: Int, options: SolveOptions,
                             waitAndSee: Bool = true, backend: any SolverBackend) throws(SimulationError) -> StochasticDesign {
        let base = ParkData(scenario)
        let formulations = (0..<paths).map { ParkFormulation(data: base.along(sampler.path(sample: $0))) }
        var model = formulations[0].model
        var objective = LinearExpression()
        let share = 1 / Double(paths)
        objective.add(formulations[0].expression(weightedBy: weights), scaledBy: share)
        for s in 1..<max(1, paths) {
            let f = formulations[s]
            let mapping = model.append(f.model, sharing: designColumns(f, onto: formulations[0]), suffix: "@\(s)")
            objective.add(Model.translate(f.expression(weightedBy: weights), mapping), scaledBy: share)
        }
        model.setObjective(.maximize, objective)
        let solver = backend
        let solution: Solution
        do { solution = try solver.solve(model, options: options) } catch { throw .solver("\(error)") }
        guard solution.hasSolution, let value = solution.objective else {
            throw .noDesign("the stochastic program over \(paths) paths ended \(solution.statusWord)")
        }
        let first = formulations[0]
        let design = ParkDesign(first, values: Array(solution.values.prefix(first.model.variableCount)))
        var result = StochasticDesign(
            plan: BuildPlan(design: design, data: base), design: design, termination: solution.termination,
            gap: solution.relativeGap, seconds: solution.seconds, paths: paths, recourseValue: value,
            waitAndSee: nil, deterministicValue: nil,
            size: (model.constraintCount, model.variableCount, model.integerCount))

        // EEV: the same program with the deterministic build decisions fixed.
        var fixed = model
        for (variable, level) in planColumns(deterministic, first) { fixed.setBounds(variable, lower: level, upper: level) }
        if let eev = try? solver.solve(fixed, options: options), eev.hasSolution { result.deterministicValue = eev.objective }
        if waitAndSee {
            var total = 0.0
            for f in formulations {
                var alone = f
                alone.maximize(f.expression(weightedBy: weights))
                guard let own = try? solver.solve(alone.model, options: options), own.hasSolution, let v = own.objective else {
                    total = .nan
                    break
                }
                total += v
            }
            if total.isFinite { result.waitAndSee = total * share }
        }
        return result
    }

    /// `f`'s design columns (build, chosen, loans, participation), by index, mapped to `onto`'s.
    static func designColumns(_ f: ParkFormulation, onto first: ParkFormulation) -> [Int: Variable] {
        var shared: [Int: Variable] = [:]
        func pair(_ a: Variable?, _ b: Variable?) { if let a, let b { shared[a.index] = b } }
        for e in f.chosen.indices {
            pair(f.chosen[e], first.chosen[e])
            for t in f.build[e].indices { pair(f.build[e][t], first.build[e][t]); pair(f.loan[e][t], first.loan[e][t]) }
        }
        for k in f.chosenFacility.indices {
            pair(f.chosenFacility[k], first.chosenFacility[k])
            for t in f.buildFacility[k].indices {
                pair(f.buildFacility[k][t], first.buildFacility[k][t])
                pair(f.loanFacility[k][t], first.loanFacility[k][t])
            }
        }
        for c in f.participates.indices { pair(f.participates[c], first.participates[c]) }
        return shared
    }

    /// The values a plan gives the design columns of `f`.
    static func planColumns(_ plan: BuildPlan, _ f: ParkFormulation) -> [(Variable, Double)] {
        var values: [(Variable, Double)] = []
        for e in f.chosen.indices {
            let choice = plan.exchanges[e]
            values.append((f.chosen[e], choice == nil ? 0 : 1))
            for t in f.build[e].indices {
                if let y = f.build[e][t] { values.append((y, choice?.year == t ? 1 : 0)) }
                if let l = f.loan[e][t] { values.append((l, choice?.year == t ? choice!.financedShare : 0)) }
            }
        }
        for k in f.chosenFacility.indices {
            let choice = plan.facilities[k]
            values.append((f.chosenFacility[k], choice == nil ? 0 : 1))
            for t in f.buildFacility[k].indices {
                values.append((f.buildFacility[k][t], choice?.year == t ? 1 : 0))
                if let l = f.loanFacility[k][t] { values.append((l, choice?.year == t ? choice!.financedShare : 0)) }
            }
        }
        return values
    }
}
