import Foundation
import Scenario
import Yams

/// A synergy library that cannot be used, with every problem as `file:line: key.path: message`.
public struct LibraryError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

extension SynergyLibrary {
    /// The library shipped with the program: `$SYMBIOSIS_SYNERGIES` if set, else the resource
    /// bundle beside the executable (`Symbiosis_Discovery.resources/synergies.yaml`), else the
    /// source tree's `Sources/Discovery/Resources/synergies.yaml`.
    public static func defaultPath() -> String? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SYMBIOSIS_SYNERGIES"], !path.isEmpty { return path }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let besideExecutable = executable.deletingLastPathComponent()
            .appendingPathComponent("Symbiosis_Discovery.resources/synergies.yaml").path
        if fm.fileExists(atPath: besideExecutable) { return besideExecutable }
        let inSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources/synergies.yaml").path
        return fm.fileExists(atPath: inSources) ? inSources : nil
    }

    /// Reads and checks a library file: every row needs its resources, unit, figures in range
    /// and at least one source that exists and has a URL or DOI, or is a hiep-phuoc source note.
    public static func load(path: String) throws(LibraryError) -> SynergyLibrary {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LibraryError(problems: ["\(path): cannot read the synergy library"])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw LibraryError(problems: ["\(path): not valid YAML: \(error)"])
        }
        var reader = LibraryReader(file: path)
        guard let root else { throw LibraryError(problems: ["\(path): the synergy library is empty"]) }
        let library = reader.library(root)
        if !reader.problems.isEmpty { throw LibraryError(problems: reader.problems) }
        return library
    }
}

/// Reads the library's YAML tree, collecting problems with their lines.
struct LibraryReader {
    var file: String
    var problems: [String] = []

    mutating func problem(_ message: String, at node: Node?, _ path: String) {
        let line = node?.mark.map { ":\($0.line)" } ?? ""
        problems.append("\(file)\(line): \(path): \(message)")
    }

    func entries(_ node: Node?) -> [(String, Node)] {
        guard case let .mapping(mapping)? = node else { return [] }
        return mapping.compactMap { key, value in key.string.map { ($0, value) } }
    }

    func value(_ node: Node?, _ key: String) -> Node? { entries(node).first { $0.0 == key }?.1 }

    mutating func number(_ node: Node?, _ key: String, _ path: String, default fallback: Double? = nil,
                         range: ClosedRange<Double> = 0 ... 1e12) -> Double {
        guard let item = value(node, key), !(item.scalar?.string == "null") else {
            if let fallback { return fallback }
            problem("missing `\(key)`", at: node, path); return 0
        }
        guard let number = item.float ?? item.int.map(Double.init), number.isFinite else {
            problem("`\(key)` must be a number", at: item, path + "." + key); return 0
        }
        if !range.contains(number) {
            problem("`\(key)` must be between \(range.lowerBound) and \(range.upperBound), got \(number)", at: item,
                    path + "." + key)
        }
        return number
    }

    mutating func text(_ node: Node?, _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let item = value(node, key), let string = item.string, string != "null" else {
            if required { problem("missing `\(key)`", at: node, path) }
            return nil
        }
        return string
    }

    func strings(_ node: Node?) -> [String] {
        guard case let .sequence(sequence)? = node else { return node?.string.map { [$0] } ?? [] }
        return sequence.compactMap(\.string)
    }

    mutating func pattern(_ node: Node?, _ key: String, _ path: String) -> ResourcePattern {
        let item = value(node, key)
        let pattern = ResourcePattern(codes: strings(value(item, "codes")), names: strings(value(item, "names")))
        if pattern.codes.isEmpty && pattern.names.isEmpty {
            problem("`\(key)` needs `codes` or `names`", at: item ?? node, path + "." + key)
        }
        return pattern
    }

    mutating func terms(_ node: Node?, _ path: String) -> LinkTerms {
        var t = LinkTerms()
        t.ratio = number(node, "ratio", path, default: 1, range: 1e-6 ... 1e6)
        t.maxShare = number(node, "max_share", path, default: 1, range: 1e-6 ... 1)
        t.unitCost = number(node, "unit_cost", path)
        t.capexPerCapacity = number(node, "capex_per_capacity", path)
        t.fixedCost = number(node, "fixed_cost", path)
        let life = number(node, "lifetime", path, default: 0, range: 0 ... 100)
        t.lifetime = life > 0 ? Int(life) : nil
        t.jobsPerKt = number(node, "jobs_per_kt", path)
        t.transportCost = number(node, "transport_cost", path)
        t.transportCo2e = number(node, "transport_co2e", path, default: 0, range: 0 ... 1)
        switch text(node, "paid_by", path, required: false) {
        case nil, "to": t.paidBy = .to
        case "from": t.paidBy = .from
        case let other?: problem("`paid_by` must be `from` or `to`, got `\(other)`", at: node, path)
        }
        t.permit = text(node, "permit", path, required: false)
        return t
    }

