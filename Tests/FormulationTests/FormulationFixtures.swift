import Analysis
import Formulation
import Foundation
import LPSolve
import MILP
import Scenario
import Testing
import TestSupport

/// Loads a scenario from YAML text (failing the test with the diagnostics on error).
func scenario(yaml: String, policy: String? = nil) throws -> Scenario {
    do { return try Scenario.parse(yaml: yaml, file: "test.yaml", policy: policy).scenario } catch {
        Issue.record("scenario did not load: \(error)")
        throw error
    }
}

func shipped(_ name: String, policy: String? = nil) throws -> Scenario {
    do { return try Scenario.load(contentsOf: TestSupport.scenario(name), policy: policy).scenario } catch {
        Issue.record("\(name) did not load: \(error)")
        throw error
    }
}

/// Checks what every solved design must satisfy, independently of the solver:
/// the point satisfies the model in double precision; nothing flows on an unbuilt exchange or
/// before its build year; forbidden exchanges are never built; under win-win every party
/// ends with NPV ≥ 0; the indicators add up.
func checkInvariants(_ formulation: ParkFormulation, _ solution: Solution, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(formulation.model.violations(of: solution.values, tolerance: 1e-6).isEmpty,
            "\(formulation.model.violations(of: solution.values).prefix(3))", sourceLocation: sourceLocation)
    let design = ParkDesign(formulation, values: solution.values)
    let start = formulation.data.scenario.startYear
    for exchange in design.exchanges {
        if !exchange.built {
            #expect(exchange.flows.allSatisfy { $0 == 0 }, "\(exchange.id) flows unbuilt", sourceLocation: sourceLocation)
            #expect(exchange.transfer == 0, sourceLocation: sourceLocation)
        } else if let year = exchange.buildYear {
            for (t, flow) in exchange.flows.enumerated() where start + t < year {
                #expect(flow == 0, "\(exchange.id) flows before \(year)", sourceLocation: sourceLocation)
            }
        }
        if exchange.blockedBy != nil { #expect(!exchange.built, sourceLocation: sourceLocation) }
        // No idle links (issue 18): a built link carries something.
        if exchange.built, formulation.data.scenario.minUtilization > 0 {
            #expect(exchange.flows.reduce(0, +) > 0, "\(exchange.id) built with no flow", sourceLocation: sourceLocation)
        }
    }
    if formulation.data.scenario.objectives.winWin {
        for party in design.companies {
            #expect(party.npv >= -1e-3, "\(party.id) NPV \(party.npv) under win-win", sourceLocation: sourceLocation)
        }
    }
    let sumAfter = design.companies.map(\.npv).reduce(0, +)
    let sumBefore = design.companies.map(\.npvBeforeTransfers).reduce(0, +)
    // With hurdle rates a firm's NPV is at its own rate, the park's at the scenario's.
    #expect(abs(sumAfter - sumBefore) <= 1e-6 * max(1, abs(sumBefore)), sourceLocation: sourceLocation)
    if !formulation.data.hasHurdleRates {
        #expect(abs(sumBefore - design.npv) <= 1e-6 * max(1, abs(design.npv)), sourceLocation: sourceLocation)
    }
    #expect(design.exchangesBuilt == design.exchanges.filter(\.built).count, sourceLocation: sourceLocation)
}
