import ArgumentParser
import MILP

/// `--time-limit`, shared by the commands that solve.
struct TimeLimitOptions: ParsableArguments {
    @Option(help: "Stop after this many seconds (the whole run) and report the best design found, with its gap.")
    var timeLimit: Double?

    @Option(help: ArgumentHelp(
        "Branch and bound: best-bound (ours, around lp_solve's LP relaxations) or lp-solve (lp_solve's own depth-first search).",
        valueName: "search"))
    var search: SearchChoice = .bestBound

    /// `options` with the time limit and search chosen here. `threads` is for commands that
    /// solve one MIP at a time (`solve`, `export`): the best-bound search then uses them all.
    func applied(to options: SolveOptions, threads: Int = 1) -> SolveOptions {
        var options = options
        options.timeLimit = timeLimit
        options.search = search.search
        options.threads = max(1, threads)
        return options
    }

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
    }
}

/// `--threads` of the commands that solve one MIP at a time (`solve`, `export`).
struct SearchThreadsOptions: ParsableArguments {
    @Option(help: "Threads of the best-bound search on one tree (default 1, deterministic; with 2 or more it is faster but may return another design of equal value).")
    var threads = 1

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }
}

/// The `--search` values.
enum SearchChoice: String, ExpressibleByArgument, CaseIterable {
    case bestBound = "best-bound"
    case lpSolve = "lp-solve"

    var search: SolveOptions.Search { self == .bestBound ? .bestBound : .solver }
}
