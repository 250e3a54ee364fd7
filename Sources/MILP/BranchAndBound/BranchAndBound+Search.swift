import Foundation

extension BranchAndBound {
    /// Runs the search on `relaxations` (one per thread: copies of the same LP), whose columns
    /// start at `lower`/`upper` (the model's bounds) and whose objective at a point is
    /// `objective(point)` in the model's sense.
    ///
    /// The workers share one tree, incumbent and pseudo-costs under one lock, released while
    /// an LP solves (where the time goes). The relaxations' bounds are changed during the
    /// search and restored before returning.
    public func run<R: LinearRelaxation>(_ relaxations: [R], lower: [Double], upper: [Double],
                                         objective: @escaping ([Double]) -> Double) -> Outcome {
        precondition(!relaxations.isEmpty, "BranchAndBound.run needs at least one relaxation")
        let shared = SharedSearch<R.Basis>(settings: self, lower: lower, upper: upper, objective: objective)
        let workers = relaxations.map { TreeSearch(settings: self, relaxation: $0, shared: shared, objective: objective) }
        defer { workers.forEach { $0.restoreRootBounds() } }
        if workers.count == 1 {
            workers[0].work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers.count) { workers[$0].work() }
        }
        return workers[0].finish()
    }

    /// Runs the search on one relaxation.
    public func run<R: LinearRelaxation>(_ relaxation: R, lower: [Double], upper: [Double],
                                         objective: @escaping ([Double]) -> Double) -> Outcome {
        run([relaxation], lower: lower, upper: upper, objective: objective)
    }
}

/// What the workers of one search share. Every access holds `condition`'s lock.
final class SharedSearch<Basis>: @unchecked Sendable {
    let condition = NSCondition()
    /// The model's bounds, tightened globally by root reduced-cost fixing (`rootVersion` counts changes).
    var rootLower: [Double], rootUpper: [Double]
    var rootVersion = 0
    var incumbent: [Double]?
    /// `sign · objective` of the incumbent (or of the cutoff when no point is known).
    var incumbentValue = -Double.infinity
    var queue = NodeQueue<SearchNode<Basis>>()
    var outcome = BranchAndBound.Outcome(status: .optimal)
    /// Pseudo-costs: summed objective loss per unit of distance, and counts, per direction.
    var downSum: [Double], downCount: [Int], upSum: [Double], upCount: [Int]
    var root: (value: Double, point: [Double], costs: [Double])?
    /// The largest bound of nodes that could not be judged (LP failures).
    var unjudgedBound = -Double.infinity
    var failure: String?
    /// The largest bound above the incumbent among subtrees dropped within the gap.
    var withinGapBound = -Double.infinity
    /// Workers holding a node (popped or plunged into).
    var active = 0
    var stopped: BranchAndBound.Outcome.Status?
    /// Bounds of nodes left unfinished when the search stopped.
    var unfinished: [Double] = []
    /// Open nodes holding a basis.
    var storedBases = 0
    /// Cuts added at the root; every worker's LP gets them before its first node.
    var cuts: [Cut] = []

    init(settings: BranchAndBound, lower: [Double], upper: [Double], objective: ([Double]) -> Double) {
        let n = lower.count
        rootLower = lower; rootUpper = upper
        downSum = [Double](repeating: 0, count: n); upSum = downSum
        downCount = [Int](repeating: 0, count: n); upCount = downCount
        outcome.separators = settings.separators.map { SeparatorStatistics(name: $0.name) }
        let sign: Double = settings.sense == .maximize ? 1 : -1
        if let cutoff = settings.cutoff { incumbentValue = sign * cutoff }
        if let start = settings.start, start.count == n {
            let value = sign * objective(start)
            if value >= incumbentValue {
                var point = start
                for j in settings.integerColumns { point[j] = point[j].rounded() }
                incumbent = point
                incumbentValue = value
            }
        }
        // Depth first until a first feasible point is known, best bound after.
        queue.setDepthFirst(!incumbentValue.isFinite)
        queue.push(SearchNode(parent: nil, changes: [], bound: .infinity, depth: 0, basis: nil, branch: nil), bound: .infinity, depth: 0)
    }
}

