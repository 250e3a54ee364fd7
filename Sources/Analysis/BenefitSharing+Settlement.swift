import Formulation
import MILP

extension BenefitSharing {
    /// Each account's transfer spread over the built links as contract payments.
    ///
    /// Given the transfers `θ_a` (PV, currency; `Σ_a θ_a = 0`), the LP
    /// `min Σ_e |ψ_e| + W Σ_a |ρ_a|` subject to, for every account `a`,
    /// `Σ_{e: from(e)=a} ψ_e − Σ_{e: to(e)=a} ψ_e + ρ_a = θ_a`
    /// puts every payment it can on a built link between two different accounts (`ψ_e`, paid by the
    /// receiver to the sender) and the rest through the park's benefit-sharing account (`ρ_a`,
    /// received by `a` from it; `W = 1000` makes that the last resort). The per-unit contract price
    /// is then `ψ_e / Σ_t d_t·flow_{e,t}` (docs/model.md §Transfers).
    ///
    /// Returns `ψ_e` per model exchange (0 on links not built) and `ρ_a` per account, currency;
    /// `nil` when the LP fails.
    static func settlement(of transfers: [Double], design: ParkDesign, formulation: ParkFormulation, backend: any Solver)
        -> (links: [Double], benefitAccount: [Double])? {
        let data = formulation.data
        let money = formulation.moneyUnit
        let accounts = transfers.count
        let built = Dictionary(design.exchanges.map { ($0.id, $0.built) }, uniquingKeysWith: { a, _ in a })
        var model = Model(name: "settlement")
        var balance = [LinearExpression](repeating: LinearExpression(), count: accounts)
        var total = LinearExpression()
        var links: [(e: Int, pay: Variable, refund: Variable)] = []
        for (e, item) in data.exchanges.enumerated() where built[item.exchange.id] == true {
            let sender = formulation.account(of: item.from), receiver = formulation.account(of: item.to)
            guard sender != receiver else { continue }
            let pay = model.addVariable("pay[\(item.exchange.id)]"), refund = model.addVariable("refund[\(item.exchange.id)]")
            balance[sender].add(1, pay); balance[sender].add(-1, refund)
            balance[receiver].add(-1, pay); balance[receiver].add(1, refund)
            total.add(1, pay); total.add(1, refund)
            links.append((e, pay, refund))
        }
        var through: [(received: Variable, paid: Variable)] = []
        for a in 0..<accounts {
            let received = model.addVariable("benefit_in[\(a)]"), paid = model.addVariable("benefit_out[\(a)]")
            balance[a].add(1, received); balance[a].add(-1, paid)
            total.add(Self.benefitAccountWeight, received); total.add(Self.benefitAccountWeight, paid)
            through.append((received, paid))
            model.addConstraint(LinearConstraint(balance[a], lower: transfers[a] / money, upper: transfers[a] / money),
                                name: "settle[\(a)]")
        }
        model.setObjective(.minimize, total)
        guard let solution = try? backend.solve(model, options: SolveOptions()), solution.termination == .optimal else {
            return nil
        }
        func clean(_ x: Double) -> Double { abs(x) < 1e-7 ? 0 : x * money }
        var psi = [Double](repeating: 0, count: data.exchanges.count)
        for link in links { psi[link.e] = clean(solution.values[link.pay.index] - solution.values[link.refund.index]) }
        let rho = through.map { clean(solution.values[$0.received.index] - solution.values[$0.paid.index]) }
        return (psi, rho)
    }

    /// Weight of a unit paid through the benefit-sharing account against one paid on a link.
    static let benefitAccountWeight = 1000.0

    /// `design` with its accounts after `transfers` (currency, companies then the operator) and
    /// their settlement written on the links: `transfer`, `transfer_per_unit` and each account's
    /// remainder through the benefit-sharing account.
    static func settled(_ design: ParkDesign, transfers: [Double], formulation: ParkFormulation,
                        backend: any Solver) -> ParkDesign {
        var design = design
        func clean(_ x: Double) -> Double { abs(x) < 1e-7 ? 0 : x }
        let transfers = transfers.map(clean)
        let data = formulation.data
        let index = Dictionary(design.exchanges.indices.map { (design.exchanges[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in design.companies.indices where a < transfers.count {
            design.companies[a].npv = transfers[a] == 0 ? design.companies[a].npvBeforeTransfers
                : clean(design.companies[a].npvBeforeTransfers + transfers[a])
        }
        let settlement = settlement(of: transfers, design: design, formulation: formulation, backend: backend)
        for (e, item) in data.exchanges.enumerated() {
            guard let i = index[item.exchange.id] else { continue }
            let psi = settlement?.links[e] ?? 0
            var pvUnits = 0.0
            for t in 0..<data.years { pvUnits += data.discountFactor[t] * design.exchanges[i].flows[t] }
            design.exchanges[i].transfer = psi
            design.exchanges[i].transferPerUnit = pvUnits > 0 && psi != 0 ? psi / pvUnits : nil
        }
        let rho = settlement?.benefitAccount ?? transfers
        for a in design.companies.indices where a < rho.count { design.companies[a].benefitAccount = rho[a] }
        return design
    }
}
