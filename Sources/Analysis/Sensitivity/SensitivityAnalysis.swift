import Dispatch
import Foundation
import Formulation
import MILP
import Sampling
import Scenario

/// What one evaluation of the park reports: the optimum for one set of parameter values.
public struct ParkEvaluation: Sendable, Equatable {
    /// Park NPV (currency).
    public var npv: Double
    /// t CO2e avoided.
    public var co2eAvoided: Double
    /// FTE-years.
    public var jobs: Double
    /// Ids of the exchanges built, sorted.
    public var built: [String]
    public var termination: TerminationStatus

    public init(npv: Double, co2eAvoided: Double, jobs: Double, built: [String], termination: TerminationStatus) {
        self.npv = npv; self.co2eAvoided = co2eAvoided; self.jobs = jobs; self.built = built; self.termination = termination
    }

    /// The three outputs studied, by name.
    public static let outputs = ["npv", "co2e_avoided", "jobs_fte_years"]
    public var values: [Double] { [npv, co2eAvoided, jobs] }
}

/// Sensitivity studies of the park optimum to numeric scenario settings named by key path
/// (the paths of `Scenario.setting(_:to:)`): tornado, sweeps with break-even levels, Morris
/// screening and Sobol indices.
///
/// Every evaluation sets the parameters, builds the model and solves it for the objective the
/// base scenario was solved for (its `ObjectiveWeights`: the normalization is not recomputed per
/// evaluation, so outputs stay comparable). Evaluations run in parallel, one lp_solve model
/// each; the parameters change coefficients all over the model, so each is built afresh, and
/// each starts from the base solve's root basis and design (`EvaluationStart`).
public struct SensitivityAnalysis: Sendable {
    public let scenario: Scenario
    public let parameters: [SensitivityParameter]
    public let weights: ObjectiveWeights
    /// The solver of every evaluation.
    public let backend: any SolverBackend
    public var options: SolveOptions
    public var threads: Int
    /// Called from worker threads with (evaluations done, evaluations in this batch).
    public var progress: @Sendable (Int, Int) -> Void = { _, _ in }
    /// Polled between evaluations; a stop throws.
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Whether evaluations start from the base solve's root basis and design
    /// (`EvaluationStart`); off, each is solved from scratch (for measuring). Set it, and
    /// `options`, before the first evaluation: the base solve is made once.
    public var warmStart = true
    /// The base solve, made by the first evaluation that needs it.
    let start = EvaluationStartCache()
    /// The solves made so far, by problem.
    let solves = SolvedModels()

    public init(scenario: Scenario, parameters: [SensitivityParameter], weights: ObjectiveWeights,
                backend: any SolverBackend, options: SolveOptions = ParkOptimizer.defaultOptions, threads: Int = 1) {
        self.scenario = scenario
        self.backend = backend
        self.parameters = parameters
        self.weights = weights
        self.options = options
        self.threads = threads
    }

    /// The scenario with `values[i]` set at `parameters[i]`.
    public func scenario(with values: [Double]) throws(SimulationError) -> Scenario {
        try scenario(with: values.map { Optional($0) })
    }

    /// The scenario with `values[i]` set at `parameters[i]`; a `nil` entry keeps the scenario's value.
    func scenario(with values: [Double?]) throws(SimulationError) -> Scenario {
        var changed = scenario
        for (parameter, value) in zip(parameters, values) {
            guard let value else { continue }
            do { changed = try changed.setting(parameter.keyPath, to: value) } catch {
                throw .solver("\(parameter.keyPath) = \(value): \(error.diagnostics.map(\.message).joined(separator: "; "))")
            }
        }
        return changed
    }

    /// Solves the park with the parameters at `values` (`nil` entries keep the scenario's value).
    public func evaluate(_ values: [Double?]) throws(SimulationError) -> ParkEvaluation {
        let (formulation, solution) = try solve(at: values)
        guard solution.hasSolution else {
            return ParkEvaluation(npv: .nan, co2eAvoided: .nan, jobs: .nan, built: [], termination: solution.termination)
        }
        let design = ParkDesign(formulation, values: solution.values)
        return ParkEvaluation(npv: design.npv, co2eAvoided: design.co2eAvoided, jobs: design.jobsFTEYears,
                              built: design.exchanges.filter(\.built).map(\.id).sorted(), termination: solution.termination)
    }

    /// Why `exchange` is not built with the parameters at `values` (`LinkAbsence`, from the design
    /// of one more solve), `nil` when it is built or there is no design.
    public func absence(of exchange: String, at values: [Double?]) throws(SimulationError) -> LinkAbsence? {
        let (formulation, solution) = try solve(at: values)
        guard solution.hasSolution else { return nil }
        var design = ParkDesign(formulation, values: solution.values)
        design.explainAbsences(data: formulation.data, proven: solution.termination == .optimal)
        return design.exchanges.first { $0.id == exchange }?.notBuiltBecause
    }

    /// The park with the parameters at `values`, formulated for the study's weights and solved
    /// from the status quo (nothing built) where it is feasible, so that a stop for time still
    /// has a design, and with `warmStart` from the base solve (`EvaluationStart`).
    private func solve(at values: [Double?]) throws(SimulationError) -> (ParkFormulation, Solution) {
        let formulation = try formulation(at: values)
        return (formulation, try solve(formulation))
    }

    /// Evaluates every row (parameter values) on `threads` threads; results in row order.
    public func evaluate(rows: [[Double?]]) throws(SimulationError) -> [ParkEvaluation] {
        let store = EvaluationStore(count: rows.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, rows.count))) { _ in
            while let index = store.next(), !shouldStop() {
                do throws(SimulationError) {
                    store.set(index, .success(try evaluate(rows[index])))
                } catch {
                    store.set(index, .failure(error))
                }
                progress(store.finished(), rows.count)
            }
        }
        var results: [ParkEvaluation] = []
        for index in rows.indices {
            switch store.value(index) {
            case let .success(evaluation)?: results.append(evaluation)
            case let .failure(error)?: throw error
            case nil: throw .solver("stopped after \(results.count) of \(rows.count) evaluations")
            }
        }
        return results
    }
}

/// Evaluation results filled in by worker threads.
final class EvaluationStore: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<ParkEvaluation, SimulationError>?]
    private var nextIndex = 0
    private var done = 0

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < values.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
    func set(_ index: Int, _ value: Result<ParkEvaluation, SimulationError>) { lock.withLock { values[index] = value; done += 1 } }
    func finished() -> Int { lock.withLock { done } }
    func value(_ index: Int) -> Result<ParkEvaluation, SimulationError>? { lock.withLock { values[index] } }
}
