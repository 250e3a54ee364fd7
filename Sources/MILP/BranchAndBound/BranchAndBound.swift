
/// Best-bound branch and bound around the LP relaxations of any `LinearRelaxation`.
///
/// lp_solve 5.5 searches depth first only, so it spends most of its time proving optimality
/// in subtrees a best-bound search never opens. This search keeps the open nodes in a
/// priority queue on their LP bound, plunges depth first from each node it opens (so the LP
/// re-solves warm from its parent's basis and incumbents come early), and branches with:
///
/// - **reliability branching**: pseudo-costs (Bénichou et al. 1971, "Experiments in
///   mixed-integer linear programming", Math. Programming 1) scored by the product rule,
///   initialised by strong branching on up to `strongCandidates` unreliable columns
///   (Achterberg, Koch & Martin 2005, "Branching rules revisited", Oper. Res. Letters 33);
/// - **reduced-cost fixing** against the incumbent, at every node and globally at the root
///   (Nemhauser & Wolsey 1988, Integer and Combinatorial Optimization, II.4.1): a column at a
///   bound whose reduced cost would take the LP bound below the incumbent is fixed there;
/// - **cuts at the root** (knapsack covers, `KnapsackCoverSeparator`; flow covers,
///   `FlowCoverSeparator`), added to every worker's LP before the first branching and removed
///   afterwards.
///
/// The proven bound is the best bound of the open nodes, so a stopped search reports a true gap.
/// Internally every objective is maximized (`sign` turns a minimization around).
public struct BranchAndBound {
    /// Columns that must take integer values.
    public var integerColumns: [Int]
    public var sense: Model.Sense
    /// Stop when the bound is within this relative gap of the incumbent.
    public var relativeGap = 1e-9
    /// … or within this absolute gap.
    public var absoluteGap = 1e-11
    /// Distance to the nearest integer below which a value counts as integer.
    public var integrality = 1e-6
    /// Unreliable candidates evaluated by strong branching at a node, at most.
    public var strongCandidates = 8
    /// Open nodes that keep their parent's basis, at most (memory: one basis per branching;
    /// nodes beyond start from whatever basis the LP holds).
    public var maximumStoredBases = 10_000
    /// Without an incumbent, strong branching is done only above this depth.
    public var strongDepthWithoutIncumbent = 2
    /// Observations per direction after which a pseudo-cost is trusted.
    public var reliability = 1
    /// Monotonic time (`monotonicSeconds()`) at which to stop.
    public var deadline: Double?
    /// Polled between LP solves; `true` stops the search.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Only points better than this objective are of interest (a known design's value).
    public var cutoff: Double?
    /// A feasible point to start from (the first incumbent).
    public var start: [Double]?
    /// The model's rows, to tighten integer bounds at the root before its LP (`nil`: none).
    ///
    /// Only the root: propagating at every node from the columns it changed made hiep-phuoc's
    /// baseline weighted solve slower (4.2 → 7.0 s: the same 351 nodes, 60 % more LPs, most of
    /// them strong branching), landfill tax and facilitation too, carbon price faster.
    public var propagator: BoundPropagator?
    /// LPs a dive from the root may spend looking for a design (0: no dive). The dive runs
    /// also when `start` gives a point: a better incumbent at the root lets reduced-cost
    /// fixing and the remaining cut rounds close more of the root gap (hiep-phuoc's EIP
    /// package: 12.0 → 8.1 s, 24 nodes → 4).
    public var divingLPs = 100
    /// Nodes of the neighbourhood search run once at the root (RINS, see
    /// `searchNeighbourhood`), at most; 0: none.
    public var neighbourhoodNodes = 200
    /// Nodes processed before the search stops, at most (nil: no limit).
    public var nodeLimit: Int?
    /// Cut families separated at the root (knapsack covers, flow covers, c-MIR), in this order.
    public var separators: [any CutSeparator] = []
    /// Rounds of cut separation at the root, at most (each round re-solves the root LP).
    public var cutRounds = 20

    public init(integerColumns: [Int], sense: Model.Sense) {
        self.integerColumns = integerColumns
        self.sense = sense
    }

    /// What a search ended with.
    public struct Outcome {
        public enum Status: Equatable {
            /// The incumbent is optimal within the gaps (or nothing beats the cutoff).
            case optimal
            case infeasible
            case unbounded
            case timeLimit
            /// `nodeLimit` nodes were processed.
            case nodeLimit
            case interrupted
            /// An LP could not be solved; the bound covers the nodes left unjudged.
            case numericalFailure(String)
        }
        public var status: Status
        /// The best point found (integer columns rounded), if any.
        public var point: [Double]?
        /// Its objective, in the model's sense (constant included).
        public var objective: Double?
        /// Proven bound on the optimum in the model's sense (`nil` when unknown).
        public var bound: Double?
        public var rootRelaxation: Double?
        /// Wall time of the root's first LP (before any cut), seconds; `nil` when it did not finish.
        public var rootLPSeconds: Double?
        public var nodes = 0
        public var lpSolves = 0
        public var strongBranchingSolves = 0
        /// Columns fixed by reduced costs, summed over nodes.
        public var reducedCostFixings = 0
        /// Integer columns whose root bounds propagation tightened.
        public var propagationTightenings = 0
        /// LPs solved by the dive from the root (included in `lpSolves`).
        public var divingSolves = 0
        /// Cuts added at the root.
        public var cuts = 0
        /// Per separator, in `separators` order: its calls at the root, cuts added and seconds.
        public var separators: [SeparatorStatistics] = []
        /// Nodes of the root's neighbourhood search (not in `nodes`; its LPs are in `lpSolves`).
        public var neighbourhoodNodes = 0
    }
}

/// A bound change on one column, local to a node and its subtree.
struct BoundChange {
    var column: Int
    var lower: Double
    var upper: Double
}

/// One node of the tree: its own bound changes (the parent chain holds the rest).
final class SearchNode<Basis> {
    let parent: SearchNode?
    var changes: [BoundChange]
    /// Upper bound (maximizing) on any point in the subtree: the parent's LP value.
    let bound: Double
    let depth: Int
    /// Basis to warm-start from when the node is not solved right after its parent.
    let basis: Basis?
    /// The branching that created the node: column, direction, distance moved, parent's LP value.
    let branch: (column: Int, up: Bool, distance: Double, parentValue: Double)?

    init(parent: SearchNode?, changes: [BoundChange], bound: Double, depth: Int, basis: Basis?,
         branch: (column: Int, up: Bool, distance: Double, parentValue: Double)?) {
        self.parent = parent; self.changes = changes; self.bound = bound; self.depth = depth
        self.basis = basis; self.branch = branch
    }
}
