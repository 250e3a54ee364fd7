/// How a design's gain is shared among its firms (`sharing:`; docs/model.md §Benefit sharing).
public struct SharingSettings: Sendable, Equatable {
    public enum Rule: String, Sendable, Equatable, CaseIterable {
        /// The Shapley value of the design's cooperative game.
        case shapley
        /// Nash bargaining on each link between its sender and receiver.
        case nash
        /// In proportion to each firm's investment.
        case proportional
        /// The smallest transfers that keep every firm at NPV ≥ 0 (the default).
        case minimal
    }

    public var rule: Rule
    /// Nash bargaining: the sender's weight on each link (the receiver's is `1 − senderWeight`).
    public var senderWeight: Double
    /// Largest component (players) whose Shapley value is enumerated exactly (`2^k` coalition LPs).
    public var exactPlayers: Int
    /// Permutations sampled for a larger component.
    public var samples: Int
    /// Seed of the permutation sampling.
    public var seed: Int

    public static let defaultExactPlayers = 16
    public static let defaultSamples = 200
    /// `exact_players` may not exceed this (2^20 coalition LPs already take long).
    public static let largestExactPlayers = 20

    public init(rule: Rule = .minimal, senderWeight: Double = 0.5, exactPlayers: Int = SharingSettings.defaultExactPlayers,
                samples: Int = SharingSettings.defaultSamples, seed: Int = 1) {
        self.rule = rule; self.senderWeight = senderWeight; self.exactPlayers = exactPlayers
        self.samples = samples; self.seed = seed
    }
}
