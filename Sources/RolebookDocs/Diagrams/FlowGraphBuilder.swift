import RolebookModel

/// Turns a ``Flow`` into a swimlane ``DiagramGraph``.
///
/// One lane per team in the flow's `lanes` order, filled with a pale shade of
/// the team's colour. Shapes say what a step is (start, step, decision,
/// escalation, hand-off, end). An escalation is drawn in the colour of the
/// team it *engages*, not of the lane it sits in, because the reader scans
/// for "whom do I call". What a flow's invariants promise (e.g. "the CIF team
/// is engaged before incident management when the infrastructure check says
/// yes") is drawn bold: the decision, its branch and the escalation, so the
/// rule is visible where the reader looks.
struct FlowGraphBuilder {
    let flow: Flow
    let model: Model

    /// Characters per label line; decisions are narrower because a diamond
    /// grows in both directions with its text.
    static let labelWidth = 24
    static let decisionLabelWidth = 18
    /// Branch labels sit beside their arrow; Graphviz lets a long one spill
    /// over the lane border, so they wrap early.
    static let edgeLabelWidth = 16

    func graph(title: String) -> DiagramGraph {
        let emphasis = Emphasis(flow: flow, model: model)
        let groups = flow.lanes.map { lane -> DiagramGraph.Group in
            let team = model.team(lane.value)
            let color = Self.color(of: team)
            return DiagramGraph.Group(
                id: Self.laneID(lane.value), title: team.name, fill: color.lighter, stroke: color.darker)
        }
        let nodes = flow.nodes.map { node in diagramNode(node, emphasis: emphasis) }
        let edges = flow.edges.map { edge -> DiagramGraph.Edge in
            let style: DiagramGraph.EdgeStyle =
                emphasis.edgeColor(from: edge.from.value, label: edge.label).map { .emphasized($0) } ?? .normal
            return DiagramGraph.Edge(
                from: Self.nodeID(edge.from.value), to: Self.nodeID(edge.to.value),
                label: edge.label.map { TextWrap.wrapped(TextWrap.normalized($0), width: Self.edgeLabelWidth) },
                style: style)
        }
        return DiagramGraph(
            title: title, groups: groups, groupsAreLanes: true,
            nodes: nodes, edges: edges, legend: legend(emphasis: emphasis))
    }

    /// Ids of the graph, namespaced so a node called `legend` or a lane named
    /// like a node cannot collide with anything the writers add.
    static func nodeID(_ id: FlowNodeID) -> String { "step:" + id.rawValue }
    static func laneID(_ id: TeamID) -> String { "lane:" + id.rawValue }

    static func color(of team: Team) -> DiagramColor {
        team.color.flatMap(DiagramColor.init(hex:)) ?? .neutral
    }

    private func diagramNode(_ node: FlowNode, emphasis: Emphasis) -> DiagramGraph.Node {
        let shape = Self.shape(of: node.kind)
        var fill = DiagramColor.white
        var stroke = DiagramColor.ink
        if node.kind == .escalation, let engaged = node.engages {
            let color = Self.color(of: model.team(engaged.value))
            fill = color
            stroke = color.darker
        }
        let emphasizedColor = emphasis.nodeColor(node)
        if let emphasizedColor { stroke = emphasizedColor }
        let width = node.kind == .decision ? Self.decisionLabelWidth : Self.labelWidth
        return DiagramGraph.Node(
            id: Self.nodeID(node.id), label: TextWrap.wrapped(label(of: node), width: width), shape: shape,
            group: Self.laneID(node.lane.value), fill: fill, stroke: stroke, emphasized: emphasizedColor != nil,
            tooltip: node.detail.map(PlainText.of))
    }

    /// The text of a node: its label, except that a hand-off names the flow
    /// it continues in ("→ 2B-2: Deployment Check and Decision Point"), which
    /// is what the reader needs to find next.
    private func label(of node: FlowNode) -> String {
        if node.kind == .handOff, let target = node.handOff {
            let targetFlow = model.flow(target.value)
            return "→ \(targetFlow.id.rawValue): \(TextWrap.normalized(targetFlow.title))"
        }
        return TextWrap.normalized(node.label)
    }

    static func shape(of kind: FlowNodeKind) -> DiagramGraph.Shape {
        switch kind {
        case .start: .start
        case .end: .end
        case .action: .action
        case .decision: .decision
        case .escalation: .escalation
        case .handOff: .handOff
        }
    }

    /// Samples of the shapes this flow uses, in a fixed order, plus what bold
    /// means when an invariant made something bold.
    private func legend(emphasis: Emphasis) -> [DiagramGraph.LegendEntry] {
        let used = Set(flow.nodes.map(\.kind))
        let meanings: [(FlowNodeKind, String)] = [
            (.start, "Start"),
            (.action, "Step"),
            (.decision, "Decision"),
            (.escalation, "Engage a team (in the team's colour)"),
            (.handOff, "Continue in another flow"),
            (.end, "End"),
        ]
        var entries = meanings.filter { used.contains($0.0) }.map { kind, meaning in
            DiagramGraph.LegendEntry(
                shape: Self.shape(of: kind), fill: .white, stroke: .ink, meaning: TextWrap.wrapped(meaning, width: 18))
        }
        for rule in emphasis.rules {
            entries.append(
                DiagramGraph.LegendEntry(
                    shape: .action, fill: .white, stroke: rule.color, emphasized: true,
                    meaning: TextWrap.wrapped(rule.meaning, width: 22)))
        }
        return entries
    }
}

extension FlowGraphBuilder {
    /// What the flow's invariants make bold, and in which colour (the engaged
    /// team's dark shade, so decision, branch and escalation read as one path).
    struct Emphasis {
        struct Rule {
            var color: DiagramColor
            /// The legend text, e.g. "Bold: Cloud Infrastructure Fabric (CIF)
            /// team engaged before Incident management (checked on every path)".
            var meaning: String
        }

        private(set) var rules: [Rule] = []
        private var nodes: [FlowNodeID: DiagramColor] = [:]
        private var branches: [BranchKey: DiagramColor] = [:]

        private struct BranchKey: Hashable {
            var node: FlowNodeID
            var label: String
        }

        init(flow: Flow, model: Model) {
            for invariant in flow.invariants {
                let engaged = model.team(invariant.engages.value)
                let color = FlowGraphBuilder.color(of: engaged).darker
                if let after = invariant.after {
                    nodes[after.node.value] = nodes[after.node.value] ?? color
                    branches[BranchKey(node: after.node.value, label: after.label)] = color
                }
                for node in flow.nodes where node.kind == .escalation && node.engages?.value == invariant.engages.value {
                    nodes[node.id] = color
                }
                let name = engaged.name
                let meaning: String
                if let before = invariant.before {
                    meaning = "Bold: \(name) engaged before \(model.team(before.value).name) (checked on every path)"
                } else {
                    meaning = "Bold: \(name) engaged (checked on every path)"
                }
                rules.append(Rule(color: color, meaning: TextWrap.normalized(meaning)))
            }
        }

        func nodeColor(_ node: FlowNode) -> DiagramColor? { nodes[node.id] }

        func edgeColor(from node: FlowNodeID, label: String?) -> DiagramColor? {
            guard let label else { return nil }
            return branches[BranchKey(node: node, label: label)]
        }
    }
}
