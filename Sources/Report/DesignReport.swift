import Analysis
import Foundation
import Formulation
import MILP
import Scenario

/// Renders an `OptimizationResult` as a readable table, JSON or CSV.
public struct DesignReport {
    public let scenario: Scenario
    public let policy: String?
    public let result: OptimizationResult

    public init(scenario: Scenario, policy: String?, result: OptimizationResult) {
        self.scenario = scenario
        self.policy = policy
        self.result = result
    }

    /// The status word users and scripts read: `optimal`, `time_limit`, `infeasible`, ...
    public var status: String { StatusWord.of(result.termination, hasDesign: result.design != nil) }

    /// The lines `solve` writes to standard error besides the report: why there is no design
    /// (the requirements to relax, or the columns that run away) and numerical warnings.
    public func diagnostics() -> [String] {
        var lines: [String] = []
        if let explanation = result.infeasibility {
            if !explanation.requirements.isEmpty {
                lines.append("infeasible: no design meets every requirement; relax "
                             + (explanation.provenSmallest ? "these (the smallest set):" : "these:"))
                lines += explanation.requirements.map { "  \($0.message)" }
            }
            if let note = explanation.note { lines.append("note: \(note)") }
        }
        if result.termination == .unbounded {
            lines.append(result.runaway.isEmpty
                ? "unbounded: the objective grows without limit"
                : "unbounded: the objective grows without limit as " + result.runaway.prefix(5).joined(separator: ", ")
                    + (result.runaway.count > 5 ? " (and \(result.runaway.count - 5) more)" : "") + " run away")
        }
        lines += result.numerics?.warnings ?? []
        return lines
    }

    /// The lines `solve --verbose` writes to standard error: per cut family of the final
    /// solve, its calls at the root, the cuts it added and the seconds it took.
    public func solverLines() -> [String] {
        var lines = ["solver: \(result.solverName), \(result.nodes) nodes, " + String(format: "%.2f s", result.seconds)]
        lines += result.cuts.map { family in
            "cuts \(family.name): \(family.calls) calls, \(family.cuts) cuts, " + String(format: "%.3f s", family.seconds)
        }
        lines += result.phases.map { phase in
            "time \(phase.name): \(phase.count)×, " + String(format: "%.3f s", phase.seconds)
        }
        return lines
    }

    // MARK: JSON

