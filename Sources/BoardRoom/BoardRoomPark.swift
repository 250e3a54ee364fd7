import Analysis
import Formulation
import Foundation
import MILP
import Report
import Scenario

/// The park the board room serves: the scenario file, its levers, and the one status quo every
/// setting is judged against (`PolicyAppraisal`, as in `compare`).
public struct BoardRoomPark: Sendable {
    /// The scenario file as given.
    public let file: String
    /// The scenario without any policy.
    public let base: Scenario
    public let levers: [Lever]
    public let appraisal: PolicyAppraisal
    /// Solver settings of every evaluation (part of the cache key).
    public let solveOptions: SolveOptions
    /// Solve time limit per evaluation, seconds.
    public let timeLimit: Double
    /// The MILP solver every evaluation runs on (the CLI chooses it: `Backend.solver`).
    public let backend: any SolverBackend

    /// Loads `file`; throws the loader's `ScenarioError` for an invalid file.
    public init(file: String, backend: any SolverBackend, timeLimit: Double = 120) throws(ScenarioError) {
        self.file = file
        self.backend = backend
        base = try Scenario.load(contentsOf: file).scenario
        levers = Lever.levers(of: base)
        let defined = base.policies.map(\.id)
        let statusQuo = try base.appraisal.statusQuo.map { name throws(ScenarioError) in
            try Scenario.load(contentsOf: file, policy: AppliedPolicy(spec: name, defined: defined).spec).scenario
        }
        appraisal = PolicyAppraisal(base: base, statusQuo: statusQuo)
        self.timeLimit = timeLimit
        var options = ParkOptimizer.defaultOptions
        options.timeLimit = timeLimit
        solveOptions = options
    }

    /// The words of the cache key besides the scenario's digest: the solver settings, samples and
    /// the answer's format (`BoardRoom.answerFormat`: a run recorded by an older server, whose
    /// answer lacks what the page now reads, is not taken as a cached answer).
    func optionLines(samples: Int) -> [String] {
        ["--samples", String(samples), "--time-limit", BoardSetting.number(timeLimit), "--search", "best-bound",
         "--answer", "board-room-\(BoardRoom.answerFormat)"]
    }

    /// Solves `scenario` (the setting's park), starting from `startPoints` (points of settings
    /// solved before, `ParkOptimizer.startPoints`; the result's `points` start the next).
    /// Returns nil when `shouldStop` cut it short (a newer request superseded it).
    func solve(_ scenario: Scenario, startPoints: [[Double]] = [],
               shouldStop: @escaping @Sendable () -> Bool) throws -> OptimizationResult? {
        var options = solveOptions
        options.shouldStop = shouldStop
        let result: OptimizationResult
        do {
            var optimizer = ParkOptimizer(backend: backend, options: options)
            optimizer.startPoints = startPoints
            result = try optimizer.optimize(scenario)
        } catch {
            throw BoardRoomSolveError(message: "\(error)")
        }
        return shouldStop() ? nil : result
    }

