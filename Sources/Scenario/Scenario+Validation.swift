import Foundation

/// Checks of a typed scenario: value ranges here, references in `Scenario+References.swift`,
/// uncertainty in `Scenario+UncertaintyChecks.swift`, likely mistakes in `Scenario+Warnings.swift`.
extension Scenario {
    /// Every error and warning about this scenario, in file order: out-of-range values, unknown
    /// references, impossible exchanges, a correlation matrix that is not positive semidefinite, and
    /// legal-but-likely-wrong settings. For scenarios built in code (no locations); files are
    /// checked by `Scenario.load` and `Scenario.parse`.
    public func validate() -> [Diagnostic] {
        var checker = ScenarioChecker(scenario: self, sourceMap: SourceMap(), log: DiagnosticLog(file: ""))
        checker.checkAll()
        return checker.log.entries.removingDuplicates().sortedInFileOrder()
    }
}

/// Checks a typed scenario and logs findings at the locations recorded while it was read.
struct ScenarioChecker {
    let scenario: Scenario
    let sourceMap: SourceMap
    var log: DiagnosticLog
    /// Folder of the scenario file, to look for `csv` paths; `nil` when not read from a file.
    var baseDirectory: String?
    /// Top-level blocks to check (`nil` = all); a policy check looks only at what the policy changed.
    var sections: Set<String>?

    /// Whether the block `key` (e.g. `exchanges`) is to be checked.
    func covers(_ key: String) -> Bool { sections?.contains(key) ?? true }

    /// Range, reference and uncertainty errors, then (unless `warnings` is false) warnings.
    mutating func checkAll(warnings: Bool = true) {
        checkRanges()
        checkReferences()
        checkUncertainty()
        checkSensitivity()
        if warnings { addWarnings() }
    }

    // MARK: Logging

    /// Logs an error at `path`'s value (or key, with `atKey`), unless `path` was already reported.
    mutating func error(_ message: String, _ path: String, atKey: Bool = false) {
        guard !sourceMap.wasReported(path) else { return }
        log.error(message, at: atKey ? sourceMap.keyLocation(of: path) : sourceMap.location(of: path), path: path)
    }

    mutating func warning(_ message: String, _ path: String, atKey: Bool = false) {
        guard !sourceMap.wasReported(path) else { return }
        log.warning(message, at: atKey ? sourceMap.keyLocation(of: path) : sourceMap.location(of: path), path: path)
    }

    mutating func check(_ value: Double, _ rule: NumberRule, _ path: String) {
        if let problem = rule.violation(value) { error(problem, path) }
    }

    mutating func check(_ value: Double?, _ rule: NumberRule, _ path: String) {
        if let value { check(value, rule, path) }
    }

    mutating func check(_ value: Int?, _ rule: NumberRule, _ path: String) {
        if let value { check(Double(value), rule, path) }
    }

    /// A rate (allowed by its rule) that compounds past what can be computed over the horizon.
    mutating func checkCompounding(_ rate: Double, discounting: Bool, _ path: String) {
        guard NumberRule.aboveMinusOne.violation(rate) == nil, (1 ... 1000).contains(scenario.horizonYears),
              let problem = Scenario.compoundingProblem(rate, years: scenario.horizonYears, discounting: discounting)
        else { return }
        error(problem, path)
    }

    // MARK: Ranges