    mutating func rowSources(_ node: Node?, _ path: String) -> [String] {
        let ids = strings(value(node, "sources"))
        if ids.isEmpty { problem("every row cites at least one source (`sources: [id, ...]`)", at: node, path) }
        return ids
    }

    mutating func library(_ root: Node) -> SynergyLibrary {
        var sources: [String: Source] = [:]
        for (id, node) in entries(value(root, "sources")) {
            let path = "sources." + id
            let title = text(node, "title", path) ?? ""
            let url = text(node, "url", path, required: false), doi = text(node, "doi", path, required: false)
            if url == nil && doi == nil && !title.hasPrefix("Scenarios/hiep-phuoc.yaml [S") {
                problem("a source needs a `url` or a `doi` (or is a source note of Scenarios/hiep-phuoc.yaml)", at: node,
                        path)
            }
            sources[id] = Source(id: id, title: title, url: url, doi: doi)
        }
        var permits: [PermitCategory] = []
        for (id, node) in entries(value(root, "permits")) {
            let path = "permits." + id
            let status = Permit.Status(rawValue: text(node, "status", path) ?? "") ?? .forbidden
            permits.append(PermitCategory(
                id: id, status: status, cost: number(node, "cost", path, default: 0),
                delayYears: Int(number(node, "delay_years", path, default: 0, range: 0 ... 100)),
                sources: rowSources(node, path)))
        }
        var synergies: [Synergy] = []
        for (id, node) in entries(value(root, "synergies")) {
            let path = "synergies." + id
            synergies.append(Synergy(
                id: id, sends: pattern(node, "sends", path), replaces: pattern(node, "replaces", path),
                unit: text(node, "unit", path) ?? "", replacesUnit: text(node, "replaces_unit", path) ?? "",
                terms: terms(node, path), uncertain: text(node, "uncertain", path) ?? "",
                estimate: text(node, "estimate", path, required: false) ?? "", sources: rowSources(node, path)))
        }
        var facilities: [FacilityRecipe] = []
        for (id, node) in entries(value(root, "facilities")) {
            let path = "facilities." + id
            let life = number(node, "lifetime", path, default: 0, range: 0 ... 100)
            facilities.append(FacilityRecipe(
                id: id, consumes: pattern(node, "consumes", path), yields: pattern(node, "yields", path),
                unit: text(node, "unit", path) ?? "", yield: number(node, "yield", path, range: 1e-6 ... 1e6),
                capexPerCapacity: number(node, "capex_per_capacity", path),
                fixedCostShare: number(node, "fixed_cost_share", path, range: 0 ... 1),
                unitCost: number(node, "unit_cost", path), lifetime: life > 0 ? Int(life) : nil,
                jobsPerKt: number(node, "jobs_per_kt", path), co2ePerUnit: number(node, "co2e_per_unit", path),
                feed: terms(value(node, "feed"), path + ".feed"), supply: terms(value(node, "supply"), path + ".supply"),
                uncertain: text(node, "uncertain", path) ?? "", estimate: text(node, "estimate", path, required: false) ?? "",
                sources: rowSources(node, path)))
        }
        // Every cited id exists; every row has at least one source with a URL or DOI.
        let rows: [(String, [String], Node?)] = synergies.map { ("synergies." + $0.id, $0.sources, value(value(root, "synergies"), $0.id)) }
            + facilities.map { ("facilities." + $0.id, $0.sources, value(value(root, "facilities"), $0.id)) }
            + permits.map { ("permits." + $0.id, $0.sources, value(value(root, "permits"), $0.id)) }
        for (path, ids, node) in rows {
            for id in ids where sources[id] == nil { problem("cites `\(id)`, which is not in `sources:`", at: node, path) }
            if !ids.isEmpty, !ids.contains(where: { sources[$0]?.url != nil || sources[$0]?.doi != nil }) {
                problem("cites no source with a URL or DOI", at: node, path)
            }
        }
        for row in synergies {
            if let permit = row.terms.permit, !permits.contains(where: { $0.id == permit }) {
                problem("names permit `\(permit)`, which is not in `permits:`", at: nil, "synergies." + row.id)
            }
        }
        return SynergyLibrary(synergies: synergies, facilities: facilities, permits: permits, sources: sources, path: file)
    }
}
