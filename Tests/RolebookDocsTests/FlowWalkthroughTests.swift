import RolebookCore
import RolebookModel
import Testing

@testable import RolebookDocs

/// Numbering and the terminal outline, on small models written as a user
/// would, where every expected number can be checked by hand.
@Suite struct FlowWalkthroughTests {
    static func flow(_ id: String, in model: Model) throws -> Flow {
        try #require(model.flows.first { $0.id.rawValue == id })
    }

    @Test func numbersDepthFirstFromTheStartInModelOrder() throws {
        let model = try DiagramFixtures.smallModel()
        let walkthrough = FlowWalkthrough(try Self.flow("main", in: model))
        #expect(
            walkthrough.steps.map(\.node.id.rawValue) == [
                "start", "check", "engage-cif", "cif-fixes", "fixed", "done", "engage-im", "incident", "closed",
                "to-other",
            ])
        #expect(walkthrough.steps.map(\.number) == Array(1...10))
        let check = walkthrough.steps[1]
        #expect(check.next.map(\.label) == ["Yes", "No"])
        #expect(check.next.map(\.step) == [3, 10])
        #expect(walkthrough.steps[0].next.map(\.step) == [2])
        #expect(walkthrough.steps[0].next.map(\.label) == [nil])
        #expect(walkthrough.steps[5].next.isEmpty, "an end leads nowhere")
    }

    @Test func outlineOfTheSmallFlow() throws {
        let model = try DiagramFixtures.smallModel()
        let outline = FlowWalkthrough(try Self.flow("main", in: model)).outline(in: model)
        #expect(
            outline == """
                Flow main: Main flow
                A small flow.
                Lanes: L2 support | CIF team | Incident management

                1. Start: Alert fires  [L2 support]
                2. Decision: Infrastructure?  [L2 support]
                   Yes:
                     3. Escalate: Engage the CIF team  [L2 support]
                        Engages: CIF team
                        How: Page the CIF on-call
                        Channel: #cif-oncall
                     4. CIF fixes it  [CIF team]
                     5. Decision: Fixed?  [CIF team]
                        Yes:
                          6. End: Resolved  [CIF team]
                        No:
                          7. Escalate: Engage incident management  [L2 support]
                             Engages: Incident management
                             How: Declare an incident
                          8. Run the incident  [Incident management]
                          9. End: Closed  [Incident management]
                   No:
                     10. Hand-off: Other analysis  [L2 support]
                         Continue with: flow other, Other analysis
                         Show it: rolebook flow other

                Checked on every path:
                - CIF team is engaged before Incident management whenever "Infrastructure?" answers Yes.

                """)
    }

    @Test func aJoinKeepsItsFirstNumberAndIsReferredTo() throws {
        let model = try DiagramFixtures.smallModel()
        let walkthrough = FlowWalkthrough(try Self.flow("other", in: model))
        #expect(walkthrough.steps.map(\.node.id.rawValue) == ["begin", "severe", "page-im", "incident", "over", "watch"])
        #expect(walkthrough.steps[5].next.map(\.step) == [4], "watch leads to the incident, step 4")
        let outline = walkthrough.outline(in: model)
        #expect(
            outline.hasSuffix(
                """
                   No:
                     6. Watch it  [L2 support]
                        → continues at step 4

                """))
        #expect(outline.components(separatedBy: "Run the incident").count == 2, "the joined step is printed once")
        #expect(outline.contains("How: Page `l2-oncall`") == false, "CommonMark is shown as plain text")
    }

    @Test func aLoopEndsAtTheStepItReturnsTo() throws {
        let model = try DiagramFixtures.model([
            DiagramFixtures.document, DiagramFixtures.teams,
            """
            flows:
              - id: retry
                title: Retry until it works
                lanes: [l2]
                allow-cycles: true
                nodes:
                  - { id: start, kind: start, lane: l2, label: Begin }
                  - { id: try, kind: action, lane: l2, label: Try the fix }
                  - { id: ok, kind: decision, lane: l2, label: Works? }
                  - { id: done, kind: end, lane: l2, label: Done }
                edges:
                  - { from: start, to: try }
                  - { from: try, to: ok }
                  - { from: ok, to: done, label: "Yes" }
                  - { from: ok, to: try, label: "No" }
            """,
        ])
        let walkthrough = FlowWalkthrough(try Self.flow("retry", in: model))
        #expect(walkthrough.steps.map(\.node.id.rawValue) == ["start", "try", "ok", "done"])
        #expect(walkthrough.steps[2].next.map(\.step) == [4, 2])
        let outline = walkthrough.outline(in: model)
        #expect(outline.contains("   No:\n     → continues at step 2\n"))
    }

    @Test func controlCharactersInLabelsNeverReachTheTerminal() throws {
        let model = try DiagramFixtures.model([
            DiagramFixtures.document, DiagramFixtures.teams,
            """
            flows:
              - id: nasty
                title: "Nasty\\e[2J title"
                lanes: [l2]
                nodes:
                  - { id: start, kind: start, lane: l2, label: "Red\\e[31m alert\\nsecond line" }
                  - { id: done, kind: end, lane: l2, label: "Bell\\a done" }
                edges:
                  - { from: start, to: done }
            """,
        ])
        let outline = FlowWalkthrough(try Self.flow("nasty", in: model)).outline(in: model)
        #expect(!outline.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(outline.contains("1. Start: Red[31m alert second line  [L2 support]"))
        #expect(outline.contains("2. End: Bell done  [L2 support]"))
    }

    @Test func everyShippedFlowNumbersEveryNodeOnce() throws {
        let model = try DiagramFixtures.shippedModel()
        for flow in model.flows {
            let walkthrough = FlowWalkthrough(flow)
            #expect(walkthrough.steps.count == flow.nodes.count, "\(flow.id)")
            #expect(Set(walkthrough.steps.map(\.node.id)).count == flow.nodes.count)
            #expect(walkthrough.steps.first?.node.kind == .start)
            let outline = walkthrough.outline(in: model)
            for step in walkthrough.steps {
                #expect(outline.contains("\(step.number). "), "step \(step.number) of \(flow.id)")
            }
            for node in flow.nodes where node.kind == .handOff {
                #expect(outline.contains("Show it: rolebook flow \(try #require(node.handOff).value.rawValue)\n"))
            }
        }
    }
}
