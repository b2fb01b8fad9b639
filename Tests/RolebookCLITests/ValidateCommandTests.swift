import Foundation
import Testing

/// `rolebook validate` and `rolebook schema` through the real binary.
@Suite struct ValidateCommandTests {
    @Test func shippedModelIsValid() throws {
        let outcome = try CLIRunner.run(["validate"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        // Warnings (Argo references cannot be verified without Argo's CRDs)
        // and notes (built-in kinds) may appear; no error.
        #expect(!outcome.stdout.contains(": error:"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("is valid"))
    }

    private func brokenModel() throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        try """
            document:
              title: Broken
            teams:
              - id: cif
                name: CIF
                engage: { how: page }
            components:
              - id: operator
                name: Operator
                kind: operator
                owner: cfi
            """.write(to: directory.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func brokenModelExitsOneWithPosition() throws {
        let directory = try brokenModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["validate", "--model", "."], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "./model.yaml:11:12: error: unknown team 'cfi' (did you mean 'cif'?) [model.dangling-reference]\n")
        #expect(outcome.stderr.contains("1 error, 0 warnings"))
    }

    @Test func sarifOutputParses() throws {
        let directory = try brokenModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["validate", "--model", ".", "--format", "sarif"], in: directory)
        #expect(outcome.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
        #expect(results?.count == 1)
        #expect(results?.first?["ruleId"] as? String == "model.dangling-reference")
    }

    @Test func jsonOutputParses() throws {
        let directory = try brokenModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["validate", "--model", ".", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Int])?["errors"] == 1)
    }

    @Test func missingModelDirectoryExitsTwo() throws {
        let outcome = try CLIRunner.run(["validate", "--model", "/nonexistent/model"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("model directory '/nonexistent/model' does not exist"))
    }

    @Test func wrongFlagsAreExplained() throws {
        let outcome = try CLIRunner.run(["validate", "--format", "xml"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("xml"))
        let unknown = try CLIRunner.run(["validat"])
        #expect(unknown.status == 64)
    }

    @Test func schemaIsJSONSchema() throws {
        let outcome = try CLIRunner.run(["schema"])
        #expect(outcome.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["document", "teams", "components", "interactions", "terms", "plans", "flows", "diagrams", "escalation"])
    }
}

/// The change the user's note asks for, guarded: if a model edit removes the
/// path from the infrastructure check to the CIF team in 2B-3B, validation
/// fails with the invariant's id and the line where it is declared.
@Suite struct ShippedInvariantTests {
    @Test func bypassingTheCIFStepFailsValidation() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("model"), to: model)
        let flowFile = model.appendingPathComponent("flows/2B-3B.yaml")
        let original = try String(contentsOf: flowFile, encoding: .utf8)
        let edge = "{ from: infra-check, to: engage-cif, label: \"Yes\" }"
        #expect(original.contains(edge), "the shipped 2B-3B no longer has the edge this test removes")
        let broken = original.replacingOccurrences(of: edge, with: "{ from: infra-check, to: engage-im-application, label: \"Yes\" }")
        try broken.write(to: flowFile, atomically: true, encoding: .utf8)

        let lines = broken.components(separatedBy: "\n")
        let declaration = try #require(lines.firstIndex { $0.contains("- id: cif-before-incident-management") })
        let column = try #require(lines[declaration].range(of: "cif-before")).lowerBound.utf16Offset(in: lines[declaration]) + 1

        let outcome = try CLIRunner.run(["validate"], in: directory)
        #expect(outcome.status == 1)
        let expected = "model/flows/2B-3B.yaml:\(declaration + 1):\(column): error: invariant 'cif-before-incident-management' does not hold"
        #expect(outcome.stdout.contains(expected), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("[flow.invariant]"))
        #expect(outcome.stdout.contains("'engage-cif' cannot be reached from the start 'no-deployment' (nor can the 4 nodes after it)"))
    }
}
