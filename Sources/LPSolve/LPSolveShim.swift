import CLPSolve
import Foundation

/// The one place that knows lp_solve's C API (as swift-system wraps its syscalls).
///
/// Every other file of this module calls these functions with Swift types. The shim
/// serializes the calls that touch lp_solve's global state (seen under helgrind in
/// Debian's 5.5.2.5: `make_lp` writes the global `hBLAS` in `load_BLAS`, and the LP-format
/// reader and writers are a yacc parser and file code with globals) behind one lock,
/// while solves of different `lprec`s run in parallel.
enum LPLib {
    typealias Handle = UnsafeMutablePointer<lprec>

    /// Guards lp_solve's global state: creation, deletion and file reading/writing.
    static let globalLock = NSLock()

    // MARK: Life cycle

    /// `make_lp(rows, columns)`, silenced: no output to stdout unless asked.
    static func make(rows: Int32, columns: Int32) -> Handle? {
        globalLock.lock(); defer { globalLock.unlock() }
        guard let lp = make_lp(rows, columns) else { return nil }
        silence(lp)
        return lp
    }

    static func delete(_ lp: Handle) {
        globalLock.lock(); defer { globalLock.unlock() }
        delete_lp(lp)
    }

    /// Sends lp_solve's prints to nowhere (`set_outputfile(lp, "")`) and sets verbosity to NEUTRAL.
    /// Keeps glibc from trimming the heap and unmapping large blocks after every solve.
    static func keepFreedMemory() {
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 16 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
    }

    static func silence(_ lp: Handle) {
        _ = "".withCString { set_outputfile(lp, UnsafeMutablePointer(mutating: $0)) }
        set_verbose(lp, Int32(NEUTRAL))
    }

    static func setVerbose(_ lp: Handle, _ on: Bool) {
        set_verbose(lp, on ? Int32(NORMAL) : Int32(NEUTRAL))
        if on { _ = set_outputfile(lp, nil) }
    }

    static var infinity: Double { 1e30 }

    // MARK: Loading

    static func setRowMode(_ lp: Handle, _ on: Bool) -> Bool { set_add_rowmode(lp, on ? 1 : 0) != 0 }

    /// `set_obj_fnex` with 1-based column numbers.
    static func setObjective(_ lp: Handle, values: inout [Double], columns: inout [Int32]) -> Bool {
        set_obj_fnex(lp, Int32(values.count), &values, &columns) != 0
    }

    enum RowType: Int32 { case lessOrEqual = 1, greaterOrEqual = 2, equal = 3 }

    /// `add_constraintex` with 1-based column numbers.
    static func addRow(_ lp: Handle, values: inout [Double], columns: inout [Int32], type: RowType, rhs: Double) -> Bool {
        add_constraintex(lp, Int32(values.count), &values, &columns, type.rawValue, rhs) != 0
    }

    /// `del_constraint` (1-based row number).
    static func deleteRow(_ lp: Handle, row: Int32) -> Bool { del_constraint(lp, row) != 0 }

    /// Makes row `row` a range of width `upper - lower` around its current right-hand side.
    static func setRowRange(_ lp: Handle, row: Int32, lower: Double, upper: Double) -> Bool {
        set_rh_range(lp, row, upper - lower) != 0
    }

    static func setRHS(_ lp: Handle, row: Int32, _ value: Double) -> Bool { set_rh(lp, row, value) != 0 }

    static func setRowType(_ lp: Handle, row: Int32, _ type: RowType) -> Bool { set_constr_type(lp, row, type.rawValue) != 0 }

    static func setBounds(_ lp: Handle, column: Int32, lower: Double, upper: Double) -> Bool {
        let lo = lower == -.infinity ? -infinity : lower
        let up = upper == .infinity ? infinity : upper
        return set_bounds(lp, column, lo, up) != 0
    }

    static func setInteger(_ lp: Handle, column: Int32, _ on: Bool) -> Bool { set_int(lp, column, on ? 1 : 0) != 0 }

