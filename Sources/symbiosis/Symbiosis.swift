import ArgumentParser
import LPSolve

@main
struct Symbiosis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbiosis",
        abstract: "Industrial symbiosis modeler for eco-industrial parks.",
        discussion: """
        Describe a park in a YAML scenario file (companies, wastes and by-products, candidate \
        exchanges, shared facilities, permits, the board's policy options), then validate it, \
        optimize the park-wide symbiosis network with lp_solve, and export the model for an \
        independent check.

        Examples:
          symbiosis validate Scenarios/hiep-phuoc.yaml
          symbiosis solve Scenarios/hiep-phuoc.yaml --policy legal_reform
          symbiosis solve Scenarios/tiny.yaml --policy landfill_tax+legal_reform --format json
          symbiosis export Scenarios/tiny.yaml --mps tiny.mps
        """,
        subcommands: [Validate.self, Solve.self, Simulate.self, Merge.self, Compare.self, Sensitivity.self, Generate.self, Export.self, Demo.self]
    )

    static func main() {
        LPSolveEnvironment.keepFreedMemory()
        main(nil)
    }
}
