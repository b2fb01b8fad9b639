import Foundation
import RolebookCore
import Testing

@testable import RolebookModel

/// Each structural rule of flows, broken once, at its exact position.
@Suite struct FlowCheckerTests {
    private func errors(_ flow: String) -> [Diagnostic] {
        ModelFixtures.load(["model/flows.yaml": flow]).diagnostics.filter { $0.severity == .error }
    }

    private func loc(_ line: Int, _ column: Int) -> RolebookCore.SourceLocation {
        RolebookCore.SourceLocation(path: "model/flows.yaml", line: line, column: column)
    }

    @Test func noStart() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "kind: start", with: "kind: action")
        let found = errors(flow)
        #expect(found.contains { $0.rule == "flow.start" && $0.location == loc(2, 9) })
    }

    @Test func twoStarts() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "{ id: done, kind: end", with: "{ id: done, kind: start")
        let found = errors(flow)
        let error = try #require(found.first { $0.rule == "flow.start" })
        #expect(error.location == loc(10, 15))
    }

    @Test func unreachableNode() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(
            of: "    edges:", with: "      - { id: orphan, kind: end, lane: l2, label: Lost }\n    edges:")
        let found = errors(flow)
        #expect(found.count == 1)
        #expect(found.first?.rule == "flow.unreachable")
        #expect(found.first?.location == loc(11, 15))
        #expect(found.first?.message == "'orphan' cannot be reached from the start 'start'")
    }

    @Test func deadEnd() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "      - { from: engage-im, to: done }\n", with: "")
        let found = errors(flow)
        #expect(found.contains { $0.rule == "flow.dead-end" && $0.location == loc(9, 15) })
    }

    @Test func decisionWithOneBranch() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "label: \"No\"", with: "label: \"Yes\"")
        let found = errors(flow)
        #expect(found.contains { $0.rule == "flow.decision-branches" && $0.location == loc(7, 15) })
    }

    @Test func unlabelledBranch() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: ", label: \"No\"", with: "")
        let found = errors(flow)
        #expect(found.contains { $0.rule == "flow.decision-branches" && $0.location == loc(14, 9) })
    }

    @Test func cycleRefusedUnlessAllowed() throws {
        let cyclic = ModelFixtures.flow.replacingOccurrences(
            of: "      - { from: engage-cif, to: engage-im }",
            with: "      - { from: engage-cif, to: engage-im }\n      - { from: engage-im, to: start }")
        // engage-im now has two exits; that is allowed, but it closes a cycle.
        let found = errors(cyclic)
        let cycle = try #require(found.first { $0.rule == "flow.cycle" })
        #expect(cycle.location == loc(16, 9))
        let allowed = cyclic.replacingOccurrences(of: "    lanes: [l2, cif, im]", with: "    lanes: [l2, cif, im]\n    allow-cycles: true")
        #expect(!errors(allowed).contains { $0.rule == "flow.cycle" })
    }

    @Test func handOffToUnknownFlow() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(
            of: "{ id: done, kind: end, lane: l2, label: Resolved }", with: "{ id: done, kind: hand-off, lane: l2, label: Next, flow: 2B-9 }")
        let found = errors(flow)
        #expect(found.count == 1)
        #expect(found.first?.rule == "model.dangling-reference")
        #expect(found.first?.message == "unknown flow '2B-9' (did you mean '2B-3B'?)")
    }

    @Test func laneNotDeclared() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "lanes: [l2, cif, im]", with: "lanes: [l2, im]")
        let found = errors(flow)
        #expect(found.count == 1)
        #expect(found.first?.rule == "flow.lane")
        #expect(found.first?.location == loc(8, 51))
    }

    /// The note's change: removing the path to the CIF step makes the
    /// invariant fail, with its id and its location.
    @Test func invariantFailsWhenCIFStepIsBypassed() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(
            of: "{ from: infra-check, to: engage-cif, label: \"Yes\" }", with: "{ from: infra-check, to: engage-im, label: \"Yes\" }")
        let found = errors(flow)
        // engage-cif is now unreachable as well.
        let invariant = try #require(found.first { $0.rule == "flow.invariant" })
        #expect(invariant.location == loc(18, 13))
        #expect(invariant.message == "invariant 'cif-before-im' does not hold: the path infra-check → engage-im engages 'im' before 'cif'")
        #expect(found.contains { $0.rule == "flow.unreachable" })
    }

    @Test func invariantFailsWhenPathEndsWithoutEngaging() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(
            of: "{ from: infra-check, to: engage-cif, label: \"Yes\" }", with: "{ from: infra-check, to: done, label: \"Yes\" }")
            .replacingOccurrences(of: "      - { from: engage-cif, to: engage-im }\n", with: "")
            .replacingOccurrences(of: "      - { id: engage-cif, kind: escalation, lane: cif, label: Engage CIF, engages: cif }\n", with: "")
        let found = errors(flow)
        #expect(found.count == 1)
        #expect(found.first?.message == "invariant 'cif-before-im' does not hold: the path infra-check → done never engages 'cif'")
    }

    @Test func invariantNamesUnknownBranch() throws {
        let flow = ModelFixtures.flow.replacingOccurrences(of: "branch: \"Yes\"", with: "branch: \"Yse\"")
        let found = errors(flow)
        #expect(found.count == 1)
        #expect(found.first?.message == "invariant 'cif-before-im': 'infra-check' has no branch labelled \"Yse\" (did you mean 'Yes'?)")
    }
}

/// The escalation quick reference cannot contradict a flow's invariant.
@Suite struct EscalationCheckerTests {
    @Test func pathAgainstAnInvariantIsAnError() throws {
        let escalation = """
            escalation:
              - scope: kubernetes-cluster
                signal: All namespaces affected
                engage: [l2, im, cif]
            """
        let result = ModelFixtures.load(["model/escalation.yaml": escalation])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.rule == "escalation.order")
        #expect(errors.first?.location == RolebookCore.SourceLocation(path: "model/escalation.yaml", line: 4, column: 18))
        #expect(errors.first?.message == "escalation for scope 'kubernetes-cluster' engages 'im' before 'cif', against invariant 'cif-before-im' of flow '2B-3B'")
    }

    @Test func pathInTheInvariantsOrderIsFine() throws {
        let escalation = """
            escalation:
              - scope: kubernetes-cluster
                signal: All namespaces affected
                engage: [l2, cif, im]
                flow: 2B-3B
            """
        let result = ModelFixtures.load(["model/escalation.yaml": escalation])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model?.escalation.first?.engage.map(\.value) == ["l2", "cif", "im"])
    }
}
