import Foundation
import Formulation
import Scenario

/// What the public budget gains and pays under an option, as changes from the status quo, in PV
/// (currency). Positive `grants` and `interestSubsidy` are paid out; positive revenue changes come in.
public struct PublicCost: Sendable, Equatable {
    /// Capex grants paid (`capex_subsidy` × capex at the build year).
    public var grants: Double
    /// The credit line's interest subsidy: each loan minus the PV of its repayments (at
    /// `public_discount_rate`, or `discount_rate`), at the build year.
    public var interestSubsidy: Double
    /// Fees (disposal costs and prices above the file's own) collected, minus the status quo's.
    public var feeRevenueChange: Double
    /// Carbon charges collected on what is still emitted, minus the status quo's.
    public var carbonRevenueChange: Double

    public init(grants: Double = 0, interestSubsidy: Double = 0, feeRevenueChange: Double = 0, carbonRevenueChange: Double = 0) {
        self.grants = grants; self.interestSubsidy = interestSubsidy
        self.feeRevenueChange = feeRevenueChange; self.carbonRevenueChange = carbonRevenueChange
    }

    /// Net cost to the public budget (a negative cost is a net revenue).
    public var net: Double { grants + interestSubsidy - feeRevenueChange - carbonRevenueChange }
}

/// One option judged against the status quo (docs/appraisal.md).
public struct OptionAppraisal: Sendable, Equatable {
    /// Each company's cash gain from the status quo (PV, after transfers), in scenario order.
    public var firms: [(id: String, gain: Double)] { zip(firmIDs, firmGains).map { ($0, $1) } }
    public var firmIDs: [String]
    public var firmGains: [Double]
    /// The park operator's gain (facilities; transfers included).
    public var operatorGain: Double
    public var publicCost: PublicCost
    /// External effects against the status quo at the scenario's shadow prices, discounted:
    /// CO2e at `social_cost_of_carbon`, t kept out of landfill at `landfill_shadow_price`, water
    /// saved at `water_shadow_price`.
    public var externalities: Double { carbonValue + landfillValue + waterValue }
    /// CO2e avoided valued at `social_cost_of_carbon` (PV).
    public var carbonValue: Double
    /// t kept out of landfill valued at `landfill_shadow_price` (PV).
    public var landfillValue: Double
    /// Water-kind virgin input replaced valued at `water_shadow_price` (PV).
    public var waterValue: Double
    /// t kept out of landfill against the status quo over the horizon (not discounted).
    public var landfillAvoided: Double
    /// Units of water-kind virgin inputs no longer bought over the horizon (not discounted).
    public var waterSaved: Double
    /// t CO2e avoided against the status quo over the horizon (not discounted).
    public var co2eAvoided: Double
    /// The same, each year discounted by `d_t`.
    public var discountedCO2e: Double
    /// The option's value to society computed on its own: the design at the file's own costs and
    /// prices, no carbon price, no grant, no credit line, plus `externalities`, minus the wedge of
    /// a `public_discount_rate` other than `discount_rate`. Equal to `society` when the accounts
    /// add up (tested).
    public var economicValue: Double

    public init(firmIDs: [String], firmGains: [Double], operatorGain: Double, publicCost: PublicCost,
                carbonValue: Double, landfillValue: Double = 0, waterValue: Double = 0, co2eAvoided: Double,
                discountedCO2e: Double, landfillAvoided: Double = 0, waterSaved: Double = 0, economicValue: Double) {
        self.firmIDs = firmIDs; self.firmGains = firmGains; self.operatorGain = operatorGain; self.publicCost = publicCost
        self.carbonValue = carbonValue; self.landfillValue = landfillValue; self.waterValue = waterValue
        self.co2eAvoided = co2eAvoided; self.discountedCO2e = discountedCO2e
        self.landfillAvoided = landfillAvoided; self.waterSaved = waterSaved; self.economicValue = economicValue
    }

    public var firmsTotal: Double { firmGains.reduce(0, +) }
    /// The public budget's account: revenue changes minus grants and interest subsidy.
    public var publicAccount: Double { 0 - publicCost.net }
    /// Firms + operator + public budget + externalities: transfers cancel.
    public var society: Double { firmsTotal + operatorGain + publicAccount + externalities }
    /// The gain of the firm that gains least (`nil` without companies).
    public var smallestFirmGain: Double? { firmGains.min() }
    /// Firms that lose against the status quo (by more than half a currency unit).
    public var losingFirms: Int { firmGains.filter { $0 < -0.5 }.count }

