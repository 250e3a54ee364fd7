import Foundation

/// The text of `runs list`, `runs show` and `runs export`.
extension RunRecord {
    /// `2026-12-03 15:40:12Z` (UTC, to the second).
    public var startedText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: startedAt) + "Z"
    }

    /// One line of `runs list`: id, start, command, policy, status, scenario, the first headline figure.
    public static func listTable(_ runs: [RunRecord]) -> String {
        var rows = [["id", "started (UTC)", "command", "policy", "status", "scenario", "headline"]]
        for run in runs {
            let first = run.headline.first.map { "\($0.name) \(formatted($0.value)) \($0.unit)" } ?? ""
            rows.append([String(run.id ?? 0), run.startedText, run.command, run.policy, run.status, run.scenarioPath, first])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// `runs show ID`: the inputs, the status and headline figures, then the JSON result.
    public var detailText: String {
        var out = "run \(id ?? 0)\n"
        out += "started:         \(startedText)\n"
        out += "command line:    \(commandLine)\n"
        out += "scenario:        \(scenarioPath) (digest \(scenarioDigest))\n"
        out += "policy:          \(policy)\n"
        out += "overrides:       \(overrides.isEmpty ? "none" : overrides.joined(separator: "; "))\n"
        out += "options:         \(options.isEmpty ? "none" : options.joined(separator: " "))\n"
        out += "status:          \(status)\n"
        out += "run time:        \(String(format: "%.2f", seconds)) s\n"
        for figure in headline {
            let label = "\(figure.name):"
            out += label + String(repeating: " ", count: max(1, 17 - label.count)) + "\(Self.formatted(figure.value)) \(figure.unit)\n"
        }
        out += "result (JSON):\n" + result + (result.hasSuffix("\n") ? "" : "\n")
        return out
    }

    /// A number for reading: from 100 up rounded to a whole number in groups of three digits
    /// (`14 999 626`), smaller ones to 4 significant digits (`0.25`).
    static func formatted(_ value: Double) -> String {
        if value.isFinite, value == value.rounded() || abs(value) >= 100, abs(value) < 1e15 {
            let digits = String(Int64(abs(value.rounded())))
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += " " }
                grouped.append(digit)
            }
            return (value.rounded() < 0 ? "-" : "") + grouped
        }
        return String(format: "%.4g", value)
    }

    /// `runs export --format csv`: one row per run (RFC 4180 quoting), the headline figures as
    /// `name = value unit` joined by `; `, without the JSON result (export JSON for it).
    public static func csv(_ runs: [RunRecord]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var out = "id,started_utc,command,command_line,scenario,scenario_digest,policy,overrides,options,status,seconds,headline\n"
        for run in runs {
            let headline = run.headline.map { "\($0.name) = \($0.value) \($0.unit)" }.joined(separator: "; ")
            out += [String(run.id ?? 0), run.startedText, run.command, run.commandLine, run.scenarioPath, run.scenarioDigest,
                    run.policy, run.overrides.joined(separator: "; "), run.options.joined(separator: " "), run.status,
                    String(format: "%.3f", run.seconds), headline].map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `runs export --format json`: an array of the runs, each with its result as JSON (not as
    /// text): the stored result is inserted as it was written, so no number is re-rounded.
    public static func json(_ runs: [RunRecord]) -> String {
        let items: [String] = runs.map { run in
            let fields: [String: Any] = [
                "id": run.id ?? 0, "started_utc": run.startedText, "command": run.command, "command_line": run.commandLine,
                "scenario": run.scenarioPath, "scenario_digest": run.scenarioDigest, "policy": run.policy,
                "overrides": run.overrides, "options": run.options, "status": run.status, "seconds": run.seconds,
                "headline": run.headline.map { ["name": $0.name, "value": $0.value, "unit": $0.unit] as [String: Any] },
            ]
            let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
            var text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            text.removeLast() // the closing brace
            let result = run.result.trimmingCharacters(in: .whitespacesAndNewlines)
            let valid = (try? JSONSerialization.jsonObject(with: Data(result.utf8))) != nil
            let quoted = String(decoding: (try? JSONSerialization.data(withJSONObject: [result], options: [])) ?? Data("[\"\"]".utf8), as: UTF8.self)
            return text.trimmingCharacters(in: .whitespacesAndNewlines) + ",\n  \"result\" : " + (valid ? result : String(quoted.dropFirst().dropLast())) + "\n}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
