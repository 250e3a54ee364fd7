import Formulation
import Foundation
import MILP
import Sampling
import Scenario

/// A tornado bar: one parameter at its low and high value, the others at the scenario's own.
public struct TornadoBar: Sendable {
    public var parameter: SensitivityParameter
    public var low: ParkEvaluation
    public var high: ParkEvaluation
    /// Whether the design (the set of links built) differs from the base design at either end.
    public var switchesDesign: Bool

    /// `|NPV at high − NPV at low|`, infinite when either end has no design.
    public var npvSwingMagnitude: Double {
        let swing = abs(high.npv - low.npv)
        return swing.isNaN ? .infinity : swing
    }
}

/// A break-even level: the smallest value of a lever at which an exchange is built.
public struct BreakEven: Sendable {
    public var parameter: SensitivityParameter
    public var exchange: String
    /// `nil` when the exchange is built at neither or at both ends of the range.
    public var level: Double?
    /// Width of the final bracket (the level is within it).
    public var tolerance: Double
    /// The evaluations just below and just above the level.
    public var below: ParkEvaluation?
    public var above: ParkEvaluation?
    /// `note`'s English, for programs (`sensitivity --format json`); a report words `built` and
    /// `limit` in its own language.
    public var note: String
    /// Where in the range the exchange is built.
    public var built: Range = .nowhere
    /// Where in the lever's range the exchange is built.
    public enum Range: Sendable { case everywhere, nowhere, fromLevelUp, upToLevel }
    /// Why the exchange is not built just past the level (`LinkAbsence` of the design on the side
    /// where it is absent): `.budget` means the level is where its payer's budget runs out, not
    /// where the link stops paying; `nil` when there is no level.
    public var limit: LinkAbsence? = nil

    /// Whether the level is a budget limit (the link still pays back there, its payer cannot fund it).
    public var isBudgetLimit: Bool {
        if case .budget? = limit { return true }
        return false
    }
}

extension SensitivityAnalysis {
    /// The study of `method` over this analysis's parameters (`SensitivityPlan`).
    public func study(_ method: SensitivityPlan.Method, grid: Int = 5, trajectories: Int = 20, samples: Int = 1024,
                      seed: UInt64 = 7) -> SensitivityPlan {
        SensitivityPlan(method: method, parameters: parameters, grid: grid, trajectories: trajectories, samples: samples, seed: seed)
    }

    /// Evaluates every point of `study` here and computes its result.
    public func run(_ study: SensitivityPlan) throws(SimulationError) -> SensitivityOutcome {
        try study.outcome(evaluate(rows: study.points()))
    }

    /// Base run and each parameter at its low and high value; bars sorted by NPV swing.
    public func tornado() throws(SimulationError) -> (base: ParkEvaluation, bars: [TornadoBar]) {
        guard case let .tornado(base, bars) = try run(study(.tornado)) else { preconditionFailure("a tornado study") }
        return (base, bars)
    }

    /// A grid of `points` levels per parameter (1 or 2 parameters): the product, first
    /// parameter varying slowest.
    public func sweep(points: Int) throws(SimulationError) -> (levels: [[Double]], results: [ParkEvaluation]) {
        guard case let .sweep(levels, results) = try run(study(.sweep, grid: points)) else { preconditionFailure("a sweep") }
        return (levels, results)
    }

    /// The smallest level of `parameters[0]` in its range at which `exchange` is built, by
    /// bisection on the MIP: the bracket shrinks until it is narrower than
    /// `relativeTolerance × (high − low)`. Assumes one switch in the range (checked at both
    /// ends; a non-monotone response is reported by the evaluations either side).
    public func breakEven(exchange: String, relativeTolerance: Double = 1e-3) throws(SimulationError) -> BreakEven {
        let p = parameters[0]
        func built(_ value: Double) throws(SimulationError) -> (Bool, ParkEvaluation) {
            let evaluation = try evaluate([value] + Array(repeating: nil, count: parameters.count - 1))
            return (evaluation.built.contains(exchange), evaluation)
        }
        var (lo, hi) = (p.low, p.high)
        let (atLow, lowEval) = try built(lo), (atHigh, highEval) = try built(hi)
        if atLow == atHigh {
            return BreakEven(parameter: p, exchange: exchange, level: nil, tolerance: hi - lo, below: lowEval, above: highEval,
                             note: atLow ? "built over the whole range" : "not built anywhere in the range",
                             built: atLow ? .everywhere : .nowhere)
        }
        // Orient the search: `increasing` when the exchange appears as the lever rises.
        let increasing = atHigh
        var below = lowEval, above = highEval
        let tolerance = relativeTolerance * (p.high - p.low)
        while hi - lo > tolerance {
            let mid = (lo + hi) / 2
            let (isBuilt, evaluation) = try built(mid)
            if isBuilt == increasing { hi = mid; above = evaluation } else { lo = mid; below = evaluation }
        }
        // Why it is absent on the side where it is not built: the payer's budget, or its economics.
        let absentAt = increasing ? lo : hi
        let limit = try absence(of: exchange, at: [absentAt] + [Double?](repeating: nil, count: parameters.count - 1))
        var note = increasing ? "built from this level up" : "built up to this level"
        if case let .budget(payer, _, _)? = limit {
            note += "; a budget limit, not an economic break-even: past it the link still pays back but exceeds \(payer)'s budget"
        }
        return BreakEven(parameter: p, exchange: exchange, level: increasing ? hi : lo, tolerance: hi - lo, below: below, above: above,
                         note: note, built: increasing ? .fromLevelUp : .upToLevel, limit: limit)
    }

    /// Morris screening with `trajectories` trajectories, per output.
    public func morris(trajectories: Int, seed: UInt64) throws(SimulationError) -> [MorrisScreening] {
        guard case let .morris(results) = try run(study(.morris, trajectories: trajectories, seed: seed)) else { preconditionFailure("a Morris study") }
        return results
    }

    /// Sobol indices from `samples × (D + 2)` evaluations, per output.
    public func sobol(samples: Int, seed: UInt64) throws(SimulationError) -> (indices: [SobolIndices], evaluations: Int) {
        guard case let .sobol(indices, evaluations) = try run(study(.sobol, samples: samples, seed: seed)) else { preconditionFailure("a Sobol study") }
        return (indices, evaluations)
    }
}
