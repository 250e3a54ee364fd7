import Foundation
import Testing

/// Keeps docs/architecture.md true: every `import` under `Sources/<Target>/` is one the
/// document's "Allowed imports" table lists for that target (or a platform module), or one of
/// its "Known exceptions" — and every exception listed is still there, so that once one is
/// removed from the code and the document, bringing it back fails here.
@Suite("Module layering (docs/architecture.md)")
struct ImportLayeringTests {
    /// Modules of the platform and toolchain, importable anywhere.
    static let platform: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin", "Synchronization", "Testing"]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `| \`Target\` | \`A\`, \`B\` | … |` rows of the table under `heading`: target → modules.
    static func table(under heading: String, in text: String) -> [String: Set<String>] {
        var rows: [String: Set<String>] = [:]
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") { inside = line == heading; continue }
            guard inside, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 2 else { continue }
            func names(_ cell: String) -> [String] {
                cell.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            }
            guard let target = names(cells[1]).first else { continue }
            rows[target, default: []].formUnion(names(cells[2]))
        }
        return rows
    }

    /// The modules imported by the Swift files under `Sources/<target>/`, with a file each.
    static func imports(of target: String) throws -> [String: String] {
        let folder = root.appendingPathComponent("Sources/\(target)")
        var found: [String: String] = [:]
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return found }
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n") {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                      words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" }) else { continue }
                if found[words[index + 1]] == nil { found[words[index + 1]] = file.lastPathComponent }
            }
        }
        return found
    }

    static func targets() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path)
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func everyImportIsAllowed() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let allowed = Self.table(under: "## Allowed imports", in: text)
        let exceptions = Self.table(under: "## Known exceptions", in: text)
        #expect(!allowed.isEmpty, "docs/architecture.md has no Allowed imports table")
        for target in try Self.targets() {
            guard let permitted = allowed[target] else {
                Issue.record("Sources/\(target) is not in docs/architecture.md's Allowed imports table")
                continue
            }
            let imports = try Self.imports(of: target)
            for (module, file) in imports.sorted(by: { $0.key < $1.key })
            where !Self.platform.contains(module) && !permitted.contains(module) && exceptions[target]?.contains(module) != true {
                Issue.record("Sources/\(target)/…/\(file) imports \(module), which docs/architecture.md does not allow \(target)")
            }
            for module in exceptions[target] ?? [] where imports[module] == nil {
                Issue.record("\(target) no longer imports \(module): remove the known exception from docs/architecture.md")
            }
        }
    }

    /// Each target's dependencies in `Package.swift` (`.target` and `.executableTarget` only):
    /// target → the names of our modules and the products it depends on.
    static func packageDependencies(_ text: String) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        let code = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .joined(separator: "\n")
        for kind in [".target(", ".executableTarget("] {
            for rest in code.components(separatedBy: kind).dropFirst() {
                // The call alone: up to its closing parenthesis.
                var depth = 1, close = rest.startIndex
                while close < rest.endIndex, depth > 0 {
                    if rest[close] == "(" { depth += 1 } else if rest[close] == ")" { depth -= 1 }
                    close = rest.index(after: close)
                }
                let piece = rest[..<close]
                guard let name = quoted(after: "name:", in: String(piece)) else { continue }
                guard let start = piece.range(of: "dependencies: [") else { found[name] = []; continue }
                var brackets = 1, end = start.upperBound
                while end < piece.endIndex, brackets > 0 {
                    if piece[end] == "[" { brackets += 1 } else if piece[end] == "]" { brackets -= 1 }
                    end = piece.index(after: end)
                }
                // `.product(name: "GRDB", package: "GRDB.swift")` counts as `GRDB`.
                let list = String(piece[start.upperBound..<end])
                    .replacingOccurrences(of: #"package:\s*"[^"]*""#, with: "", options: .regularExpression)
                let names = list.components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                found[name] = Set(names)
            }
        }
        return found
    }

    /// The first `"…"` after `label` in `text`.
    static func quoted(after label: String, in text: String) -> String? {
        guard let at = text.range(of: label) else { return nil }
        let rest = text[at.upperBound...].drop { $0 == " " }
        guard rest.first == "\"" else { return nil }
        return rest.dropFirst().prefix { $0 != "\"" }.description
    }

    /// `Package.swift` declares no dependency the table does not allow: a module may not come
    /// back as a dependency (Analysis on LPSolve, say) without an import test failing too.
    @Test func everyPackageDependencyIsAllowed() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let allowed = Self.table(under: "## Allowed imports", in: text)
        let exceptions = Self.table(under: "## Known exceptions", in: text)
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let dependencies = Self.packageDependencies(package)
        let targets = try Self.targets()
        #expect(Set(targets).subtracting(["CLPSolve"]).isSubset(of: dependencies.keys), "a target of Sources/ missing from Package.swift's reading")
        for target in targets {
            guard let permitted = allowed[target] else { continue }  // reported by everyImportIsAllowed
            for module in (dependencies[target] ?? []).sorted()
            where !permitted.contains(module) && exceptions[target]?.contains(module) != true {
                Issue.record("Package.swift: \(target) depends on \(module), which docs/architecture.md does not allow \(target)")
            }
        }
    }

    /// Analysis takes its solver as `any SolverBackend`: neither its sources nor its target may
    /// name lp_solve's module again (issue 24).
    @Test func analysisNamesNoSolver() throws {
        let imports = try Self.imports(of: "Analysis")
        #expect(imports["LPSolve"] == nil && imports["CLPSolve"] == nil, "Analysis imports lp_solve: \(imports)")
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let analysis = try #require(Self.packageDependencies(package)["Analysis"])
        #expect(!analysis.contains("LPSolve") && !analysis.contains("CLPSolve"), "Package.swift: Analysis depends on \(analysis.sorted())")
    }

    /// The Package.swift reader reads targets, products and nested brackets.
    @Test func readsPackageDependencies() {
        let text = """
            .target(name: "A", dependencies: ["B", .product(name: "Yams", package: "Yams.swift")]),
            .target(name: "B"),
            .executableTarget(name: "C", dependencies: ["A"], exclude: ["x"]),
            .testTarget(name: "T", dependencies: ["A"]),
            """
        #expect(Self.packageDependencies(text) == ["A": ["B", "Yams"], "B": [], "C": ["A"]])
    }

    /// The table parser reads what the document writes.
    @Test func readsTheTable() {
        let text = "## Allowed imports\n| target | may import |\n|---|---|\n| `Report` | `Analysis`, `MILP` |\n## Other\n| `X` | `Y` |\n"
        #expect(Self.table(under: "## Allowed imports", in: text) == ["Report": ["Analysis", "MILP"]])
    }
}