    /// The evaluation of a solved setting: `solve --format json`'s result, the design judged
    /// against the status quo, the map, and `samples` Monte Carlo paths of the design (none when
    /// the scenario has no uncertainty), in `language`. Nil when `shouldStop` cut it short.
    func describe(_ setting: BoardSetting, scenario: Scenario, result: OptimizationResult, samples: Int,
                  language: ReportLanguage = .en, shouldStop: @escaping @Sendable () -> Bool) throws -> [String: Any]? {
        let option = PolicyOption(named: setting.title, scenario: scenario, result: result,
                                  appraisal: result.design.map { appraisal.appraise(scenario, design: $0) })
        let report = DesignReport(scenario: scenario, policy: setting.policyName, result: result)
        guard var root = (try? JSONSerialization.jsonObject(with: Data(report.json().utf8))) as? [String: Any] else {
            throw BoardRoomSolveError(message: "the design's JSON could not be read")
        }
        if let design = result.design, var exchanges = root["exchanges"] as? [[String: Any]] {
            // The resource's name and why a link is not built in the page's language
            // (`LinkAbsence.sentence(_:in:)`); the reason's kind and parameters as `solve` gives them.
            let absences = Dictionary(design.exchanges.compactMap { e in e.notBuiltBecause.map { (e.id, $0) } }, uniquingKeysWith: { a, _ in a })
            for i in exchanges.indices {
                if let resource = exchanges[i]["resource"] as? String { exchanges[i]["resource_name"] = language.resource(resource, in: scenario) }
                // A forbidden permit (`ExchangeResult.blockedBy`, English) in the page's language.
                if exchanges[i]["blocked_by"] != nil, let id = exchanges[i]["id"] as? String,
                   let result = design.exchanges.first(where: { $0.id == id }),
                   let blocked = result.blockedReason(language, in: scenario) {
                    exchanges[i]["blocked_by"] = blocked
                }
                guard let id = exchanges[i]["id"] as? String, let absence = absences[id],
                      var reason = exchanges[i]["not_built_because"] as? [String: Any] else { continue }
                reason["text"] = absence.sentence(language, in: scenario)
                exchanges[i]["not_built_because"] = reason
            }
            root["exchanges"] = exchanges
        }
        let named = words(for: setting, language: language)
        root["setting"] = ["policies": setting.policies, "overrides": setting.overrides, "title": setting.title, "words": named] as [String: Any]
        root["levers"] = Dictionary(uniqueKeysWithValues: levers.compactMap { l in Lever.value(of: l.key, in: scenario).map { (l.key, $0) } })
        root["map_svg"] = ParkMap.svg(option, title: named, language: language)
        if let a = option.appraisal {
            root["accounts"] = [
                "firms": a.firmsTotal, "operator": a.operatorGain, "public_budget": a.publicAccount,
                "externalities": a.externalities, "society": a.society,
                "grants": a.publicCost.grants, "interest_subsidy": a.publicCost.interestSubsidy,
                "fee_revenue_change": a.publicCost.feeRevenueChange, "carbon_revenue_change": a.publicCost.carbonRevenueChange,
                "public_cost_net": a.publicCost.net, "co2e_avoided": a.co2eAvoided,
                "carbon_value": a.carbonValue, "landfill_value": a.landfillValue, "water_value": a.waterValue,
                "reference": appraisal.statusQuoName,
            ] as [String: Any]
            root["firm_gains"] = a.firms.map { ["id": $0.id, "gain": $0.gain] as [String: Any] }
        }
        if let design = result.design, let uncertainty = scenario.uncertainty, samples > 0 {
            let settings = SimulationSettings(samples: samples, seed: uncertainty.seed, threads: 1)
            let plan = BuildPlan(design: design, data: ParkData(scenario))
            var simulation = try MonteCarlo(scenario: scenario, plan: plan, weights: result.objectiveWeights, settings: settings,
                                            backend: backend)
            simulation.statusQuo = appraisal.simulationReference
            let run = try simulation.run(shouldStop: shouldStop)
            if run.stopped { return nil }
            let header = SimulationHeader(scenario: scenario, policy: setting.policyName, settings: settings, design: design)
            var risk: [String: Any] = ["samples": samples, "seed": uncertainty.seed]
            if let s = run.tally.npv.summary {
                risk["npv"] = ["p10": s.p10, "p50": s.p50, "p90": s.p90, "mean": s.mean, "probability_of_loss": s.probabilityNegative]
            }
            if run.tally.accountGain.count == header.accounts.count {
                risk["gains"] = zip(header.accounts, run.tally.accountGain).compactMap { id, d -> [String: Any]? in
                    guard let s = d.summary else { return nil }
                    return ["id": id, "p10": s.p10, "p50": s.p50, "p90": s.p90, "probability_of_loss": s.probabilityNegative]
                }
            }
            root["risk"] = risk
        }
        return root
    }
}

/// The solver failed on a setting (HTTP 500 with this message; the server goes on).
public struct BoardRoomSolveError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
