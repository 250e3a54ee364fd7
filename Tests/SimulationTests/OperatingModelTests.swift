import Analysis
import Formulation
import Foundation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// The yearly operating LPs of a fixed plan against the full model.
@Suite struct OperatingModelTests {
    static func load(_ name: String, policy: String? = nil) throws -> Scenario {
        try Scenario.load(contentsOf: TestSupport.scenario(name), policy: policy).scenario
    }

    /// Operated at the scenario's own numbers, the plan gives back the design `solve` found:
    /// the same NPV per account, CO2e and jobs (the years' LPs have the model's flow rows and
    /// the solved objective's weights, and nothing else binds flows in these scenarios).
    @Test(arguments: [nil, "landfill_tax", "legal_reform", "green_credit", "carbon_price"] as [String?])
    func reproducesTheDesignAtTheScenarioValues(policy: String?) throws {
        let scenario = try Self.load("tiny.yaml", policy: policy)
        let result = try ParkOptimizer(backend: LPSolver()).optimize(scenario)
        let design = try #require(result.design)
        let data = ParkData(scenario)
        let plan = BuildPlan(design: design, data: data)
        let operating = try OperatingModel(plan: plan, data: data, weights: result.objectiveWeights, backend: LPSolver())
        let (flows, activity) = try operating.operate(data)
        let outcome = plan.outcome(data: data, flows: flows, activity: activity)
        #expect(abs(outcome.npv - design.npv) <= 1e-6 * max(1, abs(design.npv)), "\(outcome.npv) vs \(design.npv)")
        #expect(abs(outcome.co2eAvoided - design.co2eAvoided) <= 1e-6 * max(1, design.co2eAvoided))
        for (a, company) in design.companies.enumerated() {
            #expect(abs(outcome.accountNPV[a] - company.npvBeforeTransfers) <= 1e-6 * max(1, abs(company.npvBeforeTransfers)),
                    "\(company.id): \(outcome.accountNPV[a]) vs \(company.npvBeforeTransfers)")
        }
        #expect(plan.jobs(data: data) == design.jobsFTEYears)
    }

    /// Along a random path, the plan's accounts equal the model's own NPV, CO2e and public
    /// expressions evaluated at the same point (the formulation built for that path): the
    /// simulation and the optimization price a design the same way.
    @Test(arguments: [("tiny.yaml", "legal_reform+green_credit"), ("tiny.yaml", "legal_reform"), ("hiep-phuoc.yaml", nil)] as [(String, String?)])
    func accountsMatchTheModelAlongARandomPath(file: String, policy: String?) throws {
        let scenario = try Self.load(file, policy: policy)
        let result = try ParkOptimizer(backend: LPSolver(), single: .economic).optimize(scenario)
        let design = try #require(result.design)
        let base = ParkData(scenario)
        let plan = BuildPlan(design: design, data: base)
        var random = SplitMix64(seed: 11)
        var path = RealizedPath()
        let years = base.years
        func series() -> [Double] { (0..<years).map { _ in Double.random(in: 0.6...1.5, using: &random) } }
        for resource in scenario.resources {
            path.price[resource.id] = series()
            path.disposalCost[resource.id] = series()
        }
        path.carbonPrice = series()
        path.capex = series()
        for company in scenario.companies {
            for item in company.produces + company.needs { path.volume["\(company.id).\(item.resource)"] = series() }
        }
        let data = ParkData(scenario, path: path)
        let operating = try OperatingModel(plan: plan, data: data, weights: result.objectiveWeights, backend: LPSolver())
        let (flows, activity) = try operating.operate(data)
        let outcome = plan.outcome(data: data, flows: flows, activity: activity)

        let formulation = ParkFormulation(data: data)
        var point = [Double](repeating: 0, count: formulation.model.variableCount)
        for (e, choice) in plan.exchanges.enumerated() {
            guard let choice, let y = formulation.build[e][choice.year] else { continue }
            point[y.index] = 1
            point[formulation.chosen[e].index] = 1
            if let l = formulation.loan[e][choice.year] { point[l.index] = choice.financedShare }
            for t in 0..<years where data.exchanges[e].flowBound[t] > 0 {
                point[formulation.flow[e][t].index] = flows[e][t] / data.exchanges[e].flowBound[t]
            }
        }
        for (k, choice) in plan.facilities.enumerated() {
            guard let choice else { continue }
            point[formulation.buildFacility[k][choice.year].index] = 1
            point[formulation.chosenFacility[k].index] = 1
            if let l = formulation.loanFacility[k][choice.year] { point[l.index] = choice.financedShare }
            for t in 0..<years { point[formulation.activity[k][t].index] = activity[k][t] / scenario.facilities[k].capacity }
        }
        // The residual columns at the value the flows give them (residual_value: straight_line).
        point = formulation.withExactResidual(point)
        let money = formulation.moneyUnit
        let npvs = (formulation.companyNPV + [formulation.operatorNPV]).map { $0.value(at: point) * money }
        #expect(plan.exchanges.contains { $0 != nil })
        #expect(abs(outcome.npv - formulation.economic.value(at: point) * money) <= 1e-6 * abs(outcome.npv))
        #expect(abs(outcome.co2eAvoided - formulation.environmental.value(at: point) * ParkFormulation.co2eUnit)
                <= 1e-6 * max(1, abs(outcome.co2eAvoided)))
        for (a, npv) in npvs.enumerated() {
            #expect(abs(outcome.accountNPV[a] - npv) <= 1e-6 * max(1, abs(npv)), "account \(a): \(outcome.accountNPV[a]) vs \(npv)")
        }
        // The operating flows respect the model's rows at the path's volumes.
        let flowRows = ["supply", "need", "balance", "yield", "active"]
        let violations = formulation.model.violations(of: point, tolerance: 1e-6).filter { violation in
            flowRows.contains { violation.place.hasPrefix($0) }
        }
        #expect(violations.isEmpty, "\(violations.prefix(3))")
    }

    /// Exchanges that share no row with another option are operated in closed form; the LP
    /// with every exchange in it gives the same flows along random paths.
    @Test func closedFormAgreesWithTheLP() throws {
        let scenario = try Self.load("hiep-phuoc.yaml")
        let result = try ParkOptimizer(backend: LPSolver(), single: .economic).optimize(scenario)
        let design = try #require(result.design)
        let base = ParkData(scenario)
        let plan = BuildPlan(design: design, data: base)
        let weights = ObjectiveWeights(economic: 0.4, environmental: 0.001)
        let fast = try OperatingModel(plan: plan, data: base, weights: weights, backend: LPSolver())
        let full = try OperatingModel(plan: plan, data: base, weights: weights, closedForm: false, backend: LPSolver())
        let sampler = try PathSampler(scenario: scenario, method: .mc, samples: 20, seed: 5)
        for sample in 0..<20 {
            let data = base.along(sampler.path(sample: sample))
            let (a, _) = try fast.operate(data)
            let (b, _) = try full.operate(data)
            for e in a.indices {
                for t in a[e].indices {
                    #expect(abs(a[e][t] - b[e][t]) <= 1e-6 * max(1, b[e][t]),
                            "sample \(sample) \(data.exchanges[e].exchange.id) year \(t): \(a[e][t]) vs \(b[e][t])")
                }
            }
        }
    }
}
