import Analysis
import Foundation

extension ComparisonReport {
    /// A compare shard's part file (`PartFile`: sorted keys, numbers in shortest round-trip
    /// form, so `merge` reads back exactly the designs and Monte Carlo tallies the shard computed).
    public static func partFile(_ part: ComparisonPart) -> String { PartFile.text(part) }
}
