import MILP
import Testing

@Suite("One status word per (termination, has design)")
struct StatusWordTests {
    /// Every termination, with and without a design: only the time limit tells them apart.
    @Test func everyPair() {
        let expected: [(TerminationStatus, String, String)] = [
            (.optimal, "optimal", "optimal"),
            (.infeasible, "infeasible", "infeasible"),
            (.unbounded, "unbounded", "unbounded"),
            (.infeasibleOrUnbounded, "infeasible_or_unbounded", "infeasible_or_unbounded"),
            (.timeLimit, "time_limit", "time_limit_no_solution"),
            (.solutionLimit, "solution_limit", "solution_limit"),
            (.interrupted, "interrupted", "interrupted"),
            (.numericalFailure, "numerical_failure", "numerical_failure"),
            (.outOfMemory, "out_of_memory", "out_of_memory"),
            (.otherError, "error", "error"),
        ]
        for (termination, withDesign, without) in expected {
            #expect(StatusWord.of(termination, hasDesign: true) == withDesign, "\(termination)")
            #expect(StatusWord.of(termination, hasDesign: false) == without, "\(termination)")
        }
        // Every word is lower-case snake case (no `timeLimit` beside `time_limit`).
        for (termination, _, _) in expected {
            for word in [StatusWord.of(termination, hasDesign: true), StatusWord.of(termination, hasDesign: false)] {
                #expect(word.allSatisfy { $0.isLowercase || $0 == "_" }, "\(word)")
            }
        }
    }

    /// A solution's word reads whether it holds a point.
    @Test func solutionWord() {
        let stopped = Solution(termination: .timeLimit, primal: .feasiblePoint, rawStatus: 1, rawStatusText: "",
                               objective: 1, bestBound: 2, values: [1])
        #expect(stopped.statusWord == "time_limit")
        var empty = stopped
        empty.primal = .noSolution
        #expect(empty.statusWord == "time_limit_no_solution")
    }
}
