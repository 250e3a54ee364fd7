import Foundation
import Testing
@testable import Scenario

/// Each class of error: its message, its line (and column) and its key path.
@Suite struct ValidationErrorTests {
    /// The one error of `yaml` at `keyPath`, checked to be on the first line containing `fragment`.
    private func error(_ yaml: String, at keyPath: String, line fragment: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = try #require(diagnostic(at: keyPath, in: Fixtures.errors(yaml), sourceLocation: sourceLocation),
                                 sourceLocation: sourceLocation)
        #expect(found.severity == .error, sourceLocation: sourceLocation)
        #expect(found.location?.file == "tiny.yaml", sourceLocation: sourceLocation)
        #expect(found.location?.line == Fixtures.line(of: fragment, in: yaml), "\(found)", sourceLocation: sourceLocation)
        return found
    }

    @Test func yamlSyntaxErrorHasYamsLineAndColumn() throws {
        let yaml = Fixtures.tiny(replacing: "price: 55, co2e: 0.86}", with: "price: 55, co2e: 0.86")
        let errors = Fixtures.errors(yaml)
        #expect(errors.count == 1)
        let found = try #require(errors.first)
        #expect(found.keyPath == "")
        #expect(found.message.hasPrefix("YAML syntax error: "))
        #expect(found.message == "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping "
            + "at line 10, column 15)")
        #expect(found.location?.line == Fixtures.line(of: "wastewater: {unit", in: yaml))
        #expect(found.location?.column == 3)
        #expect(found.description.hasPrefix("tiny.yaml:\(found.location?.line ?? 0):"))
    }

    @Test func negativeCapacityMatchesTheDocumentedMessage() throws {
        let yaml = Fixtures.tiny(replacing: "capacity: 50000 ", with: "capacity: -5    ")
        let found = try error(yaml, at: "exchanges.ash_to_cement.capacity", line: "capacity: -5")
        #expect(found.location?.column == 15)
        #expect(found.description == "tiny.yaml:\(found.location?.line ?? 0):15: error: "
            + "exchanges.ash_to_cement.capacity: must be >= 0, got -5")
    }

    @Test func unknownKeyIsSuggested() throws {
        let yaml = Fixtures.tiny(replacing: "capacity: 50000 ", with: "capcity: 50000  ")
        let errors = Fixtures.errors(yaml)
        let found = try error(yaml, at: "exchanges.ash_to_cement.capcity", line: "capcity")
        #expect(found.message == "unknown key `capcity`; did you mean `capacity`?")
        #expect(found.location?.column == 5)
        // The key it replaced is now missing, and reported too.
        let missing = try #require(diagnostic(at: "exchanges.ash_to_cement.capacity", in: errors))
        #expect(missing.message == "missing required key `capacity`")
        #expect(missing.location?.line == Fixtures.line(of: "  ash_to_cement:", in: yaml))
    }

    @Test func unknownKeyWithoutACloseMatchListsTheKeys() throws {
        let yaml = Fixtures.tiny(replacing: "  economic: 1.0", with: "  money: 1.0")
        let found = try error(yaml, at: "objectives.money", line: "money: 1.0")
        #expect(found.message == "unknown key `money`; expected one of: economic, environmental, social, win_win")
    }

    @Test func missingRequiredKey() throws {
        let yaml = Fixtures.tiny(replacing: "    send: wastewater\n", with: "")
        let found = try error(yaml, at: "exchanges.wastewater_to_reuse.send", line: "  wastewater_to_reuse:")
        #expect(found.message == "missing required key `send`")
        #expect(found.location?.column == 3)
        #expect(Fixtures.errors(yaml).count == 1)
    }

    @Test func missingTopLevelKey() throws {
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08 ", with: "")
            .replacingOccurrences(of: "         # real, per year; year t cash flows are discounted by 1/(1+r)^t", with: "")
        let found = try #require(diagnostic(at: "discount_rate", in: Fixtures.errors(yaml)))
        #expect(found.message == "missing required key `discount_rate`")
    }

    @Test func wrongType() throws {
        let yaml = Fixtures.tiny(replacing: "capex: 200000", with: "capex: lots")
        let found = try error(yaml, at: "exchanges.wastewater_to_reuse.capex", line: "capex: lots")
        #expect(found.message == "expected a number, got the text \"lots\"")
        let mapping = Fixtures.tiny(replacing: "growth: 0.02 ", with: "growth: [1, 2]")
        #expect(try error(mapping, at: "companies.power_plant.growth", line: "growth: [1, 2]").message
            == "expected a number, got a list")
        let quoted = Fixtures.tiny(replacing: "jobs: 8 ", with: "jobs: \"8\"")
        #expect(try error(quoted, at: "facilities.water_reuse_plant.jobs", line: "jobs: \"8\"").message
            == "expected a number, got the text \"8\"")
        let entity = Fixtures.tiny(replacing: "  wastewater: {unit: m3, name_vi: Nước thải, disposal_cost: 0.4}", with: "  wastewater: 3")
        #expect(try error(entity, at: "resources.wastewater", line: "  wastewater: 3").message
            == "expected a mapping of keys to values, got the number 3")
    }

    /// A resource's `name_vi` is text: a list there is an error at its line and key path.
    @Test func resourceNameInVietnameseIsText() throws {
        let yaml = Fixtures.tiny(replacing: "name_vi: Tro bay,", with: "name_vi: [Tro, bay],")
        #expect(try error(yaml, at: "resources.fly_ash.name_vi", line: "name_vi: [Tro, bay]").message == "expected text, got a list")
    }

    @Test func wholeNumberAndEnumerations() throws {
        let lifetime = Fixtures.tiny(replacing: "lifetime: 20", with: "lifetime: 20.5")
        #expect(try error(lifetime, at: "facilities.water_reuse_plant.lifetime", line: "lifetime: 20.5").message
            == "expected a whole number, got 20.5")
        let payer = Fixtures.tiny(replacing: "paid_by: to ", with: "paid_by: tp ")
        #expect(try error(payer, at: "exchanges.ash_to_cement.paid_by", line: "paid_by: tp").message
            == "unknown value `tp`; expected one of: from, to; did you mean `to`?")
        let status = Fixtures.tiny(replacing: "{status: forbidden}", with: "{status: banned}")
        #expect(try error(status, at: "permits.waste_as_material.status", line: "status: banned").message
            == "unknown value `banned`; expected one of: forbidden, allowed, conditional")
        let flag = Fixtures.tiny(replacing: "win_win: true", with: "win_win: maybe")
        #expect(try error(flag, at: "objectives.win_win", line: "win_win: maybe").message
            == "expected true or false, got the text \"maybe\"")
    }

    @Test func negativeVolumesAndCosts() throws {
        let volume = Fixtures.tiny(replacing: "fly_ash: 60000", with: "fly_ash: -60000")
        #expect(try error(volume, at: "companies.power_plant.produces.fly_ash", line: "fly_ash: -60000").message
            == "must be >= 0, got -60000")
        let cost = Fixtures.tiny(replacing: "disposal_cost: 12", with: "disposal_cost: -12")
        #expect(try error(cost, at: "resources.fly_ash.disposal_cost", line: "disposal_cost: -12").message
            == "must be >= 0, got -12")
        let capacity = Fixtures.tiny(replacing: "capacity: 500000  ", with: "capacity: -1      ")
        #expect(try error(capacity, at: "facilities.water_reuse_plant.capacity", line: "capacity: -1").message
            == "must be >= 0, got -1")
    }

    @Test func sharesAndRatiosOutOfRange() throws {
        let share = Fixtures.tiny(replacing: "max_share: 0.3", with: "max_share: 1.5")
        #expect(try error(share, at: "exchanges.ash_to_cement.max_share", line: "max_share: 1.5").message
            == "must be > 0 and <= 1, got 1.5")
        let ratio = Fixtures.tiny(replacing: "ratio: 0.8", with: "ratio: 0")
        #expect(try error(ratio, at: "exchanges.ash_to_cement.ratio", line: "ratio: 0 ").message
            == "must be > 0, got 0")
        let subsidy = Fixtures.tiny(replacing: "capex_subsidy: 0.2", with: "capex_subsidy: 1.2")
        let found = try #require(diagnostic(at: "capex_subsidy", in: Fixtures.errors(subsidy, policy: "green_credit")))
        #expect(found.message == "must be between 0 and 1, got 1.2")
        #expect(found.location?.line == Fixtures.line(of: "capex_subsidy: 1.2", in: subsidy))
    }

    /// Issue 20 (d): `discount_rate: 10` meant 10 % and was only a warning.
    @Test func discountRateAboveOneIsAnError() throws {
        let yaml = Fixtures.tiny(replacing: "discount_rate: 0.08", with: "discount_rate: 10  ")
        let found = try error(yaml, at: "discount_rate", line: "discount_rate: 10")
        #expect(found.message == "discount_rate 10 is above 1: write rates as fractions, e.g. 0.10 for 10 %")
        #expect(found.description.hasPrefix("tiny.yaml:6:16: error: discount_rate: discount_rate 10 is above 1"))
        #expect(Fixtures.errors(yaml).count == 1, "no percentage warning on top")
        // 1 (100 % a year) is the largest rate accepted; suspicious values below it stay warnings.
        let one = Fixtures.tiny(replacing: "discount_rate: 0.08", with: "discount_rate: 1   ")
        #expect(Fixtures.errors(one).isEmpty)
        #expect(Fixtures.warnings(one).map(\.keyPath).contains("discount_rate"))
        // Set by a policy: reported at the policy's line.
        let viaPolicy = Fixtures.tiny(replacing: "set: {resources.fly_ash.disposal_cost: 30}",
                                      with: "set: {resources.fly_ash.disposal_cost: 30, discount_rate: 8}")
        let policyError = try #require(diagnostic(at: "discount_rate", in: Fixtures.errors(viaPolicy)))
        #expect(policyError.message
            == "discount_rate 8 is above 1: write rates as fractions, e.g. 0.10 for 10 % (with policy `landfill_tax`)")
        #expect(policyError.location?.line == Fixtures.line(of: "discount_rate: 8", in: viaPolicy))
        // And as a typed setting (sensitivity studies, Monte Carlo).
        let s = try Fixtures.tiny()
        #expect(throws: ScenarioError.self) { _ = try s.setting("discount_rate", to: 10) }
        #expect(try s.setting("discount_rate", to: 1).discountRate == 1)
    }

    @Test func horizonOfZero() throws {
        let yaml = Fixtures.tiny(replacing: "horizon_years: 10", with: "horizon_years: 0 ")
        #expect(try error(yaml, at: "horizon_years", line: "horizon_years: 0").message == "must be at least 1 year, got 0")
    }

    @Test func nonFiniteNumbers() throws {
        let nan = Fixtures.tiny(replacing: "price: 55", with: "price: .nan")
        #expect(try error(nan, at: "resources.clinker.price", line: "price: .nan").message
            == "must be a finite number, got .nan")
        let inf = Fixtures.tiny(replacing: "location: [3.0, 4.0]", with: "location: [3.0, -.inf]")
        #expect(try error(inf, at: "companies.cement_grinding.location", line: "-.inf").message
            == "must be a finite number, got -.inf")
        let huge = Fixtures.tiny(replacing: "volatility: 0.15}", with: "volatility: 1e999}")
        #expect(try error(huge, at: "uncertainty.prices.clinker.volatility", line: "1e999").message
            == "must be a finite number, got 1e999")
    }

    @Test func unknownReferences() throws {
        let company = Fixtures.tiny(replacing: "to: cement_grinding\n    send: fly_ash", with: "to: cement_grindng\n    send: fly_ash")
        #expect(try error(company, at: "exchanges.ash_to_cement.to", line: "cement_grindng").message
            == "unknown company or facility `cement_grindng`; did you mean `cement_grinding`?")
        let permit = Fixtures.tiny(replacing: "permit: waste_as_material", with: "permit: waste_as_materal")
        #expect(try error(permit, at: "exchanges.ash_to_cement.permit", line: "waste_as_materal").message
            == "unknown permit `waste_as_materal`; did you mean `waste_as_material`?")
        let resource = Fixtures.tiny(replacing: "needs: {clinker: 150000", with: "needs: {clinkr: 150000")
        let errors = Fixtures.errors(resource)
        let found = try #require(diagnostic(at: "companies.cement_grinding.needs.clinkr", in: errors))
        #expect(found.message == "unknown resource `clinkr`; did you mean `clinker`?")
        #expect(found.location?.column == Fixtures.column(of: "clinkr", in: resource))
        let send = Fixtures.tiny(replacing: "send: fly_ash", with: "send: flyash")
        #expect(try error(send, at: "exchanges.ash_to_cement.send", line: "send: flyash").message
            == "unknown resource `flyash`; did you mean `fly_ash`?")
        let build = Fixtures.tiny(replacing: "objectives:   ", with: "targets: {build: [ash_to_cemnt]}\nobjectives:   ")
        #expect(try error(build, at: "targets.build.0", line: "ash_to_cemnt").message
            == "unknown exchange `ash_to_cemnt`; did you mean `ash_to_cement`?")
    }

    @Test func exchangeResourcesMustMatchTheEnds() throws {
        let notProduced = Fixtures.tiny(replacing: "send: fly_ash", with: "send: water  ")
        #expect(try error(notProduced, at: "exchanges.ash_to_cement.send", line: "send: water  ").message
            == "`power_plant` does not produce `water` (it produces: fly_ash, wastewater)")
        let notNeeded = Fixtures.tiny(replacing: "replace: clinker", with: "replace: fly_ash")
        #expect(try error(notNeeded, at: "exchanges.ash_to_cement.replace", line: "replace: fly_ash").message
            == "`cement_grinding` does not need `fly_ash` (it needs: clinker, water)")
        let notConsumed = Fixtures.tiny(replacing: "send: wastewater", with: "send: fly_ash   ")
        #expect(try error(notConsumed, at: "exchanges.wastewater_to_reuse.send", line: "send: fly_ash   ").message
            == "facility `water_reuse_plant` does not consume `fly_ash` (it consumes: wastewater)")
        let notYielded = Fixtures.tiny(replacing: "send: water\n", with: "send: wastewater # from the plant\n")
        #expect(try error(notYielded, at: "exchanges.reuse_to_cement.send", line: "# from the plant")
            .message == "facility `water_reuse_plant` does not yield `wastewater` (it yields: water)")
        let selfLoop = Fixtures.tiny(replacing: "to: water_reuse_plant", with: "to: power_plant")
        #expect(try error(selfLoop, at: "exchanges.wastewater_to_reuse.to", line: "to: power_plant").message
            == "an exchange cannot go from `power_plant` to itself")
    }

    @Test func facilityConversionNeedsBothSigns() throws {
        let yaml = Fixtures.tiny(replacing: "{wastewater: -1.0, water: 0.8}", with: "{wastewater: 1.0, water: 0.8} ")
        let errors = Fixtures.errors(yaml)
        let found = try #require(diagnostic(at: "facilities.water_reuse_plant.converts", in: errors))
        #expect(found.message.hasPrefix("must consume at least one resource"))
    }

    @Test func duplicateKeysAndIds() throws {
        let key = Fixtures.tiny(replacing: "    jobs: 5\n", with: "    jobs: 5\n    jobs: 6\n")
        #expect(try error(key, at: "exchanges.ash_to_cement.jobs", line: "jobs: 6").message
            == "duplicate key `jobs` (first at line \(Fixtures.line(of: "jobs: 5", in: key)))")
        let entity = Fixtures.tiny(replacing: "  clinker:    {unit", with: "  fly_ash: {unit: kg}\n  clinker:    {unit")
        #expect(try error(entity, at: "resources.fly_ash", line: "fly_ash: {unit: kg}").message
            == "duplicate key `fly_ash` (first at line \(Fixtures.line(of: "fly_ash:    {unit", in: entity)))")
        let shared = Fixtures.tiny(replacing: "exchanges:    ", with: """
              cement_grinding: {capacity: 1, converts: {wastewater: -1, water: 1}}
            exchanges:\u{20}\u{20}\u{20}\u{20}
            """)
        let found = try error(shared, at: "facilities.cement_grinding", line: "  cement_grinding: {capacity")
        #expect(found.message == "id `cement_grinding` is already used by a company (line "
            + "\(Fixtures.line(of: "  cement_grinding:", in: shared))); companies and facilities share one set of ids")
        #expect(found.location?.column == 3)
    }

    @Test func idsMayNotContainDots() throws {
        let yaml = Fixtures.tiny(replacing: "  clinker:    {unit", with: "  clin.ker: {unit: t}\n  clinker:    {unit")
        #expect(try error(yaml, at: "resources.clin.ker", line: "clin.ker").message.hasPrefix("id `clin.ker` must be"))
    }

    @Test func correlationsMustFormAValidMatrix() throws {
        let yaml = Fixtures.tiny(replacing: "    - [clinker, water, 0.3]", with: """
                - [clinker, water, 0.9]
                - [clinker, fly_ash.disposal_cost, 0.9]
                - [water, fly_ash.disposal_cost, -0.9]
            """)
        let found = try error(yaml, at: "uncertainty.correlations", line: "  correlations:")
        #expect(found.message.hasPrefix("the correlation matrix is not positive semidefinite (smallest eigenvalue -"))
        let rho = Fixtures.tiny(replacing: "[clinker, water, 0.3]", with: "[clinker, water, 1.3]")
        #expect(try error(rho, at: "uncertainty.correlations.0", line: "[clinker, water, 1.3]").message
            == "correlation must be between -1 and 1, got 1.3")
        let name = Fixtures.tiny(replacing: "[clinker, water, 0.3]", with: "[clinker, watr, 0.3]")
        #expect(try error(name, at: "uncertainty.correlations.0", line: "watr").message
            == "unknown parameter `watr`; did you mean `water`?; correlations name entries of `uncertainty.prices` "
            + "or `uncertainty.volumes`")
    }

    @Test func uncertaintyTargetsMustExist() throws {
        let price = Fixtures.tiny(replacing: "    clinker: {model: gbm", with: "    clinkr: {model: gbm")
            .replacingOccurrences(of: "[clinker, water, 0.3]", with: "[clinkr, water, 0.3]")
        #expect(try error(price, at: "uncertainty.prices.clinkr", line: "clinkr: {model").message
            == "unknown price `clinkr`; did you mean `clinker`?; expected a resource id, `<resource>.price`, "
            + "`<resource>.disposal_cost` or `carbon_price`")
        let volume = Fixtures.tiny(replacing: "power_plant.fly_ash: {model", with: "power_plant.clinker: {model")
        #expect(try error(volume, at: "uncertainty.volumes.power_plant.clinker", line: "power_plant.clinker").message
            == "unknown volume `power_plant.clinker`; expected `<company>.<resource>` for a volume the company "
            + "produces or needs, or `capex`")
        let model = Fixtures.tiny(replacing: "{model: lognormal, sigma: 0.15}", with: "{model: lognormall, sigma: 0.15}")
        #expect(try error(model, at: "uncertainty.volumes.power_plant.fly_ash.model", line: "lognormall").message
            == "unknown model `lognormall`; did you mean `lognormal`?; expected one of: gbm, mean_reverting, "
            + "lognormal, triangular, normal, uniform, csv")
        let key = Fixtures.tiny(replacing: "{model: lognormal, sigma: 0.15}", with: "{model: lognormal, sd: 0.15}")
        let errors = Fixtures.errors(key)
        #expect(try #require(diagnostic(at: "uncertainty.volumes.power_plant.fly_ash.sd", in: errors)).message
            == "unknown key `sd`; expected one of: model, sigma")
        #expect(try #require(diagnostic(at: "uncertainty.volumes.power_plant.fly_ash.sigma", in: errors)).message
            == "missing required key `sigma`")
        let triangle = Fixtures.tiny(replacing: "low: 0.8, mode: 1.0", with: "low: 0.8, mode: 1.2")
        #expect(try error(triangle, at: "uncertainty.volumes.cement_grinding.clinker.mode", line: "mode: 1.2").message
            == "needs low <= mode <= high, got 0.8, 1.2, 1.1")
    }

    @Test func sensitivityPathsMustBeSettable() throws {
        let yaml = Fixtures.tiny(appending: """
            sensitivity:
              parameters: {resources.clinker.price: [30, 70], resources.clinker.prize: [1, 2], discount_rate: [0.1, 0.05]}
              samples: 64

            """)
        let errors = Fixtures.errors(yaml)
        #expect(try #require(diagnostic(at: "sensitivity.parameters.resources.clinker.prize", in: errors)).message
            == "not a numeric setting of this scenario; did you mean `resources.clinker.price`?")
        #expect(try #require(diagnostic(at: "sensitivity.parameters.discount_rate", in: errors)).message
            == "needs low <= high, got [0.1, 0.05]")
        #expect(errors.count == 2)
    }

    @Test func everyErrorIsReportedInFileOrder() throws {
        let yaml = Fixtures.tiny(replacing: "horizon_years: 10", with: "horizon_years: 0 ")
            .replacingOccurrences(of: "capacity: 50000 ", with: "capcity: -5     ")
            .replacingOccurrences(of: "max_share: 0.3", with: "max_share: 3.0")
            .replacingOccurrences(of: "samples: 2000", with: "samples: 0   ")
        let errors = Fixtures.errors(yaml)
        // The missing `capacity` is reported at its exchange's id, above `max_share`.
        #expect(errors.map(\.keyPath) == ["horizon_years", "exchanges.ash_to_cement.capacity",
                                          "exchanges.ash_to_cement.max_share", "exchanges.ash_to_cement.capcity",
                                          "uncertainty.samples"])
        let lines = errors.compactMap { $0.location?.line }
        #expect(lines == lines.sorted())
    }

    @Test func unreadableFileNamesTheFile() throws {
        do {
            _ = try Scenario.load(contentsOf: "/no/such/park.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.message == "cannot read scenario file `/no/such/park.yaml`: no such file")
            #expect(error.description == "error: cannot read scenario file `/no/such/park.yaml`: no such file")
        }
        #expect(throws: ScenarioError.self) { _ = try Scenario.load(contentsOf: Fixtures.packageRoot.path) }
    }

    @Test func emptyAndNonMappingFiles() throws {
        #expect(Fixtures.errors("").map(\.message) == ["the scenario file is empty"])
        #expect(Fixtures.errors("# only a comment\n").map(\.message) == ["the scenario file is empty"])
        #expect(Fixtures.errors("- a\n- b\n").map(\.message) == ["expected a mapping of keys to values, got a list"])
        #expect(Fixtures.errors("name: x\n---\nname: y\n").first?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test func minimalScenarioNeedsOnlyFourKeys() throws {
        let loaded = try Scenario.parse(yaml: "name: Empty\nstart_year: 2026\nhorizon_years: 5\ndiscount_rate: 0.05\n",
                                        file: "e.yaml")
        #expect(loaded.scenario == Scenario(name: "Empty", startYear: 2026, horizonYears: 5, discountRate: 0.05,
                                            sourcePath: "e.yaml"))
    }
}
