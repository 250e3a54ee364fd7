import Foundation
import Scenario

/// Which waste or by-product can replace which input, and which shared facility turns a waste
/// into an input: the rows `discover` proposes candidates from (`Resources/synergies.yaml`,
/// docs/discovery.md). Money is in USD at 2025 prices, per unit of the resource sent.
public struct SynergyLibrary: Sendable {
    /// Direct exchanges between firms: a waste replacing an input.
    public var synergies: [Synergy]
    /// Shared plants that consume a waste and yield an input.
    public var facilities: [FacilityRecipe]
    /// Permit categories the rows name, with the status a scenario lacking them gets.
    public var permits: [PermitCategory]
    /// Cited works by id.
    public var sources: [String: Source]
    /// Where the library was read from.
    public var path: String

    public init(synergies: [Synergy], facilities: [FacilityRecipe], permits: [PermitCategory],
                sources: [String: Source], path: String) {
        self.synergies = synergies; self.facilities = facilities; self.permits = permits
        self.sources = sources; self.path = path
    }
}

/// The resources a row applies to: by classification code first, then by name.
public struct ResourcePattern: Sendable, Equatable {
    /// European List of Waste, Basel or HS codes; a code matches every longer code it begins.
    public var codes: [String]
    /// Resource ids and synonyms.
    public var names: [String]

    public init(codes: [String] = [], names: [String] = []) { self.codes = codes; self.names = names }

    /// `10 01 02`, `10.01.02` and `100102` are one code.
    static func normalizedCode(_ code: String) -> String {
        code.filter { $0.isLetter || $0.isNumber }.uppercased()
    }

    /// `Fly Ash`, `fly-ash` and `fly_ash` are one name.
    static func normalizedName(_ name: String) -> String {
        name.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// Whether `resource` is one of these: its code begins with one of `codes`, else (no code,
    /// or a code none of `codes` begins) its id is one of `names`.
    public func matches(_ resource: Resource) -> Bool {
        if let code = resource.code.map(Self.normalizedCode), !code.isEmpty {
            if codes.contains(where: { code.hasPrefix(Self.normalizedCode($0)) }) { return true }
        }
        let id = Self.normalizedName(resource.id)
        return names.contains { Self.normalizedName($0) == id }
    }
}

/// How a link of one kind is built and run: per unit sent, USD.
public struct LinkTerms: Sendable, Equatable {
    public var ratio = 1.0
    public var maxShare = 1.0
    public var unitCost = 0.0
    public var capexPerCapacity = 0.0
    public var fixedCost = 0.0
    public var lifetime: Int?
    /// FTE per 1,000 units a year.
    public var jobsPerKt = 0.0
    public var transportCost = 0.0
    public var transportCo2e = 0.0
    public var paidBy = Exchange.Payer.to
    public var permit: String?
    public init() {}
}

/// One row of `synergies:`: `sends` replaces `replaces` at the receiver.
public struct Synergy: Sendable, Equatable {
    public var id: String
    public var sends: ResourcePattern
    public var replaces: ResourcePattern
    /// Unit of the resource sent and of the one replaced.
    public var unit: String
    public var replacesUnit: String
    public var terms: LinkTerms
    /// What the analyst must check before trusting the row.
    public var uncertain: String
    /// Which figures are engineering estimates, and what they are derived from.
    public var estimate: String
    public var sources: [String]
}

/// One row of `facilities:`: a shared plant consuming `consumes` and yielding `yields`.
public struct FacilityRecipe: Sendable, Equatable {
    public var id: String
    public var consumes: ResourcePattern
    public var yields: ResourcePattern
    /// Unit of the consumed resource (the activity unit).
    public var unit: String
    /// Units yielded per unit consumed.
    public var yield: Double
    /// USD per unit a year of capacity.
    public var capexPerCapacity: Double
    /// Fixed cost a year as a share of capex.
    public var fixedCostShare: Double
    public var unitCost: Double
    public var lifetime: Int?
    public var jobsPerKt: Double
    public var co2ePerUnit: Double
    /// Terms of the links from firms into the plant, and from the plant to firms.
    public var feed: LinkTerms
    public var supply: LinkTerms
    public var uncertain: String
    public var estimate: String
    public var sources: [String]
}

/// A permit category: the status a proposed scenario gives it when the park's file lacks it.
public struct PermitCategory: Sendable, Equatable {
    public var id: String
    public var status: Permit.Status
    public var cost: Double
    public var delayYears: Int
    public var sources: [String]
}

/// A cited work: a title and a URL or DOI (or a source note of Scenarios/hiep-phuoc.yaml).
public struct Source: Sendable, Equatable {
    public var id: String
    public var title: String
    public var url: String?
    public var doi: String?

    /// `title, URL` or `title, doi:DOI`.
    public var citation: String {
        if let url { return "\(title), \(url)" }
        if let doi { return "\(title), https://doi.org/\(doi)" }
        return title
    }
}
