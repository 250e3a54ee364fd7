import Foundation
import Scenario

/// A proposed link, with the reasons for it: its year-0 value and where its figures come from.
public struct Candidate: Sendable {
    public enum Kind: String, Sendable { case direct, feed, supply }
    public var kind: Kind
    public var exchange: Exchange
    /// km between the two sites (road km in lat/lon).
    public var distance: Double
    /// Currency a year at year-0 prices and full capacity: disposal fee avoided (or the outside
    /// sale forgone, negative) + the replaced input's purchase avoided.
    public var disposalSaved: Double
    public var inputSaved: Double
    /// Unit cost at capacity plus the fixed cost a year.
    public var processing: Double
    /// Transport cost per unit and km × capacity × distance.
    public var transport: Double
    /// `disposalSaved + inputSaved - processing - transport`.
    public var yearlyValue: Double { disposalSaved + inputSaved - processing - transport }
    /// The library row (synergy or facility recipe) the figures come from.
    public var rule: String
    public var sources: [String]
    public var uncertain: String
    /// The proposed facility this link feeds or is supplied by, when it is a new one.
    public var newFacility: String?
}

/// A shared plant proposed because the park has the waste it consumes and a need for what it yields.
public struct ProposedFacility: Sendable {
    public var facility: Facility
    public var recipe: String
    /// Currency a year at year-0 prices and full capacity: yield × price of the yielded input −
    /// unit cost, less the fixed cost; feed and supply links are separate candidates.
    public var yearlyValue: Double
    public var sources: [String]
    public var uncertain: String
}

/// What `discover` found: candidates ranked by year-0 value, the facilities they need, the
/// permit categories the park's file lacks, and why some pairs were not proposed.
public struct Discovery: Sendable {
    public var candidates: [Candidate]
    public var facilities: [ProposedFacility]
    public var permits: [PermitCategory]
    public var notes: [String]
}

/// How far and how many, and the money conversion of the library's USD figures.
public struct DiscoveryOptions: Sendable {
    /// Largest distance between two sites of a candidate, km.
    public var radius: Double
    /// Keep the `top` highest-valued candidates (`nil` = all).
    public var top: Int?
    /// Units of the park's currency per USD (1 for a USD park).
    public var usdRate: Double
    public init(radius: Double = 30, top: Int? = nil, usdRate: Double = 1) {
        self.radius = radius; self.top = top; self.usdRate = usdRate
    }
}

/// Finds partners for the park's firms: every pair where one firm's waste or by-product can
/// replace another's input by a library synergy, and every firm that can feed or be supplied by
/// a shared facility (the park's own, or one the library proposes).
public enum PartnerSearch {
    public static func run(_ scenario: Scenario, library: SynergyLibrary, options: DiscoveryOptions = DiscoveryOptions())
        -> Discovery {
        var search = Search(scenario: scenario, library: library, options: options)
        search.directExchanges()
        for facility in scenario.facilities { search.links(of: facility, newFacility: nil) }
        search.newFacilities()
        return search.finish()
    }
}

struct Search {
    let scenario: Scenario
    let library: SynergyLibrary
    let options: DiscoveryOptions
    var candidates: [Candidate] = []
    var facilities: [ProposedFacility] = []
    var notes: [String] = []
    var usedIds: Set<String>

    init(scenario: Scenario, library: SynergyLibrary, options: DiscoveryOptions) {
        self.scenario = scenario; self.library = library; self.options = options
        usedIds = Set(scenario.exchanges.map(\.id) + scenario.companies.map(\.id) + scenario.facilities.map(\.id)
                      + scenario.resources.map(\.id) + scenario.permits.map(\.id))
    }

    var usd: Double { options.usdRate }

    func resource(_ id: String) -> Resource? { scenario.resource(id) }

    func exists(_ from: String, _ to: String, _ send: String) -> Bool {
        scenario.exchanges.contains { $0.from == from && $0.to == to && $0.send == send }
            || candidates.contains { $0.exchange.from == from && $0.exchange.to == to && $0.exchange.send == send }
    }

    mutating func uniqueId(_ base: String) -> String {
        var id = base, n = 2
        while usedIds.contains(id) { id = "\(base)_\(n)"; n += 1 }
        usedIds.insert(id)
        return id
    }

    /// A rounded capacity: whole units from 10 up, hundredths below.
    static func rounded(_ value: Double) -> Double {
        value >= 10 ? value.rounded(.up) : (value * 100).rounded(.up) / 100
    }

    // MARK: Firm to firm

