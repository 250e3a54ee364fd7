import Foundation
import Formulation
import MILP
import MultiObjective
import Scenario

/// Solves a park scenario: the payoff table when several objectives have weight, then the
/// weighted sum of normalized objectives (`Σ_k w_k (f_k − nadir_k) / (ideal_k − nadir_k)`);
/// or one objective alone; or objectives in a lexicographic order.
public struct ParkOptimizer: Sendable {
    /// The solver every load and solve of a run goes to (the command line chooses it).
    public var backend: any SolverBackend
    public var options: SolveOptions
    /// Optimize this objective alone instead of the scenario's weighted sum.
    public var single: ParkFormulation.Objective?
    /// Optimize these objectives one after another instead, each kept within
    /// `lexicographicTolerance` of its optimum while the later ones are optimized.
    public var lexicographic: [ParkFormulation.Objective]?
    /// Share of each lexicographic stage's optimum the later stages may give up (0.01 = 1 %).
    public var lexicographicTolerance: Double = 0
    /// Points of earlier solves of a similar park (the board room's last designs, `OptimizationResult.points`):
    /// each payoff row and the final solve start from the best of those feasible for their model
    /// (`LoadedModel.solve(knownPoints:options:)`; the others are ignored). The optimum found is
    /// the same; only the search may be shorter.
    public var startPoints: [[Double]] = []

    /// The lexicographic stages solved before the final model: their order, the tolerance and
    /// each stage's optimum and the bound the final model keeps.
    public struct LexicographicStages: Sendable {
        public var order: [ParkFormulation.Objective]
        public var tolerance: Double
        /// Every stage but the last (which is the final solve itself).
        public var stages: [LexicographicOptimization.Stage]
        /// The final model maximizes `order[stages.count]`: fewer stages than `order.count − 1`
        /// when a stage found no point in its time.
        public var complete: Bool { stages.count == order.count - 1 }
    }

    /// What `formulate` prepares: the final model and what it took to get there.
    struct Prepared {
        var formulation: ParkFormulation
        var payoff: PayoffTable?
        var lexicographic: LexicographicStages?
        /// Feasible points of the final model (earlier designs), to start its solve from.
        var knownPoints: [[Double]]
        /// Where the time went so far (model build, payoff table).
        var phases: [SolvePhase] = []
        /// The payoff rows' loaded model (the final model's rows and columns, another
        /// objective), whose last root basis starts the final solve.
        var loaded: (any LoadedModel)? = nil
        var seconds: Double
        var nodes: Int
    }

    /// When the model is infeasible, explain it with the elastic model (`InfeasibilityExplainer`)
    /// within the time left, or within `explanationTimeLimit` seconds without a time limit.
    public var explainsInfeasibility = false
    public var explanationTimeLimit = 120.0

    /// Branch-and-bound settings that suit the park models (measured in docs/performance.md):
    /// our best-bound search around lp_solve's LPs (hiep-phuoc's weighted solves 2–3 times
    /// faster than lp_solve's own depth-first search, with true gaps when stopped); for
    /// `Search.solver`, reduced-cost fixing on and lp_solve's default node selection.
    public static let defaultOptions: SolveOptions = {
        var options = SolveOptions(reducedCostFixing: true)
        options.search = .bestBound
        return options
    }()

    public init(backend: any SolverBackend, options: SolveOptions = ParkOptimizer.defaultOptions,
                single: ParkFormulation.Objective? = nil) {
        self.backend = backend
        self.options = options
        self.single = single
    }

    /// `options` with the time left before `deadline` (the time limit covers every solve of a run;
    /// the payoff-table rows share it with the final solve). Payoff rows ignore a requested MIP
    /// gap (`exactGaps`), so that `export` and `solve --gap` normalize with the same table.
    private func remaining(until deadline: Double?, exactGaps: Bool = false) -> SolveOptions {
        var adjusted = options.until(deadline)
        if exactGaps { adjusted.relativeGap = nil; adjusted.absoluteGap = nil }
        return adjusted
    }

    /// Objectives with positive weight, in the order economic, environmental, social.
    public static func weightedObjectives(_ scenario: Scenario) -> [(ParkFormulation.Objective, Double)] {
        let w = scenario.objectives
        let all: [(ParkFormulation.Objective, Double)] = [(.economic, w.economic), (.environmental, w.environmental), (.social, w.social)]
        let active = all.filter { $0.1 > 0 }
        return active.isEmpty ? [(.economic, 1)] : active
    }

    /// The model `solve` solves, with its final objective (solving the payoff table first when
    /// more than one objective has weight, or the earlier stages in lexicographic mode).
    public func formulate(_ scenario: Scenario, deadline: Double? = nil)
        throws(SolverError) -> (ParkFormulation, PayoffTable?, seconds: Double, nodes: Int) {
        let prepared = try prepare(scenario, deadline: deadline)
        return (prepared.formulation, prepared.payoff, prepared.seconds, prepared.nodes)
    }

