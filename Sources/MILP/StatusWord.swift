/// The one word every report shows for how a solve ended, in tables, JSON and CSV alike:
/// `optimal`, `time_limit` (stopped with a design in hand), `time_limit_no_solution` (stopped
/// without one), `node_limit` and `node_limit_no_solution` (the same at a node limit),
/// `infeasible`, `unbounded`, `infeasible_or_unbounded`, `solution_limit`, `interrupted`,
/// `numerical_failure`, `out_of_memory`, `error`.
///
/// Only the time and node limits depend on whether a design was found; every other
/// termination reads the same either way. Scripts match on these words (docs/model.md). Every report (Report)
/// and every message naming how a solve ended goes through `of`.
public enum StatusWord {
    /// The word for `termination`, `hasDesign` telling whether the run has a design to report.
    public static func of(_ termination: TerminationStatus, hasDesign: Bool) -> String {
        switch termination {
        case .optimal: return "optimal"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .infeasibleOrUnbounded: return "infeasible_or_unbounded"
        case .timeLimit: return hasDesign ? "time_limit" : "time_limit_no_solution"
        case .nodeLimit: return hasDesign ? "node_limit" : "node_limit_no_solution"
        case .solutionLimit: return "solution_limit"
        case .interrupted: return "interrupted"
        case .numericalFailure: return "numerical_failure"
        case .outOfMemory: return "out_of_memory"
        case .otherError: return "error"
        }
    }
}

extension Solution {
    /// `StatusWord.of(termination, hasDesign: hasSolution)`.
    public var statusWord: String { StatusWord.of(termination, hasDesign: hasSolution) }
}
