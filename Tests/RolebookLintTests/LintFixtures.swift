import RolebookCore
import RolebookModel

@testable import RolebookLint

/// A small model with the vocabulary the rules read: teams, two components
/// with proper names, the pause and abort terms, a term with a spelling
/// variant to avoid, and a flow with the CIF-before-incident invariant.
enum LintFixtures {
    static let model: Model = {
        let files: [String: String] = [
            "model/model.yaml": """
                document: { title: Test }
                teams:
                  - { id: cif, name: CIF team, aliases: [CIF, Cloud Infrastructure Fabric], engage: { how: page } }
                  - { id: l2-support, name: L2 support, engage: { how: ticket } }
                  - { id: incident-management, name: Incident management, engage: { how: declare } }
                components:
                  - { id: express-operator, name: Express Operator, kind: operator, owner: cif }
                  - { id: argo-cd, name: Argo CD, kind: gitops-controller, owner: cif }
                terms:
                  - { id: argo-cd, term: Argo CD, definition: GitOps, avoid: [ArgoCD, Argo-CD] }
                  - id: pause
                    term: Pause Deployment
                    definition: Halt reconciliation.
                    control: pause
                    identified-by: [ConfigMap]
                  - id: abort
                    term: Abort Deployment
                    definition: Stop the deployment.
                    avoid: [kill the deployment]
                    control: abort
                    identified-by: [stop signal, spec.shutdown]
                flows:
                  - id: 2B-3B
                    title: Analysis
                    lanes: [l2-support, cif, incident-management]
                    nodes:
                      - { id: start, kind: start, lane: l2-support, label: Start }
                      - { id: infra, kind: decision, lane: l2-support, label: Infra? }
                      - { id: cif, kind: escalation, lane: l2-support, label: CIF, engages: cif }
                      - { id: im, kind: escalation, lane: l2-support, label: IM, engages: incident-management }
                      - { id: done, kind: end, lane: l2-support, label: Done }
                    edges:
                      - { from: start, to: infra }
                      - { from: infra, to: cif, label: "Yes" }
                      - { from: infra, to: done, label: "No" }
                      - { from: cif, to: im }
                      - { from: im, to: done }
                    invariants:
                      - { id: cif-first, after: { node: infra, branch: "Yes" }, engages: cif, before: incident-management }
                """
        ]
        let result = ModelLoader.load(sources: files.map { SourceText(path: $0.key, text: $0.value) })
        guard let model = result.model else { fatalError("lint fixture model is invalid: \(result.diagnostics)") }
        return model
    }()

    static func lint(_ markdown: String, configuration: LintConfiguration = LintConfiguration(), path: String = "runbook.md") -> [Diagnostic] {
        Linter(model: model, configuration: configuration).lint(path: path, text: markdown)
    }

    static func rule(_ diagnostics: [Diagnostic], _ rule: LintRuleID) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule.ruleID }
    }
}