    /// The JSON document of `solve --format json` (keys in docs/model.md).
    public func json() -> String {
        var root: [String: Any] = [
            "scenario": scenario.name,
            "policy": policy ?? AppliedPolicy.statusQuoName,
            "status": status,
            "currency": scenario.currency,
            "solver": ["name": result.solverName, "seconds": result.seconds, "nodes": result.nodes,
                       "rows": result.rows, "columns": result.columns, "binaries": result.binaries,
                       "cuts": result.cuts.map { ["name": $0.name, "calls": $0.calls, "cuts": $0.cuts, "seconds": $0.seconds] as [String: Any] },
                      ] as [String: Any],
        ]
        root["mip_objective"] = result.mipObjective ?? NSNull()
        // Currency units per model money unit: `mip_objective` and `payoff_table` are in it.
        root["model_money_unit"] = ParkData.moneyUnit(for: scenario)
        root["best_bound"] = result.bestBound ?? NSNull()
        root["gap"] = result.gap ?? NSNull()
        root["root_relaxation"] = result.rootRelaxation ?? NSNull()
        let weights = result.objectiveWeights
        root["objective_weights"] = ["economic": weights.economic, "environmental": weights.environmental, "social": weights.social]
        root["payoff_approximate"] = result.payoffApproximate
        root["objective_used"] = result.lexicographic != nil ? "lexicographic"
            : result.payoff?.fellBackToEconomic == true ? "economic (fallback)"
            : (result.payoff == nil ? "single" : "weighted")
        if let run = result.lexicographic {
            root["lexicographic"] = [
                "order": run.order.map(\.rawValue), "tolerance": run.tolerance, "complete": run.complete,
                "stages": run.stages.map { stage -> [String: Any] in
                    ["objective": run.order[stage.objective].rawValue, "status": StatusWord.of(stage.termination, hasDesign: stage.optimum != nil),
                     "optimum": stage.optimum ?? NSNull(), "kept_at_least": stage.bound ?? NSNull()]
                },
            ] as [String: Any]
        }
        if let table = result.payoff {
            // One entry per row solved: a table that fell back to the economic objective has
            // fewer rows than objectives (the row that found no design and those after it).
            root["payoff_table"] = zip(table.objectives, table.values).map { kind, row in
                ["optimized": kind.rawValue,
                 "values": Dictionary(uniqueKeysWithValues: zip(table.objectives.map(\.rawValue), row))] as [String: Any]
            }
        }
        if let explanation = result.infeasibility {
            root["infeasibility"] = explanation.requirements.map { ["requirement": $0.requirement, "message": $0.message] }
            root["infeasibility_proven_smallest"] = explanation.provenSmallest
            if let note = explanation.note { root["infeasibility_note"] = note }
        }
        if !result.runaway.isEmpty { root["runaway"] = result.runaway }
        if let numerics = result.numerics {
            if numerics.checked {
                root["verification"] = ["violations": numerics.violations.count, "largest_violation": numerics.largestViolation,
                                        "tolerance": NumericalCheck.tolerance] as [String: Any]
            }
            let warnings = numerics.warnings
            if !warnings.isEmpty { root["numerical_warnings"] = warnings }
        }
        if let design = result.design {
            root["economic"] = ["npv": design.npv, "public_cost": design.publicCost]
            root["environmental"] = ["co2e_avoided": design.co2eAvoided, "waste_diverted": design.wasteDiverted,
                                     "waste_diverted_by_unit": Dictionary(design.wasteDivertedByUnit(in: scenario).map { ($0.unit, $0.amount) }) { a, _ in a },
                                     "virgin_avoided": design.virginAvoided, "water_saved": design.waterSaved] as [String: Any]
            root["social"] = ["jobs_fte_years": design.jobsFTEYears, "companies_participating": design.companiesParticipating]
            root["exchanges"] = design.exchanges.map { exchange -> [String: Any] in
                var item: [String: Any] = [
                    "id": exchange.id, "from": exchange.from, "to": exchange.to, "resource": exchange.resource,
                    "built": exchange.built, "build_year": exchange.buildYear ?? NSNull(),
                    "flows": Dictionary(uniqueKeysWithValues: zip(design.years.map(String.init), exchange.flows)),
                    "transfer": exchange.transfer,
                    "transfer_per_unit": exchange.transferPerUnit ?? NSNull(),
                    "financed_share": exchange.financedShare,
                ]
                if let blocked = exchange.blockedBy { item["blocked_by"] = blocked }
                if let absence = exchange.notBuiltBecause {
                    item["not_built_because"] = ["reason": absence.code, "parameters": absence.parameters,
                                                  "text": absence.sentence(currency: scenario.currency)] as [String: Any]
                }
                return item
            }
            root["facilities"] = design.facilities.map { facility -> [String: Any] in
                ["id": facility.id, "built": facility.built, "build_year": facility.buildYear ?? NSNull(),
                 "activity": Dictionary(uniqueKeysWithValues: zip(design.years.map(String.init), facility.activity)),
                 "financed_share": facility.financedShare]
            }
            root["companies"] = design.companies.map { company -> [String: Any] in
                ["id": company.id, "npv": company.npv, "npv_before_transfers": company.npvBeforeTransfers,
                 "own_capex": company.ownCapex, "financed_capex": company.financedCapex, "participates": company.participates,
                 "benefit_account": company.benefitAccount]
            }
            if let sharing = design.sharing { root["sharing"] = Self.json(sharing, design: design) }
        }
        return JSONText.render(root)
    }

    /// `sharing`: the rule, each player's allocation (NPV after transfers) with its standard
    /// error when sampled, the core violations and the benefit-sharing account's flows.
    static func json(_ sharing: ParkDesign.Sharing, design: ParkDesign) -> [String: Any] {
        let byID = Dictionary(design.companies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return [
            "rule": sharing.rule, "exact": sharing.exact, "samples": sharing.samples,
            "allocation": sharing.players.map { id -> [String: Any] in
                ["id": id, "allocation": byID[id]?.npv ?? 0, "npv_before_transfers": byID[id]?.npvBeforeTransfers ?? 0,
                 "standard_error": sharing.standardErrors[id] ?? NSNull()]
            },
            "core_violations": sharing.coreViolations.map {
                ["coalition": $0.members, "worth": $0.worth, "allocated": $0.allocated] as [String: Any]
            },
            "benefit_account": design.companies.filter { $0.benefitAccount != 0 }.map {
                ["id": $0.id, "received": $0.benefitAccount] as [String: Any]
            },
            "coalition_lps": sharing.coalitionLPs, "failed_lps": sharing.failedLPs, "seconds": sharing.seconds,
        ]
    }
}