    /// Every (sender's product, receiver's need) pair a synergy matches, within the radius.
    mutating func directExchanges() {
        for sender in scenario.companies {
            for produced in sender.produces where produced.amount > 0 {
                guard let sent = resource(produced.resource) else { continue }
                for synergy in library.synergies where synergy.sends.matches(sent) && synergy.unit == sent.unit {
                    for receiver in scenario.companies where receiver.id != sender.id {
                        for need in receiver.needs where need.amount > 0 {
                            guard let replaced = resource(need.resource), synergy.replaces.matches(replaced),
                                  synergy.replacesUnit == replaced.unit else { continue }
                            let t = synergy.terms
                            let capacity = Self.rounded(min(produced.amount, t.maxShare * need.amount / t.ratio))
                            add(kind: .direct, from: sender.id, fromSite: sender.location, to: receiver.id,
                                toSite: receiver.location, send: sent, replace: replaced, capacity: capacity,
                                terms: t, rule: synergy.id, sources: synergy.sources, uncertain: synergy.uncertain,
                                senderDisposes: true, newFacility: nil)
                        }
                    }
                }
            }
        }
    }

    // MARK: Facilities

    /// The recipe that describes `facility`: one consuming one of its inputs and yielding one of
    /// its outputs, else one consuming one of its inputs.
    func recipe(for facility: Facility) -> FacilityRecipe? {
        let consumed = facility.converts.filter { $0.amount < 0 }.compactMap { resource($0.resource) }
        let yielded = facility.converts.filter { $0.amount > 0 }.compactMap { resource($0.resource) }
        return library.facilities.first { r in consumed.contains(where: r.consumes.matches) && yielded.contains(where: r.yields.matches) }
            ?? library.facilities.first { r in consumed.contains(where: r.consumes.matches) }
    }

    /// Feed links from every firm producing what `facility` consumes, supply links to every firm
    /// needing what it yields.
    mutating func links(of facility: Facility, newFacility: String?) {
        guard let recipe = recipe(for: facility) else {
            notes.append("facility \(facility.id): no library recipe consumes what it consumes; no links proposed")
            return
        }
        for input in facility.converts where input.amount < 0 {
            guard let sent = resource(input.resource) else { continue }
            for sender in scenario.companies {
                let produced = sender.produced(sent.id)
                guard produced > 0 else { continue }
                let capacity = Self.rounded(min(produced, facility.capacity * -input.amount))
                add(kind: .feed, from: sender.id, fromSite: sender.location, to: facility.id, toSite: facility.location,
                    send: sent, replace: nil, capacity: capacity, terms: recipe.feed, rule: recipe.id,
                    sources: recipe.sources, uncertain: recipe.uncertain, senderDisposes: true, newFacility: newFacility)
            }
        }
        for output in facility.converts where output.amount > 0 {
            guard let sent = resource(output.resource) else { continue }
            for receiver in scenario.companies {
                let need = receiver.needed(sent.id)
                guard need > 0 else { continue }
                let t = recipe.supply
                let capacity = Self.rounded(min(facility.capacity * output.amount, t.maxShare * need / t.ratio))
                add(kind: .supply, from: facility.id, fromSite: facility.location, to: receiver.id,
                    toSite: receiver.location, send: sent, replace: sent, capacity: capacity, terms: t, rule: recipe.id,
                    sources: recipe.sources, uncertain: recipe.uncertain, senderDisposes: false, newFacility: newFacility)
            }
        }
    }

    /// A library facility the park lacks, where firms produce what it consumes and need what it
    /// yields: sized to the production within the radius of the producers' centre, sited there.
    mutating func newFacilities() {
        for recipe in library.facilities {
            let covered = scenario.facilities.contains { f in
                f.converts.contains { $0.amount < 0 && resource($0.resource).map(recipe.consumes.matches) == true }
            }
            if covered { continue }
            let inputs = scenario.resources.filter { recipe.consumes.matches($0) && $0.unit == recipe.unit }
            let outputs = scenario.resources.filter { r in
                recipe.yields.matches(r) && scenario.companies.contains { $0.needed(r.id) > 0 }
            }
            // The input most produced, and the output most needed.
            func produced(_ r: Resource) -> Double { scenario.companies.map { $0.produced(r.id) }.reduce(0, +) }
            func needed(_ r: Resource) -> Double { scenario.companies.map { $0.needed(r.id) }.reduce(0, +) }
            guard let input = inputs.max(by: { produced($0) < produced($1) }), produced(input) > 0,
                  let output = outputs.max(by: { needed($0) < needed($1) }) else { continue }
            let producers = scenario.companies.filter { $0.produced(input.id) > 0 }
            let site = centre(of: producers.map(\.location))
            let near = producers.filter { scenario.roadDistance(from: $0.location, to: site) <= options.radius }
            let capacity = Self.rounded(near.map { $0.produced(input.id) }.reduce(0, +))
            guard capacity > 0 else { continue }
            let capex = recipe.capexPerCapacity * capacity * usd
            let facility = Facility(
                id: uniqueId(recipe.id), location: site, capacity: capacity,
                converts: [ResourceAmount(input.id, -1), ResourceAmount(output.id, recipe.yield)],
                capex: capex, fixedCost: recipe.fixedCostShare * capex, unitCost: recipe.unitCost * usd,
                jobs: recipe.jobsPerKt * capacity / 1000, lifetime: recipe.lifetime, co2ePerUnit: recipe.co2ePerUnit)
            let value = capacity * (recipe.yield * output.price - recipe.unitCost * usd) - facility.fixedCost
            facilities.append(ProposedFacility(facility: facility, recipe: recipe.id, yearlyValue: value,
                                               sources: recipe.sources, uncertain: recipe.uncertain))
            links(of: facility, newFacility: facility.id)
        }
    }

