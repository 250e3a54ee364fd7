import Analysis
import Foundation
import Scenario

/// The part files of sharded studies (`simulate`, `sensitivity`, `compare`, `pareto --shard K/N --output FILE`):
/// the shard's work as JSON with sorted keys, so the same part is the same bytes, and numbers
/// written in Swift's shortest round-trip form, so that `merge` reads back exactly the values
/// the shard computed (non-finite values as the strings "inf", "-inf", "nan").
public enum PartFile {
    /// The part file's text: one line of JSON.
    public static func text<Part: Encodable>(_ part: Part) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? encoder.encode(part)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The bytes of a file; `PartFileError.unreadable` naming it when it cannot be read.
    public static func contents(_ path: String) throws(PartFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "cannot read the file") }
        return data
    }

    /// Decodes a part written by `text(_:)`; `name` names the file and `kind` says what was
    /// expected in the error ("a simulation part file (written by …)").
    public static func decode<Part: Decodable>(_ type: Part.Type, from data: Data, name: String, kind: String) throws(PartFileError) -> Part {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try decoder.decode(Part.self, from: data) } catch {
            throw .unreadable(name, "not \(kind)")
        }
    }

    /// Reads the bytes of a part file of `type`: decoded (`decode`), then refused when the shard
    /// could not have written it (`PartFileContent.inconsistency`, an edited or damaged file);
    /// `name` names the file in errors.
    public static func read<Part: PartFileContent>(_ type: Part.Type, from data: Data, name: String) throws(PartFileError) -> Part {
        let part = try decode(type, from: data, name: name, kind: Part.partDescription)
        if let problem = part.inconsistency { throw .unreadable(name, "a damaged or edited part file: \(problem)") }
        return part
    }

    /// The command that wrote a part: its top-level `command`, `simulate` for a JSON object
    /// without one (simulation parts predate the key), `nil` for bytes that are not a JSON object.
    public static func command(of data: Data) -> String? {
        struct Command: Decodable { var command: String? }
        guard let read = try? JSONDecoder().decode(Command.self, from: data) else { return nil }
        return read.command ?? "simulate"
    }
}

/// What a part file holds (a simulation result, a sensitivity, compare or pareto part): JSON
/// that says what it should have been when it does not decode, and whether its own shard could
/// have written it.
public protocol PartFileContent: Decodable {
    /// What the file should have been, for the error when it does not decode, e.g. "a compare
    /// part file (written by `compare --shard K/N --output FILE`)".
    static var partDescription: String { get }
    /// What makes the decoded part impossible for its command to have written; `nil` when none.
    var inconsistency: String? { get }
}

extension SimulationResult: PartFileContent {
    public static var partDescription: String { "a simulation part file (written by `simulate --shard K/N --output FILE`)" }
}

extension SensitivityPart: PartFileContent {
    public static var partDescription: String { "a sensitivity part file (written by `sensitivity --shard K/N --output FILE`)" }
}

extension ComparisonPart: PartFileContent {
    public static var partDescription: String { "a compare part file (written by `compare --shard K/N --output FILE`)" }
}

extension ParetoPart: PartFileContent {
    public static var partDescription: String { "a pareto part file (written by `pareto --shard K/N --output FILE`)" }
}

/// A part file that cannot be merged, naming the file.
public enum PartFileError: Error, CustomStringConvertible {
    case unreadable(String, String)
    public var description: String {
        switch self { case let .unreadable(path, reason): return "\(path): \(reason)" }
    }
}

extension SensitivityReport {
    /// A sensitivity shard's part file.
    public static func partFile(_ part: SensitivityPart) -> String { PartFile.text(part) }

    /// The study's output in `format` (table, json or csv) and its chart, the same whether the
    /// evaluations were made on one machine or merged from shards. The chart and the table name
    /// parameters in the words of `chartScenario` (`SettingDescription`) and in `language`, the
    /// table with each key path beside its words; without a scenario no chart is drawn and the
    /// table shows key paths.
    public static func render(_ outcome: SensitivityOutcome, study: SensitivityPlan, breakEven: BreakEven? = nil,
                              currency: String, format: String, chartScenario: Scenario? = nil,
                              language: ReportLanguage = .en) -> (text: String, chart: String?) {
        let parameters = study.parameters
        switch outcome {
        case let .tornado(base, bars):
            return (tornado(base, bars, currency: currency, format: format, scenario: chartScenario, language: language),
                    chartScenario.map { tornadoChart(base, bars, scenario: $0, language: language) })
        case let .sweep(levels, results):
            return (sweep(parameters, levels: levels, results: results, breakEven: breakEven, currency: currency, format: format,
                          scenario: chartScenario, language: language),
                    chartScenario.map { sweepChart(parameters, levels: levels, results: results, breakEven: breakEven, scenario: $0, language: language) })
        case let .morris(results):
            return (morris(parameters, results, trajectories: study.trajectories ?? 0, format: format, scenario: chartScenario, language: language),
                    chartScenario.map { morrisChart(parameters, results[0], scenario: $0, language: language) })
        case let .sobol(indices, evaluations):
            return (sobol(parameters, indices, samples: study.samples ?? 0, evaluations: evaluations, format: format,
                          scenario: chartScenario, language: language),
                    chartScenario.map { sobolChart(parameters, indices[0], scenario: $0, language: language) })
        }
    }
}

/// The part files given to `merge`, read and checked, all written by one command.
public enum StudyParts {
    case simulation([SimulationResult])
    case sensitivity([SensitivityPart])
    case comparison([ComparisonPart])
    case pareto([ParetoPart])

    /// Reads every file; refuses unreadable, damaged or edited parts and a mix of commands,
    /// naming the file.
    public static func read(_ paths: [String]) throws(PartFileError) -> StudyParts {
        var files: [(path: String, data: Data, command: String?)] = []
        for path in paths {
            let data = try PartFile.contents(path)
            files.append((path, data, PartFile.command(of: data)))
        }
        // A file whose command cannot be read (cut short, not JSON) is read as a part of the
        // study the others belong to, so that its error says what was expected.
        let study = files.lazy.compactMap(\.command).first ?? "simulate"
        var simulations: [SimulationResult] = [], studies: [SensitivityPart] = [], comparisons: [ComparisonPart] = []
        var fronts: [ParetoPart] = []
        var firstOfKind: [String: String] = [:]
        for (path, data, written) in files {
            let command = written ?? study
            switch command {
            case "simulate": simulations.append(try PartFile.read(SimulationResult.self, from: data, name: path))
            case "sensitivity": studies.append(try PartFile.read(SensitivityPart.self, from: data, name: path))
            case "compare": comparisons.append(try PartFile.read(ComparisonPart.self, from: data, name: path))
            case "pareto": fronts.append(try PartFile.read(ParetoPart.self, from: data, name: path))
            default: throw .unreadable(path, "a part written by `\(command)`, which `merge` does not combine")
            }
            firstOfKind[command] = firstOfKind[command] ?? path
            if firstOfKind.count > 1, let other = firstOfKind.first(where: { $0.key != command }) {
                throw .unreadable(path, "a `\(command)` part, but \(other.value) is a `\(other.key)` part: merge the parts of one study")
            }
        }
        if !comparisons.isEmpty { return .comparison(comparisons) }
        if !fronts.isEmpty { return .pareto(fronts) }
        return studies.isEmpty ? .simulation(simulations) : .sensitivity(studies)
    }
}
