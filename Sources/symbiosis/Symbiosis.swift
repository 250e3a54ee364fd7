import ArgumentParser

@main
struct Symbiosis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbiosis",
        abstract: "Industrial symbiosis modeler for eco-industrial parks.",
        discussion: """
        Describe a park in a YAML scenario file (companies, wastes and by-products, candidate \
        exchanges, shared facilities, permits, the board's policy options), then validate it, \
        optimize the park-wide symbiosis network with lp_solve, measure its risk (Monte Carlo), \
        compare the policy options in a report for the board, trace the trade-offs between \
        objectives (Pareto front), look for near-optimal alternatives, study sensitivities, and \
        export the model for an independent check.

        Examples:
          symbiosis validate Scenarios/hiep-phuoc.yaml
          symbiosis solve Scenarios/hiep-phuoc.yaml --policy legal_reform
          symbiosis solve Scenarios/tiny.yaml --policy landfill_tax+legal_reform \\
              --format json
          symbiosis pareto Scenarios/hiep-phuoc.yaml \\
              --objectives economic,environmental --points 21
          symbiosis alternatives Scenarios/tiny.yaml --policy legal_reform \\
              --slack 0.05 --count 3
          symbiosis simulate Scenarios/hiep-phuoc.yaml --samples 10000
          symbiosis compare Scenarios/hiep-phuoc.yaml --report report.html
          symbiosis sensitivity Scenarios/tiny.yaml --method tornado \\
              --param resources.clinker.price=30:70
          symbiosis export Scenarios/tiny.yaml --mps tiny.mps
          symbiosis template park.xlsx
          symbiosis import park.xlsx --output park.yaml
        """,
        version: "symbiosis \(release) (\(Backend.solver.name))",
        subcommands: [Validate.self, Solve.self, Simulate.self, Merge.self, Compare.self, Sensitivity.self, Pareto.self,
                      Alternatives.self, Generate.self, Export.self, Template.self, Import.self, ExportData.self, Demo.self, Discover.self, Runs.self, Serve.self]
    )

    /// This release of the modeler (`symbiosis --version`).
    static let release = "0.1.0"

    static func main() {
        Backend.prepare()
        main(nil)
    }
}
