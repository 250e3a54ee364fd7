import MILP
import Scenario

extension ParkFormulation {
    /// Residual-value columns under `residual_value: straight_line` (docs/model.md §1): one per
    /// option and build year with life left at the horizon's end, the share in [0, 1] of the
    /// option's book value `B` it keeps (`ParkData+Residual`), and one binary per such option,
    /// `keeps`, which is 0 when its last year's net cash flow is negative and it keeps nothing
    /// (`max(0, ·)` is not concave: it needs the binary), unless that cash flow cannot be
    /// negative (`lastYearMayLose`). They come after every other column, so
    /// lp_solve branches on them last. A link to or from a facility has none: it is valued with
    /// its facility.
    mutating func addResidualVariables() {
        let years = data.years
        residual = data.exchanges.indices.map { e in
            let item = data.exchanges[e]
            return (0..<years).map { t -> Variable? in
                guard build[e][t] != nil, !data.isFacilityLink(e),
                      data.residualLife(builtIn: t, lifetime: item.exchange.lifetime) > 0 else { return nil }
                return model.addVariable("residual[\(item.exchange.id),\(t)]", upper: 1)
            }
        }
        residualFacility = data.scenario.facilities.map { facility in
            (0..<years).map { t -> Variable? in
                guard data.residualLife(builtIn: t, lifetime: facility.lifetime) > 0 else { return nil }
                return model.addVariable("residual[\(facility.id),\(t)]", upper: 1)
            }
        }
        keepsValue = data.exchanges.indices.map { e in
            residual[e].contains { $0 != nil } && lastYearMayLose(exchange: e)
                ? model.addVariable("keeps_value[\(data.exchanges[e].exchange.id)]", kind: .binary) : nil
        }
        keepsValueFacility = zip(data.scenario.facilities, residualFacility).map { facility, columns in
            columns.contains { $0 != nil } ? model.addVariable("keeps_value[\(facility.id)]", kind: .binary) : nil
        }
    }

    /// Whether exchange `e`, once built, can end the horizon's last year with a negative net cash
    /// flow. Not a link between two companies whose utilization floor alone pays its fixed cost
    /// (`m·U·margin ≥ F` in the last year: the floor row holds it to `m·U` there): it needs no
    /// `keeps` binary (on hiep-phuoc most links), which keeps the MIP's binaries few.
    func lastYearMayLose(exchange e: Int) -> Bool {
        guard !data.isFacilityLink(e), data.years > 0 else { return true }
        let item = data.exchanges[e]
        let floor = data.scenario.minUtilization * item.flowBound[data.years - 1] * data.lastYearMargin(exchange: e)
        return floor < item.exchange.fixedCost || floor <= 0 && item.exchange.fixedCost <= 0 && data.lastYearMargin(exchange: e) < 0
    }

    /// Book value `B = I·φ_τ·R/L` (model money) of exchange `e` built in `year`.
    func residualBook(exchange e: Int, builtIn year: Int) -> Double {
        let item = data.exchanges[e]
        return item.exchange.capex * data.capexFactor[year] * data.residualShare(builtIn: year, lifetime: item.exchange.lifetime) / moneyUnit
    }

    /// Book value `B` (model money) of facility `k` built in `year`.
    func residualBook(facility k: Int, builtIn year: Int) -> Double {
        let facility = data.scenario.facilities[k]
        return facility.capex * data.capexFactor[year] * data.residualShare(builtIn: year, lifetime: facility.lifetime) / moneyUnit
    }

    /// The rows `V = B·ρ` must keep, for the column `ρ` of an option built in `τ` (`y` its build
    /// binary, `w` its `keeps` binary):
    ///
    ///     ρ_τ ≤ y_τ                                          (residual_book: only what is built)
    ///     Σ_τ ρ_τ ≤ w                                        (residual_kept: nothing when w = 0)
    ///     Σ_τ (B_τ/A_τ)·ρ_τ − N_{T−1} + M·(Σ_τ y_τ + w) ≤ 2·M  (residual_use: at most what it earns)
    ///
    /// with `N_{T−1}` the last year's net operating cash flow (linear in the flows, activities
    /// and active binaries), `M ≥ −N_{T−1}` a bound on its loss, and the sums over the build
    /// years with life left. An option is built at most once (`once`), so with `y_τ = 1` the
    /// other `ρ` are 0 and the third row reads `B_τ·ρ_τ ≤ A_τ·N` when it keeps a value; with
    /// `w = 0` a built option losing money in its last year is feasible, at `ρ = 0`. One row per
    /// option, not one per build year: it has the same integer points as the per-year rows
    /// `B_τ·ρ_τ − A_τ·N + A_τ·M·(y_τ + w) ≤ 2·A_τ·M` and implies each of them in the relaxation
    /// (every `ρ ≥ 0` and `Σ y ≥ y_τ`), with 14 fewer rows of about 18 terms per option over
    /// 15 years: a quarter of the rows of a generated park. `ρ` has a positive coefficient in
    /// its owner's NPV, so an economic objective raises it to `max(0, min(B, A·N))`, the value
    /// `BuildPlan.outcome` computes; other objectives never need it higher.
    mutating func addResidualRows() {
        guard data.years > 0 else { return }
        for (e, item) in data.exchanges.enumerated() where residual[e].contains(where: { $0 != nil }) {
            let w = keepsValue[e]
            let (cash, bound) = lastYearCashFlow(exchange: e)
            if let w { addKept(residual[e], keeps: w, id: item.exchange.id) }
            var row = LinearExpression()
            for (year, r) in residual[e].enumerated() {
                guard let r, let y = build[e][year] else { continue }
                model.addConstraint(LinearExpression(r) - LinearExpression(y) <= 0,
                                    name: "residual_book[\(item.exchange.id),\(year)]")
                let annuity = data.residualAnnuity(builtIn: year, lifetime: item.exchange.lifetime)
                row.add(residualBook(exchange: e, builtIn: year) / annuity, r)
                row.add(bound, y)
            }
            row.add(cash, scaledBy: -1)
            // Without a `keeps` binary the last year never loses: `B·ρ ≤ A·N` holds at ρ = 0.
            if let w { row.add(bound, w) }
            model.addConstraint(row.normalized() <= (w == nil ? 1 : 2) * bound, name: "residual_use[\(item.exchange.id)]")
        }
        for (k, facility) in data.scenario.facilities.enumerated() {
            guard let w = keepsValueFacility[k] else { continue }
            addKept(residualFacility[k], keeps: w, id: facility.id)
            let (cash, bound) = lastYearCashFlow(facility: k)
            var row = LinearExpression()
            for (year, r) in residualFacility[k].enumerated() {
                guard let r else { continue }
                let z = buildFacility[k][year]
                model.addConstraint(LinearExpression(r) - LinearExpression(z) <= 0, name: "residual_book[\(facility.id),\(year)]")
                let annuity = data.residualAnnuity(builtIn: year, lifetime: facility.lifetime)
                row.add(residualBook(facility: k, builtIn: year) / annuity, r)
                row.add(bound, z)
            }
            row.add(cash, scaledBy: -1)
            row.add(bound, w)
            model.addConstraint(row.normalized() <= 2 * bound, name: "residual_use[\(facility.id)]")
        }
    }

