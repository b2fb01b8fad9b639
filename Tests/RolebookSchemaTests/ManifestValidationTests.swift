import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// Manifests against the synthetic Widget CRD: every schema feature the
/// corpus does not exercise, with the exact position of each finding.
@Suite struct ManifestValidationTests {
    static let valid = """
        apiVersion: test.example.com/v1
        kind: Widget
        metadata:
          name: w1
          namespace: team-a
          labels: { app: demo }
        spec:
          size: 10
          mode: small
          note: null
          color: "#a0b1c2"
          since: 2024-05-01T12:00:00Z
          port: http
          extra: { level: 3, anything: [1, 2] }
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: cm }
            data: { a: b }
          ports:
            - { name: http, number: 80 }
            - { name: http, protocol: UDP, number: 80 }
          tags: [red, blue]
          labels: { tier: web }
        status:
          phase: NotARealPhase
        """

    @Test func validWidgetHasOnlyTheCELNote() throws {
        let diagnostics = try SchemaTestSupport.validate(Self.valid)
        #expect(diagnostics.positions == ["2:7 schema.cel-not-evaluated"], "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("1 CEL rule (x-kubernetes-validations) of Widget applies") == true)
    }

    @Test func nullableAllowsNullOthersArePrunedAndRequiredFires() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec:
              size: 3
              mode:
              note: null
            """
        let diagnostics = try SchemaTestSupport.validate(yaml)
        // `note` is nullable: fine. `mode:` is null: dropped, then missing.
        #expect(diagnostics.with(SchemaRules.null).positions == ["6:8 schema.null"])
        #expect(diagnostics.with(SchemaRules.required).positions == ["6:8 schema.required"])
        #expect(diagnostics.with(SchemaRules.required).first?.message == "spec: required field 'mode' is missing (it is null)")
    }

    @Test func preserveUnknownFieldsKeepsUnknownButChecksDeclared() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec:
              size: 3
              mode: auto
              extra:
                whatever: { deep: true }
                level: high
            """
        let diagnostics = try SchemaTestSupport.validate(yaml).filter { $0.rule != SchemaRules.cel }
        #expect(diagnostics.positions == ["9:12 schema.type"], "\(diagnostics)")
        #expect(diagnostics.first?.message == "spec.extra.level: must be integer, not string \"high\"")
    }

    @Test func intOrStringAcceptsBothAndRejectsOthers() throws {
        for port in ["8080", "http", "'8080'"] {
            let yaml = "apiVersion: test.example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1, mode: auto, port: \(port)}\n"
            #expect(try SchemaTestSupport.validate(yaml).with(SchemaRules.type).isEmpty, "port \(port)")
        }
        let yaml = "apiVersion: test.example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1, mode: auto, port: [1]}\n"
        let diagnostics = try SchemaTestSupport.validate(yaml).with(SchemaRules.type)
        #expect(diagnostics.positions == ["4:35 schema.type"])
        #expect(diagnostics.first?.message.contains("must be an integer or a string, not array") == true)
    }

    @Test func embeddedResourceNeedsApiVersionAndKind() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec:
              size: 3
              mode: auto
              template:
                metadata: { name: x }
                data: {}
            """
        let diagnostics = try SchemaTestSupport.validate(yaml).with(SchemaRules.embeddedResource)
        #expect(diagnostics.positions == ["8:5 schema.embedded-resource", "8:5 schema.embedded-resource"])
        #expect(Set(diagnostics.map(\.message)) == [
            "spec.template: embedded resource has no 'apiVersion'", "spec.template: embedded resource has no 'kind'",
        ])
    }

    @Test func listMapKeysAndSetsRejectDuplicates() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec:
              size: 3
              mode: auto
              ports:
                - name: http
                  protocol: TCP
                - name: http
                  protocol: UDP
                - name: http
                  protocol: TCP
              tags: [red, blue, red]
            """
        let diagnostics = try SchemaTestSupport.validate(yaml).with(SchemaRules.duplicateItem)
        #expect(diagnostics.positions == ["12:7 schema.list-duplicate", "14:21 schema.list-duplicate"])
        #expect(diagnostics[0].message == "spec.ports[2]: duplicate entry with name=\"http\", protocol=\"TCP\" (also at [0])")
        #expect(diagnostics[1].message == "spec.tags[2]: duplicate value \"red\" (also at [0])")
    }

    @Test func scalarRulesPointAtTheirNodes() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec:
              size: 0
              mode: Small
              color: red
              since: 2024-05-01 noon
              tags: [x]
              replicas: "3"
            """
        let diagnostics = try SchemaTestSupport.validate(yaml).filter { $0.severity == .error }
        #expect(
            diagnostics.positions == [
                "5:9 schema.bounds", "6:9 schema.enum", "7:10 schema.pattern", "8:10 schema.format", "9:10 schema.length",
                "10:13 schema.type",
            ], "\(diagnostics)")
        #expect(diagnostics[1].message == "spec.mode: \"Small\" is not one of the allowed values (did you mean 'small'?)")
        #expect(diagnostics[5].help == "remove the quotes: YAML reads a quoted 3 as a string")
    }

    @Test func unknownFieldsWarnByDefaultAndFailWithStrict() throws {
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1, lables: {} }
            spec:
              size: 3
              mode: auto
              colour: "#000000"
            """
        let warn = try SchemaTestSupport.validate(yaml).with(SchemaRules.unknownField)
        #expect(warn.positions == ["3:23 schema.unknown-field", "7:3 schema.unknown-field"])
        #expect(warn.allSatisfy { $0.severity == .warning })
        #expect(warn[1].message == "spec.colour: unknown field (did you mean 'color'?); the API server drops it")
        #expect(warn[0].message.contains("did you mean 'labels'?"))
        let strict = try SchemaTestSupport.validate(yaml, strict: true).with(SchemaRules.unknownField)
        #expect(strict.positions == warn.positions)
        #expect(strict.allSatisfy { $0.severity == .error })
    }

    @Test func requiredDefaultsAndStatusSubresource() throws {
        // `replicas` has a default; status is ignored on create (status subresource).
        let yaml = """
            apiVersion: test.example.com/v1
            kind: Widget
            metadata: { name: w1 }
            spec: { size: 3, mode: auto }
            status: { phase: 12 }
            """
        #expect(try SchemaTestSupport.validate(yaml).filter { $0.severity != .note }.isEmpty)
        let noSpec = try SchemaTestSupport.validate("apiVersion: test.example.com/v1\nkind: Widget\nmetadata: {name: w1}\n")
        #expect(noSpec.positions == ["1:1 schema.required"])
    }

    @Test func metadataNameRules() throws {
        func findings(_ metadata: String) throws -> [Diagnostic] {
            try SchemaTestSupport.validate("apiVersion: test.example.com/v1\nkind: Widget\nmetadata: \(metadata)\nspec: {size: 1, mode: auto}\n")
                .filter { $0.severity == .error }
        }
        #expect(try findings("{ name: My_Widget }").positions == ["3:19 schema.metadata"])
        #expect(try findings("{ name: my-widget-name-is-much-too-long }").positions == ["3:19 schema.length"])
        #expect(try findings("{ generateName: widget- }").isEmpty)
        #expect(try findings("{ labels: { a: b } }").positions == ["3:11 schema.metadata"])
        #expect(try findings("{ name: w, namespace: Team_A }").positions == ["3:33 schema.metadata"])
        #expect(try findings("{ name: w, labels: { on: yes } }").positions == ["3:36 schema.type"])
        let subdomain = ObjectMetaRules.subdomainProblem(String(repeating: "a", count: 254))
        #expect(subdomain?.contains("253") == true)
        #expect(ObjectMetaRules.labelProblem("team-a") == nil)
    }

    @Test func clusterScopedKindWarnsAboutNamespace() throws {
        let yaml = "apiVersion: test.example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: ns}\nspec: {strategy: x}\n"
        let diagnostics = try SchemaTestSupport.validate(yaml)
        #expect(diagnostics.positions == ["3:32 crd.scope"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func versionsKindsAndUnknownGroups() throws {
        let yaml = """
            apiVersion: test.example.com/v1alpha1
            kind: Widget
            metadata: { name: a }
            ---
            apiVersion: test.example.com/v2
            kind: Widget
            metadata: { name: b }
            ---
            apiVersion: test.example.com/v1beta1
            kind: Widget
            metadata: { name: c }
            ---
            apiVersion: test.example.com/v1
            kind: Widgit
            metadata: { name: d }
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: e }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: f }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: g }
            ---
            just a string
            """
        let diagnostics = try SchemaTestSupport.validate(yaml)
        #expect(
            diagnostics.positions == [
                "1:13 crd.version-not-served", "5:13 crd.version-not-served", "9:13 crd.deprecated-version",
                "14:7 crd.kind-not-served", "18:7 schema.no-schema", "22:7 schema.built-in", "29:1 schema.not-a-resource",
            ], "\(diagnostics)")
        #expect(diagnostics[0].message.contains("version 'v1alpha1' exists but is not served"))
        #expect(diagnostics[3].message == "test.example.com has no kind 'Widgit' (did you mean 'Widget'?)")
        #expect(diagnostics[5].message.contains("(2 objects in this file)"))
    }

    @Test func listsOfObjectsAreFlattened() throws {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: test.example.com/v1
                kind: Widget
                metadata: { name: a }
                spec: { size: -1, mode: auto }
            """
        #expect(try SchemaTestSupport.validate(yaml).with(SchemaRules.bounds).positions == ["7:19 schema.bounds"])
    }

    @Test func yamlProblemsAreFindingsNotCrashes() throws {
        let duplicate = try SchemaTestSupport.validate("apiVersion: v1\nkind: A\nkind: B\n")
        #expect(duplicate.map(\.rule) == [YAMLLoader.duplicateKeyRule])
        let templated = try SchemaTestSupport.validate("a:\n  b: {{x}}\n")
        #expect(templated.positions == ["2:7 yaml.syntax"])
        let bomb = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            """
        #expect(try SchemaTestSupport.validate(bomb).map(\.rule) == [YAMLLoader.aliasBombRule])
    }
}
