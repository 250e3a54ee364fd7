import Dispatch
import Foundation
import Formulation
import MILP
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

    public var design: ParkDesign? { result.design }

    /// PV of public grants per t CO2e avoided (currency/t); `nil` without CO2e avoided.
    public var publicCostPerTonne: Double? {
        guard let design, design.co2eAvoided > 0 else { return nil }
        return design.publicCost / design.co2eAvoided
    }

    /// Parties with a negative NPV before transfers (they would refuse without the transfers).
    public var losersWithoutTransfers: [ParkDesign.CompanyResult] {
        design?.companies.filter { $0.npvBeforeTransfers < -0.5 } ?? []
    }
}

/// The criteria options are ranked and compared on.
public enum Criterion: String, Sendable, CaseIterable {
    case npv, co2eAvoided, jobs, publicCost, probabilityOfLoss

    /// Whether more is better.
    public var isBenefit: Bool { self == .npv || self == .co2eAvoided || self == .jobs }

    public func value(_ option: PolicyOption) -> Double? {
        guard let design = option.design else { return nil }
        switch self {
        case .npv: return design.npv
        case .co2eAvoided: return design.co2eAvoided
        case .jobs: return design.jobsFTEYears
        case .publicCost: return design.publicCost
        case .probabilityOfLoss: return option.risk?.tally.npv.summary?.probabilityNegative
        }
    }
}

/// Policy options side by side: each solved, its design simulated, then ranked.
public struct PolicyComparison: Sendable {
    public var options: [PolicyOption]
    /// The scenario's objective weights used for the ranking (economic, environmental, social).
    public var weights: (economic: Double, environmental: Double, social: Double)

    /// Solves every option (several at once on `threads` threads; each solve is one lp_solve
    /// model), then simulates each design with `settings` (all threads per simulation).
    /// `scenarios` are (policy expression, scenario with the policy applied) pairs.
    public static func run(_ scenarios: [(name: String, scenario: Scenario)], optimizer: ParkOptimizer,
                           settings: SimulationSettings?, threads: Int,
                           progress: @escaping @Sendable (String) -> Void = { _ in },
                           shouldStop: @escaping @Sendable () -> Bool = { false }) throws(SimulationError) -> PolicyComparison {
        let results = Results(count: scenarios.count)
        let queue = Results.Queue(count: scenarios.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, scenarios.count))) { _ in
            while let index = queue.next(), !shouldStop() {
                let (name, scenario) = scenarios[index]
                progress("solving \(name)")
                do throws(SolverError) {
                    results.set(index, .success(try optimizer.optimize(scenario)))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        var options: [PolicyOption] = []
        for (index, (name, scenario)) in scenarios.enumerated() {
            guard let outcome = results.value(index) else { throw .solver("stopped before \(name) was solved") }
            let result: OptimizationResult
            switch outcome {
            case let .success(found): result = found
            case let .failure(error): throw .solver("\(name): \(error)")
            }
            var option = PolicyOption(name: name, description: Self.describe(name, scenario), scenario: scenario, result: result, risk: nil)
            if let settings, scenario.uncertainty != nil, let design = result.design, !shouldStop() {
                progress("simulating \(name)")
                let data = ParkData(scenario)
                let plan = BuildPlan(design: design, data: data)
                let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings)
                    .run(shouldStop: shouldStop)
                let header = SimulationHeader(scenario: scenario, policy: name, settings: settings, design: design)
                option.risk = SimulationResult(header: header, tally: run.tally, partial: run.stopped)
            }
            options.append(option)
        }
        let w = scenarios.first?.scenario.objectives
        return PolicyComparison(options: options, weights: (w?.economic ?? 1, w?.environmental ?? 0, w?.social ?? 0))
    }

    static func describe(_ name: String, _ scenario: Scenario) -> String {
        let parts = name.split(separator: "+").map(String.init)
        return parts.compactMap { part in scenario.policies.first { $0.id == part }?.description }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Options by score, best first: `Σ_k w_k (x_k − min_k)/(max_k − min_k)` over NPV, CO2e and
    /// jobs (the scenario's objective weights), min and max taken across the options (a
    /// criterion on which all options tie adds nothing). Options without a design come last.
    public var ranking: [(option: Int, score: Double)] {
        let criteria: [(Criterion, Double)] = [(.npv, weights.economic), (.co2eAvoided, weights.environmental), (.jobs, weights.social)]
        var scores = [Double](repeating: 0, count: options.count)
        for (criterion, weight) in criteria where weight > 0 {
            let values = options.map { criterion.value($0) }
            let known = values.compactMap { $0 }
            guard let low = known.min(), let high = known.max(), high - low > 1e-9 * max(1, abs(high)) else { continue }
            for (i, value) in values.enumerated() { if let value { scores[i] += weight * (value - low) / (high - low) } }
        }
        return options.indices.map { ($0, options[$0].design == nil ? -Double.infinity : scores[$0]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Pairs (a, b) where option a is at least as good as b on every criterion and better on
    /// one (NPV, CO2e, jobs higher; public cost and probability of loss lower; a criterion
    /// either lacks is skipped). Differences under 1e-6 relative count as ties.
    public var dominance: [(better: Int, worse: Int)] {
        var pairs: [(Int, Int)] = []
        for a in options.indices {
            for b in options.indices where a != b {
                guard options[a].design != nil, options[b].design != nil else { continue }
                var strictly = false, weakly = true
                for criterion in Criterion.allCases {
                    guard let x = criterion.value(options[a]), let y = criterion.value(options[b]) else { continue }
                    let tolerance = 1e-6 * max(1, abs(x), abs(y))
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
