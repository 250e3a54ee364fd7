import Foundation
import Formulation
import MILP

/// Where every evaluation of a study starts when `SensitivityAnalysis.warmStart` is on: the base
/// park (every parameter at the scenario's value) solved once, its model, the root LP basis of
/// that solve and its design.
///
/// Each evaluation still builds and loads its own model (a parameter moves coefficients all over
/// it, and loading takes about 1 % of an evaluation on hiep-phuoc), but its root LP starts from
/// the base's root basis, and the base design, its integer part kept and its flows solved anew
/// (`LoadedModel.completion`), is a known point: the search's first incumbent, so the root's
/// cut rounds stop as soon as the bound meets it. Where the base design stays optimal, the
/// evaluation is proven at the root. A parameter that adds or drops a column (a `keeps_value`
/// binary) gets the basis and the design matched by name (`LoadedModel.setStartBasis(_:of:)`,
/// `Model.point(_:of:)`).
///
/// Every evaluation starts from the base and from nothing else, never from the evaluation a
/// thread did before it: results do not depend on threads, on the order of evaluations or on
/// how a study is split into shards (a shard's part merged equals a single run, byte for byte).
struct EvaluationStart: Sendable {
    let model: Model
    let basis: [Int32]?
    let design: [Double]?
}

/// The base solve of a study, made once by the first evaluation that needs it; the others wait.
final class EvaluationStartCache: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Result<EvaluationStart, SimulationError>?

    func value(_ make: () throws(SimulationError) -> EvaluationStart) throws(SimulationError) -> EvaluationStart {
        lock.lock()
        defer { lock.unlock() }
        if made == nil {
            do throws(SimulationError) { made = .success(try make()) } catch { made = .failure(error) }
        }
        return try made!.get()
    }
}

extension SensitivityAnalysis {
    /// The park with the parameters at `values` (`nil` entries, or values left out, keep the
    /// scenario's), formulated for the study's weights.
    func formulation(at values: [Double?]) throws(SimulationError) -> ParkFormulation {
        var formulation = ParkFormulation(try scenario(with: values))
        formulation.maximize(formulation.expression(weightedBy: weights))
        return formulation
    }

    /// What a study's evaluations reused: how many were solved, how many of those started
    /// from the base solve (`EvaluationStart`), how many took the answer of a solve of the same
    /// problem made before (`SolvedModels`).
    public struct ReuseCounts: Sendable, Equatable {
        /// Evaluations solved, a MIP each.
        public var solved = 0
        /// Of those, the ones started from the base's root basis and design.
        public var warmStarted = 0
        /// Evaluations answered without a solve: their model was one solved before.
        public var answeredBySolveBefore = 0
        public init() {}
    }

    /// What the evaluations so far reused (all zero but `solved` without `warmStart`).
    public var reuse: ReuseCounts { solves.reuse }

    /// The base solve every evaluation starts from (`EvaluationStart`), kept in `solves`.
    func evaluationStart() throws(SimulationError) -> EvaluationStart {
        try start.value { () throws(SimulationError) -> EvaluationStart in
            let formulation = try formulation(at: [])
            do {
                let loaded = try backend.load(formulation.model)
                let solution = try loaded.solve(knownPoints: formulation.statusQuoPoint.map { [$0] } ?? [], options: options)
                solves.keepBase(formulation.model, solution)
                return EvaluationStart(model: formulation.model, basis: loaded.startBasis,
                                       design: solution.hasSolution ? solution.values : nil)
            } catch { throw .solver("\(error)") }
        }
    }

    /// Solves `formulation` from the status quo and, with `warmStart`, from the base solve
    /// (`EvaluationStart`), or takes the answer of a solve of the same problem made before
    /// (`SolvedModels`).
    func solve(_ formulation: ParkFormulation) throws(SimulationError) -> Solution {
        let model = formulation.model
        let statusQuo = formulation.statusQuoPoint.map { [$0] } ?? []
        guard warmStart else {
            do {
                let solution = try backend.load(model).solve(knownPoints: statusQuo, options: options)
                solves.countSolve()
                return solution
            } catch { throw .solver("\(error)") }
        }
        let start = try evaluationStart()
        let ticket: SolvedModels.Ticket
        switch solves.claim(model) {
        case let .answer(solution): return solution
        case let .solve(claimed): ticket = claimed
        }
        let warm = start.basis != nil || start.design != nil
        var solution: Solution?
        defer { solves.finish(ticket, solution, warmStarted: warm) }
        do {
            let loaded = try backend.load(model)
            var known = statusQuo
            if let basis = start.basis { loaded.setStartBasis(basis, of: start.model) }
            if let design = start.design,
               let completed = try loaded.completion(of: model.point(design, of: start.model), options: options) {
                known.append(completed)
            }
            solution = try loaded.solve(knownPoints: known, options: options)
            return solution!
        } catch { throw .solver("\(error)") }
    }
}
