import Yams

/// Reading the whole file: top-level settings, economics, objectives and targets.
extension ScenarioDecoder {
    /// The scenario in `root` (after policies were applied). `policies` is left empty: the
    /// caller fills it from the base file (see `PolicyBook`).
    ///
    /// With `base`, only the top-level settings and the blocks named in `sections` are read
    /// again; the other blocks are copied from `base` (used to check a policy cheaply).
    mutating func scenario(from root: Node, reusing base: Scenario? = nil, sections: Set<String> = []) -> Scenario {
        guard let map = entries(of: root, path: "", section: .scenario) else {
            return Scenario(name: "", startYear: 0, horizonYears: 1, discountRate: 0)
        }
        _ = text(map, "description")
        let startYear = integer(map, "start_year") ?? 0
        var scenario = Scenario(
            name: text(map, "name") ?? "", currency: text(map, "currency") ?? "USD", startYear: startYear,
            horizonYears: integer(map, "horizon_years") ?? 1, discountRate: number(map, "discount_rate") ?? 0)
        scenario.economics = economics(map)
        scenario.appraisal = AppraisalSettings(
            socialCostOfCarbon: number(map, "social_cost_of_carbon") ?? 0,
            publicDiscountRate: number(map, "public_discount_rate"), statusQuo: text(map, "status_quo"),
            landfillShadowPrice: number(map, "landfill_shadow_price") ?? 0,
            waterShadowPrice: number(map, "water_shadow_price") ?? 0)
        scenario.residualValue = choice(map, "residual_value", among: ResidualValue.allCases) ?? .none
        scenario.minUtilization = number(map, "min_utilization") ?? Scenario.defaultMinUtilization
        scenario.roadFactor = number(map, "road_factor") ?? Scenario.defaultRoadFactor
        scenario.sharing = sharing(map)
        if let base {
            scenario.resources = base.resources; scenario.companies = base.companies
            scenario.facilities = base.facilities; scenario.exchanges = base.exchanges; scenario.permits = base.permits
            scenario.objectives = base.objectives; scenario.targets = base.targets
            scenario.uncertainty = base.uncertainty; scenario.sensitivity = base.sensitivity
        }
        let reads = { (key: String) in base == nil || sections.contains(key) }
        if reads("resources") { scenario.resources = entities(map, "resources") { $0.resource(id: $1, key: $2, value: $3) } }
        if reads("companies") { scenario.companies = entities(map, "companies") { $0.company(id: $1, key: $2, value: $3) } }
        if reads("facilities") {
            scenario.facilities = entities(map, "facilities") { $0.facility(id: $1, key: $2, value: $3) }
        }
        scenario.projectGeographicSites()
        if reads("exchanges") { scenario.exchanges = entities(map, "exchanges") { $0.exchange(id: $1, key: $2, value: $3) } }
        if reads("permits") { scenario.permits = entities(map, "permits") { $0.permit(id: $1, key: $2, value: $3) } }
        if reads("objectives") { scenario.objectives = objectives(map) }
        if reads("targets") || reads("start_year") { scenario.targets = targets(map, startYear: startYear) }
        if reads("uncertainty") { scenario.uncertainty = uncertainty(map) }
        if reads("sensitivity") { scenario.sensitivity = sensitivity(map) }
        return scenario
    }

    /// The top-level economic levers (`carbon_price`, `capex_subsidy`, ...).
    mutating func economics(_ map: MappingEntries) -> Economics {
        Economics(
            carbonPrice: number(map, "carbon_price") ?? 0, carbonPriceGrowth: number(map, "carbon_price_growth") ?? 0,
            capexSubsidy: number(map, "capex_subsidy") ?? 0, interestRate: number(map, "interest_rate"),
            loanYears: integer(map, "loan_years") ?? 10, parkBudget: number(map, "park_budget"),
            loanShare: number(map, "loan_share") ?? 1, loanCap: number(map, "loan_cap"))
    }

    /// `sharing:` the rule that shares a design's gain and its options.
    mutating func sharing(_ root: MappingEntries) -> SharingSettings {
        guard let entry = root["sharing"],
              let map = entries(of: entry.value, path: "sharing", anchor: entry.keyNode, section: .sharing)
        else { return SharingSettings() }
        record("sharing", value: entry.value, key: entry.keyNode)
        let defaults = SharingSettings()
        return SharingSettings(
            rule: choice(map, "rule", among: SharingSettings.Rule.allCases) ?? defaults.rule,
            senderWeight: number(map, "sender_weight") ?? defaults.senderWeight,
            exactPlayers: integer(map, "exact_players") ?? defaults.exactPlayers,
            samples: integer(map, "samples") ?? defaults.samples, seed: integer(map, "seed") ?? defaults.seed)
    }

    /// `objectives:` weights and the win-win switch.
    mutating func objectives(_ root: MappingEntries) -> Objectives {
        guard let entry = root["objectives"],
              let map = entries(of: entry.value, path: "objectives", anchor: entry.keyNode, section: .objectives)
        else { return Objectives() }
        record("objectives", value: entry.value, key: entry.keyNode)
        return Objectives(
            economic: number(map, "economic") ?? 1, environmental: number(map, "environmental") ?? 0,
            social: number(map, "social") ?? 0, winWin: bool(map, "win_win") ?? false)
    }

    /// `targets:` requirements every design must meet.
    mutating func targets(_ root: MappingEntries, startYear: Int) -> Targets {
        guard let entry = root["targets"],
              let map = entries(of: entry.value, path: "targets", anchor: entry.keyNode, section: .targets)
        else { return Targets() }
        record("targets", value: entry.value, key: entry.keyNode)
        var targets = Targets(co2eAvoided: number(map, "co2e_avoided"), minExchanges: integer(map, "min_exchanges"),
                              build: textList(map, "build"), minCompanies: integer(map, "min_companies"))
        if let diverted = map["diverted"], !diverted.value.isNull {
            record("targets.diverted", value: diverted.value, key: diverted.keyNode)
            let list = entries(of: diverted.value, path: "targets.diverted", anchor: diverted.keyNode)?.list ?? []
            for item in list {
                let path = "targets.diverted".appendingKey(item.key)
                record(path, value: item.value, key: item.keyNode)
                guard let target = entries(of: item.value, path: path, anchor: item.keyNode, section: .diversion)
                else { continue }
                targets.diverted.append(DiversionTarget(resource: item.key, share: number(target, "share") ?? 0,
                                                        by: integer(target, "by") ?? startYear))
            }
        }
        return targets
    }

    /// A list of ids (a single id is taken as a list of one), each id's location recorded as `path.i`.
    mutating func textList(_ map: MappingEntries, _ key: String) -> [String] {
        guard let entry = map[key], !entry.value.isNull else { return [] }
        let path = map.path.appendingKey(key)
        record(path, value: entry.value, key: entry.keyNode)
        let items: [Node]
        switch entry.value {
        case let .sequence(sequence): items = Array(sequence)
        case .scalar: items = [entry.value]
        case .mapping:
            error("expected a list of ids, got a mapping", at: entry.value, path: path)
            return []
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.text else {
                error("expected an id, got \(item.kindDescription)", at: item, path: path.appendingKey("\(index)"))
                continue
            }
            record(path.appendingKey("\(result.count)"), value: item)
            result.append(text)
        }
        return result
    }
}
