import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// The real CRDs and upstream examples in ../shared/corpus (read in place,
/// never copied). Skipped, with the reason printed, where it is absent.
@Suite struct CorpusTests {
    static let corpus = SchemaTestSupport.corpus

    static func skipReason() -> String { "../shared/corpus is not beside the package" }

    @Test(.enabled(if: corpus != nil, Comment(rawValue: skipReason())))
    func everyRealCRDLoads() throws {
        let root = try #require(Self.corpus).appendingPathComponent("crds")
        let result = try CRDLoader.load(paths: [root.path])
        #expect(result.catalog.definitions.count == 22)
        // Only the minimal Argo Workflows CRDs, duplicates of the full ones, are reported.
        #expect(result.diagnostics.allSatisfy { $0.rule == SchemaRules.crdDuplicate }, "\(result.diagnostics)")
        #expect(result.diagnostics.count == 4)
        let workflow = try #require(result.catalog.definition(group: "argoproj.io", kind: "Workflow"))
        #expect(workflow.location.path.contains("/argo-workflows/"))  // the full CRD wins
        #expect(workflow.celRuleCount > 0)
        #expect(result.catalog.definition(group: "cert-manager.io", kind: "ClusterIssuer")?.scope == .cluster)
    }

    /// The upstream examples that are really broken, and why (file, line, rule).
    static let broken: [String] = [
        // `matrix.generators:` has only comments under it: null, and generators is required.
        "argo-cd/docs-applicationset.yaml:186 schema.required",
        // `linkerd.io/inject: {{args.linkerd-enabled}}`: unquoted templating is a YAML flow mapping used as a key.
        "argo-rollouts/traffic-management-rollout-linkerd.yaml:101 yaml.syntax",
        // `generateName: fun-with-gifs-` is indented under `labels`: no name, and the label value ends in '-'.
        "argo-workflows/fun-with-gifs.yaml:13 schema.metadata",
        "argo-workflows/fun-with-gifs.yaml:15 schema.metadata",
        // `name: k8s-jobs` is inside the `|` block of the annotation above it: no name.
        "argo-workflows/k8s-jobs.yaml:9 schema.metadata",
        // `annotations:` twice in metadata.
        "argo-workflows/k8s-patch-json-workflow.yaml:6 yaml.duplicate-key",
    ]

    @Test(.enabled(if: corpus != nil, Comment(rawValue: skipReason())))
    func upstreamExamplesValidateExceptTheBrokenOnes() throws {
        let corpus = try #require(Self.corpus)
        let crds = try CRDLoader.load(paths: [corpus.appendingPathComponent("crds").path])
        let manifests = corpus.appendingPathComponent("manifests").path
        let diagnostics = try ManifestValidator(catalog: crds.catalog).validate(paths: [manifests])
        let errors = diagnostics.filter { $0.severity == .error }.map { diagnostic in
            let path = diagnostic.location.map { String($0.path.dropFirst(manifests.count + 1)) } ?? ""
            return "\(path):\(diagnostic.location?.line ?? 0) \(diagnostic.rule)"
        }
        #expect(errors.sorted() == Self.broken.sorted(), "\(diagnostics.filter { $0.severity == .error })")
        // Strict mode turns the unknown fields of the Argo CD docs example into errors too.
        let strict = try ManifestValidator(catalog: crds.catalog, strict: true).validate(paths: [manifests])
        #expect(strict.filter { $0.rule == SchemaRules.unknownField }.allSatisfy { $0.severity == .error })
        #expect(strict.contains { $0.rule == SchemaRules.unknownField && $0.message.hasPrefix("spec.template.spec.source.helm.useCredentials") })
    }

    @Test(.enabled(if: corpus != nil, Comment(rawValue: skipReason())))
    func workflowShutdownExistsButItsValueIsUnverifiable() throws {
        let corpus = try #require(Self.corpus)
        let full = try CRDLoader.load(paths: [corpus.appendingPathComponent("crds/argo-workflows").path]).catalog
        let minimal = try CRDLoader.load(paths: [corpus.appendingPathComponent("crds/argo-workflows-minimal").path]).catalog
        func claim(_ field: String, _ value: String? = nil) -> APIClaim {
            APIClaim(group: "argoproj.io", version: "v1alpha1", kind: "Workflow", field: field, value: value, location: .file("m.yaml"))
        }
        #expect(ClaimChecker(catalog: full).check(claim("spec.templates")) == .ok)
        guard case .unverifiable(let reason) = ClaimChecker(catalog: full).check(claim("spec.shutdown", "Stop")) else {
            Issue.record("Workflow.spec.shutdown has no enum")
            return
        }
        #expect(reason.contains("declares no enum"))
        guard case .unverifiable(let preserved) = ClaimChecker(catalog: minimal).check(claim("spec.shutdown")) else {
            Issue.record("the minimal CRD preserves unknown fields")
            return
        }
        #expect(preserved.contains("preserves unknown fields"))
        guard case .fieldMissing(_, _, let suggestion, _) = ClaimChecker(catalog: full).check(claim("spec.shutdwon")) else {
            Issue.record("a typo must be a missing field")
            return
        }
        #expect(suggestion == "shutdown")
    }
}
