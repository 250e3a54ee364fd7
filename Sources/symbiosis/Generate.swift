import ArgumentParser
import Foundation
import Report
import Scenario

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a plausible synthetic park scenario (for benchmarks and scaling studies).",
        discussion: """
        Companies get sectors (power, steel, cement, food, paper, chemicals, plastics, textiles, \
        printing, concrete) with realistic resource mixes and volumes, sites on a grid; candidate \
        links join compatible wastes and inputs, nearest first; facilities (water reuse, biogas, \
        solvent recovery, plastics recycling) take wastes and give inputs back. Prices and fees \
        are those of Scenarios/hiep-phuoc.yaml. The same seed gives the same file, which always \
        validates.

        When the companies and facilities have fewer compatible pairs than --exchanges asks for \
        (e.g. 5 companies give about a dozen), every pair is written, a warning on standard error \
        gives the number, and the park is named by what it holds ("Synthetic park 5x14").

        Examples:
          symbiosis generate --companies 50 --exchanges 300 --facilities 4 --years 15 \\
              --seed 1 --output park-50.yaml
          symbiosis generate --companies 10 --exchanges 60 \\
              --seed 7 | symbiosis validate /dev/stdin
        """
    )

    @Option(help: "Number of companies.") var companies: Int
    @Option(help: "Number of candidate exchanges (fewer, with a warning, when the park has fewer compatible pairs).")
    var exchanges: Int
    @Option(help: "Number of shared facilities.") var facilities: Int = 4
    @Option(help: "Horizon in years.") var years: Int = 15
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Write the scenario here (atomically) instead of standard output.") var output: String?

    func validate() throws {
        guard companies >= 2 else { throw ValidationError("--companies must be at least 2") }
        guard exchanges >= 1 else { throw ValidationError("--exchanges must be at least 1") }
        guard facilities >= 0 else { throw ValidationError("--facilities must be 0 or more") }
        guard (1...100).contains(years) else { throw ValidationError("--years must be between 1 and 100") }
    }

    func run() throws {
        let park = ParkGenerator(companies: companies, exchanges: exchanges, facilities: facilities, years: years,
                                 seed: seed).park()
        if park.exchanges < exchanges {
            printError("warning: \(companies) companies and \(facilities) facilities have only \(park.exchanges) compatible "
                       + "pairs (seed \(seed)), so the park has \(park.exchanges) exchanges, not \(exchanges); "
                       + "it is named \"\(park.name)\"")
        }
        try deliver(park.yaml, to: output, inputs: [])
    }
}
