import Formulation
import MILP

/// How a solved design's gain is shared among its firms, and how the shares are settled.
///
/// Each account `a` ends at `x_a`; its transfer through the park's benefit-sharing account is
/// `θ_a = x_a − NPV_a` (`Σ_a θ_a = 0`), then spread over the built links as contract payments
/// (`settlement(of:design:formulation:)`). Here `x` keeps the transfers of `values`: after
/// `ParkOptimizer.minimalTransfers`, the smallest that keep every account at NPV ≥ 0.
public enum BenefitSharing {
    /// The design of `values` with its account transfers settled on the links.
    public static func design(_ formulation: ParkFormulation, values: [Double]) -> ParkDesign {
        settled(formulation, values: values)
    }

    /// The design of `values` with the transfers of `values` settled on the links (no sharing rule).
    public static func settled(_ formulation: ParkFormulation, values: [Double]) -> ParkDesign {
        let design = ParkDesign(formulation, values: values)
        return settled(design, transfers: design.companies.map { $0.npv - $0.npvBeforeTransfers }, formulation: formulation)
    }
}
