import Formulation
import MILP

/// The cooperative game of a solved design (docs/model.md §Benefit sharing).
///
/// Players are the accounts (companies, then the park operator as account `companies.count`) at an
/// end of some built link, or the operator when it builds a facility. The worth `v(S)` of a
/// coalition is the best `Σ_{a∈S} NPV_a` (each at its own hurdle rate, as in `win_win`) over the
/// built links whose both ends are in `S`: the design is fixed (build years, loans; a facility is
/// kept when the operator is in `S` and one of its built links is), links with an end outside `S`
/// are not built, and flows and activities are re-optimized by LP without the targets, budgets,
/// win-win rows and utilization floors (they belong to the park's design, not to a coalition's
/// option). The grand coalition of each component is worth the design as solved. `v` adds up over
/// the connected components of the built-link graph, so a coalition is valued component by
/// component, and it depends only on the links inside the coalition, which key the memo.
final class ParkGame {
    let formulation: ParkFormulation
    let values: [Double]
    /// Accounts in play, in account order.
    let players: [Int]
    /// Connected components of the built-link graph, each a sorted list of accounts.
    let components: [[Int]]
    /// Built links between accounts: model exchange index and the two end accounts.
    let links: [(e: Int, from: Int, to: Int)]
    /// NPV of each account before transfers in the design as solved (currency).
    let solvedNPV: [Double]
    /// Coalition LPs solved, and those that did not end optimal (their worth counted as 0).
    private(set) var lpCount = 0
    private(set) var failures = 0
    private var memo: [[Int]: Double] = [:]
    private var lp: (any LoadedModel)?
    /// The solver of the coalition LPs.
    private let backend: any SolverBackend
    private var lpFailed = false

