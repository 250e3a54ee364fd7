import Foundation
import Scenario

/// Problems writing the proposal: a block the text merge cannot extend, or a merged file that
/// does not load (a defect of `discover`, reported rather than written).
public struct ProposalError: Error, CustomStringConvertible {
    public var description: String
}

/// The park's own file with the proposed exchanges, facilities and permits merged into its
/// `exchanges:`, `facilities:` and `permits:` blocks: the analyst reads, edits and solves it. The
/// text of the file is kept as it is (comments, order, policies); each proposal carries a comment
/// with its year-0 value, its distance, the library row and sources it comes from and what is
/// uncertain.
public enum ProposedScenario {
    /// The merged text, checked by loading it; throws when a block cannot be merged or the result
    /// does not load.
    public static func merged(source: String, scenario: Scenario, discovery: Discovery, library: SynergyLibrary,
                              file: String) throws(ProposalError) -> String {
        let parkFile = scenario.sourcePath.map { ($0 as NSString).lastPathComponent } ?? "the park's file"
        var lines = source.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let currency = scenario.currency
        var permitLines: [String] = []
        for p in discovery.permits {
            permitLines.append("# added by discover: a modelling assumption to check, not legal advice; \(cited(p.sources, library))")
            let extra = p.status == .conditional ? ", cost: \(yaml(p.cost)), delay_years: \(p.delayYears)" : ""
            permitLines.append("\(p.id): {status: \(p.status.rawValue)\(extra)}")
        }
        var facilityLines: [String] = []
        for f in discovery.facilities {
            let x = f.facility
            facilityLines.append("# proposed by discover from library row \(f.recipe): \(money(f.yearlyValue)) \(currency)/yr at "
                                 + "year-0 prices at full capacity before its links; uncertain: \(oneLine(f.uncertain)); "
                                 + cited(f.sources, library))
            let converts = x.converts.map { "\($0.resource): \(yaml($0.amount))" }.joined(separator: ", ")
            let life = x.lifetime.map { ", lifetime: \($0)" } ?? ""
            facilityLines.append("\(x.id): {location: \(location(x.location)), capacity: \(yaml(x.capacity)), "
                                 + "converts: {\(converts)}, capex: \(yaml(x.capex.rounded())), "
                                 + "fixed_cost: \(yaml(x.fixedCost.rounded())), unit_cost: \(yaml(x.unitCost)), "
                                 + "jobs: \(yaml((x.jobs * 10).rounded() / 10))\(life), co2e_per_unit: \(yaml(x.co2ePerUnit))}")
        }
        var exchangeLines: [String] = []
        for (rank, c) in discovery.candidates.enumerated() {
            let x = c.exchange
            exchangeLines.append(
                "# #\(rank + 1) by discover: \(money(c.yearlyValue)) \(currency)/yr at year-0 prices (disposal saved "
                + "\(money(c.disposalSaved)) + input saved \(money(c.inputSaved)) - processing \(money(c.processing)) "
                + "- transport \(money(c.transport))); \(String(format: "%.2f", c.distance)) km; library row \(c.rule); "
                + "uncertain: \(oneLine(c.uncertain)); \(cited(c.sources, library))")
            var fields = ["from: \(x.from)", "to: \(x.to)", "send: \(x.send)"]
            if let replace = x.replace {
                fields += ["replace: \(replace)", "ratio: \(yaml(x.ratio))", "max_share: \(yaml(x.maxShare))"]
            }
            fields += ["capacity: \(yaml(x.capacity))", "capex: \(yaml(x.capex))", "fixed_cost: \(yaml(x.fixedCost))",
                       "unit_cost: \(yaml(x.unitCost))", "transport_cost: \(yaml(x.transportCost))"]
            if x.transportCo2e > 0 { fields.append("transport_co2e: \(yaml(x.transportCo2e))") }
            fields += ["jobs: \(yaml(x.jobs))", "paid_by: \(x.paidBy.rawValue)"]
            if let permit = x.permit { fields.append("permit: \(permit)") }
            if let life = x.lifetime { fields.append("lifetime: \(life)") }
            exchangeLines.append("\(x.id): {\(fields.joined(separator: ", "))}")
        }
        try insert(permitLines, under: "permits", into: &lines)
        try insert(facilityLines, under: "facilities", into: &lines)
        try insert(exchangeLines, under: "exchanges", into: &lines)
        let header = [
            "# Proposed by `symbiosis discover` from \(parkFile) with the synergy library "
                + "\((library.path as NSString).lastPathComponent): \(discovery.candidates.count) candidate exchanges, "
                + "\(discovery.facilities.count) new facilities, \(discovery.permits.count) permit categories added.",
            "# Each proposal's comment gives its year-0 value, distance, library row, sources and what is uncertain. Check"
                + " every figure against the firms before a board sees it; delete what you do not believe, then solve.",
        ]
        let text = (header + lines).joined(separator: "\n") + "\n"
        do { _ = try Scenario.parse(yaml: text, file: file) } catch {
            throw ProposalError(description: "the proposed scenario does not load (a defect of discover):\n"
                                + error.diagnostics.map { "  \($0)" }.joined(separator: "\n"))
        }
        return text
    }

