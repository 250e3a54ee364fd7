import MILP

/// The LP relaxation of a loaded `lprec`, for `BranchAndBound`: integer columns marked
/// continuous for the search's lifetime, solves polled by a `SolveMonitor`.
final class LPSolveRelaxation: LinearRelaxation {
    typealias Basis = [Int32]

    private let lp: LPLib.Handle
    private let monitor: SolveMonitor
    /// Rows now loaded, and those of the model (the rest are cuts).
    private var rows: Int
    private let modelRows: Int
    /// Whether an LP ended other than optimal, infeasible or unbounded (stopped by the monitor,
    /// or failed): lp_solve's `lprec` is then not to be solved again (see `LPSolveModel`).
    private(set) var interrupted = false
    /// The basis of the first LP solved to optimality before any cut was added (the root's).
    private(set) var firstBasis: [Int32]?

    init(_ lp: LPLib.Handle, monitor: SolveMonitor) {
        self.lp = lp
        self.monitor = monitor
        rows = LPLib.rows(lp)
        modelRows = rows
    }

    func setBounds(column: Int, lower: Double, upper: Double) {
        _ = LPLib.setBounds(lp, column: Int32(column + 1), lower: lower, upper: upper)
    }

    func solve() -> RelaxationOutcome {
        let context = Unmanaged.passUnretained(monitor).toOpaque()
        LPLib.setAbortCallback(lp, context: context, SolveMonitor.callback)
        let status = withExtendedLifetime(monitor) { LPSolveStatus(rawValue: LPLib.solve(lp)) }
        LPLib.setAbortCallback(lp, context: nil, nil)
        switch status {
        case .optimal, .presolved:
            if firstBasis == nil && rows == modelRows { firstBasis = LPLib.basis(lp) }
            return .optimal(LPLib.objective(lp))
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        default:
            interrupted = true
            if monitor.stoppedForTime { return .stopped(byTime: true) }
            if monitor.stoppedByCaller { return .stopped(byTime: false) }
            return .failed("lp_solve returned \(status) on an LP relaxation")
        }
    }

    func values(into values: inout [Double]) {
        _ = LPLib.columnValues(lp, into: &values)
    }

    func reducedCosts(into costs: inout [Double]) -> Bool {
        LPLib.reducedCosts(lp, rows: rows, into: &costs)
    }

    func basis() -> [Int32] { LPLib.basis(lp) }

    func restore(_ basis: [Int32]) { _ = LPLib.setBasis(lp, basis) }

    func addCuts(_ cuts: [Cut]) {
        for cut in cuts {
            var values = cut.coefficients
            var columns = cut.columns.map { Int32($0 + 1) }
            _ = LPLib.addRow(lp, values: &values, columns: &columns, type: .lessOrEqual, rhs: cut.upper)
        }
        rows = LPLib.rows(lp)
    }

    /// Deletes the cut rows, last first. Not after an interrupted LP: that `lprec` is loaded
    /// anew before its next use anyway.
    func removeCuts() {
        guard !interrupted else { return }
        while rows > modelRows, LPLib.deleteRow(lp, row: Int32(rows)) { rows -= 1 }
    }
}
