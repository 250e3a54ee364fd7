/// Fast typed edits of numeric settings by key path, for sensitivity studies and Monte Carlo
/// (no YAML round trip).
extension Scenario {
    /// A copy with the number at `keyPath` set to `value`, e.g.
    /// `setting("resources.clinker.price", to: 60)` or `setting("companies.power_plant.produces.fly_ash", to: 5e4)`.
    ///
    /// Covers `discount_rate`, `min_utilization`, every economics key, `resources.X.{price,co2e,disposal_cost,disposal_co2e,sale_price}`,
    /// `companies.X.{produces,needs}.R`, `companies.X.{growth,capital_budget,hurdle_rate}`,
    /// `exchanges.X.{capacity,capex,fixed_cost,unit_cost,transport_cost,transport_co2e,ratio,max_share,distance,jobs,lifetime}`,
    /// `facilities.X.{capacity,capex,fixed_cost,unit_cost,jobs,co2e_per_unit,lifetime}`, `facilities.X.converts.R`,
    /// `permits.X.{cost,delay_years}`, `objectives.{economic,environmental,social}` and
    /// `targets.{co2e_avoided,min_exchanges,min_companies}`, `targets.diverted.R.share`.
    /// Throws for an unknown path (with a did-you-mean hint) or a value outside the key's range.
    public func setting(_ keyPath: String, to value: Double) throws(ScenarioError) -> Scenario {
        guard let setter = setter(for: keyPath) else {
            throw ScenarioError(diagnostics: [settingError(keyPath, unknownPathMessage(keyPath))])
        }
        if let problem = setter.rule.violation(value) {
            let named = keyPath.hasSuffix(".hurdle_rate") ? problem.replacingOccurrences(of: "discount_rate ", with: "hurdle_rate ") : problem
            throw ScenarioError(diagnostics: [settingError(keyPath, named)])
        }
        let discounting = keyPath == "discount_rate" || (keyPath.hasPrefix("companies.") && keyPath.hasSuffix(".hurdle_rate"))
        let compounding = discounting || keyPath == "carbon_price_growth"
            || (keyPath.hasPrefix("companies.") && keyPath.hasSuffix(".growth"))
        if compounding,
           let problem = Self.compoundingProblem(value, years: horizonYears, discounting: discounting) {
            throw ScenarioError(diagnostics: [settingError(keyPath, problem)])
        }
        var copy = self
        setter.write(&copy, value)
        return copy
    }

    /// Every key path `setting(_:to:)` accepts for this scenario, in a stable order.
    public var settableKeyPaths: [String] {
        var paths = ["discount_rate", "min_utilization"] + ScenarioFormat.economicsKeys
        for r in resources { paths += ["price", "co2e", "disposal_cost", "disposal_co2e", "sale_price"].map { "resources.\(r.id).\($0)" } }
        for c in companies {
            paths += ["growth", "capital_budget", "hurdle_rate"].map { "companies.\(c.id).\($0)" }
            paths += c.produces.map { "companies.\(c.id).produces.\($0.resource)" }
            paths += c.needs.map { "companies.\(c.id).needs.\($0.resource)" }
        }
        for f in facilities {
            paths += Self.facilityFields.map { "facilities.\(f.id).\($0.key)" }
            paths += f.converts.map { "facilities.\(f.id).converts.\($0.resource)" }
        }
        for x in exchanges { paths += Self.exchangeFields.map { "exchanges.\(x.id).\($0.key)" } }
        for p in permits { paths += ["cost", "delay_years"].map { "permits.\(p.id).\($0)" } }
        paths += ["objectives.economic", "objectives.environmental", "objectives.social", "targets.co2e_avoided",
                  "targets.min_exchanges", "targets.min_companies"]
        paths += targets.diverted.map { "targets.diverted.\($0.resource).share" }
        return paths
    }

    /// Why `keyPath` cannot be set, or `nil` when `setting(keyPath, to:)` accepts it.
    func settingProblem(_ keyPath: String) -> String? {
        setter(for: keyPath) == nil ? unknownPathMessage(keyPath) : nil
    }

    private func unknownPathMessage(_ keyPath: String) -> String {
        "not a numeric setting of this scenario" + KeySuggestion.hint(for: keyPath, among: settableKeyPaths)
    }