    /// Every number against its allowed range.
    mutating func checkRanges() {
        let s = scenario
        if s.horizonYears < 1 { error("must be at least 1 year, got \(s.horizonYears)", "horizon_years") }
        if s.horizonYears > 1000 { error("must be at most 1000 years, got \(s.horizonYears)", "horizon_years") }
        check(s.discountRate, .discountRate, "discount_rate")
        checkCompounding(s.discountRate, discounting: true, "discount_rate")
        check(s.minUtilization, .unitInterval, "min_utilization")
        if !(s.roadFactor >= 1 && s.roadFactor <= 10) {
            error("must be between 1 and 10 (road km per great-circle km), got \(s.roadFactor)", "road_factor")
        }
        check(s.sharing.senderWeight, .unitInterval, "sharing.sender_weight")
        if s.sharing.samples < 1 { error("must be at least 1 permutation, got \(s.sharing.samples)", "sharing.samples") }
        if !(0...SharingSettings.largestExactPlayers).contains(s.sharing.exactPlayers) {
            error("must be between 0 and \(SharingSettings.largestExactPlayers) players (2^k coalition LPs), got "
                  + "\(s.sharing.exactPlayers)", "sharing.exact_players")
        }
        if s.sharing.seed < 0 { error("must be 0 or more, got \(s.sharing.seed)", "sharing.seed") }
        let e = s.economics
        check(e.carbonPrice, .nonNegative, "carbon_price")
        check(e.carbonPriceGrowth, .aboveMinusOne, "carbon_price_growth")
        checkCompounding(e.carbonPriceGrowth, discounting: false, "carbon_price_growth")
        check(e.capexSubsidy, .unitInterval, "capex_subsidy")
        check(e.interestRate, .nonNegative, "interest_rate")
        check(e.loanYears, .yearCount, "loan_years")
        check(e.loanShare, .unitInterval, "loan_share")
        check(e.loanCap, .nonNegative, "loan_cap")
        check(e.parkBudget, .nonNegative, "park_budget")
        check(s.appraisal.socialCostOfCarbon, .nonNegative, "social_cost_of_carbon")
        check(s.appraisal.landfillShadowPrice, .nonNegative, "landfill_shadow_price")
        check(s.appraisal.waterShadowPrice, .nonNegative, "water_shadow_price")
        check(s.appraisal.publicDiscountRate, .discountRate, "public_discount_rate")
        if let rate = s.appraisal.publicDiscountRate { checkCompounding(rate, discounting: true, "public_discount_rate") }
        if let statusQuo = s.appraisal.statusQuo {
            let known = s.policies.map(\.id)
            let names = AppliedPolicy.parts(of: statusQuo)
            for name in names where !known.contains(name) && names != [AppliedPolicy.statusQuoName] {
                let list = known.isEmpty ? "the file defines no policies" : "known policies: \(known.joined(separator: ", "))"
                error("unknown policy `\(name)`\(KeySuggestion.hint(for: name, among: known)); \(list)", "status_quo")
            }
        }
        for r in s.resources where covers("resources") {
            let path = "resources".appendingKey(r.id)
            for (key, value) in [("price", r.price), ("co2e", r.co2e), ("disposal_cost", r.disposalCost),
                                 ("disposal_co2e", r.disposalCo2e), ("sale_price", r.salePrice)] {
                check(value, .nonNegative, path.appendingKey(key))
            }
            if r.salePrice > 0, r.disposalCost > 0 {
                error("a resource has either a disposal cost or a sale price, not both (disposal_cost "
                      + "\(r.disposalCost.formattedForMessage), sale_price \(r.salePrice.formattedForMessage)): a by-product "
                      + "that sells is not disposed of", path.appendingKey("sale_price"))
            }
        }
        for c in s.companies where covers("companies") { checkRanges(of: c) }
        for f in s.facilities where covers("facilities") { checkRanges(of: f) }
        for x in s.exchanges where covers("exchanges") { checkRanges(of: x) }
        for p in s.permits where covers("permits") {
            check(p.cost, .nonNegative, "permits".appendingKey(p.id).appendingKey("cost"))
            check(p.delayYears, .count, "permits".appendingKey(p.id).appendingKey("delay_years"))
        }
        check(s.objectives.economic, .nonNegative, "objectives.economic")
        check(s.objectives.environmental, .nonNegative, "objectives.environmental")
        check(s.objectives.social, .nonNegative, "objectives.social")
        guard covers("targets") else { return }
        check(s.targets.co2eAvoided, .nonNegative, "targets.co2e_avoided")
        check(s.targets.minExchanges, .count, "targets.min_exchanges")
        check(s.targets.minCompanies, .count, "targets.min_companies")
        for d in s.targets.diverted {
            check(d.share, .unitInterval, "targets.diverted".appendingKey(d.resource).appendingKey("share"))
        }
    }

