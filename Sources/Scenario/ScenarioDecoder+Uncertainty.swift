import Yams

/// Reading the `uncertainty:` and `sensitivity:` blocks.
extension ScenarioDecoder {
    /// `uncertainty:` processes on prices and volumes and their correlations; `nil` when absent.
    mutating func uncertainty(_ root: MappingEntries) -> Uncertainty? {
        guard let entry = root["uncertainty"], !entry.value.isNull,
              let map = entries(of: entry.value, path: "uncertainty", anchor: entry.keyNode, section: .uncertainty)
        else { return nil }
        record("uncertainty", value: entry.value, key: entry.keyNode)
        var result = Uncertainty(seed: seed(map, default: 42), samples: integer(map, "samples") ?? 1000)
        result.prices = parameters(map, "prices")
        result.volumes = parameters(map, "volumes")
        result.correlations = correlations(map)
        return result
    }

    /// `sensitivity:` parameter ranges by key path; `nil` when absent.
    mutating func sensitivity(_ root: MappingEntries) -> SensitivityStudy? {
        guard let entry = root["sensitivity"], !entry.value.isNull,
              let map = entries(of: entry.value, path: "sensitivity", anchor: entry.keyNode, section: .sensitivity)
        else { return nil }
        record("sensitivity", value: entry.value, key: entry.keyNode)
        var study = SensitivityStudy(samples: integer(map, "samples") ?? 1024, seed: seed(map, default: 7))
        guard let parameters = map["parameters"], !parameters.value.isNull else { return study }
        record("sensitivity.parameters", value: parameters.value, key: parameters.keyNode)
        let list = entries(of: parameters.value, path: "sensitivity.parameters", anchor: parameters.keyNode)?.list
        for item in list ?? [] {
            let path = "sensitivity.parameters".appendingKey(item.key)
            record(path, value: item.value, key: item.keyNode)
            guard case let .sequence(range) = item.value, range.count == 2 else {
                error("expected a range [low, high], got \(item.value.kindDescription)", at: item.value, path: path)
                continue
            }
            let bounds = Array(range)
            guard let low = number(bounds[0], path: path), let high = number(bounds[1], path: path) else { continue }
            study.parameters.append(SensitivityParameter(keyPath: item.key, low: low, high: high))
        }
        return study
    }

    /// A random seed: a whole number >= 0.
    private mutating func seed(_ map: MappingEntries, default fallback: UInt64) -> UInt64 {
        guard let value = integer(map, "seed") else { return fallback }
        guard value >= 0 else {
            error("must be >= 0, got \(value)", at: map["seed"]?.value, path: map.path.appendingKey("seed"))
            return fallback
        }
        return UInt64(value)
    }

    /// `prices:` or `volumes:`: target -> process, in file order.
    private mutating func parameters(_ map: MappingEntries, _ key: String) -> [UncertainParameter] {
        guard let entry = map[key], !entry.value.isNull else { return [] }
        let path = "uncertainty".appendingKey(key)
        record(path, value: entry.value, key: entry.keyNode)
        var result: [UncertainParameter] = []
        for item in entries(of: entry.value, path: path, anchor: entry.keyNode)?.list ?? [] {
            let itemPath = path.appendingKey(item.key)
            record(itemPath, value: item.value, key: item.keyNode)
            if let process = process(item.value, path: itemPath, key: item.keyNode) {
                result.append(UncertainParameter(target: item.key, process: process))
            }
        }
        return result
    }

    /// One `{model: ..., ...}` process, its keys checked against the model's own.
    private mutating func process(_ node: Node, path: String, key: Node) -> Process? {
        let modelNode = node.value(forKey: "model")
        let modelName = modelNode?.text
        guard let modelName, let model = ScenarioFormat.processModels.first(where: { $0.model == modelName }) else {
            let names = ScenarioFormat.processModels.map(\.model)
            let allKeys = ScenarioFormat.Section.allCases.filter { $0.rawValue.hasPrefix("process_") }
                .flatMap { ScenarioFormat.acceptedKeys(in: $0) }
            guard entries(of: node, path: path, anchor: key, accepting: allKeys) != nil else { return nil }
            let message = modelName.map { "unknown model `\($0)`" + KeySuggestion.hint(for: $0, among: names) }
                ?? "missing required key `model`"
            log.error(message + "; expected one of: \(names.joined(separator: ", "))",
                      at: (modelNode ?? key).location(in: file), path: path.appendingKey("model"))
            sourceMap.reported.insert(path)
            return nil
        }
        guard let map = entries(of: node, path: path, anchor: key, section: model.section) else { return nil }
        _ = text(map, "model")
        switch model.section {
        case .processGBM:
            return .gbm(drift: number(map, "drift") ?? 0, volatility: number(map, "volatility") ?? 0)
        case .processMeanReverting:
            return .meanReverting(speed: number(map, "speed") ?? 0, volatility: number(map, "volatility") ?? 0,
                                  level: number(map, "level"))
        case .processLognormal: return .lognormal(sigma: number(map, "sigma") ?? 0)
        case .processTriangular:
            return .triangular(low: number(map, "low") ?? 1, mode: number(map, "mode") ?? 1,
                               high: number(map, "high") ?? 1)
        case .processNormal: return .normal(mean: number(map, "mean") ?? 1, sd: number(map, "sd") ?? 0)
        case .processUniform: return .uniform(low: number(map, "low") ?? 1, high: number(map, "high") ?? 1)
        default: return .csv(path: text(map, "path") ?? "")
        }
    }

    /// `correlations:` a list of `[a, b, rho]`.
    private mutating func correlations(_ map: MappingEntries) -> [Correlation] {
        guard let entry = map["correlations"], !entry.value.isNull else { return [] }
        let path = "uncertainty.correlations"
        record(path, value: entry.value, key: entry.keyNode)
        guard case let .sequence(sequence) = entry.value else {
            error("expected a list of [a, b, rho], got \(entry.value.kindDescription)", at: entry.value, path: path)
            return []
        }
        var result: [Correlation] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = path.appendingKey("\(index)")
            guard case let .sequence(parts) = item, parts.count == 3 else {
                error("expected [a, b, rho], got \(item.kindDescription)", at: item, path: itemPath)
                continue
            }
            let values = Array(parts)
            guard let first = values[0].text, let second = values[1].text else {
                error("expected two parameter names and a correlation, like [clinker, water, 0.3]",
                      at: item, path: itemPath)
                continue
            }
            if let rho = number(values[2], path: itemPath) {
                record(path.appendingKey("\(result.count)"), value: item)
                result.append(Correlation(first, second, rho))
            }
        }
        return result
    }
}
