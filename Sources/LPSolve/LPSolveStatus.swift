import MILP

/// A return code of lp_solve's `solve()`, as a Swift value (the way swift-system wraps `errno`).
///
/// Codes from `lp_lib.h` of lp_solve 5.5; `termination` maps each to the solver-neutral
/// `TerminationStatus`. Whether a point exists is decided separately (see `LPSolveModel`).
public struct LPSolveStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let noMemory = LPSolveStatus(rawValue: -2)
    public static let notRun = LPSolveStatus(rawValue: -1)
    public static let optimal = LPSolveStatus(rawValue: 0)
    /// The search stopped early (time-out, break at first or at value) with an incumbent.
    public static let suboptimal = LPSolveStatus(rawValue: 1)
    public static let infeasible = LPSolveStatus(rawValue: 2)
    public static let unbounded = LPSolveStatus(rawValue: 3)
    public static let degenerate = LPSolveStatus(rawValue: 4)
    public static let numericalFailure = LPSolveStatus(rawValue: 5)
    /// The abort callback asked to stop.
    public static let userAbort = LPSolveStatus(rawValue: 6)
    public static let timeout = LPSolveStatus(rawValue: 7)
    public static let running = LPSolveStatus(rawValue: 8)
    /// Presolve solved the model outright.
    public static let presolved = LPSolveStatus(rawValue: 9)
    public static let procedureFailed = LPSolveStatus(rawValue: 10)
    public static let procedureBreak = LPSolveStatus(rawValue: 11)
    public static let feasibleFound = LPSolveStatus(rawValue: 12)
    public static let noFeasibleFound = LPSolveStatus(rawValue: 13)
    public static let fathomed = LPSolveStatus(rawValue: 14)
    public static let accuracyError = LPSolveStatus(rawValue: 25)

    public var description: String {
        switch self {
        case .noMemory: return "NOMEMORY"
        case .notRun: return "NOTRUN"
        case .optimal: return "OPTIMAL"
        case .suboptimal: return "SUBOPTIMAL"
        case .infeasible: return "INFEASIBLE"
        case .unbounded: return "UNBOUNDED"
        case .degenerate: return "DEGENERATE"
        case .numericalFailure: return "NUMFAILURE"
        case .userAbort: return "USERABORT"
        case .timeout: return "TIMEOUT"
        case .running: return "RUNNING"
        case .presolved: return "PRESOLVED"
        case .procedureFailed: return "PROCFAIL"
        case .procedureBreak: return "PROCBREAK"
        case .feasibleFound: return "FEASFOUND"
        case .noFeasibleFound: return "NOFEASFOUND"
        case .fathomed: return "FATHOMED"
        case .accuracyError: return "ACCURACYERROR"
        default: return "status \(rawValue)"
        }
    }

    /// The solver-neutral reason for stopping. `stoppedForTime` and `stoppedByCaller` say why
    /// our abort callback stopped the search; they decide whatever code lp_solve returns then
    /// (USERABORT, SUBOPTIMAL with an incumbent, and seen here: NUMFAILURE).
    func termination(stoppedForTime: Bool, stoppedByCaller: Bool) -> TerminationStatus {
        if self != .optimal && self != .presolved {
            if stoppedForTime { return .timeLimit }
            if stoppedByCaller { return .interrupted }
        }
        switch self {
        case .optimal, .presolved: return .optimal
        case .suboptimal, .feasibleFound, .procedureBreak: return .solutionLimit
        case .infeasible, .noFeasibleFound: return .infeasible
        case .unbounded: return .unbounded
        case .numericalFailure, .accuracyError: return .numericalFailure
        case .userAbort: return .interrupted
        case .timeout: return .timeLimit
        case .noMemory: return .outOfMemory
        default: return .otherError
        }
    }
}
