import ArgumentParser

@main
struct Symbiosis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbiosis",
        abstract: "Industrial symbiosis modeler for eco-industrial parks."
    )
}
