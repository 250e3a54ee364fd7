import MILP

extension ParkFormulation {
    /// The status quo as a point of the model: nothing built, nothing sent, no loan, no transfer
    /// (every column at 0, or at the bound nearest 0).
    ///
    /// A park without targets can always build nothing, so this point is a design whose NPV,
    /// CO2e avoided and jobs are all 0. Solves start from it: when a search stops before it finds
    /// anything better, it still reports this design as its incumbent, with a gap, instead of
    /// "no design". `nil` when the point breaks a row (a target asks for CO2e avoided, jobs or
    /// participation, or a policy forces a link), checked in double precision to 1e-9.
    public var statusQuoPoint: [Double]? {
        let point = model.variables.map { info in min(max(0, info.lower), info.upper) }
        return model.violations(of: point, tolerance: 1e-9).isEmpty ? point : nil
    }
}