    /// The mean of the sites: lat/lon when they are in lat/lon, else the km grid.
    func centre(of sites: [Point]) -> Point {
        let n = Double(max(1, sites.count))
        let geo = sites.compactMap(\.geo)
        if !geo.isEmpty, geo.count == sites.count {
            var p = Point(latitude: geo.map(\.latitude).reduce(0, +) / n, longitude: geo.map(\.longitude).reduce(0, +) / n)
            if let origin = scenario.geographicCentroid, let g = p.geo { (p.x, p.y) = g.projected(around: origin) }
            return p
        }
        return Point(x: sites.map(\.x).reduce(0, +) / n, y: sites.map(\.y).reduce(0, +) / n)
    }

    // MARK: One candidate

    mutating func add(kind: Candidate.Kind, from: String, fromSite: Point, to: String, toSite: Point, send: Resource,
                      replace: Resource?, capacity: Double, terms t: LinkTerms, rule: String, sources: [String],
                      uncertain: String, senderDisposes: Bool, newFacility: String?) {
        guard capacity > 0, !exists(from, to, send.id) else { return }
        let distance = scenario.roadDistance(from: fromSite, to: toSite)
        guard distance <= options.radius else { return }
        let id = uniqueId("\(send.id)_\(from)_to_\(to)")
        let exchange = Exchange(
            id: id, from: from, to: to, send: send.id, replace: replace?.id, ratio: replace == nil ? 1 : t.ratio,
            maxShare: replace == nil ? 1 : t.maxShare, capacity: capacity, capex: (t.capexPerCapacity * capacity * usd).rounded(),
            fixedCost: t.fixedCost * usd, unitCost: t.unitCost * usd, transportCost: t.transportCost * usd,
            transportCo2e: t.transportCo2e, jobs: (t.jobsPerKt * capacity / 1000 * 10).rounded() / 10, paidBy: t.paidBy,
            permit: t.permit, lifetime: t.lifetime)
        let disposal = senderDisposes ? capacity * (send.disposalCost - send.salePrice) : 0
        let input = replace.map { capacity * exchange.ratio * $0.price } ?? 0
        candidates.append(Candidate(
            kind: kind, exchange: exchange, distance: distance, disposalSaved: disposal, inputSaved: input,
            processing: capacity * exchange.unitCost + exchange.fixedCost,
            transport: capacity * exchange.transportCost * distance, rule: rule, sources: sources,
            uncertain: uncertain, newFacility: newFacility))
    }

    // MARK: Ranking

    /// Ranked by value (ties by id), cut to `top`; a facility keeps what it needs to run: one
    /// supplied from keeps its best feed links (up to its capacity) even below the cut, one fed
    /// keeps its best supply link. A proposed facility stays only with a feed link.
    mutating func finish() -> Discovery {
        let all = candidates.sorted { ($0.yearlyValue, $1.exchange.id) > ($1.yearlyValue, $0.exchange.id) }
        var ranked = options.top.map { Array(all.prefix(max(0, $0))) } ?? all
        if options.top != nil {
            let sites = scenario.facilities + facilities.map(\.facility)
            var extra: [Candidate] = []
            for facility in sites {
                let kept = ranked.filter { $0.exchange.from == facility.id || $0.exchange.to == facility.id }
                let supplied = kept.contains { $0.kind == .supply }, fed = kept.contains { $0.kind == .feed }
                if supplied && !fed {
                    var amount = 0.0
                    for c in all where c.kind == .feed && c.exchange.to == facility.id && amount < facility.capacity {
                        extra.append(c); amount += c.exchange.capacity
                    }
                }
                if fed && !supplied, let best = all.first(where: { $0.kind == .supply && $0.exchange.from == facility.id }) {
                    extra.append(best)
                }
            }
            ranked = (ranked + extra).sorted { ($0.yearlyValue, $1.exchange.id) > ($1.yearlyValue, $0.exchange.id) }
        }
        let fed = Set(ranked.filter { $0.kind == .feed }.compactMap(\.newFacility))
        ranked.removeAll { $0.newFacility.map { !fed.contains($0) } ?? false }
        let kept = facilities.filter { fed.contains($0.facility.id) }
        let named = Set(ranked.compactMap(\.exchange.permit))
        let lacking = library.permits.filter { named.contains($0.id) && scenario.permit($0.id) == nil }
            .map { p in var p = p; p.cost *= usd; return p }
        return Discovery(candidates: ranked, facilities: kept, permits: lacking, notes: notes)
    }
}
