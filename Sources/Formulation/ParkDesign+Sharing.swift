extension ParkDesign {
    /// How the design's gain was shared (docs/model.md §Benefit sharing): the rule, who played,
    /// the standard errors of sampled Shapley shares and the coalitions the allocation short-changes.
    /// Each account's share is its `npv` (after transfers).
    public struct Sharing: Sendable, Codable, Equatable {
        /// A coalition whose worth exceeds what the allocation gives its members.
        public struct CoreViolation: Sendable, Codable, Equatable {
            public var members: [String]
            /// `v(S)`, currency.
            public var worth: Double
            /// `Σ_{a∈S} x_a`, currency.
            public var allocated: Double
            public init(members: [String], worth: Double, allocated: Double) {
                self.members = members; self.worth = worth; self.allocated = allocated
            }
        }

        /// `shapley`, `nash`, `proportional` or `minimal`.
        public var rule: String
        /// Accounts at an end of a built link (or the operator with a facility), in account order.
        public var players: [String] = []
        /// Whether every Shapley share was enumerated exactly (false: some were sampled).
        public var exact = true
        /// Permutations sampled per large component (0 when none was sampled).
        public var samples = 0
        /// Standard error of each sampled Shapley share, currency, by account id.
        public var standardErrors: [String: Double] = [:]
        /// Coalitions of up to three players (and those the sampling visited) short-changed by
        /// more than 1 currency unit, largest excess first.
        public var coreViolations: [CoreViolation] = []
        /// Coalition LPs solved, and those that failed (their worth counted as 0).
        public var coalitionLPs = 0
        public var failedLPs = 0
        /// Wall-clock seconds of the sharing step.
        public var seconds = 0.0

        public init(rule: String) { self.rule = rule }

        /// Equal whatever the time taken.
        public static func == (lhs: Sharing, rhs: Sharing) -> Bool {
            lhs.rule == rhs.rule && lhs.players == rhs.players && lhs.exact == rhs.exact && lhs.samples == rhs.samples
                && lhs.standardErrors == rhs.standardErrors && lhs.coreViolations == rhs.coreViolations
                && lhs.coalitionLPs == rhs.coalitionLPs && lhs.failedLPs == rhs.failedLPs
        }
    }
}
