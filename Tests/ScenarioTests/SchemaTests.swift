import Foundation
import Testing
@testable import Scenario

/// `docs/scenario.schema.json` stays in step with the loader's accepted and required keys.
@Suite struct SchemaTests {
    private static func schema() throws -> [String: Any] {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/scenario.schema.json")
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    /// The schema object describing `section`: the root for `.scenario`, else `definitions.<name>`.
    private static func definition(_ section: ScenarioFormat.Section, in schema: [String: Any]) throws -> [String: Any] {
        if section == .scenario { return schema }
        let definitions = try #require(schema["definitions"] as? [String: Any])
        return try #require(definitions[section.rawValue] as? [String: Any], "no definition \(section.rawValue)")
    }

    @Test(arguments: ScenarioFormat.Section.allCases)
    func propertiesEqualTheLoadersKeys(section: ScenarioFormat.Section) throws {
        let definition = try Self.definition(section, in: try Self.schema())
        let properties = try #require(definition["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ScenarioFormat.acceptedKeys(in: section)))
        #expect(definition["additionalProperties"] as? Bool == false, "\(section) must forbid unknown keys")
        let required = definition["required"] as? [String] ?? []
        #expect(Set(required) == Set(ScenarioFormat.requiredKeys(in: section)))
    }

    @Test func enumerationsMatch() throws {
        let schema = try Self.schema()
        func values(_ section: ScenarioFormat.Section, _ key: String) throws -> [String] {
            let properties = try #require(try Self.definition(section, in: schema)["properties"] as? [String: Any])
            let property = try #require(properties[key] as? [String: Any])
            return try #require(property["enum"] as? [String])
        }
        #expect(try values(.resource, "kind") == Resource.Kind.allCases.map(\.rawValue))
        #expect(try values(.permit, "status") == ["forbidden", "allowed", "conditional"])
        #expect(try values(.exchange, "paid_by") == ["from", "to"])
        let definitions = try #require(schema["definitions"] as? [String: Any])
        let process = try #require(definitions["process"] as? [String: Any])
        let model = try #require((process["properties"] as? [String: Any])?["model"] as? [String: Any])
        #expect(model["enum"] as? [String] == ScenarioFormat.processModels.map(\.model))
        for (name, section) in ScenarioFormat.processModels {
            let properties = try #require(try Self.definition(section, in: schema)["properties"] as? [String: Any])
            #expect((properties["model"] as? [String: Any])?["const"] as? String == name)
        }
    }

    @Test func everyLoaderKeyIsDocumented() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/scenario-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for section in ScenarioFormat.Section.allCases {
            for key in ScenarioFormat.acceptedKeys(in: section) {
                #expect(text.contains("`\(key)`"), "docs/scenario-format.md does not mention `\(key)` (\(section))")
            }
        }
    }
}
