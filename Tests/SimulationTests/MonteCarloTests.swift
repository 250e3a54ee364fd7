import Analysis
import Formulation
import Foundation
import LPSolve
import Report
import Scenario
import Testing
import TestSupport

/// Whole simulations: a closed form, and results independent of threads and shards.
@Suite struct MonteCarloTests {
    static func tiny(_ policy: String? = "legal_reform") throws -> (Scenario, OptimizationResult, BuildPlan) {
        let scenario = try Scenario.load(contentsOf: TestSupport.scenario("tiny.yaml"), policy: policy).scenario
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        return (scenario, result, BuildPlan(design: design, data: ParkData(scenario)))
    }

    static func json(_ scenario: Scenario, _ result: OptimizationResult, _ plan: BuildPlan, _ settings: SimulationSettings) throws -> String {
        let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings, backend: LPSolver()).run()
        let header = SimulationHeader(scenario: scenario, policy: "legal_reform", settings: settings, design: result.design!)
        return SimulationReport(result: SimulationResult(header: header, tally: run.tally, partial: run.stopped)).json()
    }

    /// A link that runs at capacity in every sample makes the NPV linear in the uncertain
    /// price, so its mean is the NPV along the mean path `E[M_t] = e^{μt}`.
    @Test func meanNPVMatchesTheClosedFormWhenLinearInThePrice() throws {
        let mu = 0.04
        let scenario = try PathSamplerTests.park(uncertainty: """
          prices: {clinker: {model: gbm, drift: \(mu), volatility: 0.25}}
          volumes: {capex: {model: triangular, low: 0.9, mode: 1.0, high: 1.5}}
        """)
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        let data = ParkData(scenario)
        let plan = BuildPlan(design: design, data: data)
        #expect(plan.exchanges.compactMap { $0 }.count == 1)
        let settings = SimulationSettings(samples: 4000, seed: 9, threads: 2)
        let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings, backend: LPSolver()).run()
        let npv = try #require(run.tally.npv.summary)
        #expect(run.tally.carriedYears == run.tally.operatingYears, "the link runs in every operating year of every sample")

        var mean = RealizedPath()
        mean.price["clinker"] = (0..<data.years).map { exp(mu * Double($0)) }
        mean.capex = Array(repeating: (0.9 + 1.0 + 1.5) / 3, count: data.years)   // triangular mean
        let expected = data.along(mean)
        let flows = expected.exchanges.map { $0.flowBound }
        let closedForm = plan.outcome(data: expected, flows: flows, activity: [[Double]]()).npv
        #expect(abs(npv.mean - closedForm) < 3 * npv.standardError, "mean \(npv.mean) ± \(npv.standardError) vs \(closedForm)")
    }

    @Test func resultsDoNotDependOnThreadsOrShards() throws {
        let (scenario, result, plan) = try Self.tiny()
        for method in SamplingMethod.allCases {
            var settings = SimulationSettings(samples: 300, seed: 17, method: method, threads: 1)
            let one = try Self.json(scenario, result, plan, settings)
            settings.threads = 2
            #expect(try Self.json(scenario, result, plan, settings) == one, "\(method): 2 threads")

            var parts: [SimulationResult] = []
            for shard in [2, 0, 3, 1] {
                var part = settings
                part.shardIndex = shard
                part.shardCount = 4
                let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: part, backend: LPSolver()).run()
                let header = SimulationHeader(scenario: scenario, policy: "legal_reform", settings: settings, design: result.design!)
                // Through the part file format, as `merge` reads it.
                let file = SimulationReport.partFile(SimulationResult(header: header, tally: run.tally, partial: false))
                let path = TestSupport.temporaryFile(suffix: ".json")
                try file.write(toFile: path, atomically: true, encoding: .utf8)
                parts.append(try SimulationReport.readPart(path))
            }
            let merged = try SimulationResult.merge(parts)
            #expect(merged.isComplete)
            #expect(SimulationReport(result: merged).json() == one, "\(method): 4 shards merged")
            #expect(throws: SimulationError.self) { try SimulationResult.merge([parts[0], parts[0]]) }
        }
    }

    @Test func stoppingEarlyGivesAPartialTally() throws {
        let (scenario, result, plan) = try Self.tiny()
        let settings = SimulationSettings(samples: 1000, seed: 1, threads: 1)
        let calls = Counter()
        let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings, backend: LPSolver())
            .run(shouldStop: { calls.increment() > 150 })
        #expect(run.stopped)
        #expect(run.tally.samples < 1000 && run.tally.samples > 0)
        #expect(run.tally.samples % SimulationSettings.blockSize == 0, "only whole blocks are kept")
    }

    /// Issue 20 (5): a tally's size does not grow with the samples. 6,400 blocks merged as
    /// threads finish them (neighbours swapped) encode to about the size of 100 blocks: no list
    /// of blocks, no moments per block.
    @Test func tallySizeDoesNotGrowWithTheSamples() throws {
        func tally(blocks: Int) throws -> SimulationTally {
            var total = SimulationTally(accounts: 3, exchanges: 2, years: 4, blockSize: SimulationSettings.blockSize)
            for index in 0..<blocks {
                let block = (index ^ 1) < blocks ? index ^ 1 : index
                var part = SimulationTally(accounts: 3, exchanges: 2, years: 4, blockSize: SimulationSettings.blockSize)
                for sample in (block * 64)..<(block * 64 + 64) {
                    let x = 1_000 + Double(sample % 97)
                    for keyPath in [\SimulationTally.npv, \.co2eAvoided, \.jobs, \.wasteDiverted, \.waterSaved] {
                        part[keyPath: keyPath].add(x, sample: sample)
                    }
                    for a in 0..<3 { part.accountNPV[a].add(x - 500, sample: sample) }
                    for t in 0..<4 { part.cashFlow[t].add(x * Double(t), sample: sample) }
                }
                part.blocks = BlockRanges(block..<(block + 1))
                try total.merge(part)
            }
            return total
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let small = try encoder.encode(tally(blocks: 100)).count
        let large = try tally(blocks: 6_400)
        #expect(large.samples == 6_400 * 64)
        #expect(large.blocks == BlockRanges(0..<6_400))
        #expect(large.npv.moments.storedNodes <= 14)
        #expect(try encoder.encode(large).count < small * 3 / 2, "\(small) bytes for 100 blocks")
        #expect(large.npv.runningMean.count <= 14)
    }

    /// Shard arithmetic holds up to the largest study and any shard count, without overflow.
    @Test func shardBlocksDoNotOverflow() {
        var settings = SimulationSettings(samples: SimulationSettings.maximumSamples, seed: 1)
        #expect(settings.blockCount == (1 << 32) / 64)
        settings.shardCount = Int.max
        settings.shardIndex = Int.max - 1
        #expect(settings.shardBlocks == (settings.blockCount - 1)..<settings.blockCount)
        settings.shardIndex = 0
        #expect(settings.shardBlocks.isEmpty)
        #expect(settings.shardSamples == 0)
    }

    @Test func reoptimizedDesignsCountBuildsAndYears() throws {
        let (scenario, result, plan) = try Self.tiny()
        let settings = SimulationSettings(samples: 40, seed: 3, mode: .reoptimize, threads: 2)
        let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings, backend: LPSolver()).run()
        #expect(run.tally.samples == 40)
        for e in run.tally.built.indices {
            #expect(run.tally.buildYears[e].reduce(0, +) == run.tally.built[e])
            #expect(run.tally.built[e] <= 40)
        }
        #expect(run.tally.built.reduce(0, +) > 0)
    }

    /// Re-optimized samples share each sample's gain by the scenario's rule, as `solve` does.
    /// tiny under legal_reform has one link between two firms, neither worth anything alone, so
    /// under `sharing: {rule: shapley}` each firm ends every sample at half the sample's park NPV
    /// (v({i}) = 0, φ_i = v(N)/2), and the operator at 0. Under `minimal` the smallest win-win
    /// transfers leave one firm's NPV where it is: in samples where both gain before transfers
    /// they move nothing, so the two firms' NPVs differ (not half each).
    @Test func reoptimizedSamplesFollowTheSharingRule() throws {
        let (base, result, plan) = try Self.tiny()
        var scenario = base
        var halves = 0, samplesWithLink = 0
        for rule in [SharingSettings.Rule.shapley, .minimal] {
            scenario.sharing.rule = rule
            let settings = SimulationSettings(samples: 24, seed: 5, mode: .reoptimize, threads: 2)
            let run = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings, backend: LPSolver())
                .run(keepSamples: true)
            #expect(run.samples.count == 24)
            let cement = try #require(scenario.companies.firstIndex { $0.id == "cement_grinding" })
            let power = try #require(scenario.companies.firstIndex { $0.id == "power_plant" })
            var equal = 0
            for sample in run.samples {
                let npv = sample.values[0], after = Array(sample.values.dropFirst(3))
                guard abs(npv) > 1 else { continue }
                if rule == .shapley {
                    samplesWithLink += 1
                    #expect(abs(after[cement] - npv / 2) < 1e-3 * max(1, abs(npv)), "sample \(sample.sample): \(after[cement]) vs \(npv / 2)")
                    #expect(abs(after[power] - npv / 2) < 1e-3 * max(1, abs(npv)), "sample \(sample.sample)")
                    #expect(abs(after.last ?? 0) < 1e-6)
                }
                if abs(after[cement] - after[power]) < 1e-3 * abs(npv) { equal += 1 }
            }
            if rule == .shapley { halves = equal } else { #expect(equal < halves, "minimal: \(equal) samples split in halves") }
        }
        #expect(samplesWithLink > 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