    private func settingError(_ keyPath: String, _ message: String) -> Diagnostic {
        Diagnostic(severity: .error, location: nil, keyPath: keyPath, message: message)
    }

    /// How to write one numeric setting: its allowed range and the edit.
    private struct Setter {
        var rule: NumberRule
        var write: (inout Scenario, Double) -> Void
    }

    private static var exchangeFields: [(key: String, rule: NumberRule, field: WritableKeyPath<Exchange, Double>)] { [
        ("capacity", .nonNegative, \.capacity), ("capex", .nonNegative, \.capex),
        ("fixed_cost", .nonNegative, \.fixedCost), ("unit_cost", .nonNegative, \.unitCost),
        ("transport_cost", .nonNegative, \.transportCost), ("transport_co2e", .nonNegative, \.transportCo2e),
        ("ratio", .positive, \.ratio), ("max_share", .share, \.maxShare), ("jobs", .nonNegative, \.jobs),
        ("distance", .nonNegative, \.distanceOrZero), ("lifetime", .positiveCount, \.lifetimeOrZero),
    ] }

    private static var facilityFields: [(key: String, rule: NumberRule, field: WritableKeyPath<Facility, Double>)] { [
        ("capacity", .nonNegative, \.capacity), ("capex", .nonNegative, \.capex),
        ("fixed_cost", .nonNegative, \.fixedCost), ("unit_cost", .nonNegative, \.unitCost),
        ("jobs", .nonNegative, \.jobs), ("co2e_per_unit", .nonNegative, \.co2ePerUnit),
        ("lifetime", .positiveCount, \.lifetimeOrZero),
    ] }

    private func setter(for keyPath: String) -> Setter? {
        let parts = keyPath.split(separator: ".", maxSplits: 1).map(String.init)
        guard let section = parts.first else { return nil }
        let rest = parts.count > 1 ? parts[1] : ""
        if parts.count == 1 { return topLevelSetter(section) }
        switch section {
        case "resources":
            guard let (index, field) = Self.locate(rest, ids: resources.map(\.id)) else { return nil }
            let fields: [String: WritableKeyPath<Resource, Double>] = [
                "price": \.price, "co2e": \.co2e, "disposal_cost": \.disposalCost, "disposal_co2e": \.disposalCo2e,
                "sale_price": \.salePrice,
            ]
            guard let path = fields[field] else { return nil }
            return Setter(rule: .nonNegative) { $0.resources[index][keyPath: path] = $1 }
        case "companies":
            guard let (index, field) = Self.locate(rest, ids: companies.map(\.id)) else { return nil }
            return companySetter(index, field)
        case "facilities":
            guard let (index, field) = Self.locate(rest, ids: facilities.map(\.id)) else { return nil }
            if field.hasPrefix("converts."), let resource = resource(String(field.dropFirst(9)))?.id {
                return Setter(rule: .finite) { $0.facilities[index].converts.setAmount(of: resource, to: $1) }
            }
            guard let entry = Self.facilityFields.first(where: { $0.key == field }) else { return nil }
            return Setter(rule: entry.rule) { $0.facilities[index][keyPath: entry.field] = $1 }
        case "exchanges":
            guard let (index, field) = Self.locate(rest, ids: exchanges.map(\.id)),
                  let entry = Self.exchangeFields.first(where: { $0.key == field }) else { return nil }
            return Setter(rule: entry.rule) { $0.exchanges[index][keyPath: entry.field] = $1 }
        case "permits":
            guard let (index, field) = Self.locate(rest, ids: permits.map(\.id)) else { return nil }
            if field == "cost" { return Setter(rule: .nonNegative) { $0.permits[index].cost = $1 } }
            if field == "delay_years" { return Setter(rule: .count) { $0.permits[index].delayYears = Int($1) } }
            return nil
        case "objectives":
            let fields: [String: WritableKeyPath<Objectives, Double>] = [
                "economic": \.economic, "environmental": \.environmental, "social": \.social,
            ]
            guard let path = fields[rest] else { return nil }
            return Setter(rule: .nonNegative) { $0.objectives[keyPath: path] = $1 }
        case "targets": return targetSetter(rest)
        case "sharing":
            return rest == "sender_weight" ? Setter(rule: .unitInterval) { $0.sharing.senderWeight = $1 } : nil
        default: return nil
        }
    }

