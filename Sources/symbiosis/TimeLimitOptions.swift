import ArgumentParser

/// `--time-limit`, shared by the commands that solve.
struct TimeLimitOptions: ParsableArguments {
    @Option(help: "Stop after this many seconds (the whole run) and report the best design found, with its gap.")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
    }
}
