import Foundation
import Yams

/// Reading scenario files: YAML -> node tree -> policies applied -> typed `Scenario` -> checks.
extension Scenario {
    /// Reads the scenario file at `path` and applies `policy` (a policy id, or several joined by
    /// `+`, applied in order; `nil` = the base scenario).
    ///
    /// Throws every error found, each with `file:line:column`, key path and message. An
    /// unreadable file gives one diagnostic naming it.
    public static func load(contentsOf path: String, policy: String? = nil) throws(ScenarioError) -> LoadedScenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory"
                : "it is not a readable UTF-8 text file"
            throw ScenarioError(diagnostics: [
                Diagnostic(severity: .error, location: nil, keyPath: "",
                           message: "cannot read scenario file `\(path)`: \(reason)"),
            ])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try read(yaml: text, file: path, policy: policy, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Reads a scenario from YAML text; `file` names it in messages. See `load(contentsOf:policy:)`.
    public static func parse(yaml: String, file: String, policy: String? = nil) throws(ScenarioError) -> LoadedScenario {
        try read(yaml: yaml, file: file, policy: policy, baseDirectory: nil)
    }

    private static func read(yaml: String, file: String, policy: String?,
                             baseDirectory: String?) throws(ScenarioError) -> LoadedScenario {
        var decoder = ScenarioDecoder(file: file)
        guard let root = compose(yaml, decoder: &decoder) else {
            throw ScenarioError(diagnostics: decoder.log.errors)
        }
        let book = PolicyBook(root: root, decoder: &decoder)
        let selected = book.select(policy, decoder: &decoder) ?? []
        let tree = book.apply(selected, to: root, decoder: &decoder)
        var scenario = decoder.scenario(from: tree)
        scenario.policies = book.policies
        scenario.sourcePath = file
        var checker = ScenarioChecker(scenario: scenario, sourceMap: decoder.sourceMap, log: decoder.log,
                                      baseDirectory: baseDirectory)
        checker.checkAll()
        var log = checker.log
        let applied = Set(selected.map(\.policy.id))
        for definition in book.definitions where !applied.contains(definition.policy.id) {
            log.entries += policyErrors(definition, book: book, tree: tree, scenario: scenario,
                                        sourceMap: decoder.sourceMap, baseDirectory: baseDirectory)
        }
        let entries = log.entries.removingDuplicates().sortedInFileOrder()
        let errors = entries.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ScenarioError(diagnostics: errors) }
        return LoadedScenario(scenario: scenario, warnings: entries.filter { $0.severity == .warning },
                              policy: AppliedPolicy(parts: selected.map(\.policy.id)))
    }

    /// The errors a policy that was not applied would cause, located in its own lines (so a
    /// broken policy is reported whichever policy is loaded). It is checked on top of the applied
    /// ones, and only the blocks it touches are read again.
    private static func policyErrors(_ definition: PolicyBook.Definition, book: PolicyBook, tree: Node,
                                     scenario: Scenario, sourceMap: SourceMap, baseDirectory: String?) -> [Diagnostic] {
        let overrides = definition.overrides.filter(\.resolves)
        guard !overrides.isEmpty else { return [] }
        var decoder = ScenarioDecoder(file: scenario.sourcePath ?? "")
        var scratch = decoder  // a clash with the applied policies is not this policy's error
        let policyTree = book.apply([definition], to: tree, decoder: &scratch)
        decoder.sourceMap.fallback = [sourceMap]
        let sections = Set(overrides.compactMap { PolicyBook.segments($0.keyPath).first })
        var changed = decoder.scenario(from: policyTree, reusing: scenario, sections: sections)
        changed.policies = scenario.policies
        var checker = ScenarioChecker(scenario: changed, sourceMap: decoder.sourceMap, log: decoder.log,
                                      baseDirectory: baseDirectory, sections: sections)
        checker.checkAll(warnings: false)
        return checker.log.errors.compactMap { diagnostic in
            guard let line = diagnostic.location?.line, definition.lines.contains(line) else { return nil }
            var marked = diagnostic
            marked.message += " (with policy `\(definition.policy.id)`)"
            return marked
        }
    }

    /// The document's root node, or `nil` after logging a YAML syntax error or an empty file.
    private static func compose(_ yaml: String, decoder: inout ScenarioDecoder) -> Node? {
        let file = decoder.file
        if let place = YAMLLimits.firstPlaceDeeperThan(YAMLLimits.nestingLimit, in: yaml) {
            decoder.log.error("the YAML nests more than \(YAMLLimits.nestingLimit) levels deep",
                              at: SourceLocation(file: file, line: place.line, column: place.column), path: "")
            return nil
        }
        do {
            if let root = try Yams.compose(yaml: yaml) {
                guard let problem = YAMLLimits.sizeProblem(root) else { return root }
                decoder.log.error(problem, at: root.location(in: file), path: "")
                return nil
            }
            decoder.log.error("the scenario file is empty", at: SourceLocation(file: file, line: 1, column: 1), path: "")
        } catch let error as YamlError {
            let (message, location) = describe(error, file: file)
            decoder.log.error(message, at: location, path: "")
        } catch {
            decoder.log.error("YAML error: \(error)", at: nil, path: "")
        }
        return nil
    }

    /// A one-line message and location for a Yams error.
    private static func describe(_ error: YamlError, file: String) -> (String, SourceLocation?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return ("YAML syntax error: \(problem)\(where_)", SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .reader(problem, offset, _, yaml):
            var location: SourceLocation?
            if let offset {
                let prefix = yaml.utf8.prefix(max(0, offset))
                let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
                let column = prefix.reversed().prefix { $0 != UInt8(ascii: "\n") }.count + 1
                location = SourceLocation(file: file, line: line, column: column)
            }
            return ("YAML cannot read the text: \(problem)", location)
        default:
            return ("YAML error: \(error)", nil)
        }
    }
}
