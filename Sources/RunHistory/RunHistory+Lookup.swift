import Foundation
import GRDB

extension RunHistory {
    /// The runs of `command` on the scenario content `digest` under `policy` with exactly these
    /// `overrides` and `options`, newest first: the board room's cache (a setting already solved
    /// is answered from the history).
    public func runs(command: String, digest: String, policy: String, overrides: [String], options: [String]) throws -> [RunRecord] {
        try queue.read { db in
            try RunRecord.filter(Column("command") == command && Column("scenario_digest") == digest && Column("policy") == policy)
                .order(Column("id").desc).fetchAll(db)
        }.filter { $0.overrides == overrides && $0.options == options }
    }
}
