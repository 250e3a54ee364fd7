/// A result that renders as the three text formats of the commands: a readable table, JSON,
/// and CSV for Excel.
public protocol TextReport {
    func table() -> String
    func json() -> String
    func csv() -> String
}

extension DesignReport: TextReport {}
extension SimulationReport: TextReport {}
extension AlternativesReport: TextReport {}
extension FrontReport: TextReport {}
