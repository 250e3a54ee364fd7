import Dispatch
import Foundation
import Formulation
import MILP
import MultiObjective
import Scenario

/// One policy option of a comparison: its deterministic optimum and the Monte Carlo risk of
/// that design.
public struct PolicyOption: Sendable {
    /// The policy expression (`landfill_tax+legal_reform`), `baseline` for the base scenario.
    public var name: String
    /// The policies' own descriptions, in order.
    public var description: String
    public var scenario: Scenario
    public var result: OptimizationResult
    /// `nil` when the scenario has no uncertainty, no samples were asked, or no design was found.
    public var risk: SimulationResult?

    /// The option judged against the status quo (`nil` without a design).
    public var appraisal: OptionAppraisal?

    public var design: ParkDesign? { result.design }

    /// Net public budget cost per additional t CO2e avoided against the status quo (currency/t);
    /// `nil` ("n/a") where the option avoids nothing more.
    public var publicCostPerTonne: Double? {
        guard let appraisal, appraisal.co2eAvoided > 1e-6 else { return nil }
        return appraisal.publicCost.net / appraisal.co2eAvoided
    }

    /// Net public budget cost per additional t of waste diverted from disposal (nothing is
    /// diverted in the status quo; waste measured in m3 is not counted); `nil` where no t is diverted.
    public var publicCostPerTonneDiverted: Double? {
        guard let appraisal, let diverted = Criterion.wasteDiverted.value(self) else { return nil }
        return diverted > 1e-6 ? appraisal.publicCost.net / diverted : nil
    }

    /// Parties with a negative NPV before transfers (they would refuse without the transfers).
    public var losersWithoutTransfers: [ParkDesign.CompanyResult] {
        design?.companies.filter { $0.npvBeforeTransfers < -0.5 } ?? []
    }
}

/// The board's criteria: options are ranked on some of them and compared on all of them.
/// Money criteria are changes from the status quo (docs/appraisal.md).
public enum Criterion: String, Sendable, CaseIterable {
    /// Value to society: the accounts added up, transfers cancelled, CO2e at its shadow price.
    case socialValue
    /// Net cost to the public budget.
    case publicCost
    /// Firms' and the operator's gain together (so that money moved between the public budget
    /// and the firms shows on both sides).
    case privateGain
    /// `wasteDiverted`: t of waste diverted from disposal (`ParkDesign.tonnesDiverted`); amounts
    /// in other units (m3 of wastewater) are never added to tonnes.
    case co2eAvoided, wasteDiverted, waterSaved, jobs
    /// The gain of the firm that gains least.
    case smallestFirmGain
    /// How many firms lose against the status quo.
    case losingFirms

    /// Whether more is better.
    public var isBenefit: Bool { self != .publicCost && self != .losingFirms }

    public func value(_ option: PolicyOption) -> Double? {
        guard let design = option.design, let a = option.appraisal else { return nil }
        switch self {
        case .socialValue: return a.society
        case .publicCost: return a.publicCost.net
        case .privateGain: return a.firmsTotal + a.operatorGain
        case .co2eAvoided: return a.co2eAvoided
        case .wasteDiverted: return design.tonnesDiverted(in: option.scenario)
        case .waterSaved: return design.waterSaved
        case .jobs: return design.jobsFTEYears
        case .smallestFirmGain: return a.smallestFirmGain
        case .losingFirms: return Double(a.losingFirms)
        }
    }
}

/// Fixed scales of the ranked criteria (currency, t CO2e, FTE-years): the ranges of the
/// status quo's payoff table, so an option's score never depends on the other options.
public struct CriterionScales: Sendable, Equatable {
    public var socialValue: Double
    public var co2eAvoided: Double
    public var jobs: Double
    public init(socialValue: Double = 1, co2eAvoided: Double = 1, jobs: Double = 1) {
        self.socialValue = socialValue; self.co2eAvoided = co2eAvoided; self.jobs = jobs
    }

    /// The ranges of `table` (model units: `moneyUnit` currency units, kt CO2e, FTE-years) in
    /// the report's units; a criterion the table lacks keeps scale 1.
    public init(payoff table: PayoffTable?, moneyUnit: Double) {
        self.init()
        guard let table else { return }
        for (j, objective) in table.objectives.enumerated() {
            let range = table.range(j)
            switch objective {
            case .economic: socialValue = range * moneyUnit
            case .environmental: co2eAvoided = range * ParkFormulation.co2eUnit
            case .social: jobs = range
            }
        }
    }
}

/// Policy options side by side: each solved, its design simulated, judged against one status
/// quo, then ranked.
public struct PolicyComparison: Sendable {
    public var options: [PolicyOption]
    /// The scenario's objective weights used for the ranking (economic, environmental, social).
    public var weights: (economic: Double, environmental: Double, social: Double)
    /// The reference every option is judged against.
    public var appraisal: PolicyAppraisal
    /// The fixed scales of the ranked criteria (the status quo's payoff table).
    public var scales: CriterionScales

    public init(options: [PolicyOption], weights: (economic: Double, environmental: Double, social: Double),
                appraisal: PolicyAppraisal, scales: CriterionScales) {
        self.options = options; self.weights = weights; self.appraisal = appraisal; self.scales = scales
    }

