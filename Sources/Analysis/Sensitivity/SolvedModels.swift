import Foundation
import MILP

/// The solves a sensitivity study has made, by problem: an evaluation whose model is the same
/// problem, number for number, as one solved before (`Model.isSameProblem`) takes that solve's
/// answer instead of solving again. A parameter the model does not use where it is set (the
/// disposal fee of a waste whose links the law forbids, the capex of such a link) leaves the
/// model unchanged, so a tornado bar, a sweep or a Morris step over it costs no solve.
///
/// Only finished solves are kept (optimal or infeasible: a solve stopped for time depends on
/// the machine), and every evaluation starts the same way (`EvaluationStart`), so the answer
/// taken is the one a new solve would give: results do not depend on which solves one process
/// made before (shards merged equal a single run). The base solve is kept for the whole study;
/// the others, newest first, up to `nonzeroBudget` nonzeros and columns of models in all (the
/// default million held about 55 MB of hiep-phuoc's models in a Sobol study), so memory stays
/// bounded on large parks.
final class SolvedModels: @unchecked Sendable {
    private struct Entry {
        let hash: Int
        let model: Model
        let solution: Solution
    }

    private let lock = NSLock()
    private var base: Entry?
    /// Oldest first.
    private var recent: [Entry] = []
    private var recentNonzeros = 0
    let nonzeroBudget: Int
    private var counts = SensitivityAnalysis.ReuseCounts()

    init(nonzeroBudget: Int = 1_000_000) { self.nonzeroBudget = nonzeroBudget }

    /// Whether `solution` is kept: a finished solve, the same on any machine.
    static func keeps(_ solution: Solution) -> Bool {
        [.optimal, .infeasible].contains(solution.termination)
    }

    /// Keeps the base solve for the whole study.
    func keepBase(_ model: Model, _ solution: Solution) {
        guard Self.keeps(solution) else { return }
        lock.withLock { base = Entry(hash: model.problemHash, model: model, solution: solution) }
    }

    /// The answer of a solve of the same problem as `model`, made before; `nil` when none is kept.
    func solution(for model: Model, hash: Int) -> Solution? {
        lock.withLock {
            if let base, base.hash == hash, base.model.isSameProblem(as: model) {
                counts.answeredBySolveBefore += 1
                return base.solution
            }
            guard let at = recent.lastIndex(where: { $0.hash == hash && $0.model.isSameProblem(as: model) }) else { return nil }
            let entry = recent.remove(at: at)
            recent.append(entry)
            counts.answeredBySolveBefore += 1
            return entry.solution
        }
    }

    /// Counts a new solve of `model` and keeps it (when finished and `remember`), dropping the
    /// oldest beyond the budget.
    func keep(_ model: Model, hash: Int, _ solution: Solution, warmStarted: Bool, remember: Bool = true) {
        lock.withLock {
            counts.solved += 1
            if warmStarted { counts.warmStarted += 1 }
            guard remember, Self.keeps(solution) else { return }
            let size = model.nonzeroCount + model.variableCount
            guard size <= nonzeroBudget else { return }
            recent.append(Entry(hash: hash, model: model, solution: solution))
            recentNonzeros += size
            while recentNonzeros > nonzeroBudget, !recent.isEmpty {
                let dropped = recent.removeFirst()
                recentNonzeros -= dropped.model.nonzeroCount + dropped.model.variableCount
            }
        }
    }

    /// What the study's evaluations have reused so far.
    var reuse: SensitivityAnalysis.ReuseCounts { lock.withLock { counts } }
}
