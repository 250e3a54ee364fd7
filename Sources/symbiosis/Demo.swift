import ArgumentParser
import MILP

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a small built-in knapsack with lp_solve (checks the installation).",
        discussion: "Prints lp_solve's version, the status and the optimum (23)."
    )

    func run() throws {
        var model = Model(name: "demo")
        let values = [10.0, 13, 7, 8], weights = [4.0, 6, 3, 5]
        let items = (0..<4).map { model.addVariable("item\($0)", kind: .binary) }
        var weight = LinearExpression(), value = LinearExpression()
        for i in 0..<4 { weight.add(weights[i], items[i]); value.add(values[i], items[i]) }
        model.addConstraint(weight <= 10, name: "capacity")
        model.setObjective(.maximize, value)
        let solver = Backend.solver
        let solution = try solver.solve(model)
        print("\(solver.name): \(solution.statusWord), objective \(solution.objective ?? .nan), "
              + "items \(items.map { Int(solution[$0].rounded()) })")
    }
}
