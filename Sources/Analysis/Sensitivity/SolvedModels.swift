import Foundation
import MILP

/// The solves a sensitivity study has made, by problem: an evaluation whose model is the same
/// problem, number for number, as one solved before (`Model.isSameProblem`) takes that solve's
/// answer instead of solving again. A parameter the model does not use where it is set (the
/// disposal fee of a waste whose links the law forbids, the capex of such a link) leaves the
/// model unchanged, so a tornado bar, a sweep or a Morris step over it costs no solve. A thread
/// whose problem another thread is solving at that moment waits for that answer.
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
        /// The model's nonzeros and columns, what it counts against `nonzeroBudget`.
        let size: Int
        init(hash: Int, model: Model, solution: Solution) {
            self.hash = hash; self.model = model; self.solution = solution
            size = model.nonzeroCount + model.variableCount
        }
    }

    /// A solve one thread is making now; another thread with the same problem waits for it.
    final class Ticket {
        let hash: Int
        let model: Model
        fileprivate(set) var done = false
        fileprivate(set) var solution: Solution?
        init(hash: Int, model: Model) { self.hash = hash; self.model = model }
    }

    /// What `claim` gives: the answer of the same problem solved before (or meanwhile, by another
    /// thread), or a ticket to solve it, to hand back to `finish`.
    enum Claim {
        case answer(Solution)
        case solve(Ticket)
    }

    /// Guards everything below; threads waiting for a solve in progress wait on it.
    private let condition = NSCondition()
    private var base: Entry?
    /// Oldest first.
    private var recent: [Entry] = []
    private var recentNonzeros = 0
    private var inProgress: [Ticket] = []
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
        condition.withLock { base = Entry(hash: model.problemHash, model: model, solution: solution) }
    }

    /// The answer of a solve of the same problem as `model` made before, or being made by
    /// another thread (this one then waits for it); otherwise a ticket: the caller solves and
    /// hands the answer to `finish`, whatever happens (`nil` when the solve failed).
    func claim(_ model: Model) -> Claim {
        let hash = model.problemHash
        condition.lock()
        defer { condition.unlock() }
        /// Whether a kept or running solve of `other` (hashed `otherHash`) is one of `model`.
        func same(_ otherHash: Int, _ other: Model) -> Bool { otherHash == hash && other.isSameProblem(as: model) }
        while true {
            if let base, same(base.hash, base.model) {
                counts.answeredBySolveBefore += 1
                return .answer(base.solution)
            }
            if let at = recent.lastIndex(where: { same($0.hash, $0.model) }) {
                let entry = recent.remove(at: at)
                recent.append(entry)
                counts.answeredBySolveBefore += 1
                return .answer(entry.solution)
            }
            guard let running = inProgress.first(where: { same($0.hash, $0.model) }) else {
                let ticket = Ticket(hash: hash, model: model)
                inProgress.append(ticket)
                return .solve(ticket)
            }
            while !running.done { condition.wait() }
            if let solution = running.solution, Self.keeps(solution) {
                counts.answeredBySolveBefore += 1
                return .answer(solution)
            }
            // That solve failed or stopped for time: look again (this thread may solve it).
        }
    }

    /// Counts a solve made on `ticket` and keeps it (when finished), dropping the oldest beyond
    /// the budget; wakes the threads waiting for it.
    func finish(_ ticket: Ticket, _ solution: Solution?, warmStarted: Bool) {
        condition.withLock {
            ticket.done = true
            ticket.solution = solution
            inProgress.removeAll { $0 === ticket }
            if solution != nil {
                counts.solved += 1
                if warmStarted { counts.warmStarted += 1 }
            }
            if let solution, Self.keeps(solution) { remember(Entry(hash: ticket.hash, model: ticket.model, solution: solution)) }
            condition.broadcast()
        }
    }

    /// Counts a solve made from scratch, not kept (`SensitivityAnalysis.warmStart` off).
    func countSolve() {
        condition.withLock { counts.solved += 1 }
    }

    private func remember(_ entry: Entry) {
        guard entry.size <= nonzeroBudget else { return }
        recent.append(entry)
        recentNonzeros += entry.size
        while recentNonzeros > nonzeroBudget, !recent.isEmpty {
            recentNonzeros -= recent.removeFirst().size
        }
    }

    /// What the study's evaluations have reused so far.
    var reuse: SensitivityAnalysis.ReuseCounts { condition.withLock { counts } }
}
