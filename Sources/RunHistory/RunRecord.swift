import Foundation
import GRDB

/// One recorded run of `solve`, `simulate`, `compare`, `sensitivity` or `pareto`: its inputs
/// (command line, scenario and its content digest, policy, overrides, options), how it ended,
/// its headline figures and its full JSON result, as the command's `--format json` writes it.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    /// The row id, shown by `runs list` and taken by `runs show` and `runs diff`.
    public var id: Int64?
    /// When the command started (UTC).
    public var startedAt: Date
    /// The subcommand: solve, simulate, compare, sensitivity or pareto.
    public var command: String
    /// The whole command line as typed (arguments shell-quoted where needed).
    public var commandLine: String
    /// The scenario file as given on the command line.
    public var scenarioPath: String
    /// `Scenario.contentDigest` of the scenario as loaded (with the run's policy applied).
    public var scenarioDigest: String
    /// The policy the run is under (`baseline` for the status quo; compare: the options, comma-separated).
    public var policy: String
    /// The policy's overrides, `key.path=value` each (compare: `option: key.path=value`).
    public var overrides: [String]
    /// The command's other options as `--name value` (or `--flag`), without the scenario, policy,
    /// output files and history options.
    public var options: [String]
    /// How the run ended: the solver status word of the JSON result (`optimal`, `infeasible`,
    /// ...), or for a simulation `complete`/`partial`, for a study `done`.
    public var status: String
    /// The headline figures, each with its unit (docs/history.md lists them per command).
    public var headline: [HeadlineFigure]
    /// Wall-clock seconds from the command's start to its result.
    public var seconds: Double
    /// The full JSON result (the command's `--format json` text).
    public var result: String

    public init(id: Int64? = nil, startedAt: Date, command: String, commandLine: String, scenarioPath: String,
                scenarioDigest: String, policy: String, overrides: [String], options: [String], status: String,
                headline: [HeadlineFigure], seconds: Double, result: String) {
        self.id = id; self.startedAt = startedAt; self.command = command; self.commandLine = commandLine
        self.scenarioPath = scenarioPath; self.scenarioDigest = scenarioDigest; self.policy = policy
        self.overrides = overrides; self.options = options; self.status = status; self.headline = headline
        self.seconds = seconds; self.result = result
    }

    enum CodingKeys: String, CodingKey {
        case id, command, policy, overrides, options, status, headline, seconds, result
        case startedAt = "started_at", commandLine = "command_line", scenarioPath = "scenario_path"
        case scenarioDigest = "scenario_digest"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A headline figure of a run: a name, a value and the value's unit (e.g. park NPV, 14 999 626, USD).
public struct HeadlineFigure: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var unit: String

    public init(name: String, value: Double, unit: String) {
        self.name = name; self.value = value; self.unit = unit
    }
}
