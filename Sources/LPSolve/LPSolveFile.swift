import MILP

/// Solving a model file with lp_solve's own readers: the independent check that our MPS and
/// LP writers say what the in-memory model says.
public enum LPSolveFile {
    public enum Format: Sendable { case freeMPS, lpFormat }

    /// The status and objective lp_solve finds for the file, or `nil` if it cannot read it.
    public static func solve(path: String, format: Format) -> (status: LPSolveStatus, objective: Double)? {
        let handle: LPLib.Handle?
        switch format {
        case .freeMPS: handle = LPLib.readFreeMPS(path: path)
        case .lpFormat: handle = LPLib.readLP(path: path)
        }
        guard let lp = handle else { return nil }
        defer { LPLib.delete(lp) }
        let status = LPSolveStatus(rawValue: LPLib.solve(lp))
        return (status, LPLib.objective(lp))
    }
}