    static func setObjectiveCoefficient(_ lp: Handle, column: Int32, _ value: Double) -> Bool {
        set_mat(lp, 0, column, value) != 0
    }

    /// `set_mat(lp, row, column, value)`: one matrix coefficient (1-based row and column).
    static func setCoefficient(_ lp: Handle, row: Int32, column: Int32, _ value: Double) -> Bool {
        set_mat(lp, row, column, value) != 0
    }

    static func setMaximize(_ lp: Handle, _ maximize: Bool) {
        if maximize { set_maxim(lp) } else { set_minim(lp) }
    }

    static func setColumnName(_ lp: Handle, column: Int32, _ name: String) {
        _ = name.withCString { set_col_name(lp, column, UnsafeMutablePointer(mutating: $0)) }
    }

    static func setRowName(_ lp: Handle, row: Int32, _ name: String) {
        _ = name.withCString { set_row_name(lp, row, UnsafeMutablePointer(mutating: $0)) }
    }

    // MARK: Options

    static func setTimeout(_ lp: Handle, seconds: Int) { set_timeout(lp, seconds) }
    static func setMIPGap(_ lp: Handle, absolute: Bool, _ gap: Double) { set_mip_gap(lp, absolute ? 1 : 0, gap) }
    static func setBranchingRule(_ lp: Handle, _ rule: Int32) { set_bb_rule(lp, rule) }
    static func setDepthLimit(_ lp: Handle, _ limit: Int32) { set_bb_depthlimit(lp, limit) }
    static func setBreakAtValue(_ lp: Handle, _ value: Double) { set_break_at_value(lp, value) }
    static func setObjectiveBound(_ lp: Handle, _ value: Double) { set_obj_bound(lp, value) }
    static func setPresolve(_ lp: Handle, mode: Int32) { set_presolve(lp, mode, get_presolveloops(lp)) }

    static let presolveRowsColumns = Int32(PRESOLVE_ROWS | PRESOLVE_COLS | PRESOLVE_LINDEP)
    static let presolveDuals = Int32(PRESOLVE_SENSDUALS)
    static let nodeFirst = Int32(NODE_FIRSTSELECT)
    static let nodeFraction = Int32(NODE_FRACTIONSELECT)
    static let nodePseudoCost = Int32(NODE_PSEUDOCOSTSELECT)
    static let nodeReducedCostFixing = Int32(NODE_RCOSTFIXING)
    static let nodeDepthFirstAuto = Int32(NODE_FIRSTSELECT | NODE_DEPTHFIRSTMODE | NODE_AUTOORDER)

    /// Installs the abort callback polled by lp_solve during the solve.
    static func setAbortCallback(_ lp: Handle, context: UnsafeMutableRawPointer?,
                                 _ callback: (@convention(c) (Handle?, UnsafeMutableRawPointer?) -> Int32)?) {
        put_abortfunc(lp, callback, context)
    }

    /// Forgets the last basis: needed before re-solving a MIP on the same `lprec`
    /// (without it Debian's 5.5.2.5 gave wrong answers on 1,082 of 3,000 random small MIPs).
    static func resetBasis(_ lp: Handle) { default_basis(lp) }

    // MARK: Solving and results

    static func solve(_ lp: Handle) -> Int32 { CLPSolve.solve(lp) }

    static func rows(_ lp: Handle) -> Int { Int(get_Nrows(lp)) }
    static func columns(_ lp: Handle) -> Int { Int(get_Ncolumns(lp)) }
    static func originalRows(_ lp: Handle) -> Int { Int(get_Norig_rows(lp)) }
    static func originalColumns(_ lp: Handle) -> Int { Int(get_Norig_columns(lp)) }

    static func objective(_ lp: Handle) -> Double { get_objective(lp) }

