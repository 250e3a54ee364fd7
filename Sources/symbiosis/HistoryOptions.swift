import ArgumentParser
import Foundation
import RunHistory
import Scenario

/// `--history PATH` and `--no-history`, shared by the commands that record their runs.
struct HistoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run history file (default: $SYMBIOSIS_HISTORY, else $XDG_DATA_HOME/symbiosis/history.sqlite, else ~/.local/share/symbiosis/history.sqlite).",
                               valueName: "file"))
    var history: String?

    @Flag(help: "Do not record this run in the run history.")
    var noHistory = false

    /// Records the run (docs/history.md); a history that cannot be written is one warning.
    /// `result` (the run's JSON) is rendered only when the run is recorded, so `--no-history`
    /// costs nothing.
    func record(_ command: String, scenarioPath: String, loaded: LoadedScenario, result: @autoclosure () -> String, started: Date) {
        guard !noHistory else { return }
        let warning = RunHistory.record(command: command, scenarioPath: scenarioPath, loaded: loaded, result: result(),
                                        started: started, path: history, enabled: !noHistory)
        if let warning { printError(warning) }
    }

    /// Records a run over several policies (compare).
    func record(_ command: String, scenarioPath: String, scenario: Scenario, policy: String, overrides: [String],
                result: @autoclosure () -> String, started: Date) {
        guard !noHistory else { return }
        let warning = RunHistory.record(command: command, scenarioPath: scenarioPath, scenario: scenario, policy: policy,
                                        overrides: overrides, result: result(), started: started, path: history, enabled: !noHistory)
        if let warning { printError(warning) }
    }
}
