import Foundation
import Sampling

/// Checks of the `uncertainty:` and `sensitivity:` blocks.
extension ScenarioChecker {
    /// Every name a price process may drive: `carbon_price`, `<resource>`, `<resource>.price`,
    /// `<resource>.disposal_cost`.
    var priceTargets: [String] {
        ["carbon_price"] + scenario.resources.flatMap { [$0.id, $0.id + ".price", $0.id + ".disposal_cost"] }
    }

    /// Every name a volume process may drive: `capex`, and `<company>.<resource>` for each listed
    /// volume.
    var volumeTargets: [String] {
        ["capex"] + scenario.companies.flatMap { c in (c.produces + c.needs).map { c.id + "." + $0.resource } }
    }

    mutating func checkUncertainty() {
        guard let u = scenario.uncertainty, covers("uncertainty") else { return }
        check(u.samples, .positiveCount, "uncertainty.samples")
        if u.samples > SampleLimits.maximumSamples {
            error("must be at most \(SampleLimits.maximumSamples) (2^32, the most the sampling methods can draw), got \(u.samples)",
                  "uncertainty.samples")
        }
        let prices = priceTargets, volumes = volumeTargets
        var canonical: [String: String] = [:]
        for (group, parameters, known) in [("prices", u.prices, prices), ("volumes", u.volumes, volumes)] {
            for p in parameters {
                let path = "uncertainty".appendingKey(group).appendingKey(p.target)
                checkProcess(p.process, path)
                guard known.contains(p.target) else {
                    let expected = group == "prices"
                        ? "a resource id, `<resource>.price`, `<resource>.disposal_cost` or `carbon_price`"
                        : "`<company>.<resource>` for a volume the company produces or needs, or `capex`"
                    error("unknown \(group == "prices" ? "price" : "volume") `\(p.target)`"
                          + KeySuggestion.hint(for: p.target, among: known) + "; expected \(expected)", path, atKey: true)
                    continue
                }
                let meaning = group == "prices" && scenario.resource(p.target) != nil ? p.target + ".price" : p.target
                if let first = canonical[meaning] {
                    error("`\(p.target)` and `\(first)` are the same parameter", path, atKey: true)
                }
                canonical[meaning] = canonical[meaning] ?? p.target
            }
        }
        checkCorrelations(u)
    }

    private mutating func checkProcess(_ process: Process, _ path: String) {
        switch process {
        case let .gbm(_, volatility): check(volatility, .nonNegative, path.appendingKey("volatility"))
        case let .meanReverting(speed, volatility, level):
            check(speed, .nonNegative, path.appendingKey("speed"))
            check(volatility, .nonNegative, path.appendingKey("volatility"))
            check(level, .positive, path.appendingKey("level"))
        case let .lognormal(sigma): check(sigma, .nonNegative, path.appendingKey("sigma"))
        case let .triangular(low, mode, high):
            check(low, .nonNegative, path.appendingKey("low"))
            if !(low <= mode && mode <= high) {
                error("needs low <= mode <= high, got \(low.formattedForMessage), \(mode.formattedForMessage), "
                      + "\(high.formattedForMessage)", path.appendingKey("mode"))
            }
        case let .normal(mean, sd):
            check(mean, .nonNegative, path.appendingKey("mean"))
            check(sd, .nonNegative, path.appendingKey("sd"))
        case let .uniform(low, high):
            check(low, .nonNegative, path.appendingKey("low"))
            if !(low <= high) {
                error("needs low <= high, got \(low.formattedForMessage), \(high.formattedForMessage)",
                      path.appendingKey("high"))
            }
        case let .csv(file):
            if file.isEmpty {
                error("must name a CSV file", path.appendingKey("path"))
            } else if let baseDirectory {
                let full = file.hasPrefix("/") ? file : baseDirectory + "/" + file
                if !FileManager.default.fileExists(atPath: full) {
                    warning("CSV file `\(file)` not found (looked for \(full))", path.appendingKey("path"))
                }
            }
        }
    }

    /// Names known, |rho| <= 1, no pair twice, and the whole matrix positive semidefinite.
    private mutating func checkCorrelations(_ u: Uncertainty) {
        let names = (u.prices + u.volumes).map(\.target)
        var pairs: [Set<String>: Int] = [:]
        var valid = true
        for (index, c) in u.correlations.enumerated() {
            let path = "uncertainty.correlations".appendingKey("\(index)")
            for name in [c.first, c.second] where !names.contains(name) {
                error("unknown parameter `\(name)`" + KeySuggestion.hint(for: name, among: names)
                      + "; correlations name entries of `uncertainty.prices` or `uncertainty.volumes`", path)
                valid = false
            }
            if c.first == c.second {
                error("`\(c.first)` cannot be correlated with itself", path)
                valid = false
            }
            if let problem = NumberRule.correlation.violation(c.rho) {
                error("correlation " + problem, path)
                valid = false
            }
            if let first = pairs[[c.first, c.second]] {
                error("`\(c.first)` and `\(c.second)` are already correlated (entry \(first))", path)
                valid = false
            }
            pairs[[c.first, c.second]] = pairs[[c.first, c.second]] ?? index
        }
        guard valid, !u.correlations.isEmpty else { return }
        let matrix = u.correlationMatrix
        let smallest = matrix.smallestEigenvalue()
        if smallest < -1e-9 {
            error("the correlation matrix is not positive semidefinite (smallest eigenvalue "
                  + "\(String(format: "%.4g", smallest))), so no random shocks can have these correlations",
                  "uncertainty.correlations", atKey: true)
        }
    }

    mutating func checkSensitivity() {
        guard let study = scenario.sensitivity, covers("sensitivity") else { return }
        check(study.samples, .positiveCount, "sensitivity.samples")
        for p in study.parameters {
            let path = "sensitivity.parameters".appendingKey(p.keyPath)
            if let problem = scenario.settingProblem(p.keyPath) {
                error(problem, path, atKey: true)
            } else if p.low > p.high {
                error("needs low <= high, got [\(p.low.formattedForMessage), \(p.high.formattedForMessage)]", path)
            }
        }
    }
}
