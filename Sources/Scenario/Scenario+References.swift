/// Cross-reference checks: ids that must exist, and exchanges that must make physical sense.
extension ScenarioChecker {
    mutating func checkReferences() {
        let s = scenario
        for (section, ids) in [("resources", s.resources.map(\.id)), ("companies", s.companies.map(\.id)),
                               ("facilities", s.facilities.map(\.id)), ("exchanges", s.exchanges.map(\.id)),
                               ("permits", s.permits.map(\.id)), ("policies", s.policies.map(\.id))]
            where covers(section) {
            checkDuplicates(ids, section)
        }
        for f in s.facilities where covers("facilities") && s.company(f.id) != nil {
            let line = sourceMap.recordedKey("companies".appendingKey(f.id)).map { " (line \($0.line))" } ?? ""
            error("id `\(f.id)` is already used by a company\(line); companies and facilities share one set of ids",
                  "facilities".appendingKey(f.id), atKey: true)
        }
        for c in s.companies where covers("companies") {
            let path = "companies".appendingKey(c.id)
            for item in c.produces { checkResource(item.resource, path.appendingKey("produces").appendingKey(item.resource)) }
            for item in c.needs { checkResource(item.resource, path.appendingKey("needs").appendingKey(item.resource)) }
        }
        for f in s.facilities where covers("facilities") { checkConversion(of: f) }
        for x in s.exchanges where covers("exchanges") { checkEnds(of: x) }
        guard covers("targets") else { return }
        for (index, id) in s.targets.build.enumerated() where s.exchange(id) == nil {
            error("unknown exchange `\(id)`" + KeySuggestion.hint(for: id, among: s.exchanges.map(\.id)),
                  "targets.build".appendingKey("\(index)"))
        }
        for d in s.targets.diverted {
            checkResource(d.resource, "targets.diverted".appendingKey(d.resource))
        }
    }

    /// A resource id that must be declared under `resources`; reported at `path`'s key.
    mutating func checkResource(_ id: String, _ path: String, atKey: Bool = true) {
        guard scenario.resource(id) == nil else { return }
        error("unknown resource `\(id)`" + KeySuggestion.hint(for: id, among: scenario.resources.map(\.id)),
              path, atKey: atKey)
    }

    private mutating func checkDuplicates(_ ids: [String], _ section: String) {
        var seen: Set<String> = []
        for id in ids where !seen.insert(id).inserted {
            error("duplicate id `\(id)`", section.appendingKey(id), atKey: true)
        }
    }

    /// Known resources, and at least one consumed and one yielded.
    private mutating func checkConversion(of f: Facility) {
        let path = "facilities".appendingKey(f.id).appendingKey("converts")
        for item in f.converts { checkResource(item.resource, path.appendingKey(item.resource)) }
        if !f.converts.contains(where: { $0.amount < 0 }) || !f.converts.contains(where: { $0.amount > 0 }) {
            error("must consume at least one resource (a negative coefficient) and yield at least one "
                  + "(a positive coefficient)", path)
        }
    }

    /// Sender, receiver, resources and permit of one exchange.
    private mutating func checkEnds(of x: Exchange) {
        let s = scenario, path = "exchanges".appendingKey(x.id)
        let ends = s.companies.map(\.id) + s.facilities.map(\.id)
        for (key, id) in [("from", x.from), ("to", x.to)] where s.location(of: id) == nil {
            error("unknown company or facility `\(id)`" + KeySuggestion.hint(for: id, among: ends), path.appendingKey(key))
        }
        if x.from == x.to, s.location(of: x.from) != nil {
            error("an exchange cannot go from `\(x.from)` to itself", path.appendingKey("to"))
        }
        checkResource(x.send, path.appendingKey("send"), atKey: false)
        if let replace = x.replace { checkResource(replace, path.appendingKey("replace"), atKey: false) }
        if let permit = x.permit, s.permit(permit) == nil {
            error("unknown permit `\(permit)`" + KeySuggestion.hint(for: permit, among: s.permits.map(\.id)),
                  path.appendingKey("permit"))
        }
        guard s.resource(x.send) != nil, !sourceMap.wasReported(path.appendingKey("from")) else { return }
        if let sender = s.company(x.from), !sender.produces.contains(where: { $0.resource == x.send }) {
            error("`\(x.from)` does not produce `\(x.send)`" + listing("it produces", sender.produces.map(\.resource)),
                  path.appendingKey("send"))
        } else if let sender = s.facility(x.from), sender.coefficient(of: x.send) <= 0 {
            let yields = sender.converts.filter { $0.amount > 0 }.map(\.resource)
            error("facility `\(x.from)` does not yield `\(x.send)`" + listing("it yields", yields), path.appendingKey("send"))
        }
        guard !sourceMap.wasReported(path.appendingKey("to")) else { return }
        if let receiver = s.company(x.to), let replace = x.replace, s.resource(replace) != nil,
           !receiver.needs.contains(where: { $0.resource == replace }) {
            error("`\(x.to)` does not need `\(replace)`" + listing("it needs", receiver.needs.map(\.resource)),
                  path.appendingKey("replace"))
        } else if let receiver = s.facility(x.to) {
            if receiver.coefficient(of: x.send) >= 0 {
                let consumes = receiver.converts.filter { $0.amount < 0 }.map(\.resource)
                error("facility `\(x.to)` does not consume `\(x.send)`" + listing("it consumes", consumes),
                      path.appendingKey("send"))
            }
            if x.replace != nil {
                error("a facility receiver feeds its consumption and replaces nothing; remove `replace`",
                      path.appendingKey("replace"))
            }
        }
    }

    /// " (it needs: clinker, water)" or " (it needs nothing)".
    private func listing(_ label: String, _ ids: [String]) -> String {
        ids.isEmpty ? " (\(label) nothing)" : " (\(label): \(ids.joined(separator: ", ")))"
    }
}
