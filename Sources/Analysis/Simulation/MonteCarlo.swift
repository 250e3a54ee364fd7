import Dispatch
import Foundation
import Formulation
import MILP
import Sampling
import Scenario

/// What each sample of a simulation does with the design.
public enum SimulationMode: String, Sendable, Codable, CaseIterable {
    /// The deterministic design's build decisions are kept; each year's flows are re-optimized
    /// for the sample's prices and volumes (`OperatingModel`).
    case fixed
    /// The whole MIP is solved again for each sample (wait-and-see): how often each exchange
    /// is built, and when.
    case reoptimize
    /// A design chosen for many sampled paths at once (`StochasticDesign`), compared with the
    /// deterministic design on fresh paths.
    case stochastic
}

/// How many samples, drawn how, on how many threads, and which part of the work.
public struct SimulationSettings: Sendable, Codable, Equatable {
    public var samples: Int
    public var seed: UInt64
    public var method: SamplingMethod
    public var mode: SimulationMode
    /// Worker threads (results do not depend on it).
    public var threads: Int
    /// This run's part, `index` in `0..<count`, when the work is split over machines.
    public var shardIndex: Int
    public var shardCount: Int
    /// Seconds allowed for each sample's MIP in `reoptimize` mode.
    public var sampleTimeLimit: Double?

    public init(samples: Int, seed: UInt64, method: SamplingMethod = .mc, mode: SimulationMode = .fixed,
                threads: Int = 1, shardIndex: Int = 0, shardCount: Int = 1, sampleTimeLimit: Double? = nil) {
        self.samples = samples; self.seed = seed; self.method = method; self.mode = mode
        self.threads = threads; self.shardIndex = shardIndex; self.shardCount = shardCount
        self.sampleTimeLimit = sampleTimeLimit
    }

    /// Samples per block: the unit of work, of sharding and of the moments' fold order.
    public static let blockSize = 64

    /// The largest number of samples of a study: 2³² = 4,294,967,296. Every sampling method
    /// computes a sample from a 32-bit index (Philox counter word, Sobol point index, Latin
    /// hypercube strata), so more samples would repeat draws; at the ~10⁴–10⁵ samples per
    /// second of a small park it is already days of work for one machine.
    public static let maximumSamples = SampleLimits.maximumSamples

    public var blockCount: Int { samples <= 0 ? 0 : (samples - 1) / Self.blockSize + 1 }

    /// The blocks of this shard: a contiguous run, the shards together covering every block once.
    public var shardBlocks: Range<Int> {
        StudyShard(index: shardIndex, count: shardCount).range(of: blockCount)
    }

    /// The number of samples in this shard's blocks.
    public var shardSamples: Int {
        let blocks = shardBlocks
        return Swift.max(0, Swift.min(samples, blocks.upperBound * Self.blockSize) - blocks.lowerBound * Self.blockSize)
    }
}

/// Runs a Monte Carlo simulation of one design (or of re-optimized designs) over the
/// scenario's uncertainty, and tallies the outcomes (`SimulationTally`).
///
/// Samples are grouped in blocks of `SimulationSettings.blockSize`; threads take whole blocks,
/// each thread keeps its own lp_solve model (`OperatingModel`), and the per-thread tallies are
/// merged at the end. Every number a sample uses comes from its index (`PathSampler`), and
/// moments fold in block order, so the result is identical for any thread count or shard
/// layout.
public struct MonteCarlo: Sendable {
    public let scenario: Scenario
    public let plan: BuildPlan
    public let weights: ObjectiveWeights
    public let settings: SimulationSettings
    public let sampler: PathSampler
    /// The solver of the operating LPs and re-optimized samples.
    public let backend: any SolverBackend
    /// When set, each account's gain against this status quo is measured along every path
    /// (`SimulationTally.accountGain`): the same path for the option and the status quo.
    public var statusQuo: StatusQuoReference?

    public init(scenario: Scenario, plan: BuildPlan, weights: ObjectiveWeights, settings: SimulationSettings,
                backend: any SolverBackend) throws(SimulationError) {
        self.scenario = scenario
        self.backend = backend
        self.plan = plan
        self.weights = weights
        self.settings = settings
        sampler = try PathSampler(scenario: scenario, method: settings.method, samples: settings.samples, seed: settings.seed)
    }

    /// What a run gives back.
    public struct Run: Sendable {
        public var tally: SimulationTally
        /// `shouldStop` cut the run short: the tally covers only the blocks finished.
        public var stopped: Bool
        /// Per sample, in sample order (only with `keepSamples`): park NPV, CO2e, jobs, then
        /// each account's NPV after transfers.
        public var samples: [(sample: Int, values: [Double])]
    }