/// One worker of a branch-and-bound run (see `BranchAndBound`): its LP and the bounds in it;
/// the tree and everything found are in `shared`. A worker runs on one thread and touches
/// `shared` only under its lock (`@unchecked Sendable` for `concurrentPerform`).
final class TreeSearch<R: LinearRelaxation>: @unchecked Sendable {
    typealias Node = SearchNode<R.Basis>

    let settings: BranchAndBound
    let lp: R
    let shared: SharedSearch<R.Basis>
    let objective: ([Double]) -> Double
    /// +1 to maximize, −1 to minimize: the search maximizes `sign · objective`.
    let sign: Double
    let modelLower: [Double], modelUpper: [Double]
    /// Bounds in force in this worker's LP beyond the root's, by column.
    var applied: [Int: (lower: Double, upper: Double)] = [:]
    /// The root-bound version this worker's LP has.
    var seenRootVersion = 0
    /// How many of `shared.cuts` this worker's LP has.
    var seenCuts = 0
    /// Rounds of cut separation done at the root.
    var cutRounds = 0
    /// When the root's first LP was solved (`separateCuts`' time budget).
    var rootSolvedAt: Double?
    var values: [Double]
    var costs: [Double]

    init(settings: BranchAndBound, relaxation: R, shared: SharedSearch<R.Basis>, objective: @escaping ([Double]) -> Double) {
        self.settings = settings
        lp = relaxation
        self.shared = shared
        self.objective = objective
        sign = settings.sense == .maximize ? 1 : -1
        let n = shared.rootLower.count
        modelLower = shared.rootLower; modelUpper = shared.rootUpper
        values = [Double](repeating: 0, count: n)
        costs = values
    }

    // Shared state, read and written under the lock (`_modify` avoids copying the arrays).
    var rootLower: [Double] { get { shared.rootLower } _modify { yield &shared.rootLower } }
    var rootUpper: [Double] { get { shared.rootUpper } _modify { yield &shared.rootUpper } }
    var incumbent: [Double]? { get { shared.incumbent } _modify { yield &shared.incumbent } }
    var incumbentValue: Double { get { shared.incumbentValue } _modify { yield &shared.incumbentValue } }
    var queue: NodeQueue<Node> { get { shared.queue } _modify { yield &shared.queue } }
    var outcome: BranchAndBound.Outcome { get { shared.outcome } _modify { yield &shared.outcome } }
    var downSum: [Double] { get { shared.downSum } _modify { yield &shared.downSum } }
    var upSum: [Double] { get { shared.upSum } _modify { yield &shared.upSum } }
    var downCount: [Int] { get { shared.downCount } _modify { yield &shared.downCount } }
    var upCount: [Int] { get { shared.upCount } _modify { yield &shared.upCount } }
    var root: (value: Double, point: [Double], costs: [Double])? { get { shared.root } _modify { yield &shared.root } }
    var unjudgedBound: Double { get { shared.unjudgedBound } _modify { yield &shared.unjudgedBound } }
    var failure: String? { get { shared.failure } _modify { yield &shared.failure } }
    var withinGapBound: Double { get { shared.withinGapBound } _modify { yield &shared.withinGapBound } }

    /// Solves the LP with the lock released (the only long step) and counts it in `lpSolves`,
    /// and in `kind` too when given (strong branching, diving).
    func solveUnlocked(counting kind: WritableKeyPath<BranchAndBound.Outcome, Int>? = nil) -> RelaxationOutcome {
        shared.condition.unlock()
        let result = lp.solve()
        shared.condition.lock()
        outcome.lpSolves += 1
        if let kind { outcome[keyPath: kind] += 1 }
        return result
    }

    /// The gap below which a bound cannot improve on the incumbent.
    var tolerance: Double {
        incumbentValue.isFinite ? max(settings.absoluteGap, settings.relativeGap * abs(incumbentValue)) : 0
    }

    func cannotImprove(_ bound: Double) -> Bool {
        incumbentValue.isFinite && bound <= incumbentValue + tolerance
    }

    /// Records the bound of a subtree dropped because it is within the gap of the incumbent,
    /// so that a requested gap shows in the reported bound.
    func dropped(_ bound: Double) {
        if bound > incumbentValue { withinGapBound = max(withinGapBound, bound) }
    }

