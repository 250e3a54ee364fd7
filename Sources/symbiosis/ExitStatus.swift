import ArgumentParser

/// The exit statuses of every command, named once (the numbers follow BSD's sysexits.h where
/// one fits, and the shell's 128 + SIGINT for an interrupt). README.md lists them.
extension ExitCode {
    /// 2: the run ended without a design (infeasible targets, no design found in the time, no
    /// Pareto point, no alternative).
    static let noDesign = ExitCode(2)
    /// 64 (EX_USAGE): options that cannot work together or a study too large to run.
    static let usage = ExitCode(64)
    /// 65 (EX_DATAERR): an invalid scenario, policy, design file or part file.
    static let invalidInput = ExitCode(65)
    /// 70 (EX_SOFTWARE): the solver failed, or its design breaks the model by more than 1e-3.
    static let solverFailure = ExitCode(70)
    /// 69 (EX_UNAVAILABLE): `serve` could not listen (the port is taken, the address is not this machine's).
    static let unavailable = ExitCode(69)
    /// 73 (EX_CANTCREAT): an output file could not be written.
    static let cannotWrite = ExitCode(73)
    /// 130 (128 + SIGINT): stopped by Ctrl-C; nothing is written.
    static let interrupted = ExitCode(130)

    /// A solve that threw: interrupted when Ctrl-C was pressed, else a solver failure.
    static var stoppedOrFailed: ExitCode { Interruption.shared.isRaised ? interrupted : solverFailure }
}
