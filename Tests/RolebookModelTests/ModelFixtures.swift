import RolebookCore
@testable import RolebookModel

/// A small valid model, written as a user would, that each test breaks in one
/// way. Line numbers in the tests refer to these strings, so edit with care.
enum ModelFixtures {
    static let document = """
        document:
          title: Test platform
        """

    static let teams = """
        teams:
          - id: cif
            name: CIF team
            engage: { how: Page the CIF on-call }
          - id: l2
            name: L2 support
            engage: { how: Ticket to L2 }
          - id: im
            name: Incident management
            engage: { how: Open an incident }
        """

    static let components = """
        components:
          - id: operator
            name: Express Operator
            kind: operator
            owner: cif
          - id: chart
            name: Helm chart
            kind: helm-chart
            owner: l2
        """

    static let flow = """
        flows:
          - id: 2B-3B
            title: Further analysis
            lanes: [l2, cif, im]
            nodes:
              - { id: start, kind: start, lane: l2, label: Alert }
              - { id: infra-check, kind: decision, lane: l2, label: Infrastructure? }
              - { id: engage-cif, kind: escalation, lane: cif, label: Engage CIF, engages: cif }
              - { id: engage-im, kind: escalation, lane: im, label: Incident, engages: im }
              - { id: done, kind: end, lane: l2, label: Resolved }
            edges:
              - { from: start, to: infra-check }
              - { from: infra-check, to: engage-cif, label: "Yes" }
              - { from: infra-check, to: engage-im, label: "No" }
              - { from: engage-cif, to: engage-im }
              - { from: engage-im, to: done }
            invariants:
              - id: cif-before-im
                after: { node: infra-check, branch: "Yes" }
                engages: cif
                before: im
        """

    /// Loads the fixture files, with `replacing` swapped in for one of them.
    static func load(_ overrides: [String: String] = [:]) -> ModelLoader.Result {
        let files = [
            "model/document.yaml": document, "model/teams.yaml": teams, "model/components.yaml": components,
            "model/flows.yaml": flow,
        ].merging(overrides, uniquingKeysWith: { _, new in new })
        return ModelLoader.load(sources: files.keys.sorted().map { SourceText(path: $0, text: files[$0]!) })
    }
}
