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

    /// The table parser reads what the document writes.
    @Test func readsTheTable() {
        let text = "## Allowed imports\n| target | may import |\n|---|---|\n| `Report` | `Analysis`, `MILP` |\n## Other\n| `X` | `Y` |\n"
        #expect(Self.table(under: "## Allowed imports", in: text) == ["Report": ["Analysis", "MILP"]])
    }
}
