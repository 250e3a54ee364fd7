import Formulation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// `residual_use` is one row per option, summed over its build years (docs/model.md):
///
///     Σ_τ (B_τ/A_τ)·ρ_τ − N + M·(Σ_τ y_τ + w) ≤ 2·M
///
/// It replaced one row per build year, `(B_τ/A_τ)·ρ_τ − N + M·(y_τ + w) ≤ 2·M`. The claim is
/// that nothing changes but the row count: each per-year row is the summed row with the other
/// years' `ρ` and `y` (all ≥ 0, with non-negative coefficients) left out, so the summed row
/// implies it even in the relaxation; at integer points `once` leaves at most one `y_τ = 1` and
/// `residual_book` (`ρ_τ ≤ y_τ`) the other `ρ` at 0, so the rows agree. These tests add the
/// per-year rows back to the model and check that neither the LP relaxation nor the MIP moves.
@Suite("Residual value rows")
struct ResidualRowTests {
    /// A generated park with `residual_value: straight_line` (lifetimes shorter than the
    /// horizon leave build years with life left and years without).
    func formulation(seed: UInt64) throws -> ParkFormulation {
        let yaml = ParkGenerator(companies: 8, exchanges: 30, facilities: 2, years: 8, seed: seed).yaml()
        var scenario = try Scenario.parse(yaml: yaml, file: "generated.yaml").scenario
        scenario.residualValue = .straightLine
        return ParkFormulation(scenario)
    }

    /// The per-year rows the summed `residual_use` rows stand for: from each, one copy per build
    /// year `τ` keeping only that year's `ρ_τ` and `y_τ`.
    func perYearRows(_ f: ParkFormulation) -> [LinearConstraint] {
        var options: [(name: String, residual: [Variable?], build: [Variable?])] = []
        for (e, item) in f.data.exchanges.enumerated() {
            options.append(("residual_use[\(item.exchange.id)]", f.residual[e], f.build[e]))
        }
        for (k, facility) in f.data.scenario.facilities.enumerated() {
            options.append(("residual_use[\(facility.id)]", f.residualFacility[k], f.buildFacility[k].map { $0 }))
        }
        var rows: [LinearConstraint] = []
        for option in options {
            guard let row = f.model.constraints.first(where: { $0.name == option.name })?.constraint else { continue }
            let years = option.residual.indices.filter { option.residual[$0] != nil && option.build[$0] != nil }
            for τ in years {
                let others = Set(years.filter { $0 != τ }.flatMap { [option.residual[$0]!.index, option.build[$0]!.index] })
                rows.append(LinearConstraint(terms: row.terms.filter { !others.contains($0.variable.index) },
                                             lower: row.lower, upper: row.upper))
            }
        }
        return rows
    }

    /// One `residual_use` row per option with a residual column, none per build year, and at
    /// least one option with several build years (else the test would prove nothing).
    @Test(arguments: [1, 2])
    func oneRowPerOption(seed: UInt64) throws {
        let f = try formulation(seed: seed)
        let names = f.model.constraints.map(\.name).filter { $0.hasPrefix("residual_use[") }
        let withResidual = f.residual.filter { $0.contains { $0 != nil } }.count
            + f.residualFacility.filter { $0.contains { $0 != nil } }.count
        #expect(withResidual > 0)
        #expect(names.count == withResidual)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.contains(",") }, "\(names.prefix(3))")
        #expect(perYearRows(f).count > names.count)
    }

    /// Adding the per-year rows moves neither the LP relaxation's optimum (the summed row implies
    /// them) nor the MIP's (same integer points).
    @Test(arguments: [1, 2])
    func perYearRowsAreImplied(seed: UInt64) throws {
        let f = try formulation(seed: seed)
        var withRows = f.model
        for (i, row) in perYearRows(f).enumerated() { withRows.addConstraint(row, name: "per_year[\(i)]") }
        var relaxed = f.model, relaxedWithRows = withRows
        relaxed.relaxIntegrality()
        relaxedWithRows.relaxIntegrality()
        let lp = try LPSolver().solve(relaxed), lpWithRows = try LPSolver().solve(relaxedWithRows)
        #expect(lp.termination == .optimal && lpWithRows.termination == .optimal)
        let lpValue = try #require(lp.objective), lpValueWithRows = try #require(lpWithRows.objective)
        #expect(abs(lpValue - lpValueWithRows) <= 1e-7 * max(1, abs(lpValue)), "\(lpValue) vs \(lpValueWithRows)")
        let mip = try LPSolver().solve(f.model), mipWithRows = try LPSolver().solve(withRows)
        #expect(mip.termination == .optimal && mipWithRows.termination == .optimal)
        let mipValue = try #require(mip.objective), mipValueWithRows = try #require(mipWithRows.objective)
        #expect(abs(mipValue - mipValueWithRows) <= 1e-6 * max(1, abs(mipValue)), "\(mipValue) vs \(mipValueWithRows)")
        // The LP optimum of the summed rows satisfies every per-year row.
        for row in perYearRows(f) {
            let lhs = row.terms.reduce(0) { $0 + $1.coefficient * lp.values[$1.variable.index] }
            #expect(lhs <= row.upper + 1e-6 * max(1, abs(row.upper)))
        }
    }
}