    /// A step of the comparison, reported as it starts; `compare` prints each one on the console in
    /// the report's language (`ConsoleMessage`), so no words are chosen here.
    public enum Step: Sendable, Equatable {
        /// Solving an option, named by its policy expression (`legal_reform+green_credit`).
        case solving(option: String)
        /// Solving the status quo (its policy, `baseline` by default) for the ranking's scales.
        case solvingStatusQuo(policy: String)
        /// Simulating an option's design over the Monte Carlo samples.
        case simulating(option: String)
    }

    /// Solves every option (several at once on `threads` threads; each solve is one lp_solve
    /// model), and the status quo for its payoff table (the ranking's scales); judges each design
    /// against `appraisal`'s status quo, then simulates it with `settings` (all threads per
    /// simulation). `scenarios` are (policy expression, scenario with the policy applied) pairs.
    public static func run(_ scenarios: [(name: String, scenario: Scenario)], appraisal: PolicyAppraisal,
                           optimizer: ParkOptimizer, settings: SimulationSettings?, threads: Int,
                           progress: @escaping @Sendable (Step) -> Void = { _ in },
                           shouldStop: @escaping @Sendable () -> Bool = { false }) throws(SimulationError) -> PolicyComparison {
        let work = try solve(scenarios, appraisal: appraisal, optimizer: optimizer, settings: settings, threads: threads, shard: .whole,
                             progress: progress, shouldStop: shouldStop)
        // The whole comparison's run holds the status quo item, so the scales are there.
        return assemble(scenarios, solved: work.options, appraisal: appraisal, scales: work.scales ?? CriterionScales())
    }

    /// The descriptions of the policies an option applies (`AppliedPolicy`), "; "-joined.
    static func describe(_ name: String, _ scenario: Scenario) -> String {
        AppliedPolicy(spec: name, defined: scenario.policies.map(\.id)).description(in: scenario.policies)
    }

    /// An option's score: `w_econ·V/s_V + w_env·E/s_E + w_soc·J/s_J`, with V its value to society,
    /// E the t CO2e it avoids beyond the status quo, J its FTE-years of jobs, and each `s` the
    /// fixed range of that objective in the status quo's payoff table (`scales`). It depends on
    /// this option alone, so adding or removing an option never reorders the others.
    public func score(_ option: PolicyOption) -> Double {
        guard option.design != nil, option.appraisal != nil else { return -Double.infinity }
        let terms: [(Criterion, Double, Double)] = [
            (.socialValue, weights.economic, scales.socialValue), (.co2eAvoided, weights.environmental, scales.co2eAvoided),
            (.jobs, weights.social, scales.jobs),
        ]
        return terms.reduce(0) { sum, term in
            guard term.1 > 0, let value = term.0.value(option) else { return sum }
            return sum + term.1 * value / max(term.2, 1e-12)
        }
    }

    /// Options by score, best first. Scores within 1e-9 relative are ties (the same design priced
    /// through different transfers differs only by rounding); a tie goes to the lower net public
    /// cost, then to the earlier option. Options without a design come last.
    public var ranking: [(option: Int, score: Double)] {
        let cost = options.map { Criterion.publicCost.value($0) ?? 0 }
        return options.indices.map { ($0, score(options[$0])) }.sorted { a, b in
            let tie = a.1 == b.1 || (a.1.isFinite && b.1.isFinite && abs(a.1 - b.1) <= 1e-9 * max(1, abs(a.1), abs(b.1)))
            if !tie { return a.1 > b.1 }
            let costTie = abs(cost[a.0] - cost[b.0]) <= max(0.5, 1e-9 * max(abs(cost[a.0]), abs(cost[b.0])))
            return costTie ? a.0 < b.0 : cost[a.0] < cost[b.0]
        }
    }

    /// Pairs (a, b) where option a is at least as good as b on every criterion of `Criterion` and
    /// better on one. Differences under 1e-6 relative (or half a currency unit, t or FTE-year)
    /// count as ties. Money moved between the public budget and the firms lowers one of
    /// `publicCost` and `privateGain` as it raises the other, so an option that only moves money
    /// never dominates one with the same design.
    public var dominance: [(better: Int, worse: Int)] {
        var pairs: [(Int, Int)] = []
        for a in options.indices {
            for b in options.indices where a != b {
                guard options[a].design != nil, options[b].design != nil else { continue }
                var strictly = false, weakly = true
                for criterion in Criterion.allCases {
                    guard let x = criterion.value(options[a]), let y = criterion.value(options[b]) else { continue }
                    let tolerance = max(0.5, 1e-6 * max(abs(x), abs(y)))
                    let difference = criterion.isBenefit ? x - y : y - x
                    if difference < -tolerance { weakly = false }
                    if difference > tolerance { strictly = true }
                }
                if weakly && strictly { pairs.append((a, b)) }
            }
        }
        return pairs
    }
}

/// Per-option results filled in by worker threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<OptimizationResult, SolverError>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<OptimizationResult, SolverError>) { lock.withLock { values[index] = value } }
    func value(_ index: Int) -> Result<OptimizationResult, SolverError>? { lock.withLock { values[index] } }

    /// Hands out indices `0..<count` once each.
    final class Queue: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        init(count: Int) { self.count = count }
        func next() -> Int? {
            lock.withLock {
                guard nextIndex < count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }
    }
}
