import Analysis
import Foundation

extension ComparisonReport {
    /// A compare shard's part file (`PartFile`: sorted keys, numbers in shortest round-trip
    /// form, so `merge` reads back exactly the designs and Monte Carlo tallies the shard computed).
    public static func partFile(_ part: ComparisonPart) -> String { PartFile.text(part) }

    /// Reads the bytes of a part file written by `compare --shard`; `name` names it in errors.
    public static func readPart(_ data: Data, name path: String) throws(PartFileError) -> ComparisonPart {
        let part = try PartFile.decode(ComparisonPart.self, from: data, name: path,
                                       kind: "a compare part file (written by `compare --shard K/N --output FILE`)")
        if let problem = part.inconsistency { throw .unreadable(path, "a damaged or edited part file: \(problem)") }
        return part
    }
}
