import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// Verdicts on claims against the synthetic CRDs, and the rule for groups
/// with no CRD loaded.
@Suite struct ClaimCheckerTests {
    func verdict(
        _ kind: String, _ field: String? = nil, value: String? = nil, scope: CRDScope? = nil,
        group: String = "test.example.com", version: String = "v1", catalog: CRDCatalog? = nil
    ) throws -> ClaimVerdict {
        let claim = APIClaim(
            group: group, version: version, kind: kind, field: field, value: value, scope: scope,
            location: SourceLocation(path: "model.yaml", line: 3, column: 5))
        return ClaimChecker(catalog: try catalog ?? SchemaTestSupport.widgetCatalog()).check(claim)
    }

    @Test func okClaims() throws {
        #expect(try verdict("Widget") == .ok)
        #expect(try verdict("Widget", scope: .namespaced) == .ok)
        #expect(try verdict("Widget", "spec.ports[].protocol") == .ok)
        #expect(try verdict("Widget", "spec.ports.number") == .ok)  // list items implicitly
        #expect(try verdict("Widget", "status.phase", value: "Ready") == .ok)
        #expect(try verdict("Widget", "spec.labels.anything") == .ok)  // a map's keys
        #expect(try verdict("Widget", "metadata.name") == .ok)
        #expect(try verdict("Widget", "spec.size", value: "12") == .ok)
    }

    @Test func wrongClaims() throws {
        #expect(try verdict("Widgit") == .kindNotServed(suggestion: "Widget", kinds: ["Gadget", "Widget"]))
        #expect(try verdict("Widget", version: "v9") == .versionNotServed(served: ["v1", "v1beta1"], exists: false))
        #expect(try verdict("Widget", version: "v1alpha1") == .versionNotServed(served: ["v1", "v1beta1"], exists: true))
        #expect(try verdict("Gadget", scope: .namespaced) == .scopeMismatch(actual: .cluster))
        #expect(try verdict("Widget", "status.phase", value: "Paused") == .valueNotInEnum(allowed: ["Pending", "Ready", "Failed"], suggestion: nil))
        #expect(try verdict("Widget", "spec.size", value: "5000") != .ok)
        guard case let .fieldMissing(path, missing, suggestion, siblings) = try verdict("Widget", "spec.colour") else {
            Issue.record("expected fieldMissing")
            return
        }
        #expect(path == "spec.colour")
        #expect(missing == "colour")
        #expect(suggestion == "color")
        #expect(siblings.contains("size"))
        guard case .valueInvalid = try verdict("Widget", "spec.mode[].x") else {
            Issue.record("[] on a string must be invalid")
            return
        }
    }

    @Test func unverifiableIsAWarningThatSaysWhy() throws {
        guard case .unverifiable(let reason) = try verdict("Widget", "spec.extra.anything") else {
            Issue.record("preserve-unknown must be unverifiable")
            return
        }
        #expect(reason.contains("preserves unknown fields at 'spec.extra'"))
        guard case .unverifiable(let noEnum) = try verdict("Gadget", "spec.strategy", value: "Stop") else {
            Issue.record("a string without an enum must be unverifiable")
            return
        }
        #expect(noEnum.contains("declares no enum"))
        #expect(try verdict("Widget", version: "v1beta1") == .deprecatedVersion(warning: "test.example.com/v1beta1 Widget is deprecated; use v1"))
    }

    @Test func groupsWithoutCRDsAreUnverifiableFromFilesAndErrorsFromACluster() throws {
        let files = try SchemaTestSupport.widgetCatalog()
        guard case .unverifiable(let reason) = try verdict("Workflow", group: "argoproj.io", version: "v1alpha1", catalog: files) else {
            Issue.record("files: unverifiable")
            return
        }
        #expect(reason.contains("no CRD of group 'argoproj.io' is loaded"))
        var cluster = files
        cluster.isAuthoritative = true
        #expect(try verdict("Workflow", group: "argoproj.io", version: "v1alpha1", catalog: cluster) == .groupNotServed)
        let result = ClaimResult(
            claim: APIClaim(group: "argoproj.io", version: "v1alpha1", kind: "Workflow", location: .file("m.yaml")),
            verdict: .unverifiable(reason: reason))
        #expect(result.diagnostic(catalog: files)?.severity == .warning)
        #expect(result.diagnostic(catalog: files)?.rule == SchemaRules.unverifiable)
    }

    @Test func builtInKindsUseTheTable() throws {
        guard case .builtIn = try verdict("ConfigMap", "data", group: "", version: "v1") else {
            Issue.record("ConfigMap data is a built-in note")
            return
        }
        guard case .fieldMissing(_, _, let suggestion, _) = try verdict("ConfigMap", "date", group: "", version: "v1") else {
            Issue.record("ConfigMap has no 'date'")
            return
        }
        #expect(suggestion == "data")
        #expect(try verdict("ConfigMap", scope: .cluster, group: "", version: "v1") == .scopeMismatch(actual: .namespaced))
        let note = ClaimResult(
            claim: APIClaim(group: "", version: "v1", kind: "ConfigMap", field: "data", location: .file("m.yaml")),
            verdict: try verdict("ConfigMap", "data", group: "", version: "v1"))
        #expect(note.diagnostic(catalog: try SchemaTestSupport.widgetCatalog())?.severity == .note)
    }

    @Test func fieldPaths() {
        #expect(FieldPath("status.nodes[].phase")?.description == "status.nodes[].phase")
        #expect(FieldPath("a.b[0]")?.segments.last?.intoItems == true)
        #expect(FieldPath("a..b") == nil)
        #expect(FieldPath("") == nil)
    }
}
