import Yams

/// The `policies:` block of a file, read as overrides on the YAML tree.
///
/// A policy is a list of (dotted key path, YAML value) pairs applied to the base file's tree
/// before it is decoded, the way Calliope applies overrides: `set:` entries, the shorthand
/// economics keys (`carbon_price: 25` = `set: {carbon_price: 25}`) and a `targets:` block
/// (merged leaf by leaf into `targets`). Values keep their own source marks, so any error they
/// cause is reported at the policy's line. Combined policies (`a+b`) apply in order.
struct PolicyBook {
    /// One override with its value as a YAML node.
    struct NodeOverride {
        var keyPath: String
        var value: Node
        /// Key node in the policy (where path errors point).
        var keyNode: Node
        /// `policies.<id>.set.<keyPath>`, for messages.
        var diagnosticPath: String
        /// Whether the path was found in the base file (invalid ones were reported and are skipped).
        var resolves = true
    }

    /// One policy of the file.
    struct Definition {
        var policy: Policy
        var overrides: [NodeOverride]
        /// First and last line of the policy in the file.
        var lines: ClosedRange<Int>
    }

    var definitions: [Definition] = []
    /// Where `policies:` is written, for "unknown policy" messages.
    var anchor: SourceLocation?

    var policies: [Policy] { definitions.map(\.policy) }

    /// Reads the policies of `root` and checks every override's key path against it.
    init(root: Node, decoder: inout ScenarioDecoder) {
        guard let (key, value) = root.entry(forKey: "policies") else { return }
        anchor = key.location(in: decoder.file)
        decoder.record("policies", value: value, key: key)
        for item in decoder.entries(of: value, path: "policies", anchor: key)?.list ?? [] {
            let path = "policies".appendingKey(item.key)
            decoder.record(path, value: item.value, key: item.keyNode)
            if item.key.isEmpty || item.key.contains("+") || item.key.contains(".") {
                decoder.error("policy name `\(item.key)` must be non-empty and contain no `+` (it combines policies) "
                              + "or `.`", at: item.keyNode, path: path)
            }
            guard let map = decoder.entries(of: item.value, path: path, anchor: item.keyNode, section: .policy) else {
                continue
            }
            var overrides: [NodeOverride] = []
            for entry in map.list {
                switch entry.key {
                case "description", "name", "name_vi", "description_vi": continue
                case "set": overrides += Self.setOverrides(entry, policyPath: path, decoder: &decoder)
                case "targets": overrides += Self.targetOverrides(entry.value, keyNode: entry.keyNode, prefix: "targets",
                                                                  policyPath: path, decoder: &decoder)
                default:
                    overrides.append(NodeOverride(keyPath: entry.key, value: entry.value, keyNode: entry.keyNode,
                                                  diagnosticPath: path.appendingKey(entry.key)))
                }
            }
            for index in overrides.indices {
                overrides[index].resolves = Self.check(overrides[index], policy: item.key, root: root,
                                                       decoder: &decoder)
            }
            var policy = Policy(
                id: item.key, description: decoder.text(map, "description") ?? "",
                overrides: overrides.map {
                    Override(keyPath: $0.keyPath, yaml: $0.value.flowText, location: $0.keyNode.location(in: decoder.file))
                })
            policy.title = decoder.text(map, "name")
            policy.titleVi = decoder.text(map, "name_vi")
            policy.descriptionVi = decoder.text(map, "description_vi")
            let first = item.keyNode.mark?.line ?? 0
            definitions.append(Definition(policy: policy, overrides: overrides,
                                          lines: first ... max(first, item.value.lastLine)))
        }
    }

