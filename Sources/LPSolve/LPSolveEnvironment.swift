/// Process-wide settings that suit many small lp_solve solves.
public enum LPSolveEnvironment {
    /// Keeps glibc from handing memory back to the kernel after every lp_solve solve.
    ///
    /// lp_solve allocates and frees its work arrays on every solve; with glibc's defaults the
    /// top of the heap is trimmed (and large blocks are mmap-ed and unmapped) each time, so the
    /// thousands of small re-solves of a simulation spent a third of their time in page faults
    /// (measured: hiep-phuoc, 10,000 samples, one thread: 16.8 s with 4.4 s system time, 9.3 s
    /// with these settings; docs/performance.md). Only when memory is returned changes, not
    /// how much is used. Call once at program start.
    public static func keepFreedMemory() { LPLib.keepFreedMemory() }
}
