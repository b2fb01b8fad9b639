import Foundation
import RolebookCore
import RolebookModel
import Testing

/// Models for the diagram and walkthrough tests: the shipped model, and small
/// ones written as a user would, loaded through the real loader.
enum DiagramFixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The model the repository ships (`model/`).
    static func shippedModel() throws -> Model {
        let result = try ModelLoader.load(directory: packageRoot.appendingPathComponent("model").path)
        return try #require(result.model, "the shipped model has errors: \(result.diagnostics)")
    }

    /// Loads YAML sources (one file each) and requires a valid model.
    static func model(_ sources: [String]) throws -> Model {
        let texts = sources.enumerated().map { SourceText(path: "model/file\($0.offset).yaml", text: $0.element) }
        let result = ModelLoader.load(sources: texts)
        return try #require(result.model, "fixture has errors: \(result.diagnostics.map(\.description))")
    }

    static let document = """
        document:
          title: Test platform
        """

    static let teams = """
        teams:
          - id: l2
            name: L2 support
            engage: { how: "Page `l2-oncall`", channel: "#l2", hours: 24x7 }
            color: "#d1fae5"
          - id: cif
            name: CIF team
            engage: { how: Page the CIF on-call, channel: "#cif-oncall" }
            color: "#fde2c8"
          - id: im
            name: Incident management
            engage: { how: Declare an incident }
            color: "#fbd5d5"
        """

    /// A flow with a decision, an escalation, a join, a hand-off and an invariant:
    ///
    ///     start → check? ─Yes→ engage-cif → cif-fixes → done
    ///                    └No─→ look → handoff
    ///     (engage-cif) and (look) both lead on; look joins nothing.
    static let smallFlow = """
        flows:
          - id: main
            title: Main flow
            summary: A **small** flow.
            lanes: [l2, cif, im]
            nodes:
              - { id: start, kind: start, lane: l2, label: Alert fires }
              - { id: check, kind: decision, lane: l2, label: Infrastructure? }
              - { id: engage-cif, kind: escalation, lane: l2, label: Engage the CIF team, engages: cif }
              - { id: cif-fixes, kind: action, lane: cif, label: CIF fixes it }
              - { id: fixed, kind: decision, lane: cif, label: Fixed? }
              - { id: done, kind: end, lane: cif, label: Resolved }
              - { id: engage-im, kind: escalation, lane: l2, label: Engage incident management, engages: im }
              - { id: incident, kind: action, lane: im, label: Run the incident }
              - { id: closed, kind: end, lane: im, label: Closed }
              - { id: to-other, kind: hand-off, lane: l2, label: Other analysis, flow: other }
            edges:
              - { from: start, to: check }
              - { from: check, to: engage-cif, label: "Yes" }
              - { from: check, to: to-other, label: "No" }
              - { from: engage-cif, to: cif-fixes }
              - { from: cif-fixes, to: fixed }
              - { from: fixed, to: done, label: "Yes" }
              - { from: fixed, to: engage-im, label: "No" }
              - { from: engage-im, to: incident }
              - { from: incident, to: closed }
            invariants:
              - id: cif-first
                after: { node: check, branch: "Yes" }
                engages: cif
                before: im
          - id: other
            title: Other analysis
            lanes: [l2, im]
            nodes:
              - { id: begin, kind: start, lane: l2, label: Begin }
              - { id: severe, kind: decision, lane: l2, label: Severe? }
              - { id: page-im, kind: escalation, lane: l2, label: Engage incident management, engages: im }
              - { id: watch, kind: action, lane: l2, label: Watch it }
              - { id: incident, kind: action, lane: im, label: Run the incident }
              - { id: over, kind: end, lane: im, label: Over }
            edges:
              - { from: begin, to: severe }
              - { from: severe, to: page-im, label: "Yes" }
              - { from: severe, to: watch, label: "No" }
              - { from: page-im, to: incident }
              - { from: watch, to: incident }
              - { from: incident, to: over }
        """

    static let smallDiagrams = """
        diagrams:
          - id: main
            title: "Diagram M: Main flow"
            flow: main
          - id: other
            title: "Diagram O: Other analysis"
            flow: other
        """

    /// The small model: two flows and their diagrams.
    static func smallModel() throws -> Model {
        try model([document, teams, smallFlow, smallDiagrams])
    }
}
