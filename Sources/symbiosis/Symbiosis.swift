import ArgumentParser

@main
struct Symbiosis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbiosis",
        abstract: "Industrial symbiosis modeler for eco-industrial parks.",
        discussion: """
        Describe a park in a YAML scenario file (companies, wastes and by-products, candidate \
        exchanges, shared facilities, permits, the board's policy options), then validate it, \
        optimize the park-wide symbiosis network with lp_solve, trace the trade-offs between \
        objectives (Pareto front), look for near-optimal alternatives, and export the model for \
        an independent check.

        Examples:
          symbiosis validate Scenarios/hiep-phuoc.yaml
          symbiosis solve Scenarios/hiep-phuoc.yaml --policy legal_reform
          symbiosis solve Scenarios/tiny.yaml --policy landfill_tax+legal_reform --format json
          symbiosis pareto Scenarios/hiep-phuoc.yaml --objectives economic,environmental --points 21
          symbiosis alternatives Scenarios/tiny.yaml --policy legal_reform --slack 0.05 --count 3
          symbiosis export Scenarios/tiny.yaml --mps tiny.mps
        """,
        subcommands: [Validate.self, Solve.self, Pareto.self, Alternatives.self, Export.self, Demo.self]
    )
}
