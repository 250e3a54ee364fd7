import ArgumentParser
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
                  \(s.companies.count) companies, \(s.facilities.count) facilities, \(s.resources.count) resources, \
                \(s.exchanges.count) candidate exchanges, \(s.permits.count) permits
                  \(s.policies.count) policies: \(s.policies.map(\.id).joined(separator: ", "))
                  \(uncertain) uncertain parameters, horizon \(s.horizonYears) years from \(s.startYear), \
                \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")
                """)
            } catch {
                failed = true
                for diagnostic in error.diagnostics { printError("\(diagnostic)") }
                let count = error.diagnostics.filter { $0.severity == .error }.count
                printError("\(file): \(count) error\(count == 1 ? "" : "s")")
            }
        }
        if failed { throw ExitCode.invalidInput }
    }
}
