import Formulation
import MILP

extension ParkOptimizer {
    /// The smallest transfers that keep every party whole for a solved design.
    ///
    /// Win-win only requires *some* transfers; the MILP returns any feasible set (often one
    /// party handing over its whole gain). With the design, flows and loans fixed at `values`,
    /// this LP minimizes `Σ_a |θ_a|` (each account's transfer through the park's benefit-sharing
    /// account) subject to the same win-win rows and `Σ_a θ_a = 0`, so the reported deal terms move
    /// no more money than needed. The MILP objective does not involve the transfers, so the design
    /// and `mip_objective` are unchanged.
    public func minimalTransfers(_ formulation: ParkFormulation, values: [Double]) -> [Double] {
        let transfers = formulation.accountTransfer.compactMap { $0 }
        guard !transfers.isEmpty else { return values }
        // No money moves already: Σ|θ_a| = 0 is the LP's optimum and θ = 0 its only solution
        // (the status quo of a run stopped early, where this LP took seconds on a large park).
        guard transfers.contains(where: { values[$0.index] != 0 }) else { return values }
        var model = formulation.model
        let transferColumns = Set(transfers.map(\.index))
        for index in 0..<model.variableCount where !transferColumns.contains(index) {
            let v = model.variable(at: index)
            let info = model[v]
            let value = min(max(values[index], info.lower), info.upper)
            model.setBounds(v, lower: value, upper: value)
        }
        model.relaxIntegrality()
        var total = LinearExpression()
        for theta in transfers {
            let size = model.addVariable("abs_\(model[theta].name)")
            model.addConstraint(LinearExpression(size) - theta >= 0, name: "abs_pos_\(theta.index)")
            model.addConstraint(LinearExpression(size) + theta >= 0, name: "abs_neg_\(theta.index)")
            total.add(1, size)
        }
        model.setObjective(.minimize, total)
        guard let solution = try? backend.solve(model, options: SolveOptions()),
              solution.termination == .optimal else { return values }
        var adjusted = values
        for theta in transfers { adjusted[theta.index] = solution.values[theta.index] }
        return adjusted
    }
}