    /// `Σ_τ ρ_τ ≤ w`: an option keeps a value only when its `keeps` binary is 1.
    private mutating func addKept(_ columns: [Variable?], keeps w: Variable, id: String) {
        var row = LinearExpression()
        for r in columns { if let r { row.add(1, r) } }
        row.add(-1, w)
        model.addConstraint(row <= 0, name: "residual_kept[\(id)]")
    }

    /// Facility `k`'s chain's net operating cash flow in the horizon's last year (model money):
    /// its links' (`lastYearCashFlow(exchange:)`) less its own `Cap·c·activity + F·active`, and a
    /// bound on its negative.
    private func lastYearCashFlow(facility k: Int) -> (cash: LinearExpression, bound: Double) {
        let facility = data.scenario.facilities[k], last = data.years - 1
        let unitCost = data.lastYearUnitCost(facility: k)
        var cash = LinearExpression()
        cash.add(-facility.capacity * unitCost / moneyUnit, activity[k][last])
        cash.add(active(facility: k, year: last), scaledBy: -facility.fixedCost / moneyUnit)
        var bound = (facility.capacity * max(0, unitCost) + facility.fixedCost) / moneyUnit
        for e in data.links(ofFacility: k) {
            let link = lastYearCashFlow(exchange: e)
            cash.add(link.cash)
            bound += link.bound
        }
        return (cash, bound)
    }

    /// Exchange `e`'s net operating cash flow in the horizon's last year (model money):
    /// `U·m·flow − F·active`, and a bound `F + U·max(0, −m)` on its negative.
    private func lastYearCashFlow(exchange e: Int) -> (cash: LinearExpression, bound: Double) {
        let item = data.exchanges[e], last = data.years - 1
        let bound = item.flowBound[last], margin = data.lastYearMargin(exchange: e)
        var cash = LinearExpression()
        if bound > 0 { cash.add(bound * margin / moneyUnit, flow[e][last]) }
        cash.add(active(exchange: e, year: last), scaledBy: -item.exchange.fixedCost / moneyUnit)
        return (cash, (item.exchange.fixedCost + bound * max(0, -margin)) / moneyUnit)
    }
}

extension ParkFormulation {
    /// `point` with every residual column set to its exact value for the point's flows,
    /// activities and build columns: `ρ = max(0, min(B, A·N_{T−1}))/B` in the option's build
    /// year, 0 elsewhere, and `w = 1` when that is positive. For an LP where the residual columns
    /// were held at 0 (a coalition of the park game, integrality relaxed): its flows maximize
    /// the last year's margins anyway, and this adds the value the assets keep.
    public func withExactResidual(_ point: [Double]) -> [Double] {
        guard data.years > 0 else { return point }
        var values = point
        func exact(_ columns: [Variable?], built: [Variable?], keeps w: Variable?, cash: LinearExpression,
                   book: (Int) -> Double, annuity: (Int) -> Double) {
            var kept = false
            for (year, r) in columns.enumerated() {
                guard let r else { continue }
                values[r.index] = 0
                guard let y = built[year], point[y.index] > 0.5, book(year) > 0 else { continue }
                let value = ParkData.residualValue(book: book(year), annuity: annuity(year), lastYearCashFlow: cash.value(at: point))
                values[r.index] = value / book(year)
                kept = value > 0
            }
            if let w { values[w.index] = kept ? 1 : 0 }
        }
        for (e, item) in data.exchanges.enumerated() where residual[e].contains(where: { $0 != nil }) {
            exact(residual[e], built: build[e], keeps: keepsValue[e], cash: lastYearCashFlow(exchange: e).cash,
                  book: { residualBook(exchange: e, builtIn: $0) },
                  annuity: { data.residualAnnuity(builtIn: $0, lifetime: item.exchange.lifetime) })
        }
        for (k, facility) in data.scenario.facilities.enumerated() where residualFacility[k].contains(where: { $0 != nil }) {
            exact(residualFacility[k], built: buildFacility[k], keeps: keepsValueFacility[k], cash: lastYearCashFlow(facility: k).cash,
                  book: { residualBook(facility: k, builtIn: $0) },
                  annuity: { data.residualAnnuity(builtIn: $0, lifetime: facility.lifetime) })
        }
        return values
    }
}