    public static func == (a: OptionAppraisal, b: OptionAppraisal) -> Bool {
        a.firmIDs == b.firmIDs && a.firmGains == b.firmGains && a.operatorGain == b.operatorGain
            && a.publicCost == b.publicCost && a.carbonValue == b.carbonValue && a.landfillValue == b.landfillValue
            && a.waterValue == b.waterValue && a.co2eAvoided == b.co2eAvoided && a.discountedCO2e == b.discountedCO2e
            && a.landfillAvoided == b.landfillAvoided && a.waterSaved == b.waterSaved && a.economicValue == b.economicValue
    }
}

/// Judges designs against one status quo: today's rules (the file without policies, or the
/// policy `status_quo` names) with nothing built. Every price a policy adds on top of the file's
/// own costs is a transfer to or from the public budget; society counts only real costs and
/// CO2e at `social_cost_of_carbon`.
public struct PolicyAppraisal: Sendable {
    /// The file without any policy: its disposal costs and prices are the real resource costs.
    public let base: Scenario
    /// Today's rules.
    public let statusQuo: Scenario
    /// `status_quo`, or `baseline`.
    public let statusQuoName: String
    public let settings: AppraisalSettings
    /// The status quo's ledger with nothing built.
    let statusQuoLedger: RuleLedger
    let discount: [Double]

    /// `base` is the scenario without any policy; `statusQuo` the scenario with
    /// `base.appraisal.statusQuo` applied (`base` itself when it names none).
    public init(base: Scenario, statusQuo: Scenario? = nil) {
        self.base = base
        self.statusQuo = statusQuo ?? base
        settings = base.appraisal
        statusQuoName = base.appraisal.statusQuo ?? AppliedPolicy.statusQuoName
        let data = ParkData(self.statusQuo)
        discount = data.discountFactor
        let zeros = [Double](repeating: 0, count: data.years)
        statusQuoLedger = data.ledger(flows: data.exchanges.map { _ in zeros }, activity: data.scenario.facilities.map { _ in zeros },
                                      reference: base.resources, discount: discount)
    }

    /// `scenario` (an option: the file with its policies) operated as `design` prescribes.
    ///
    /// Every account is priced at the status quo's `discount_rate` (a policy that changes the rate
    /// changes how firms decide, not the rate society judges them at) and, with hurdle rates, at
    /// that rate too: the firms' own rates shape the design and its deal terms, while the
    /// accounts must add up to one value to society.
    public func appraise(_ scenario: Scenario, design: ParkDesign) -> OptionAppraisal {
        var scenario = scenario
        scenario.discountRate = statusQuo.discountRate
        let data = ParkData(scenario)
        let plan = BuildPlan(design: design, data: data)
        let (flows, activity) = data.operation(of: design)
        let ledger = data.ledger(flows: flows, activity: activity, reference: base.resources, discount: discount)
        let outcome = plan.outcome(data: data, flows: flows, activity: activity)
        let companies = scenario.companies.count
        let accounts = plan.afterTransfers(outcome.accountNPVAtParkRate)
        let gains = (0..<companies).map { accounts[$0] + ledger.companyLevel[$0] - statusQuoLedger.companyLevel[$0] }
        let (grants, subsidy, wedge) = publicFinance(plan: plan, data: data)
        let cost = PublicCost(grants: grants, interestSubsidy: subsidy,
                              feeRevenueChange: ledger.feeRevenue - statusQuoLedger.feeRevenue,
                              carbonRevenueChange: ledger.carbonRevenue - statusQuoLedger.carbonRevenue)
        // Physical changes from the status quo: over the horizon and discounted by d_t.
        func change(_ before: [Double], _ after: [Double]) -> (total: Double, discounted: Double) {
            var total = 0.0, discounted = 0.0
            for t in 0..<min(data.years, before.count, after.count) {
                total += before[t] - after[t]
                discounted += discount[t] * (before[t] - after[t])
            }
            return (total, discounted)
        }
        let co2e = change(statusQuoLedger.emissions, ledger.emissions)
        let landfill = change(statusQuoLedger.landfilled, ledger.landfilled)
        let water = change(statusQuoLedger.waterBought, ledger.waterBought)
        let carbonValue = settings.socialCostOfCarbon * co2e.discounted
        let landfillValue = settings.landfillShadowPrice * landfill.discounted
        let waterValue = settings.waterShadowPrice * water.discounted
        // The same design at real costs: no fee, no carbon price, no grant, no credit line.
        let realData = ParkData(Self.atRealCosts(scenario, base: base))
        var realPlan = plan
        realPlan.exchanges = plan.exchanges.map { $0.map { BuildPlan.Choice(year: $0.year) } }
        realPlan.facilities = plan.facilities.map { $0.map { BuildPlan.Choice(year: $0.year) } }
        // The assets' residual value as their owners count it (at the option's prices): what a
        // residual value rests on after the horizon (fees, carbon prices) is not in the horizon's
        // ledger, so valuing it again at real costs would break the accounts' identity.
        let real = realPlan.outcome(data: realData, flows: flows, activity: activity).npv
            - realPlan.residualPresentValue(data: realData, flows: flows, activity: activity)
            + plan.residualPresentValue(data: data, flows: flows, activity: activity)
            + zip(ledger.companyLevelAtReference, statusQuoLedger.companyLevelAtReference).reduce(0) { $0 + $1.0 - $1.1 }
        return OptionAppraisal(
            firmIDs: scenario.companies.map(\.id), firmGains: gains, operatorGain: accounts[companies],
            publicCost: cost, carbonValue: carbonValue, landfillValue: landfillValue, waterValue: waterValue,
            co2eAvoided: co2e.total, discountedCO2e: co2e.discounted, landfillAvoided: landfill.total,
            waterSaved: water.total, economicValue: real + carbonValue + landfillValue + waterValue - wedge)
    }

