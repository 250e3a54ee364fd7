import Foundation

/// `runs diff A B`: what changed between two runs, inputs first, then results.
extension RunRecord {
    /// The changed inputs (scenario digest, policy, overrides, options), the changed headline
    /// figures with their units, then the JSON results key by key: at most `limit` differing
    /// leaves, by path (`exchanges[ash_to_cement].built`: list items that have an `id` are
    /// matched by it, others by position). Leaves named `seconds` are left out (run times differ
    /// every run; the headline has the run time).
    public static func diff(_ a: RunRecord, _ b: RunRecord, limit: Int = 40) -> String {
        let (ia, ib) = (a.id ?? 0, b.id ?? 0)
        var out = "runs \(ia) (\(a.command), \(a.startedText)) and \(ib) (\(b.command), \(b.startedText))\n\ninputs:\n"
        var inputs: [String] = []
        if a.command != b.command { inputs.append("  command: \(a.command) -> \(b.command)") }
        if a.scenarioPath != b.scenarioPath { inputs.append("  scenario file: \(a.scenarioPath) -> \(b.scenarioPath)") }
        if a.scenarioDigest != b.scenarioDigest {
            inputs.append("  scenario digest (with the policy applied): \(a.scenarioDigest) -> \(b.scenarioDigest)")
        }
        if a.policy != b.policy { inputs.append("  policy: \(a.policy) -> \(b.policy)") }
        for line in listChange(a.overrides, b.overrides) { inputs.append("  override " + line) }
        for line in listChange(a.options, b.options) { inputs.append("  option " + line) }
        out += inputs.isEmpty ? "  unchanged\n" : inputs.joined(separator: "\n") + "\n"

        out += "\nheadline:\n"
        var figures: [String] = []
        if a.status != b.status { figures.append("  status: \(a.status) -> \(b.status)") }
        let before = Dictionary(a.headline.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.headline.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in (a.headline.map(\.name) + b.headline.map(\.name).filter { before[$0] == nil }) {
            switch (before[name], after[name]) {
            case let (x?, y?) where x.value != y.value || x.unit != y.unit:
                let change = x.unit == y.unit ? " (\(signed(y.value - x.value)) \(y.unit))" : ""
                figures.append("  \(name): \(formatted(x.value)) \(x.unit) -> \(formatted(y.value)) \(y.unit)\(change)")
            case let (x?, nil): figures.append("  \(name): \(formatted(x.value)) \(x.unit) -> (none)")
            case let (nil, y?): figures.append("  \(name): (none) -> \(formatted(y.value)) \(y.unit)")
            default: break
            }
        }
        out += figures.isEmpty ? "  unchanged\n" : figures.joined(separator: "\n") + "\n"

        out += "\nresult (JSON), key by key:\n"
        let left = leaves(of: try? JSONSerialization.jsonObject(with: Data(a.result.utf8)))
        let right = leaves(of: try? JSONSerialization.jsonObject(with: Data(b.result.utf8)))
        let paths = Set(left.keys).union(right.keys).filter { !$0.hasSuffix(".seconds") && $0 != "seconds" }.sorted()
        let changed = paths.filter { left[$0] != right[$0] }
        for path in changed.prefix(limit) {
            out += "  \(path): \(left[path] ?? "(none)") -> \(right[path] ?? "(none)")\n"
        }
        if changed.isEmpty { out += "  unchanged\n" }
        if changed.count > limit { out += "  ... and \(changed.count - limit) more changed keys (runs show \(ia), runs show \(ib))\n" }
        return out
    }

    /// `+ item` / `- item` lines for what `b` adds to or drops from `a`.
    static func listChange(_ a: [String], _ b: [String]) -> [String] {
        a.filter { !b.contains($0) }.map { "removed: \($0)" } + b.filter { !a.contains($0) }.map { "added: \($0)" }
    }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + formatted(value) }

    /// Every scalar of a JSON value by its path.
    static func leaves(of value: Any?, at path: String = "", into out: inout [String: String]) {
        switch value {
        case let object as [String: Any]:
            if object.isEmpty { out[path] = "{}" }
            for (key, item) in object { leaves(of: item, at: path.isEmpty ? key : path + "." + key, into: &out) }
        case let array as [Any]:
            if array.isEmpty { out[path] = "[]" }
            for (index, item) in array.enumerated() {
                let key = ((item as? [String: Any])?["id"] as? String) ?? ((item as? [String: Any])?["option"] as? String) ?? String(index)
                leaves(of: item, at: path + "[\(key)]", into: &out)
            }
        case let number as NSNumber:
            out[path] = "\(number)"
        case let text as String: out[path] = "\"\(text)\""
        case nil: break
        default: out[path] = "null"
        }
    }

    static func leaves(of value: Any?) -> [String: String] {
        var out: [String: String] = [:]
        leaves(of: value, into: &out)
        return out
    }
}