    func prepare(_ scenario: Scenario, deadline: Double?) throws(SolverError) -> Prepared {
        if let order = lexicographic, order.count > 1 { return try prepareLexicographic(scenario, order: order, deadline: deadline) }
        let (formulation, table, seconds, nodes, loaded, phases) = try weighted(scenario, deadline: deadline)
        return Prepared(formulation: formulation, payoff: table, lexicographic: nil,
                        knownPoints: (table?.points ?? []) + (formulation.statusQuoPoint.map { [$0] } ?? []) + startPoints,
                        phases: phases, loaded: loaded, seconds: seconds, nodes: nodes)
    }

    /// The earlier stages of a lexicographic order solved, the final model keeps each within
    /// the tolerance of its optimum and maximizes the last objective. The stages take at most
    /// `(n − 1)/n` of a time limit.
    private func prepareLexicographic(_ scenario: Scenario, order: [ParkFormulation.Objective], deadline: Double?)
        throws(SolverError) -> Prepared {
        var formulation = ParkFormulation(scenario)
        let problem = formulation.multiObjective(order)
        let stagesDeadline = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) * Double(order.count - 1) / Double(order.count) }
        var exact = options
        exact.relativeGap = nil; exact.absoluteGap = nil
        let run = try LexicographicOptimization(backend: backend, order: Array(0..<(order.count - 1)), tolerance: lexicographicTolerance, options: exact)
            .solve(problem, deadline: stagesDeadline, knownPoints: formulation.statusQuoPoint.map { [$0] } ?? [])
        var stages = run.stages.filter { $0.optimum != nil }
        for index in stages.indices {
            let stage = stages[index]
            let bound = LexicographicOptimization.bound(below: stage.optimum!, tolerance: lexicographicTolerance)
            stages[index].bound = bound
            formulation.bound(order[stage.objective], atLeast: bound)
        }
        formulation.maximize(formulation.expression(order[stages.count]))
        return Prepared(formulation: formulation, payoff: nil,
                        lexicographic: LexicographicStages(order: order, tolerance: lexicographicTolerance, stages: stages),
                        knownPoints: run.points + (formulation.statusQuoPoint.map { [$0] } ?? []) + startPoints,
                        seconds: run.seconds, nodes: run.nodes)
    }

    /// The weighted (or single-objective) model.
    private func weighted(_ scenario: Scenario, deadline: Double?)
        throws(SolverError) -> (ParkFormulation, PayoffTable?, seconds: Double, nodes: Int, loaded: (any LoadedModel)?, phases: [SolvePhase]) {
        var phases: [SolvePhase] = []
        var formulation = phases.timed("model build") { ParkFormulation(scenario) }
        let weighted = (single ?? lexicographic?.first).map { [($0, 1.0)] } ?? Self.weightedObjectives(scenario)
        guard weighted.count > 1 else {
            formulation.maximize(formulation.expression(weighted[0].0))
            return (formulation, nil, 0, 0, nil, phases)
        }
        // The payoff table takes at most two thirds of a time limit, the final solve the rest.
        let payoffDeadline = deadline.map { monotonicSeconds() + ($0 - monotonicSeconds()) * 2 / 3 }
        let rows = try payoffRows(formulation, objectives: weighted.map(\.0), deadline: payoffDeadline)
        let (found, seconds, nodes, loaded) = (rows.table, rows.seconds, rows.nodes, rows.loaded)
        phases += rows.phases
        guard let table = found, !table.fellBackToEconomic else {
            // A row found no design (infeasible targets, or no incumbent in time): the
            // constraints decide feasibility whatever the objective; solve for the economic one
            // and say so (`fellBackToEconomic`) when it was time, not infeasibility.
            formulation.maximize(formulation.economic)
            return (formulation, found, seconds, nodes, loaded, phases)
        }
        formulation.maximize(table.normalizedSum(weighted.map { formulation.expression($0.0) }, weights: weighted.map(\.1)))
        return (formulation, table, seconds, nodes, loaded, phases)
    }

    /// The weights `formulate` put on each objective, given the payoff table it used.
    public func objectiveWeights(_ scenario: Scenario, table: PayoffTable?) -> ObjectiveWeights {
        let weighted = single.map { [($0, 1.0)] } ?? Self.weightedObjectives(scenario)
        var weights = ObjectiveWeights()
        if weighted.count == 1 {
            weights[weighted[0].0] = 1
        } else if let table, !table.fellBackToEconomic {
            for (j, (kind, weight)) in weighted.enumerated() { weights[kind] = weight / table.range(j) }
        } else {
            weights.economic = 1
        }
        return weights
    }

    /// Weight of the tie-breaking terms in a payoff-table row (`PayoffTable.tieBreakWeight`).
    public static let tieBreakWeight = PayoffTable.tieBreakWeight

    /// Each objective optimized alone with ties broken on the others (`PayoffTable.tieBroken`).
    ///
    /// Returns no table when a row finds no design (the model is infeasible, or no incumbent
    /// was found before the deadline). Each row gets an equal share of the time left.
    public func payoffTable(_ formulation: ParkFormulation, objectives: [ParkFormulation.Objective], deadline: Double? = nil)
        throws(SolverError) -> (PayoffTable?, seconds: Double, nodes: Int) {
        let rows = try payoffRows(formulation, objectives: objectives, deadline: deadline)
        return (rows.table, rows.seconds, rows.nodes)
    }

    /// `payoffTable`, and the model its rows were solved on (one loaded model whose objective
    /// changes from row to row, so that each row's root LP starts from the previous root basis).
    /// Building nothing is a design whenever no target forbids it: every row starts from it.
    /// Rows ignore a requested MIP gap (`exactGaps`).
    func payoffRows(_ formulation: ParkFormulation, objectives: [ParkFormulation.Objective], deadline: Double?)
        throws(SolverError) -> PayoffTable.TieBrokenRows {
        try PayoffTable.tieBroken(formulation.multiObjective(objectives), backend: backend,
                                  options: remaining(until: nil, exactGaps: true), deadline: deadline,
                                  reference: formulation.statusQuoPoint, starts: startPoints)
    }

    /// Formulates and solves; a result, whatever the termination.
    public func optimize(_ scenario: Scenario) throws(SolverError) -> OptimizationResult {
        let deadline = options.timeLimit.map { monotonicSeconds() + $0 }
        let solver = backend
        let prepared = try prepare(scenario, deadline: deadline)
        let formulation = prepared.formulation, table = prepared.payoff
        let payoffSeconds = prepared.seconds, payoffNodes = prepared.nodes
        // The payoff rows' (or earlier stages') designs are feasible for the final model too:
        // start from the best.
        var phases = prepared.phases
        let solved: Solution
        let finalStarted = monotonicSeconds()
        if let loaded = prepared.loaded {
            loaded.setObjective(formulation.model.sense, formulation.model.objective)
            solved = try loaded.solve(knownPoints: prepared.knownPoints, options: remaining(until: deadline))
        } else {
            let fresh = try phases.timed("final model: load") { () throws(SolverError) in try backend.load(formulation.model) }
            solved = try fresh.solve(knownPoints: prepared.knownPoints, options: remaining(until: deadline))
        }
        for phase in solved.phases { phases.add("final model: \(phase.name)", seconds: phase.seconds, count: phase.count) }
        phases.add("final model, in all", seconds: monotonicSeconds() - finalStarted)
        var solution = solved
        // A fallback to the economic objective that stopped before its root LP: the payoff
        // table's LP optimum of the same objective over the same rows is a proven bound.
        if solution.bestBound == nil, let table, table.fellBackToEconomic,
           let index = table.objectives.firstIndex(of: .economic), index < table.relaxationOptima.count,
           let bound = table.relaxationOptima[index] {
            solution.bestBound = bound
        }
        let model = formulation.model
        let point = phases.timed("deal terms: smallest transfers (LP)") {
            solution.hasSolution ? minimalTransfers(formulation, values: solution.values) : nil
        }
        let design = phases.timed("deal terms: shares and design report") {
            point.map { values in
                var design = BenefitSharing.design(formulation, values: values, backend: backend)
                design.explainAbsences(data: formulation.data, proven: solution.termination == .optimal)
                return design
            }
        }
        var result = OptimizationResult(
            termination: solution.termination,
            design: design,
            mipObjective: solution.objective, bestBound: solution.bestBound, gap: solution.relativeGap,
            rootRelaxation: solution.rootRelaxation,
            payoff: table, lexicographic: prepared.lexicographic,
            solverName: options.search == .bestBound ? "best-bound search on \(solver.name) LPs" : solver.name, seconds: payoffSeconds + solution.seconds,
            nodes: payoffNodes + solution.nodes, rows: model.constraintCount, columns: model.variableCount,
            binaries: model.integerCount, objectiveWeights: objectiveWeights(scenario, table: table))
        result.cuts = solution.cuts
        result.points = (table?.points ?? []) + (solution.hasSolution ? [solution.values] : [])
        result.phases = phases
        result.numerics = NumericalCheck(model: model, point: point)
        switch solution.termination {
        case .infeasible, .infeasibleOrUnbounded:
            guard explainsInfeasibility else { break }
            let left = deadline.map { max(1, $0 - monotonicSeconds()) } ?? explanationTimeLimit
            result.infeasibility = try InfeasibilityExplainer(backend: backend, timeLimit: left).explain(formulation)
        case .unbounded:
            result.runaway = try model.runawayVariables(using: solver)
        default:
            break
        }
        return result
    }
}