    /// What a Monte Carlo run needs to measure gains against this status quo along its paths.
    public var simulationReference: StatusQuoReference {
        StatusQuoReference(data: ParkData(statusQuo), reference: base.resources, discount: discount)
    }

    /// The status quo judged against itself: every account 0.
    public var statusQuoAppraisal: OptionAppraisal {
        OptionAppraisal(firmIDs: statusQuo.companies.map(\.id), firmGains: statusQuo.companies.map { _ in 0 }, operatorGain: 0,
                        publicCost: PublicCost(), carbonValue: 0, co2eAvoided: 0, discountedCO2e: 0, economicValue: 0)
    }

    /// PV of the grants, of the interest subsidy (at the public rate), and of the wedge between
    /// the firms' PV of the repayments (at `discount_rate`) and the public budget's.
    private func publicFinance(plan: BuildPlan, data: ParkData) -> (grants: Double, subsidy: Double, wedge: Double) {
        let economics = data.scenario.economics
        let s = economics.capexSubsidy
        let privateAnnuity = data.loanPresentValue ?? 1
        let publicAnnuity = ParkData.Discounting.loanPresentValue(economics, rate: settings.publicDiscountRate ?? data.scenario.discountRate) ?? 1
        var grants = 0.0, subsidy = 0.0, wedge = 0.0
        func add(capex: Double, choice: BuildPlan.Choice) {
            guard choice.year < data.years else { return }
            let d = discount[choice.year]
            let gross = capex * data.capexFactor[choice.year]
            grants += d * s * gross
            let loan = choice.financedShare * (1 - s) * gross
            subsidy += d * loan * (1 - publicAnnuity)
            wedge += d * loan * (privateAnnuity - publicAnnuity)
        }
        for (e, item) in data.exchanges.enumerated() { if let choice = plan.exchanges[e] { add(capex: item.exchange.capex, choice: choice) } }
        for (k, facility) in data.scenario.facilities.enumerated() { if let choice = plan.facilities[k] { add(capex: facility.capex, choice: choice) } }
        return (grants, subsidy, wedge)
    }

    /// `scenario` at real costs: the file's own disposal costs and prices, no carbon price, no
    /// grant, no credit line; everything else (permits, volumes, link costs) as the option has it.
    static func atRealCosts(_ scenario: Scenario, base: Scenario) -> Scenario {
        var real = scenario
        let reference = Dictionary(base.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        real.resources = scenario.resources.map { r in
            var r = r
            if let b = reference[r.id] { r.disposalCost = b.disposalCost; r.price = b.price }
            return r
        }
        real.economics.carbonPrice = 0
        real.economics.carbonPriceGrowth = 0
        real.economics.capexSubsidy = 0
        real.economics.interestRate = nil
        return real
    }
}
