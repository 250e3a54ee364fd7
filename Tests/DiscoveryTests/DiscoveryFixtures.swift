import Foundation
import Scenario
import TestSupport

enum DiscoveryFixtures {
    /// Scenarios/hiep-phuoc.yaml with every exchange removed (`TestSupport.hiepPhuocWithoutExchanges`).
    static func bareHiepPhuoc() throws -> String { try TestSupport.hiepPhuocWithoutExchanges() }

    /// (sender, receiver, resource sent) of every exchange of the file.
    static func pairs(_ scenario: Scenario) -> Set<[String]> {
        Set(scenario.exchanges.map { [$0.from, $0.to, $0.send] })
    }
}