    /// Inserts `entries` (each a line of the block, unindented) at the start of the top-level
    /// `key:` block, indented as its first entry is; appends the block when the file has none.
    static func insert(_ entries: [String], under key: String, into lines: inout [String]) throws(ProposalError) {
        guard !entries.isEmpty else { return }
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            lines += ["", "\(key):"] + entries.map { "  " + $0 }
            return
        }
        var rest = lines[index].dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash].trimmingCharacters(in: .whitespaces) }
        if ["{}", "[]", "null", "~"].contains(rest) {
            lines[index] = "\(key):"
        } else if !rest.isEmpty {
            throw ProposalError(description: "cannot add to `\(key):` written on one line (line \(index + 1)); write it "
                                + "as a block, one entry a line")
        }
        let next = lines[(index + 1)...].first { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
        var indent = next.map { String($0.prefix { $0 == " " }) } ?? ""
        if indent.isEmpty { indent = "  " }
        lines.insert(contentsOf: entries.map { indent + $0 }, at: index + 1)
    }

    static func location(_ p: Point) -> String {
        if let g = p.geo { return "{lat: \(String(format: "%.6f", g.latitude)), lon: \(String(format: "%.6f", g.longitude))}" }
        return "[\(yaml((p.x * 100).rounded() / 100)), \(yaml((p.y * 100).rounded() / 100))]"
    }

    /// A number as YAML reads it back: no exponent, no trailing zeros.
    static func yaml(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.8f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Money grouped by thousands, whole units.
    static func money(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (whole < 0 ? "-" : "") + grouped
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "#", with: "no.")
    }

    /// `sources: title, URL | title, URL`.
    static func cited(_ ids: [String], _ library: SynergyLibrary) -> String {
        "sources: " + ids.map { library.sources[$0]?.citation ?? $0 }.map(oneLine).joined(separator: " | ")
    }
}

extension Discovery {
    /// The ranked table the command prints: rank, value, sites, resource, km, library row.
    public func table(currency: String) -> String {
        var out = "rank  \("value \(currency)/yr".padding(toLength: 16, withPad: " ", startingAt: 0))  km     kind    "
            + "from -> to (resource [replaces])  library row\n"
        for (i, c) in candidates.enumerated() {
            let x = c.exchange
            let value = ProposedScenario.money(c.yearlyValue)
            let replaced = x.replace.map { " [\($0)]" } ?? ""
            let rank = String(i + 1), km = String(format: "%.2f", c.distance)
            out += String(repeating: " ", count: max(0, 4 - rank.count)) + rank + "  "
                + String(repeating: " ", count: max(0, 16 - value.count)) + value + "  "
                + String(repeating: " ", count: max(0, 5 - km.count)) + km + "  "
                + c.kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
                + "\(x.from) -> \(x.to) (\(x.send)\(replaced))  \(c.rule)\n"
        }
        for f in facilities {
            out += "new facility \(f.facility.id) (library row \(f.recipe)): capacity \(ProposedScenario.yaml(f.facility.capacity)), "
                + "capex \(ProposedScenario.money(f.facility.capex)) \(currency)\n"
        }
        for p in permits { out += "permit category added: \(p.id) (\(p.status.rawValue)); check it against the law\n" }
        for note in notes { out += "note: \(note)\n" }
        return out
    }
}