    /// Primal value by lp_solve's original index (0 = objective, then rows, then columns);
    /// valid after presolve removed rows or columns.
    static func primalResult(_ lp: Handle, originalIndex: Int) -> Double {
        get_var_primalresult(lp, Int32(originalIndex))
    }

    /// Dual value by original index (rows 1..m, then columns m+1..m+n as reduced costs).
    static func dualResult(_ lp: Handle, originalIndex: Int) -> Double {
        get_var_dualresult(lp, Int32(originalIndex))
    }

    /// Column values of the last solve, in bulk (`get_variables`; no presolve in effect).
    static func columnValues(_ lp: Handle, into values: inout [Double]) -> Bool {
        values.withUnsafeMutableBufferPointer { get_variables(lp, $0.baseAddress) } != 0
    }

    /// Reduced costs of the last LP solve (`get_dual_solution` fills 1 + rows + columns
    /// entries; the columns' part is copied out). lp_solve builds the duals on demand after
    /// each solve (`construct_duals`), without `PRESOLVE_SENSDUALS`.
    static func reducedCosts(_ lp: Handle, rows: Int, into costs: inout [Double]) -> Bool {
        var all = [Double](repeating: 0, count: 1 + rows + costs.count)
        guard get_dual_solution(lp, &all) != 0 else { return false }
        for j in costs.indices { costs[j] = all[1 + rows + j] }
        return true
    }

    /// The current basis with the bound status of the non-basic columns (`get_basis(…, TRUE)`):
    /// 1 + rows + columns entries.
    static func basis(_ lp: Handle) -> [Int32] {
        var basis = [Int32](repeating: 0, count: 1 + rows(lp) + columns(lp))
        _ = get_basis(lp, &basis, 1)
        return basis
    }

    /// Sets a basis saved by `basis(_:)`: the next solve starts from it.
    static func setBasis(_ lp: Handle, _ basis: [Int32]) -> Bool {
        var copy = basis
        return set_basis(lp, &copy, 1) != 0
    }

    static func totalNodes(_ lp: Handle) -> Int { Int(get_total_nodes(lp)) }

    /// Number of improved integer solutions found by branch and bound.
    static func improvedSolutions(_ lp: Handle) -> Int { Int(lp.pointee.bb_improvements) }
    static func solutionCount(_ lp: Handle) -> Int { Int(lp.pointee.solutioncount) }

    /// Objective of the root LP relaxation ("optimal non-MIP solution base").
    static func rootRelaxation(_ lp: Handle) -> Double { lp.pointee.real_solution }

    // MARK: Files

    static func writeFreeMPS(_ lp: Handle, to path: String) -> Bool {
        globalLock.lock(); defer { globalLock.unlock() }
        return path.withCString { write_freemps(lp, UnsafeMutablePointer(mutating: $0)) } != 0
    }

    static func writeLP(_ lp: Handle, to path: String) -> Bool {
        globalLock.lock(); defer { globalLock.unlock() }
        return path.withCString { write_lp(lp, UnsafeMutablePointer(mutating: $0)) } != 0
    }

    /// Reads an lp_solve LP-format file (yacc parser with global state: serialized).
    static func readLP(path: String) -> Handle? {
        globalLock.lock(); defer { globalLock.unlock() }
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        let lp = "".withCString { read_lp(file, Int32(NEUTRAL), UnsafeMutablePointer(mutating: $0)) }
        if let lp { silence(lp) }
        return lp
    }

    static func readFreeMPS(path: String) -> Handle? {
        globalLock.lock(); defer { globalLock.unlock() }
        let lp = path.withCString { read_freeMPS(UnsafeMutablePointer(mutating: $0), Int32(NEUTRAL)) }
        if let lp { silence(lp) }
        return lp
    }

    static func version() -> String {
        var major: Int32 = 0, minor: Int32 = 0, release: Int32 = 0, build: Int32 = 0
        lp_solve_version(&major, &minor, &release, &build)
        return "\(major).\(minor).\(release).\(build)"
    }
}
