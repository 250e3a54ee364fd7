import LPSolve
import MILP

/// The solver every command runs on, and the one place the command line names it: lp_solve 5.5
/// (module LPSolve). Analysis takes it as `any SolverBackend` and knows no solver by name.
enum Backend {
    static let solver: any SolverBackend = LPSolver()

    /// The backend's process-wide set-up, before any solve (lp_solve: keep freed memory in the
    /// process, `LPSolveEnvironment.keepFreedMemory`).
    static func prepare() {
        LPSolveEnvironment.keepFreedMemory()
    }
}
