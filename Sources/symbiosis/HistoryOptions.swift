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
    func record(_ command: String, scenarioPath: String, loaded: LoadedScenario, result: String, started: Date) {
        let warning = RunHistory.record(command: command, scenarioPath: scenarioPath, loaded: loaded, result: result,
                                        started: started, path: history, enabled: !noHistory)
        if let warning { printError(warning) }
    }

    /// Records a run over several policies (compare).
    func record(_ command: String, scenarioPath: String, scenario: Scenario, policy: String, overrides: [String],
                result: String, started: Date) {
        let warning = RunHistory.record(command: command, scenarioPath: scenarioPath, scenario: scenario, policy: policy,
                                        overrides: overrides, result: result, started: started, path: history, enabled: !noHistory)
        if let warning { printError(warning) }
    }
}
