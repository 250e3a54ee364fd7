/// The same park in another currency: every amount of money multiplied by one exchange rate.
extension Scenario {
    /// This scenario with every money amount times `rate` and `currency` renamed, e.g.
    /// `convertingMoney(by: 25_000, to: "VND")` for a USD park. Converted: resource prices,
    /// disposal costs and sale prices; capex, fixed, unit and transport costs of exchanges and
    /// facilities; permit costs; capital and park budgets; the carbon price and the loan cap;
    /// the shadow prices of the appraisal; a mean-reverting price's long-run level. Shares, rates,
    /// quantities, CO2e and multipliers are unchanged.
    ///
    /// The scenario is the one loaded, with its policy applied: the definitions of other policy
    /// options (YAML overrides), sensitivity ranges and CSV price paths are left as they are.
    public func convertingMoney(by rate: Double, to currency: String) -> Scenario {
        var s = self
        s.currency = currency
        for i in s.resources.indices {
            s.resources[i].price *= rate
            s.resources[i].disposalCost *= rate
            s.resources[i].salePrice *= rate
        }
        for i in s.companies.indices { s.companies[i].capitalBudget = s.companies[i].capitalBudget.map { $0 * rate } }
        for i in s.facilities.indices {
            s.facilities[i].capex *= rate
            s.facilities[i].fixedCost *= rate
            s.facilities[i].unitCost *= rate
        }
        for i in s.exchanges.indices {
            s.exchanges[i].capex *= rate
            s.exchanges[i].fixedCost *= rate
            s.exchanges[i].unitCost *= rate
            s.exchanges[i].transportCost *= rate
        }
        for i in s.permits.indices { s.permits[i].cost *= rate }
        s.economics.carbonPrice *= rate
        s.economics.parkBudget = s.economics.parkBudget.map { $0 * rate }
        s.economics.loanCap = s.economics.loanCap.map { $0 * rate }
        s.appraisal.socialCostOfCarbon *= rate
        s.appraisal.landfillShadowPrice *= rate
        s.appraisal.waterShadowPrice *= rate
        if var uncertainty = s.uncertainty {
            uncertainty.prices = uncertainty.prices.map { parameter in
                var p = parameter
                if case let .meanReverting(speed, volatility, level?) = p.process {
                    p.process = .meanReverting(speed: speed, volatility: volatility, level: level * rate)
                }
                return p
            }
            s.uncertainty = uncertainty
        }
        return s
    }
}
