import ArgumentParser
import Report
import Scenario

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files and summarize them.",
        discussion: """
        Reports every error with file:line:column and the key path, and warnings for what is \
        legal but likely wrong. Exits 65 when any file has an error.

        Example:
          symbiosis validate Scenarios/tiny.yaml Scenarios/hiep-phuoc.yaml
        """
    )

    @Argument(help: "Scenario files to check.")
    var files: [String]

    @Option(help: "Also apply these policies (combine with '+').")
    var policy: String?

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try Scenario.load(contentsOf: file, policy: policy)
                for warning in loaded.warnings { printError("\(warning)") }
                let s = loaded.scenario
                let uncertain = (s.uncertainty?.prices.count ?? 0) + (s.uncertainty?.volumes.count ?? 0)
                print("""
                \(file): valid — \(s.name)
                  \(counted(s.companies.count, "company")), \(counted(s.facilities.count, "facility")), \
                \(counted(s.resources.count, "resource")), \(counted(s.exchanges.count, "candidate exchange")), \
                \(counted(s.permits.count, "permit"))
                  \(counted(s.policies.count, "policy")): \(s.policies.map(\.id).joined(separator: ", "))
                  \(counted(uncertain, "uncertain parameter")), horizon \(counted(s.horizonYears, "year")) from \(s.startYear), \
                \(counted(loaded.warnings.count, "warning"))
                """)
            } catch {
                failed = true
                for diagnostic in error.diagnostics { printError("\(diagnostic)") }
                let count = error.diagnostics.filter { $0.severity == .error }.count
                printError("\(file): \(counted(count, "error"))")
            }
        }
        if failed { throw ExitCode.invalidInput }
    }
}
