import Foundation
import Scenario

/// How a command records its run: one call after its result is written. Recording never
/// changes the command's output or exit status: a history that cannot be written (read-only
/// folder, locked, not a database) gives one warning on standard error.
extension RunHistory {
    /// The options that are not the run's inputs: where results go, and the history itself.
    static let outputOptions: Set<String> = [
        "--output", "--format", "--report", "--markdown", "--csv", "--chart", "--samples-out", "--history",
        "--policy", "--policies", "--force", "--no-history", "--progress", "--verbose", "--csv-dialect",
    ]
    /// Of `outputOptions`, the flags that take no value.
    static let outputFlags: Set<String> = ["--force", "--no-history", "--progress", "--verbose"]

    /// The command's options from its `arguments` (without the program and the subcommand): each
    /// `--name value` or `--flag`, without the scenario file and the `outputOptions`.
    static func options(from arguments: [String], scenarioPath: String) -> [String] {
        var options: [String] = [], index = 0, skippedScenario = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if !skippedScenario && token == scenarioPath { skippedScenario = true; continue }
            guard token.hasPrefix("--") else { options.append(token); continue }
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            let takesValue = !token.contains("=") && index < arguments.count && !arguments[index].hasPrefix("--")
                && !outputFlags.contains(name) && arguments[index] != scenarioPath
            let value = takesValue ? arguments[index] : nil
            if takesValue { index += 1 }
            if outputOptions.contains(name) { continue }
            options.append(value.map { "\(token) \($0)" } ?? token)
        }
        return options
    }

    /// `text` quoted for a POSIX shell when it needs it.
    static func shellQuoted(_ text: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./=:,+%@"))
        if !text.isEmpty && text.unicodeScalars.allSatisfy({ plain.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The overrides of `policy` in `scenario`'s policy options, `key.path=value` each.
    public static func overrides(of policy: AppliedPolicy, in scenario: Scenario) -> [String] {
        policy.overrides(in: scenario.policies).map { "\($0.keyPath)=\($0.yaml)" }
    }

    /// Records a run of `command` on `scenario` (as loaded, its `policy` applied) whose JSON
    /// result is `result`, begun at `started`. `arguments` is the process's command line.
    /// `path` is `--history`; `enabled` false (`--no-history`) records nothing. Returns the
    /// warning to print when the history could not be written, nil when it was (or is off).
    public static func record(command: String, arguments: [String] = CommandLine.arguments, scenarioPath: String,
                              scenario: Scenario, policy: String, overrides: [String], result: String,
                              started: Date, path option: String?, enabled: Bool) -> String? {
        guard enabled else { return nil }
        let seconds = Date().timeIntervalSince(started)
        let path = Self.path(option: option)
        let (status, headline) = RunRecord.summary(of: command, result: result, currency: scenario.currency)
        let afterCommand = Array(arguments.dropFirst().drop { $0 != command }.dropFirst())
        let run = RunRecord(
            startedAt: started, command: command, commandLine: (["symbiosis"] + arguments.dropFirst()).map(shellQuoted).joined(separator: " "),
            scenarioPath: scenarioPath, scenarioDigest: scenario.contentDigest, policy: policy, overrides: overrides,
            options: options(from: afterCommand, scenarioPath: scenarioPath), status: status, headline: headline,
            seconds: seconds, result: result)
        do {
            try RunHistory(path: path).record(run)
            return nil
        } catch {
            return "warning: this run was not recorded in the run history \(path): \(error) (the result above is complete; --no-history or SYMBIOSIS_HISTORY=FILE to choose)"
        }
    }

    /// `record` for a run under the one policy `loaded` was loaded with.
    public static func record(command: String, scenarioPath: String, loaded: LoadedScenario, result: String,
                              started: Date, path: String?, enabled: Bool) -> String? {
        record(command: command, scenarioPath: scenarioPath, scenario: loaded.scenario, policy: loaded.policy.name,
               overrides: overrides(of: loaded.policy, in: loaded.scenario), result: result, started: started,
               path: path, enabled: enabled)
    }
}
