/// Warnings: settings that are legal but probably not what the author meant.
extension ScenarioChecker {
    mutating func addWarnings() {
        let s = scenario
        for (path, rate) in [("discount_rate", s.discountRate), ("carbon_price_growth", s.economics.carbonPriceGrowth),
                             ("interest_rate", s.economics.interestRate ?? 0)] {
            warnIfPercentage(rate, path)
        }
        for c in s.companies {
            warnIfPercentage(c.growth, "companies".appendingKey(c.id).appendingKey("growth"))
            if let rate = c.hurdleRate { warnIfPercentage(rate, "companies".appendingKey(c.id).appendingKey("hurdle_rate")) }
        }
        if s.horizonYears > 100 { warning("a horizon of \(s.horizonYears) years is unusually long", "horizon_years") }
        for x in s.exchanges { warnAbout(x) }
        for f in s.facilities { warnAbout(f) }
        for p in s.permits { warnAbout(p) }
        warnAboutTargets()
        let o = s.objectives
        if o.economic == 0, o.environmental == 0, o.social == 0 {
            warning("all objective weights are 0, so every feasible design is equally good", "objectives")
        }
        let used = Set(s.companies.flatMap { ($0.produces + $0.needs).map(\.resource) }
            + s.facilities.flatMap { $0.converts.map(\.resource) })
        for r in s.resources where !used.contains(r.id) {
            warning("no company or facility produces, needs or converts `\(r.id)`", "resources".appendingKey(r.id),
                    atKey: true)
        }
    }

    /// Rates are fractions; `8` for 8% is a classic slip.
    private mutating func warnIfPercentage(_ rate: Double, _ path: String) {
        guard rate > 0.3, rate.isFinite else { return }
        if path == "discount_rate", NumberRule.discountRate.violation(rate) != nil { return }  // an error already
        warning("\(rate.formattedForMessage) means \((rate * 100).formattedForMessage)% a year; rates are fractions "
                + "(0.08 for 8%)", path)
    }

    private mutating func warnAbout(_ x: Exchange) {
        let s = scenario, path = "exchanges".appendingKey(x.id)
        if x.capacity == 0 { warning("capacity is 0, so this exchange can never carry anything", path.appendingKey("capacity")) }
        if let sender = s.company(x.from), sender.produces.contains(where: { $0.resource == x.send }),
           sender.produced(x.send) == 0 {
            warning("`\(x.from)` produces none of `\(x.send)` in year 0, so this exchange carries nothing unless "
                    + "volumes change", path.appendingKey("send"))
        }
        guard let receiver = s.company(x.to) else { return }
        guard let replace = x.replace else {
            let hint = receiver.needs.contains { $0.resource == x.send } ? " (e.g. `replace: \(x.send)`)" : ""
            warning("replaces nothing at `\(x.to)`, so the receiver saves nothing; add `replace:`\(hint)", path, atKey: true)
            return
        }
        if receiver.needs.contains(where: { $0.resource == replace }), receiver.needed(replace) == 0 {
            warning("`\(x.to)` needs none of `\(replace)` in year 0, so this exchange replaces nothing",
                    path.appendingKey("replace"))
        }
        guard let sent = s.resource(x.send), let replaced = s.resource(replace) else { return }
        let senderSaving = s.company(x.from) != nil ? sent.disposalCost - sent.salePrice : 0
        let saving = senderSaving + x.ratio * replaced.price
        let cost = x.unitCost + x.transportCost * s.distance(of: x)
        if saving <= cost, saving.isFinite, cost.isFinite {
            warning("can never pay back: per-unit savings at year-0 prices (\(saving.rounded4)) do not exceed the "
                    + "per-unit cost unit_cost + transport_cost * distance (\(cost.rounded4)), carbon price aside", path, atKey: true)
        }
    }

    private mutating func warnAbout(_ f: Facility) {
        let s = scenario, path = "facilities".appendingKey(f.id)
        let consumed = Set(f.converts.filter { $0.amount < 0 }.map(\.resource))
        if !consumed.isEmpty, !s.exchanges.contains(where: { $0.to == f.id && consumed.contains($0.send) }) {
            warning("no exchange brings it what it consumes, so it can never operate", path, atKey: true)
        }
        let yielded = Set(f.converts.filter { $0.amount > 0 }.map(\.resource))
        if !yielded.isEmpty, !s.exchanges.contains(where: { $0.from == f.id && yielded.contains($0.send) }) {
            warning("no exchange takes what it yields, so its output is wasted", path, atKey: true)
        }
        if f.capacity == 0 { warning("capacity is 0, so it can never operate", path.appendingKey("capacity")) }
    }

    private mutating func warnAbout(_ p: Permit) {
        let s = scenario, path = "permits".appendingKey(p.id)
        if p.status != .conditional, p.cost > 0 || p.delayYears > 0 {
            warning("`cost` and `delay_years` apply only to conditional permits; status is \(p.status.rawValue)", path, atKey: true)
        }
        if p.status == .conditional, p.delayYears >= s.horizonYears {
            warning("delay_years \(p.delayYears) is not within the \(s.horizonYears)-year horizon, so exchanges "
                    + "needing it can never be built", path.appendingKey("delay_years"))
        }
        if !s.exchanges.contains(where: { $0.permit == p.id }) {
            warning("no exchange needs this permit", path, atKey: true)
        }
    }

    private mutating func warnAboutTargets() {
        let s = scenario, t = s.targets
        if let count = t.minExchanges, count > s.exchanges.count {
            warning("asks for \(count) exchanges but the scenario has \(s.exchanges.count), so it cannot be met",
                    "targets.min_exchanges")
        }
        if let count = t.minCompanies, count > s.companies.count {
            warning("asks for \(count) companies but the scenario has \(s.companies.count), so it cannot be met",
                    "targets.min_companies")
        }
        for (index, id) in t.build.enumerated() {
            guard let x = s.exchange(id), let permit = x.permit.flatMap(s.permit), permit.status == .forbidden else {
                continue
            }
            warning("exchange `\(id)` needs permit `\(permit.id)`, which is forbidden, so this target cannot be met",
                    "targets.build".appendingKey("\(index)"))
        }
        let lastYear = s.startYear + s.horizonYears - 1
        for d in t.diverted {
            let path = "targets.diverted".appendingKey(d.resource)
            if d.by < s.startYear || d.by > lastYear {
                warning("`by: \(d.by)` is outside the horizon \(s.startYear)...\(lastYear)", path.appendingKey("by"))
            }
            if s.resource(d.resource) != nil, !s.companies.contains(where: { $0.produced(d.resource) > 0 }) {
                warning("no company produces `\(d.resource)`, so there is nothing to divert", path, atKey: true)
            }
        }
    }
}

private extension Double {
    /// Four significant decimals, for money per unit in messages.
    var rounded4: String { ((self * 10000).rounded() / 10000).formattedForMessage }
}
