import Foundation

/// The headline figures and status of a run, read from its JSON result: the keys each
/// command's JSON writer already has, so no second format (docs/history.md lists them).
extension RunRecord {
    /// Status and headline figures of a `command`'s JSON `result` text.
    ///
    /// - solve: `status`; park NPV (`economic.npv`, currency), public cost, CO2e avoided
    ///   (`environmental.co2e_avoided`, t CO2e), links built (exchanges and facilities with
    ///   `built: true`).
    /// - simulate: `complete` or `partial`; mean, P5 park NPV and probability of loss, mean CO2e avoided.
    /// - compare: the recommended option (`recommended`: rank 1 when its design builds
    ///   something) as status, or that none is; per option its park NPV, CO2e avoided and
    ///   exchanges built.
    /// - pareto: `status`; Pareto points, and the highest park NPV and CO2e avoided among them.
    /// - sensitivity: the base solve's `status`; its park NPV, CO2e avoided and links built.
    /// `currency` is the scenario's, for results that do not name it.
    public static func summary(of command: String, result: String, currency scenarioCurrency: String)
        -> (status: String, headline: [HeadlineFigure]) {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(result.utf8))) as? [String: Any] else {
            return ("unknown", [])
        }
        let currency = root["currency"] as? String ?? scenarioCurrency
        func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
        func at(_ path: String, in object: Any? = nil) -> Any? {
            var current: Any? = object ?? root
            for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
            return current
        }
        var figures: [HeadlineFigure] = []
        func add(_ name: String, _ value: Any?, _ unit: String) {
            if let value = number(value) { figures.append(HeadlineFigure(name: name, value: value, unit: unit)) }
        }
        switch command {
        case "solve", "serve":
            add("park NPV", at("economic.npv"), currency)
            add("public cost", at("economic.public_cost"), currency)
            add("CO2e avoided", at("environmental.co2e_avoided"), "t CO2e")
            let built = ((root["exchanges"] as? [[String: Any]] ?? []) + (root["facilities"] as? [[String: Any]] ?? []))
                .filter { $0["built"] as? Bool == true }.count
            figures.append(HeadlineFigure(name: "links built", value: Double(built), unit: "links"))
            return (root["status"] as? String ?? "unknown", figures)
        case "simulate":
            if root["npv"] != nil {
                add("park NPV, mean", at("npv.mean"), currency)
                add("park NPV, P5", at("npv.p5"), currency)
                add("probability of loss", root["probability_of_loss"], "share")
                add("CO2e avoided, mean", at("co2e_avoided.mean"), "t CO2e")
                add("samples", root["samples_done"], "samples")
                return (root["partial"] as? Bool == true ? "partial" : "complete", figures)
            }
            return ("complete", figures) // --mode stochastic: its own report
        case "compare":
            let options = root["options"] as? [[String: Any]] ?? []
            for option in options {
                let name = option["option"] as? String ?? "?"
                add("park NPV (\(name))", option["park_npv"], currency)
                add("CO2e avoided (\(name))", option["co2e_avoided"], "t CO2e")
                add("exchanges built (\(name))", option["exchanges_built"], "exchanges")
            }
            let best = options.first { number($0["rank"]) == 1 }?["option"] as? String
            // The report's own rule (`recommended`: rank 1 when its design builds something).
            if let recommended = root["recommended"] {
                if let name = recommended as? String { return ("recommended: \(name)", figures) }
                return (best.map { "no option recommended: \($0) (rank 1) builds nothing" } ?? "no option ranked", figures)
            }
            return (best.map { "recommended: \($0)" } ?? "no option ranked", figures)
        case "pareto":
            let points = root["points"] as? [[String: Any]] ?? []
            figures.append(HeadlineFigure(name: "Pareto points", value: Double(points.count), unit: "points"))
            add("highest park NPV", points.compactMap { number($0["npv"]) }.max(), currency)
            add("highest CO2e avoided", points.compactMap { number($0["co2e_avoided"]) }.max(), "t CO2e")
            return (root["status"] as? String ?? "unknown", figures)
        default:
            add("base park NPV", at("base.npv"), currency)
            add("base CO2e avoided", at("base.co2e_avoided"), "t CO2e")
            if let built = at("base.built") as? [Any] {
                figures.append(HeadlineFigure(name: "base links built", value: Double(built.count), unit: "links"))
            }
            return (at("base.status") as? String ?? "done", figures)
        }
    }
}
