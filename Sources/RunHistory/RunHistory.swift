import Foundation
import GRDB

/// The run history: an embedded SQLite database of every recorded run (docs/history.md).
///
/// Where it is: `--history PATH`, else the environment variable `SYMBIOSIS_HISTORY`, else
/// `$XDG_DATA_HOME/symbiosis/history.sqlite`, else `~/.local/share/symbiosis/history.sqlite`.
public struct RunHistory: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// The environment variable naming the history file.
    public static let environmentVariable = "SYMBIOSIS_HISTORY"

    /// The history file for `option` (`--history`) and `environment`, by the rule above.
    public static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let named = environment[environmentVariable], !named.isEmpty { return named }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/symbiosis/history.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/symbiosis/history.sqlite"
    }

    /// Opens (or creates, with its folder) the history at `path` and brings its schema up to date.
    /// Waits at most `busyTimeout` seconds for another process's write lock.
    public init(path: String, busyTimeout: TimeInterval = 2) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    /// The schema, one migration per change; never edit a registered migration, add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs") { db in
            try db.create(table: RunRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("started_at", .datetime).notNull()
                table.column("command", .text).notNull().indexed()
                table.column("command_line", .text).notNull()
                table.column("scenario_path", .text).notNull()
                table.column("scenario_digest", .text).notNull()
                table.column("policy", .text).notNull()
                table.column("overrides", .jsonText).notNull()
                table.column("options", .jsonText).notNull()
                table.column("status", .text).notNull()
                table.column("headline", .jsonText).notNull()
                table.column("seconds", .double).notNull()
                table.column("result", .jsonText).notNull()
            }
        }
        return migrator
    }

    /// Stores `run` and returns it with its id.
    @discardableResult
    public func record(_ run: RunRecord) throws -> RunRecord {
        var stored = run
        try queue.write { db in try stored.insert(db) }
        return stored
    }

    /// The latest `limit` runs, newest first, of `command` when given.
    public func runs(limit: Int? = nil, command: String? = nil) throws -> [RunRecord] {
        try queue.read { db in
            var request = RunRecord.order(Column("id").desc)
            if let command { request = request.filter(Column("command") == command) }
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// The run with `id`, or nil.
    public func run(_ id: Int64) throws -> RunRecord? {
        try queue.read { db in try RunRecord.fetchOne(db, key: id) }
    }
}
