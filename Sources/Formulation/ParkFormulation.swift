import MILP
import Scenario

/// The park symbiosis network as a mixed-integer program (docs/model.md has the algebra).
///
/// Decisions: `build[e][t]` / `buildFacility[k][t]` binaries ("built in year t", at most
/// one per option), yearly flows `flow[e][t]`, facility activity `activity[k][t]`, financed
/// capex `loan…[t]` when a credit line exists, and one transfer per account (PV, received from
/// the park's benefit-sharing account; they add up to 0) when win-win is asked. The three objectives are kept as
/// expressions so that the payoff table and Pareto studies can weight or constrain them.
///
/// Units inside the model are chosen for lp_solve's numerics (it reported accuracy errors on
/// the same network written in units, tonnes and USD): a flow column is the *share* of the
/// exchange's tight bound `U[e,t]` used, an activity column the share of the facility's
/// capacity, a loan column the share of the subsidized capex financed; money is in
/// `moneyUnit` (millions for USD-sized amounts, chosen from the scenario), CO2e in `co2eUnit` (kt). `ParkDesign` converts back.
public struct ParkFormulation: Sendable {
    public let data: ParkData
    public internal(set) var model: Model

    /// Currency units per model money unit (`ParkData.moneyUnit(for:)`: millions for a park in
    /// USD; 10^10 for the same park in VND).
    public var moneyUnit: Double { data.moneyUnit }
    /// t CO2e per model CO2e unit (kt).
    public static let co2eUnit = 1e3

    /// `chosen[e]` = Σ_t build[e][t]: whether exchange `e` is built at all. Created before the
    /// yearly binaries, so that lp_solve (which branches on the lowest-indexed fractional
    /// column) decides *whether* before *when*: one branch removes an option in every year.
    public internal(set) var chosen: [Variable] = []
    public internal(set) var chosenFacility: [Variable] = []
    /// `build[e][t]`, `nil` before the earliest build year.
    public internal(set) var build: [[Variable?]] = []
    public internal(set) var flow: [[Variable]] = []
    public internal(set) var loan: [[Variable?]] = []
    /// `θ_a`: what account `a` (companies, then the operator) receives from the park's
    /// benefit-sharing account (PV, model money; negative: pays into it). `nil` without win-win
    /// or for an account no link or facility touches.
    public internal(set) var accountTransfer: [Variable?] = []
    public internal(set) var buildFacility: [[Variable]] = []
    public internal(set) var activity: [[Variable]] = []
    public internal(set) var loanFacility: [[Variable?]] = []
    /// `ρ[e][τ]`: the share of its book value exchange `e` built in `τ` keeps at the horizon's
    /// end (`nil` without residual value, before the earliest build year, for a facility's link,
    /// or with no life left); `ParkFormulation+Residual`.
    public internal(set) var residual: [[Variable?]] = []
    /// `ρ[k][τ]` for facilities.
    public internal(set) var residualFacility: [[Variable?]] = []
    /// `w[e]`: 1 when exchange `e` may keep a residual value (its last year's net cash flow is
    /// not negative); `nil` where it has no residual column.
    public internal(set) var keepsValue: [Variable?] = []
    /// `w[k]` for facilities.
    public internal(set) var keepsValueFacility: [Variable?] = []
    /// Participation binaries (only when a `min_companies` target exists).
    public internal(set) var participates: [Variable?] = []
    /// The rows of each target, budget and win-win requirement, in the order they were added.
    public internal(set) var requirements: [RequirementRows] = []

    /// Park-wide NPV relative to the no-symbiosis baseline, in `moneyUnit`.
    public internal(set) var economic = LinearExpression()
    /// CO2e avoided over the horizon, in `co2eUnit`.
    public internal(set) var environmental = LinearExpression()
    /// FTE-years of jobs.
    public internal(set) var social = LinearExpression()
    /// NPV of each company before transfers, in `moneyUnit`.
    public internal(set) var companyNPV: [LinearExpression] = []
    /// NPV of the park operator (facilities) before transfers, in `moneyUnit`.
    public internal(set) var operatorNPV = LinearExpression()
    /// Present value of public capex grants, in `moneyUnit`.
    public internal(set) var publicCost = LinearExpression()

    /// Builds the model; the objective is set to the economic one until `setObjective` is called.
    public init(_ scenario: Scenario) {
        self.init(data: ParkData(scenario))
    }

    /// Builds the model for the park's numbers along a realized path (a Monte Carlo sample).
    public init(data: ParkData) {
        self.data = data
        model = Model(name: data.scenario.name)
        addVariables()
        if model.variableCount == 0 {
            // No link or facility survives the permits: one fixed column keeps the model a
            // model, so that the solver (not a special case) decides whether targets can hold.
            model.addVariable("no_candidates", lower: 0, upper: 0)
        }
        addObjectiveTerms()
        addConstraints()
        model.setObjective(.maximize, economic)
    }

    /// Which objective an expression stands for.
    public enum Objective: String, Sendable, CaseIterable {
        case economic, environmental, social
    }

    public func expression(_ objective: Objective) -> LinearExpression {
        switch objective {
        case .economic: return economic
        case .environmental: return environmental
        case .social: return social
        }
    }

    /// Sets the model's objective to maximize `expression`.
    public mutating func maximize(_ expression: LinearExpression) {
        model.setObjective(.maximize, expression)
    }

    /// Fixes a column of the model to `value` (both bounds): how a given design's build
    /// decisions are imposed.
    public mutating func fix(_ variable: Variable, to value: Double) {
        model.setBounds(variable, lower: value, upper: value)
    }

    /// Adds the row `objective ≥ value` (model units), named `objective_bound[<objective>]`:
    /// how a lexicographic stage keeps an earlier objective near its optimum.
    public mutating func bound(_ objective: Objective, atLeast value: Double) {
        model.addConstraint(expression(objective) >= value, name: "objective_bound[\(objective.rawValue)]")
    }

    /// Active-in-year-t expression of exchange `e`: the build binaries of years whose
    /// option still operates in `t` (built in some year ≤ t, within lifetime).
    public func active(exchange e: Int, year t: Int) -> LinearExpression {
        var sum = LinearExpression()
        let lifetime = data.exchanges[e].exchange.lifetime
        for (year, variable) in build[e].enumerated() {
            if let variable, ParkData.operates(builtIn: year, lifetime: lifetime, inYear: t) { sum.add(1, variable) }
        }
        return sum
    }

    public func active(facility k: Int, year t: Int) -> LinearExpression {
        var sum = LinearExpression()
        let lifetime = data.scenario.facilities[k].lifetime
        for (year, variable) in buildFacility[k].enumerated()
        where ParkData.operates(builtIn: year, lifetime: lifetime, inYear: t) {
            sum.add(1, variable)
        }
        return sum
    }

    /// 1 if exchange `e` is built in some year.
    public func built(exchange e: Int) -> LinearExpression { LinearExpression(chosen[e]) }

    /// Index of the NPV account a party belongs to: companies first, then the park operator.
    public func account(of party: Party) -> Int {
        switch party {
        case let .company(c): return c
        case .facility: return data.scenario.companies.count
        }
    }
}