    private func topLevelSetter(_ key: String) -> Setter? {
        switch key {
        case "discount_rate": return Setter(rule: .discountRate) { $0.discountRate = $1 }
        case "min_utilization": return Setter(rule: .unitInterval) { $0.minUtilization = $1 }
        case "carbon_price": return Setter(rule: .nonNegative) { $0.economics.carbonPrice = $1 }
        case "carbon_price_growth": return Setter(rule: .aboveMinusOne) { $0.economics.carbonPriceGrowth = $1 }
        case "capex_subsidy": return Setter(rule: .unitInterval) { $0.economics.capexSubsidy = $1 }
        case "interest_rate": return Setter(rule: .nonNegative) { $0.economics.interestRate = $1 }
        case "loan_years": return Setter(rule: .yearCount) { $0.economics.loanYears = Int($1) }
        case "loan_share": return Setter(rule: .unitInterval) { $0.economics.loanShare = $1 }
        case "loan_cap": return Setter(rule: .nonNegative) { $0.economics.loanCap = $1 }
        case "park_budget": return Setter(rule: .nonNegative) { $0.economics.parkBudget = $1 }
        default: return nil
        }
    }

    private func companySetter(_ index: Int, _ field: String) -> Setter? {
        switch field {
        case "growth": return Setter(rule: .aboveMinusOne) { $0.companies[index].growth = $1 }
        case "capital_budget": return Setter(rule: .nonNegative) { $0.companies[index].capitalBudget = $1 }
        case "hurdle_rate": return Setter(rule: .discountRate) { $0.companies[index].hurdleRate = $1 }
        default:
            for (prefix, isNeed) in [("produces.", false), ("needs.", true)] where field.hasPrefix(prefix) {
                guard let resource = resource(String(field.dropFirst(prefix.count)))?.id else { return nil }
                return Setter(rule: .nonNegative) {
                    if isNeed { $0.companies[index].needs.setAmount(of: resource, to: $1) }
                    else { $0.companies[index].produces.setAmount(of: resource, to: $1) }
                }
            }
            return nil
        }
    }

    private func targetSetter(_ field: String) -> Setter? {
        switch field {
        case "co2e_avoided": return Setter(rule: .nonNegative) { $0.targets.co2eAvoided = $1 }
        case "min_exchanges": return Setter(rule: .count) { $0.targets.minExchanges = Int($1) }
        case "min_companies": return Setter(rule: .count) { $0.targets.minCompanies = Int($1) }
        default:
            guard field.hasPrefix("diverted."), field.hasSuffix(".share") else { return nil }
            let resource = String(field.dropFirst(9).dropLast(6))
            guard let index = targets.diverted.firstIndex(where: { $0.resource == resource }) else { return nil }
            return Setter(rule: .unitInterval) { $0.targets.diverted[index].share = $1 }
        }
    }

    /// Splits `id.field` where `id` is one of `ids` (the longest that fits, so ids may contain dots).
    private static func locate(_ rest: String, ids: [String]) -> (index: Int, field: String)? {
        var best: (index: Int, field: String, length: Int)?
        for (index, id) in ids.enumerated() where rest.hasPrefix(id + ".") && id.count > (best?.length ?? -1) {
            best = (index, String(rest.dropFirst(id.count + 1)), id.count)
        }
        return best.map { ($0.index, $0.field) }
    }
}

private extension Array where Element == ResourceAmount {
    /// Sets the amount of `resource`, appending it when not listed.
    mutating func setAmount(of resource: String, to amount: Double) {
        if let index = firstIndex(where: { $0.resource == resource }) { self[index].amount = amount }
        else { append(ResourceAmount(resource, amount)) }
    }
}

private extension Exchange {
    var distanceOrZero: Double {
        get { distance ?? 0 }
        set { distance = newValue }
    }

    var lifetimeOrZero: Double {
        get { Double(lifetime ?? 0) }
        set { lifetime = Int(newValue) }
    }
}

private extension Facility {
    var lifetimeOrZero: Double {
        get { Double(lifetime ?? 0) }
        set { lifetime = Int(newValue) }
    }
}