    /// The tally of this run's shard, and whether `shouldStop` cut it short.
    /// `progress` is called (from worker threads) with the number of samples done so far.
    public func run(keepSamples: Bool = false, progress: @escaping @Sendable (Int) -> Void = { _ in },
                    shouldStop: @escaping @Sendable () -> Bool = { false }) throws(SimulationError) -> Run {
        let blocks = settings.shardBlocks
        // Finished blocks are merged into one tally as they come: its moments keep O(log n)
        // nodes (`BlockedMoments`), so memory does not grow with the samples.
        let shared = WorkQueue(blocks: blocks, tally: emptyTally())
        let threads = max(1, min(settings.threads, blocks.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            do {
                var worker = try Worker(simulation: self, keepSamples: keepSamples)
                while let block = shared.next(), !shouldStop() {
                    let range = (block * SimulationSettings.blockSize)..<min(settings.samples, (block + 1) * SimulationSettings.blockSize)
                    var completed = true
                    worker.startBlock()
                    for sample in range {
                        if shouldStop() { completed = false; break }
                        try worker.run(sample: sample)
                        progress(shared.done(1))
                    }
                    // Only whole blocks count: a stopped run reports what it finished.
                    if completed { try shared.finish(worker.finishBlock(block)) } else { shared.markIncomplete() }
                }
            } catch {
                shared.fail(error)
            }
        }
        if let failure = shared.failure { throw failure }
        let tally = shared.tally
        return Run(tally: tally, stopped: shared.incomplete || tally.blocks.count < blocks.count,
                   samples: shared.samples.sorted { $0.sample < $1.sample })
    }

    func emptyTally() -> SimulationTally {
        var tally = SimulationTally(accounts: scenario.companies.count + 1, exchanges: plan.exchanges.count,
                                    years: max(0, scenario.horizonYears), blockSize: SimulationSettings.blockSize)
        if statusQuo != nil {
            tally.accountGain = Array(repeating: Distribution(blockSize: SimulationSettings.blockSize), count: scenario.companies.count + 1)
        }
        return tally
    }

    /// One thread's state: its operating model and its tally.
    struct Worker {
        let simulation: MonteCarlo
        let operating: OperatingModel?
        /// The block in progress.
        var tally: SimulationTally
        var samples: [(sample: Int, values: [Double])] = []
        let jobs: Double
        let keepSamples: Bool
        /// The park at the scenario's values; each sample is this park along its path.
        let base: ParkData

        init(simulation: MonteCarlo, keepSamples: Bool) throws(SimulationError) {
            self.simulation = simulation
            self.keepSamples = keepSamples
            let base = ParkData(simulation.scenario)
            do {
                operating = simulation.settings.mode != .reoptimize
                    ? try OperatingModel(plan: simulation.plan, data: base, weights: simulation.weights, backend: simulation.backend) : nil
            } catch { throw .solver("\(error)") }
            tally = simulation.emptyTally()
            jobs = simulation.plan.jobs(data: base)
            self.base = base
        }

        mutating func startBlock() {
            tally = simulation.emptyTally()
            samples = []
        }

        /// The finished block's tally and kept samples.
        func finishBlock(_ block: Int) -> (tally: SimulationTally, samples: [(sample: Int, values: [Double])]) {
            var tally = self.tally
            tally.blocks = BlockRanges(block..<(block + 1))
            return (tally, samples)
        }

        mutating func run(sample: Int) throws(SimulationError) {
            let data = base.along(simulation.sampler.path(sample: sample))
            let plan: BuildPlan
            let flows: [[Double]], activity: [[Double]]
            let jobs: Double
            switch simulation.settings.mode {
            case .fixed, .stochastic:
                plan = simulation.plan
                do { (flows, activity) = try operating!.operate(data) } catch { throw .solver("sample \(sample): \(error)") }
                jobs = self.jobs
            case .reoptimize:
                let design = try simulation.reoptimize(data, sample: sample)
                plan = BuildPlan(design: design, data: data)
                let index = Dictionary(design.exchanges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                flows = data.exchanges.map { index[$0.exchange.id]?.flows ?? [] }
                activity = design.facilities.map(\.activity)
                jobs = design.jobsFTEYears
                for (e, choice) in plan.exchanges.enumerated() {
                    guard let choice else { continue }
                    tally.built[e] += 1
                    if choice.year < tally.buildYears[e].count { tally.buildYears[e][choice.year] += 1 }
                }
            }
            let outcome = plan.outcome(data: data, flows: flows, activity: activity)
            tally.npv.add(outcome.npv, sample: sample)
            tally.co2eAvoided.add(outcome.co2eAvoided, sample: sample)
            tally.jobs.add(jobs, sample: sample)
            tally.wasteDiverted.add(outcome.wasteDiverted, sample: sample)
            tally.waterSaved.add(outcome.waterSaved, sample: sample)
            let after = plan.afterTransfers(outcome.accountNPV)
            for (a, value) in after.enumerated() { tally.accountNPV[a].add(value, sample: sample) }
            if let statusQuo = simulation.statusQuo {
                // A firm's level (what it pays for everything it produces and needs) under the
                // option's rules and under the status quo's, both along this sample's path.
                let option = data.companyLevels(reference: statusQuo.reference, discount: statusQuo.discount).level
                let before = statusQuo.data.along(data.path)
                    .companyLevels(reference: statusQuo.reference, discount: statusQuo.discount).level
                // At the scenario's rate, like the appraisal's accounts (not a hurdle rate).
                for (a, value) in plan.afterTransfers(outcome.accountNPVAtParkRate).enumerated() {
                    let shift = a < option.count && a < before.count ? option[a] - before[a] : 0
                    tally.accountGain[a].add(value + shift, sample: sample)
                }
            }
            if keepSamples { samples.append((sample, [outcome.npv, outcome.co2eAvoided, jobs] + after)) }
            for (t, value) in outcome.cashFlow.enumerated() { tally.cashFlow[t].add(value, sample: sample) }
            for e in data.exchanges.indices {
                for t in 0..<data.years where plan.operates(exchange: e, year: t, data: data) {
                    tally.operatingYears[e] += 1
                    if outcome.carried[e][t] { tally.carriedYears[e] += 1 }
                }
            }
        }
    }

    /// The design the MIP chooses along one sample's path, with the deterministic run's
    /// objective weights (so that no payoff table is solved per sample), its gain shared by the
    /// scenario's `sharing` rule as `solve` shares it (`BenefitSharing.shared`): the transfers
    /// a sample's firms would sign for that design, not the MILP's arbitrary feasible ones.
    func reoptimize(_ data: ParkData, sample: Int) throws(SimulationError) -> ParkDesign {
        var formulation = ParkFormulation(data: data)
        let objective = formulation.expression(weightedBy: weights)
        formulation.maximize(objective)
        var options = ParkOptimizer.defaultOptions
        options.timeLimit = settings.sampleTimeLimit
        let solution: Solution
        do { solution = try backend.solve(formulation.model, options: options) } catch {
            throw .solver("sample \(sample): \(error)")
        }
        guard solution.hasSolution else {
            throw .solver("sample \(sample): the re-optimized model ended \(solution.statusWord) without a design")
        }
        return BenefitSharing.shared(formulation, values: solution.values, backend: backend)
    }
}

/// Blocks handed to worker threads in increasing order, and the tally of those finished.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextBlock: Int
    private let end: Int
    private var samplesDone = 0
    private(set) var tally: SimulationTally
    private(set) var samples: [(sample: Int, values: [Double])] = []
    private(set) var failure: SimulationError?
    private(set) var incomplete = false

    init(blocks: Range<Int>, tally: SimulationTally) {
        nextBlock = blocks.lowerBound
        end = blocks.upperBound
        self.tally = tally
    }

    func next() -> Int? {
        lock.withLock {
            guard failure == nil, nextBlock < end else { return nil }
            defer { nextBlock += 1 }
            return nextBlock
        }
    }
    func done(_ count: Int) -> Int { lock.withLock { samplesDone += count; return samplesDone } }
    func markIncomplete() { lock.withLock { incomplete = true } }
    func finish(_ block: (tally: SimulationTally, samples: [(sample: Int, values: [Double])])) throws(SimulationError) {
        lock.lock()
        defer { lock.unlock() }
        try tally.merge(block.tally)
        samples += block.samples
    }
    func fail(_ error: Error) {
        lock.withLock {
            if failure == nil { failure = (error as? SimulationError) ?? .solver("\(error)") }
        }
    }
}

/// The status quo a simulation measures gains against (docs/appraisal.md): its park data (along
/// each sample's path), the real costs fees are measured from, and the discount factors every
/// option is priced with.
public struct StatusQuoReference: Sendable {
    public var data: ParkData
    public var reference: [Resource]
    public var discount: [Double]

    public init(data: ParkData, reference: [Resource], discount: [Double]) {
        self.data = data
        self.reference = reference
        self.discount = discount
    }
}