    func shouldStop() -> BranchAndBound.Outcome.Status? {
        if let deadline = settings.deadline, monotonicSeconds() >= deadline { return .timeLimit }
        if let limit = settings.nodeLimit, outcome.nodes >= limit { return .nodeLimit }
        if let stop = settings.shouldStop, stop() { return .interrupted }
        return nil
    }

    /// Takes nodes until the tree is done or the search stops; other workers' nodes are
    /// waited for while any worker still holds one.
    func work() {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        var dive: Node?
        while true {
            let node: Node
            var warm = false
            if let next = dive {
                node = next; dive = nil; warm = true
            } else {
                while queue.isEmpty && shared.active > 0 && shared.stopped == nil { shared.condition.wait() }
                guard shared.stopped == nil, let (_, next) = queue.popNext() else { break }
                node = next
                shared.active += 1
            }
            var keeps: Node?
            defer {
                if keeps == nil {
                    shared.active -= 1
                    shared.condition.broadcast()
                }
            }
            if node.basis != nil { shared.storedBases -= 1 }
            if shared.stopped != nil { shared.unfinished.append(node.bound); keeps = nil; break }
            if cannotImprove(node.bound) { dropped(node.bound); continue }
            if let status = shouldStop() { stop(status, leaving: node); break }
            guard apply(node), node.parent != nil || propagateAtRoot() else { continue }
            if !warm, let basis = node.basis { lp.restore(basis) }
            outcome.nodes += 1
            switch process(node) {
            case .pruned: break
            case let .stopped(status, bound): stop(status, leaving: node, solved: bound)
            case let .branched(preferred, other):
                queue.push(other, bound: other.bound, depth: other.depth)
                if shouldPlunge(into: preferred) {
                    dive = preferred; keeps = preferred
                } else {
                    queue.push(preferred, bound: preferred.bound, depth: preferred.depth)
                }
                shared.condition.broadcast()
            }
            if shared.stopped != nil {
                if let dive { shared.unfinished.append(dive.bound) }
                keeps = nil
                break
            }
        }
    }

    /// Stops every worker; `node`'s subtree stays open in the reported bound: its own LP value
    /// `solved` when its LP was solved before the stop (with or without cuts, a relaxation of
    /// the subtree), else the bound it was queued with. A search stopped in the root's cut
    /// rounds or dive so still reports the root LP's bound and a proven gap.
    func stop(_ status: BranchAndBound.Outcome.Status, leaving node: Node, solved: Double? = nil) {
        if shared.stopped == nil { shared.stopped = status }
        shared.unfinished.append(min(node.bound, solved ?? .infinity))
        shared.condition.broadcast()
    }

    /// Plunge while the child is not much worse than the best open node (halfway to the incumbent).
    func shouldPlunge(into child: Node) -> Bool {
        guard incumbentValue.isFinite, let best = queue.bestBound, best.isFinite else { return true }
        return child.bound >= best - 0.5 * (best - incumbentValue)
    }

    enum NodeResult {
        case pruned
        /// `bound`: the node's last LP value, when one was solved before the stop.
        case stopped(BranchAndBound.Outcome.Status, bound: Double?)
        case branched(preferred: Node, other: Node)
    }