    init(_ formulation: ParkFormulation, values: [Double], design: ParkDesign, backend: any SolverBackend) {
        self.formulation = formulation
        self.backend = backend
        self.values = values
        let data = formulation.data
        let accounts = data.scenario.companies.count + 1
        solvedNPV = design.companies.map(\.npvBeforeTransfers)
        let built = Set(design.exchanges.filter(\.built).map(\.id))
        links = data.exchanges.enumerated().compactMap { e, item in
            built.contains(item.exchange.id) ? (e, formulation.account(of: item.from), formulation.account(of: item.to)) : nil
        }
        var inPlay = Set(links.flatMap { [$0.from, $0.to] })
        if design.facilities.contains(where: \.built) { inPlay.insert(accounts - 1) }
        players = inPlay.sorted()
        var parent = Array(0..<accounts)
        func root(_ a: Int) -> Int {
            var a = a
            while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
            return a
        }
        for link in links { parent[root(link.from)] = root(link.to) }
        var groups: [Int: [Int]] = [:]
        for a in players { groups[root(a), default: []].append(a) }
        components = groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// `v(S)` in currency for any set of accounts (non-players add nothing).
    func worth(_ coalition: Set<Int>) -> Double {
        var total = 0.0
        for component in components {
            let members = component.filter { coalition.contains($0) }
            guard !members.isEmpty else { continue }
            total += worth(inComponent: members, of: component)
        }
        return total
    }

    /// `v(S)` for members of one component (sorted accounts).
    func worth(inComponent members: [Int], of component: [Int]) -> Double {
        if members.count == component.count { return members.reduce(0) { $0 + solvedNPV[$1] } }
        let inside = Set(members)
        let inner = links.indices.filter { inside.contains(links[$0].from) && inside.contains(links[$0].to) }
        guard !inner.isEmpty else { return 0 }
        let key = inner + [-1] + members
        if let known = memo[key] { return known }
        let value = solve(members: inside, inner: Set(inner))
        memo[key] = value
        return value
    }

    /// The coalition LP: the design fixed, links outside `inner` not built, flows re-optimized.
    private func solve(members: Set<Int>, inner: Set<Int>) -> Double {
        guard let lp = loadedModel() else { failures += 1; return 0 }
        let f = formulation
        let data = f.data
        let operatorAccount = data.scenario.companies.count
        let keptLinks = Set(inner.map { links[$0].e })
        func fix(_ v: Variable?, _ value: Double) { if let v { lp.setBounds(v, lower: value, upper: value) } }
        for link in links {
            let e = link.e
            if keptLinks.contains(e) {
                fix(f.chosen[e], 1)
                for y in f.build[e] { if let y { fix(y, (values[y.index] > 0.5) ? 1 : 0) } }
                for l in f.loan[e] { if let l { fix(l, clamped(l)) } }
                for x in f.flow[e] { lp.setBounds(x, lower: 0, upper: f.model[x].upper) }
            } else {
                fix(f.chosen[e], 0)
                for y in f.build[e] { fix(y, 0) }
                for l in f.loan[e] { fix(l, 0) }
                for x in f.flow[e] { fix(x, 0) }
            }
        }
        for k in data.scenario.facilities.indices {
            let keep = members.contains(operatorAccount) && keptLinks.contains { e in
                data.exchanges[e].from == .facility(k) || data.exchanges[e].to == .facility(k)
            }
            fix(f.chosenFacility[k], keep ? (values[f.chosenFacility[k].index] > 0.5 ? 1 : 0) : 0)
            for z in f.buildFacility[k] { fix(z, keep ? (values[z.index] > 0.5 ? 1 : 0) : 0) }
            for l in f.loanFacility[k] { if let l { fix(l, keep ? clamped(l) : 0) } }
        }
        var objective = LinearExpression()
        let npv = f.companyNPV + [f.operatorNPV]
        for a in members { objective.add(npv[a]) }
        lp.setObjective(.maximize, objective)
        lpCount += 1
        guard let solution = try? lp.solve(options: SolveOptions()), solution.termination == .optimal,
              solution.hasSolution else {
            failures += 1
            return 0
        }
        return objective.value(at: f.withExactResidual(solution.values)) * formulation.moneyUnit
    }

    private func clamped(_ v: Variable) -> Double {
        let info = formulation.model[v]
        return min(max(values[v.index], info.lower), info.upper)
    }

    /// The model once: integrality relaxed, every column fixed at the design except flows and
    /// activities, and the rows that do not bind a coalition left free.
    private func loadedModel() -> (any LoadedModel)? {
        if let lp { return lp }
        guard !lpFailed else { return nil }
        let f = formulation
        var model = f.model
        model.relaxIntegrality()
        var free = Set(f.flow.flatMap { $0.map(\.index) })
        for row in f.activity { for a in row { free.insert(a.index) } }
        for index in 0..<model.variableCount where !free.contains(index) {
            let v = model.variable(at: index)
            model.setBounds(v, lower: clamped(v), upper: clamped(v))
        }
        for theta in f.accountTransfer { if let theta { model.setBounds(theta, lower: 0, upper: 0) } }
        for p in f.participates { if let p { model.setBounds(p, lower: 0, upper: 1) } }
        // Residual values are held at 0 in the LP and set exactly afterwards (`withExactResidual`):
        // relaxed, their `keeps` binaries would let an asset keep more than its last year earns.
        // Their rows are left free below: without a `keeps` column, `residual_use` would hold a
        // kept link's last year to a non-negative cash flow, a floor the coalition does not have.
        for r in (f.residual + f.residualFacility).joined() + f.keepsValue + f.keepsValueFacility {
            if let r { model.setBounds(r, lower: 0, upper: 0) }
        }
        var loose = Set(f.requirements.flatMap { $0.rows.map(\.index) })
        for (index, row) in model.constraints.enumerated()
        where row.name.hasPrefix("utilization[") || row.name.hasPrefix("participates[") || row.name == "benefit_account"
            || row.name.hasPrefix("residual_") {
            loose.insert(index)
        }
        for index in loose { model.setBounds(model.constraintRef(at: index), lower: -.infinity, upper: .infinity) }
        do {
            let loaded = try backend.load(model)
            lp = loaded
            return loaded
        } catch {
            lpFailed = true
            return nil
        }
    }
}