    /// The definitions named by `spec` (`nil`/empty = none, `a+b` = both in order), or `nil`
    /// after reporting an unknown or repeated name.
    func select(_ spec: String?, decoder: inout ScenarioDecoder) -> [Definition]? {
        guard let spec, !spec.trimmingWhitespace.isEmpty else { return [] }
        var selected: [Definition] = []
        var ok = true
        let names = AppliedPolicy.parts(of: spec)
        let counts = Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +)
        var reported: Set<String> = []
        for name in names {
            if let count = counts[name], count > 1, !name.isEmpty {
                // Applying a policy twice is a slip (the second does nothing or clashes); reported once.
                if reported.insert(name).inserted {
                    let times = count == 2 ? "twice" : "\(count) times"
                    decoder.log.error("policy `\(name)` appears \(times) in `\(spec)`; name each policy once",
                                      at: anchor, path: "policies")
                }
                ok = false
                continue
            }
            if let definition = definitions.first(where: { $0.policy.id == name }) {
                selected.append(definition)
                continue
            }
            let names = definitions.map(\.policy.id)
            let known = names.isEmpty ? "the file defines no policies" : "known policies: \(names.joined(separator: ", "))"
            decoder.log.error("unknown policy `\(name)`\(KeySuggestion.hint(for: name, among: names)); \(known)",
                              at: anchor, path: "policies")
            ok = false
        }
        return ok ? selected : nil
    }

    /// `root` with the overrides of `definitions` applied in order.
    func apply(_ definitions: [Definition], to root: Node, decoder: inout ScenarioDecoder) -> Node {
        var tree = root
        for definition in definitions {
            for override in definition.overrides where override.resolves {
                switch tree.replacing(Self.segments(override.keyPath)[...], with: override.value,
                                      mayCreate: Self.mayCreate) {
                case let .success(newTree): tree = newTree
                case let .failure(failure):
                    decoder.error("policy `\(definition.policy.id)`: cannot set `\(override.keyPath)` after the "
                                  + "policies before it: \(failure.explanation)", at: override.keyNode,
                                  path: override.diagnosticPath)
                }
            }
        }
        return tree
    }

    /// Paths a policy may add although the file leaves them out: top-level economics keys and
    /// anything under `targets` or `sharing` (all have defaults).
    static func mayCreate(_ path: String) -> Bool {
        ScenarioFormat.economicsKeys.contains(path) || path == "targets" || path.hasPrefix("targets.")
            || path == "sharing" || path.hasPrefix("sharing.")
    }

    static func segments(_ keyPath: String) -> [String] {
        keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reports an override whose path does not exist in the base file; returns whether it resolves.
    private static func check(_ override: NodeOverride, policy: String, root: Node,
                              decoder: inout ScenarioDecoder) -> Bool {
        let segments = segments(override.keyPath)
        if segments.first == "policies" {
            decoder.error("policy `\(policy)`: a policy cannot change `policies`", at: override.keyNode,
                          path: override.diagnosticPath)
            return false
        }
        if let first = segments.first, ScenarioFormat.appraisalKeys.contains(first) {
            decoder.error("policy `\(policy)`: a policy cannot change `\(first)` (the appraisal judges every option "
                          + "with the same shadow prices and status quo)", at: override.keyNode, path: override.diagnosticPath)
            return false
        }
        guard let failure = root.failureToFollow(segments[...], mayCreate: mayCreate) else { return true }
        decoder.error("policy `\(policy)`: key path `\(override.keyPath)` does not exist in the scenario: "
                      + failure.explanation, at: override.keyNode, path: override.diagnosticPath)
        return false
    }

    /// The `set:` mapping: dotted key path -> value.
    private static func setOverrides(_ entry: MappingEntries.Entry, policyPath: String,
                                     decoder: inout ScenarioDecoder) -> [NodeOverride] {
        let path = policyPath.appendingKey("set")
        return (decoder.entries(of: entry.value, path: path, anchor: entry.keyNode)?.list ?? []).map {
            NodeOverride(keyPath: $0.key, value: $0.value, keyNode: $0.keyNode, diagnosticPath: path.appendingKey($0.key))
        }
    }

    /// A policy's `targets:` block, flattened to one override per leaf so it merges into `targets`
    /// (an empty mapping changes nothing; a null leaf removes that target).
    private static func targetOverrides(_ node: Node, keyNode: Node, prefix: String, policyPath: String,
                                        decoder: inout ScenarioDecoder) -> [NodeOverride] {
        let path = policyPath.appendingKey(prefix)
        guard case .mapping = node else {
            return [NodeOverride(keyPath: prefix, value: node, keyNode: keyNode, diagnosticPath: path)]
        }
        guard let map = decoder.entries(of: node, path: path, anchor: keyNode) else { return [] }
        return map.list.flatMap {
            targetOverrides($0.value, keyNode: $0.keyNode, prefix: prefix.appendingKey($0.key), policyPath: policyPath,
                            decoder: &decoder)
        }
    }
}

extension String {
    /// This text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start ... end])
    }
}
