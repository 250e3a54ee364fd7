import Formulation

extension DesignReport {
    /// The exchanges of the design as one CSV table Excel opens correctly: UTF-8 with a byte
    /// order mark, one header row, a row per candidate exchange with its yearly flows and, for
    /// one not built, why (`LinkAbsence`). Money to the cent (per unit to 1/10,000), flows to
    /// 1/100 of a unit: no float noise (`49999.99999999999`).
    public func csv() -> String {
        guard let design = result.design else { return "\u{FEFF}status\n\(status)\n" }
        let c = scenario.currency
        var header = ["exchange", "from", "to", "resource", "unit", "built", "build_year", "blocked_by", "not_built_because",
                      "transfer_pv_\(c)", "transfer_per_unit_\(c)"]
        header += design.years.map { "flow_\($0)" }
        var lines = [header.map(csvField).joined(separator: ",")]
        for e in design.exchanges {
            var fields = [e.id, e.from, e.to, e.resource, scenario.resource(e.resource)?.unit ?? "",
                          e.built ? "yes" : "no", e.buildYear.map(String.init) ?? "", e.blockedBy ?? "",
                          e.notBuiltBecause?.sentence(currency: c) ?? "",
                          CSVDialect.standard.number(e.transfer), e.transferPerUnit.map { CSVDialect.standard.number($0, decimals: 4) } ?? ""]
            fields += e.flows.map { CSVDialect.standard.number($0) }
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
