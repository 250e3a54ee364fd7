import Foundation
import Testing
import MILP
import LPSolve
import TestSupport

/// A random feasible MILP with `n` columns (a third integer), some ranges, negative bounds
/// and an objective constant: exercises every writer branch.
func randomMILP(columns n: Int, rows m: Int, seed: UInt64, maximize: Bool = true, constant: Double = 12.5) -> Model {
    var rng = SplitMix64(seed: seed)
    func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_000) / 1_000_000 }
    var model = Model(name: "random-\(seed)")
    let x: [Variable] = (0..<n).map { j in
        switch j % 6 {
        case 0: return model.addVariable("b\(j)", kind: .binary)
        case 1: return model.addVariable("i\(j)", lower: 0, upper: 7, kind: .integer)
        case 2: return model.addVariable("neg\(j)", lower: -5, upper: 5)
        case 3: return model.addVariable("fix\(j)", lower: 2, upper: 2)
        default: return model.addVariable("x \(j)", upper: 10)  // a space in the name: the writers clean it
        }
    }
    for i in 0..<m {
        var row = LinearExpression()
        for j in 0..<n where rng.next() % 4 == 0 { row.add(uniform(-3, 9), x[j]) }
        if row.terms.isEmpty { row.add(1, x[i % n]) }
        switch i % 3 {
        case 0: model.addConstraint(row <= uniform(20, 60), name: "le\(i)")
        case 1: model.addConstraint(row >= uniform(-60, -20), name: "ge\(i)")
        default: model.addConstraint(LinearConstraint(row, lower: -40, upper: uniform(30, 80)), name: "range\(i)")
        }
    }
    var objective = LinearExpression(constant: constant)
    for j in 0..<n { objective.add(uniform(-2, 5), x[j]) }
    model.setObjective(maximize ? .maximize : .minimize, objective)
    return model
}

@Suite("MPS and LP writers")
struct WriterTests {
    @Test func mpsShape() throws {
        var model = Model(name: "tiny")
        let b = model.addVariable("b", kind: .binary)
        let x = model.addVariable("x", lower: -1, upper: 4)
        model.addConstraint(b + x <= 3, name: "r")
        model.setObjective(.maximize, 2 * b + x + 1)
        let text = try model.mpsText()
        #expect(text.contains("OBJSENSE\n    MAX\n"))
        #expect(text.contains(" L  r\n"))
        #expect(text.contains("'MARKER' 'INTORG'"))
        #expect(text.contains(" BV BND  b\n"))
        #expect(text.contains(" LO BND  x  -1\n"))
        #expect(text.contains("    RHS  obj  -1\n"))
        #expect(text.hasSuffix("ENDATA\n"))
    }

    /// lp_solve's readers solve our files to the same optimum. Without an objective constant:
    /// Debian's lp_solve 5.5.2.5 reads the `RHS obj` entry of a maximizing MPS file with the
    /// opposite sign (seen here: its own `write_freemps` output read back 2c off), while HiGHS
    /// reads it as written; `highsAgreesOnExportedModels` covers the constant.
    @Test(arguments: [11 as UInt64, 12, 13])
    func lpSolveReadsBackWhatWeWrite(seed: UInt64) throws {
        let model = randomMILP(columns: 30, rows: 20, seed: seed, constant: 0)
        let direct = try LPSolver().solve(model)
        #expect(direct.termination == .optimal)
        let mps = TestSupport.temporaryFile(suffix: ".mps"), lp = TestSupport.temporaryFile(suffix: ".lp")
        defer { try? FileManager.default.removeItem(atPath: mps); try? FileManager.default.removeItem(atPath: lp) }
        try model.mpsText().write(toFile: mps, atomically: true, encoding: .utf8)
        try model.lpText().write(toFile: lp, atomically: true, encoding: .utf8)
        for (path, format) in [(mps, LPSolveFile.Format.freeMPS), (lp, .lpFormat)] {
            let read = try #require(LPSolveFile.solve(path: path, format: format), "lp_solve could not read \(path)")
            #expect(read.status == .optimal)
            #expect(TestSupport.relativeDifference(read.objective, direct.objective!) < 1e-9, "\(format)")
        }
    }

    /// lp_solve's presolve removes rows and columns; values are still read by original index.
    @Test(arguments: [21 as UInt64, 22, 23])
    func presolveGivesTheSameAnswer(seed: UInt64) throws {
        let model = randomMILP(columns: 30, rows: 20, seed: seed)
        let plain = try LPSolver().solve(model)
        let presolved = try LPSolver().solve(model, options: SolveOptions(presolve: true))
        #expect(presolved.termination == .optimal)
        #expect(TestSupport.relativeDifference(plain.objective!, presolved.objective!) < 1e-9)
        #expect(model.violations(of: presolved.values).isEmpty)
    }

    @Test(.enabled(if: TestSupport.highsAvailable, "needs ../shared/tools/highs-check and highspy"),
          arguments: [(101 as UInt64, true), (102, false), (103, true)])
    func highsAgreesOnExportedModels(seed: UInt64, maximize: Bool) throws {
        let model = randomMILP(columns: 120, rows: 60, seed: seed, maximize: maximize)
        #expect(model.variableCount >= 100)
        let ours = try LPSolver().solve(model, options: SolveOptions(timeLimit: 60))
        #expect(ours.termination == .optimal)
        let highs = try TestSupport.highsCheck(mps: model.mpsText())
        #expect(highs.status == "Optimal")
        #expect(TestSupport.relativeDifference(highs.objective, ours.objective!) < 1e-6,
                "HiGHS \(highs.objective) vs lp_solve \(ours.objective!)")
    }
}
