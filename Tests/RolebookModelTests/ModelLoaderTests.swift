import Foundation
import RolebookCore
import Testing

@testable import RolebookModel

/// One broken model per failure kind: each must give exactly the expected
/// diagnostic, rule id and position.
@Suite struct ModelLoaderTests {
    /// The single error of a load, or a failure naming what came instead.
    private func onlyError(_ result: ModelLoader.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "expected one error, got \(errors.map(\.description))", sourceLocation: sourceLocation)
        let loaded = result.model != nil
        #expect(!loaded, "a model with errors must not load", sourceLocation: sourceLocation)
        return errors.first
    }

    @Test func fixtureIsValid() throws {
        let result = ModelFixtures.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let model = try #require(result.model)
        #expect(model.team("cif").name == "CIF team")
        #expect(model.component("operator").owner.value == "cif")
        #expect(model.flow("2B-3B").nodes.count == 5)
    }

    @Test func yamlSyntaxErrorHasPosition() throws {
        let result = ModelFixtures.load(["model/teams.yaml": "teams:\n  - id: cif\n    name: [unclosed\n"])
        let error = try #require(onlyError(result))
        #expect(error.rule == "yaml.syntax")
        #expect(error.location?.path == "model/teams.yaml")
        #expect(error.location?.line == 4)
    }

    @Test func duplicateYAMLKey() throws {
        let result = ModelFixtures.load(["model/document.yaml": "document:\n  title: A\n  title: B\n"])
        let error = try #require(onlyError(result))
        #expect(error.rule == "yaml.duplicate-key")
        #expect(error.message.contains("title"))
    }

    @Test func unknownKeyWithSuggestion() throws {
        let teams = ModelFixtures.teams.replacingOccurrences(of: "    name: L2 support", with: "    nmae: L2 support")
        let result = ModelFixtures.load(["model/teams.yaml": teams])
        let errors = result.diagnostics.filter { $0.rule == "model.unknown-key" }
        let error = try #require(errors.first)
        #expect(error.message == "unknown key 'nmae' in a team (did you mean 'name'?)")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/teams.yaml", line: 6, column: 5))
        // The team is also missing its name: reported at the team's mapping.
        #expect(result.diagnostics.contains { $0.rule == "model.missing-key" && $0.location?.line == 5 && $0.location?.column == 5 })
    }

    @Test func duplicateTeamID() throws {
        let teams = ModelFixtures.teams + "\n  - id: cif\n    name: Again\n    engage: { how: x }\n"
        let error = try #require(onlyError(ModelFixtures.load(["model/teams.yaml": teams])))
        #expect(error.rule == "model.duplicate-id")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/teams.yaml", line: 11, column: 9))
        #expect(error.message == "duplicate team id 'cif'; first defined at model/teams.yaml:2:9")
    }

    @Test func danglingOwnerReference() throws {
        let components = ModelFixtures.components.replacingOccurrences(of: "owner: cif", with: "owner: cfi")
        let error = try #require(onlyError(ModelFixtures.load(["model/components.yaml": components])))
        #expect(error.rule == "model.dangling-reference")
        #expect(error.message == "unknown team 'cfi' (did you mean 'cif'?)")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/components.yaml", line: 5, column: 12))
    }

    @Test func componentWithoutOwner() throws {
        let components = ModelFixtures.components.replacingOccurrences(of: "\n    owner: l2", with: "")
        let error = try #require(onlyError(ModelFixtures.load(["model/components.yaml": components + "\n"])))
        #expect(error.rule == "model.missing-owner")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/components.yaml", line: 6, column: 9))
    }

    @Test func invalidEnumValueSuggests() throws {
        let components = ModelFixtures.components.replacingOccurrences(of: "kind: helm-chart", with: "kind: helm-chrat")
        let error = try #require(onlyError(ModelFixtures.load(["model/components.yaml": components])))
        #expect(error.rule == "model.invalid-value")
        #expect(error.message == "'helm-chrat' is not a valid kind (did you mean 'helm-chart'?)")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/components.yaml", line: 8, column: 11))
    }

    @Test func wrongType() throws {
        let error = try #require(onlyError(ModelFixtures.load(["model/document.yaml": "document:\n  title: [a, b]\n"])))
        #expect(error.rule == "model.type")
        #expect(error.location == RolebookCore.SourceLocation(path: "model/document.yaml", line: 2, column: 10))
    }

    @Test func missingDocument() throws {
        let error = try #require(onlyError(ModelFixtures.load(["model/document.yaml": "# nothing\n"])))
        #expect(error.rule == "model.document")
    }

    @Test func allFindingsInOneRunSorted() {
        let components = ModelFixtures.components
            .replacingOccurrences(of: "owner: cif", with: "owner: nobody")
            .replacingOccurrences(of: "kind: helm-chart", with: "kind: chart")
        let teams = ModelFixtures.teams.replacingOccurrences(of: "    name: CIF team", with: "    naem: CIF team")
        let result = ModelFixtures.load(["model/components.yaml": components, "model/teams.yaml": teams])
        #expect(result.diagnostics.count >= 4)
        #expect(result.diagnostics == result.diagnostics.sorted())
        #expect(result.diagnostics.first?.location?.path == "model/components.yaml")
    }
}
