import ArgumentParser
import Discovery
import Foundation
import Scenario

struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose candidate exchanges and shared facilities from the firms' produces and needs.",
        discussion: """
        Matches every firm's wastes and by-products against every other firm's inputs with the \
        synergy library shipped with symbiosis (each row cites its sources; docs/discovery.md), \
        and links firms to the park's facilities and to facilities the library proposes. Each \
        candidate's yearly value at year-0 prices is disposal saved + input saved - processing \
        - transport; the table lists them ranked by it. With --output, the park's file is \
        written with the candidates merged into its exchanges (and facilities and permits), \
        each with a comment giving its value, distance, library row, sources and what is \
        uncertain: edit it, then solve it. Money in the library is USD; a park in another \
        currency needs --usd-rate.

        Examples:
          symbiosis discover Scenarios/hiep-phuoc.yaml --top 20
          symbiosis discover park.yaml --radius 10 --output candidates.yaml
          symbiosis solve candidates.yaml
        """
    )

    @Argument(help: "The scenario file (YAML).") var file: String
    @Option(help: "Largest distance between two sites of a candidate, km.") var radius: Double = 30
    @Option(help: "Keep the N highest-valued candidates (default: all).") var top: Int?
    @Option(help: "Write the park's file with the candidates merged in here (atomically).") var output: String?
    @Option(help: "A synergy library file instead of the one shipped.") var library: String?
    @Option(name: .customLong("usd-rate"), help: "Units of the park's currency per USD (required unless it is USD).")
    var usdRate: Double?

    func validate() throws {
        guard radius.isFinite, radius > 0 else { throw ValidationError("--radius must be a positive number of km") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let usdRate, !(usdRate.isFinite && usdRate > 0) { throw ValidationError("--usd-rate must be positive") }
    }

    func run() throws {
        let loaded = try ScenarioOptions.load(file, policy: nil)
        let scenario = loaded.scenario
        guard let path = library ?? SynergyLibrary.defaultPath() else {
            printError("error: the synergy library was not found beside the program; give it with --library")
            throw ExitCode.invalidInput
        }
        let synergies: SynergyLibrary
        do { synergies = try SynergyLibrary.load(path: path) } catch {
            printError("\(error)")
            throw ExitCode.invalidInput
        }
        if scenario.currency != "USD" && usdRate == nil {
            printError("error: \(file): the park's money is in \(scenario.currency) and the library's in USD; give "
                       + "--usd-rate (\(scenario.currency) per USD)")
            throw ExitCode.invalidInput
        }
        let options = DiscoveryOptions(radius: radius, top: top, usdRate: usdRate ?? 1)
        let found = PartnerSearch.run(scenario, library: synergies, options: options)
        var results: [(text: String, path: String?)] = [(found.table(currency: scenario.currency), nil)]
        if let output {
            let source: String
            do { source = try String(contentsOfFile: file, encoding: .utf8) } catch {
                printError("error: cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.invalidInput
            }
            do {
                let text = try ProposedScenario.merged(source: source, scenario: scenario, discovery: found,
                                                       library: synergies, file: output)
                results.insert((text, output), at: 0)
            } catch {
                printError("error: \(file): \(error)")
                throw ExitCode.invalidInput
            }
        }
        try deliver(results, inputs: [file])
    }
}