    private mutating func checkRanges(of c: Company) {
        let path = "companies".appendingKey(c.id)
        for item in c.produces { check(item.amount, .nonNegative, path.appendingKey("produces").appendingKey(item.resource)) }
        for item in c.needs { check(item.amount, .nonNegative, path.appendingKey("needs").appendingKey(item.resource)) }
        check(c.growth, .aboveMinusOne, path.appendingKey("growth"))
        checkCompounding(c.growth, discounting: false, path.appendingKey("growth"))
        check(c.capitalBudget, .nonNegative, path.appendingKey("capital_budget"))
        if let rate = c.hurdleRate {
            if let problem = NumberRule.discountRate.violation(rate) {
                error(problem.replacingOccurrences(of: "discount_rate ", with: "hurdle_rate "), path.appendingKey("hurdle_rate"))
            }
            checkCompounding(rate, discounting: true, path.appendingKey("hurdle_rate"))
        }
        check(c.location.x, .finite, path.appendingKey("location"))
        check(c.location.y, .finite, path.appendingKey("location"))
    }

    private mutating func checkRanges(of f: Facility) {
        let path = "facilities".appendingKey(f.id)
        for (key, value) in [("capacity", f.capacity), ("capex", f.capex), ("fixed_cost", f.fixedCost),
                             ("unit_cost", f.unitCost), ("jobs", f.jobs), ("co2e_per_unit", f.co2ePerUnit)] {
            check(value, .nonNegative, path.appendingKey(key))
        }
        check(f.lifetime, .positiveCount, path.appendingKey("lifetime"))
        for item in f.converts { check(item.amount, .finite, path.appendingKey("converts").appendingKey(item.resource)) }
        check(f.location.x, .finite, path.appendingKey("location"))
        check(f.location.y, .finite, path.appendingKey("location"))
    }

    private mutating func checkRanges(of x: Exchange) {
        let path = "exchanges".appendingKey(x.id)
        check(x.ratio, .positive, path.appendingKey("ratio"))
        check(x.maxShare, .share, path.appendingKey("max_share"))
        for (key, value) in [("capacity", x.capacity), ("capex", x.capex), ("fixed_cost", x.fixedCost),
                             ("unit_cost", x.unitCost), ("transport_cost", x.transportCost),
                             ("transport_co2e", x.transportCo2e), ("jobs", x.jobs)] {
            check(value, .nonNegative, path.appendingKey(key))
        }
        check(x.distance, .nonNegative, path.appendingKey("distance"))
        check(x.lifetime, .positiveCount, path.appendingKey("lifetime"))
    }
}

extension Scenario {
    /// Why a yearly rate cannot be used over a horizon of `years`, or `nil`: volumes and prices
    /// grow by `(1 + rate)^t` and cash flows are discounted by `1 / (1 + rate)^t`, and that
    /// factor must stay within `NumberRule.largest` (1e15) for the model's coefficients to stay
    /// finite (a growth of 100 % a year over 1000 years reaches 1e301).
    static func compoundingProblem(_ rate: Double, years: Int, discounting: Bool) -> String? {
        guard rate > -1, years > 1 else { return nil }
        let exponent = Double(years - 1) * log1p(rate) * (discounting ? -1 : 1)
        guard exponent > log(NumberRule.largest) else { return nil }
        let factor = exp(exponent)
        let shown = factor.isFinite ? String(format: "%.1e", factor) : "more than 1e308"
        return "compounds to a factor of \(shown) over the \(years)-year horizon; at most 1e15 can be computed "
            + "(lower the rate or the horizon)"
    }
}