    /// Solves a node's LP (again after strong branching fixed columns) and branches.
    func process(_ node: Node) -> NodeResult {
        var first = true, diveFirst = true
        var solved: Double?
        while true {
            let lpStarted = monotonicSeconds()
            let outcomeOfLP = solveUnlocked()
            let value: Double
            switch outcomeOfLP {
            case let .optimal(objective): value = sign * objective
            case .infeasible: return .pruned
            case .unbounded:
                if node.parent == nil { outcome.status = .unbounded }
                failure = failure ?? "an LP relaxation is unbounded"
                unjudgedBound = .infinity
                return .pruned
            case let .stopped(byTime): return .stopped(byTime ? .timeLimit : .interrupted, bound: solved)
            case let .failed(reason):
                failure = failure ?? reason
                unjudgedBound = max(unjudgedBound, node.bound)
                return .pruned
            }
            solved = value
            if first, let branch = node.branch { recordPseudoCost(branch, value: value) }
            first = false
            if node.parent == nil && outcome.rootRelaxation == nil {
                outcome.rootRelaxation = sign * value
                outcome.rootLPSeconds = monotonicSeconds() - lpStarted
                rootSolvedAt = monotonicSeconds()
            }
            if cannotImprove(value) { dropped(min(value, node.bound)); return .pruned }
            lp.values(into: &values)
            let fractional = fractionalColumns()
            if fractional.isEmpty {
                accept(values, value: value)
                return .pruned
            }
            if node.parent == nil && separateCuts() { continue }
            let haveCosts = lp.reducedCosts(into: &costs)
            if node.parent == nil && haveCosts { root = (value, values, costs) }
            if haveCosts && incumbentValue.isFinite { fixByReducedCosts(node, value: value) }

            let basis = lp.basis()
            if node.parent == nil && diveFirst {
                diveFirst = false
                if let status = diveFromRoot(basis: basis) { return .stopped(status, bound: value) }
                if let status = searchNeighbourhood(basis: basis, rootValue: value) { return .stopped(status, bound: value) }
                if cannotImprove(value) { dropped(value); return .pruned }
            }
            switch chooseColumn(fractional, node: node, value: value, basis: basis) {
            case .prune: return .pruned
            case .resolve: continue
            case let .stopped(status): return .stopped(status, bound: value)
            case let .column(j, downValue, upValue):
                let children = childPair(node, column: j, value: value, downValue: downValue, upValue: upValue, basis: basis)
                return .branched(preferred: children.preferred, other: children.other)
            }
        }
    }

    /// The two children of `node` branching on column `j`; the preferred one is plunged into.
    func childPair(_ node: Node, column j: Int, value: Double, downValue: Double?, upValue: Double?, basis: R.Basis)
        -> (preferred: Node, other: Node) {
        let keep = shared.storedBases < settings.maximumStoredBases
        if keep { shared.storedBases += 2 }
        let basis = keep ? basis : nil
        let x = values[j]
        let floor = x.rounded(.down), ceil = x.rounded(.up)
        let (lower, upper) = bounds(of: j)
        let down = Node(parent: node, changes: [BoundChange(column: j, lower: lower, upper: floor)],
                        bound: min(value, downValue ?? value), depth: node.depth + 1, basis: basis,
                        branch: (j, false, x - floor, value))
        let up = Node(parent: node, changes: [BoundChange(column: j, lower: ceil, upper: upper)],
                      bound: min(value, upValue ?? value), depth: node.depth + 1, basis: basis,
                      branch: (j, true, ceil - x, value))
        // Prefer the child with the better estimate; without one, the nearer integer.
        let upFirst: Bool
        if let d = downValue, let u = upValue, d != u { upFirst = u > d } else { upFirst = x - floor >= 0.5 }
        return upFirst ? (up, down) : (down, up)
    }

    func recordPseudoCost(_ branch: (column: Int, up: Bool, distance: Double, parentValue: Double), value: Double) {
        guard branch.distance > 1e-9 else { return }
        let loss = max(0, branch.parentValue - value) / branch.distance
        if branch.up { upSum[branch.column] += loss; upCount[branch.column] += 1 } else { downSum[branch.column] += loss; downCount[branch.column] += 1 }
    }

    /// Whether `x` is within the integrality tolerance of an integer.
    func isIntegral(_ x: Double) -> Bool { abs(x - x.rounded()) <= settings.integrality }

    /// Whether every integer column of `point` is integral.
    func isIntegral(_ point: [Double]) -> Bool {
        settings.integerColumns.allSatisfy { isIntegral(point[$0]) }
    }

    /// Integer columns whose value is not integral.
    func fractionalColumns() -> [Int] {
        settings.integerColumns.filter { !isIntegral(values[$0]) }
    }

    func accept(_ point: [Double], value: Double) {
        guard value > incumbentValue || incumbent == nil && value >= incumbentValue else { return }
        incumbent = rounded(point)
        incumbentValue = value
        queue.setDepthFirst(false)
        let pruned = queue.prune(atMost: incumbentValue + tolerance) { $0.basis != nil }
        if let bound = pruned.bound { dropped(bound) }
        shared.storedBases -= pruned.counted
        fixRootByReducedCosts()
    }

    func rounded(_ point: [Double]) -> [Double] {
        var copy = point
        for j in settings.integerColumns { copy[j] = copy[j].rounded() }
        return copy
    }
}
