import Graphviz
import RolebookModel

/// Writes a ``DiagramGraph`` as a Graphviz ``DOTGraph``.
///
/// Layout choices, and why:
/// - Swimlanes are clusters stretched to the full height of the diagram by
///   invisible anchor nodes that share the first and the last rank (`newrank`
///   lets one rank constraint span clusters); without them Graphviz shrinks
///   each lane to its own nodes. Lanes keep the flow's order because crossing
///   minimization is switched off (`mclimit`): it orders clusters by whatever
///   crosses least, mirror images included, so "the CIF lane" would wander.
/// - The legend is a cluster of sample nodes to the right of the last lane,
///   or a table of colour swatches.
/// - A group that is not a lane has its title at the top only when no arrow
///   enters it from another group; otherwise at the bottom. Arrows enter a
///   top-to-bottom layout from above and Graphviz draws them straight through
///   a cluster's title.
/// - Fonts are `Helvetica` and `Helvetica-Bold`: Graphviz knows their
///   PostScript names, measures them with a metric-compatible font (Liberation
///   Sans on Linux) and writes `font-family="Helvetica,sans-Serif"` into SVG,
///   so browsers show text the width it was measured at and labels are not
///   clipped.
/// - Every SVG element gets an id under ``idPrefix``, since several diagrams
///   are inlined into one HTML page and Graphviz's own ids (`node1`) repeat.
struct DOTDiagramWriter {
    let idPrefix: String

    static let font = "Helvetica"
    static let boldFont = "Helvetica-Bold"

    init(diagramID: String) {
        idPrefix = "rolebook-diagram-" + Self.xmlIDSafe(diagramID)
    }

    func graph(_ diagram: DiagramGraph) -> DOTGraph {
        var graph = DOTGraph(
            name: Self.literalText(diagram.title),
            attributes: [
                "bgcolor": "white",
                "fontname": .string(Self.boldFont),
                "fontsize": "18",
                "id": .string(idPrefix),
                "label": Self.literal(diagram.title),
                "labelloc": "t",
                "newrank": "true",
                "nodesep": "0.3",
                "pad": "0.25",
                "rankdir": "TB",
                "ranksep": "0.4",
            ],
            nodeAttributes: [
                "fontname": .string(Self.font),
                "fontsize": "11",
                "margin": "0.12,0.06",
                "penwidth": "1.2",
                "style": "filled",
            ],
            edgeAttributes: [
                "arrowsize": "0.8",
                "color": .string(DiagramColor.ink.hex),
                "fontname": .string(Self.font),
                "fontsize": "10",
                "penwidth": "1.2",
            ])

        // Groups that an arrow from another group enters.
        let groupOfNode = Dictionary(
            diagram.nodes.compactMap { node in node.group.map { (node.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let entered = Set(
            diagram.edges.compactMap { edge -> String? in
                guard let target = groupOfNode[edge.to], groupOfNode[edge.from] != target else { return nil }
                return target
            })
        let nodeIndex = Dictionary(
            diagram.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var clusters: [DOTSubgraph] = []
        for (index, group) in diagram.groups.enumerated() {
            var cluster = DOTSubgraph.cluster(
                "group_\(index)",
                attributes: [
                    "color": .string(group.stroke.hex),
                    "fillcolor": .string(group.fill.hex),
                    "fontname": .string(Self.boldFont),
                    "fontsize": "13",
                    "id": .string("\(idPrefix)-group-\(index)"),
                    "label": Self.literal(group.title),
                    "margin": "12",
                    "penwidth": "1.5",
                    "style": "filled,rounded",
                ])
            if !diagram.groupsAreLanes {
                cluster.attributes["labeljust"] = "l"
                if entered.contains(group.id) { cluster.attributes["labelloc"] = "b" }
            }
            if diagram.groupsAreLanes { cluster.add(anchor(Self.topAnchor(group.id))) }
            for (index, node) in diagram.nodes.enumerated() where node.group == group.id {
                cluster.add(dotNode(node, index: index))
            }
            if diagram.groupsAreLanes { cluster.add(anchor(Self.bottomAnchor(group.id))) }
            clusters.append(cluster)
        }
        let groupIDs = Set(diagram.groups.map(\.id))
        for (index, node) in diagram.nodes.enumerated() where node.group.map(groupIDs.contains) != true {
            graph.add(dotNode(node, index: index))
        }
        clusters.forEach { graph.add($0) }
        if !diagram.legend.isEmpty {
            switch diagram.legendStyle {
            case .shapes: graph.add(legend(diagram))
            case .colorKey(let title): graph.add(colorKey(diagram.legend, title: title))
            }
        }

        if diagram.groupsAreLanes, !diagram.groups.isEmpty {
            // Each lane's top anchor sits above all its nodes and its bottom
            // anchor below them, and the anchors share the first and last
            // rank: every lane spans the whole height. Flat invisible edges
            // between the top anchors state the lanes' order (and put the
            // legend after them).
            var tops = diagram.groups.map { Self.topAnchor($0.id) }
            if !diagram.legend.isEmpty, case .shapes = diagram.legendStyle { tops.append(Self.legendNodeID(0)) }
            graph.add(DOTSubgraph(attributes: ["rank": "same"], nodes: tops.map { DOTNode($0) }))
            graph.add(
                DOTSubgraph(attributes: ["rank": "same"], nodes: diagram.groups.map { DOTNode(Self.bottomAnchor($0.id)) }))
            // Graphviz orders clusters by crossing minimization, which treats
            // a mirrored layout as just as good and ignores the anchors' flat
            // edges between clusters; so lanes would come out in any order.
            // With no minimization rounds the order is the one built from the
            // input (lanes as declared, each lane's steps in model order).
            graph.attributes["mclimit"] = "0.01"
            let bottoms = diagram.groups.map { Self.bottomAnchor($0.id) }
            for row in [tops, bottoms] {
                for (left, right) in zip(row, row.dropFirst()) {
                    graph.add(DOTEdge(from: left, to: right, attributes: ["style": "invis"]))
                }
            }
            // Only sources hang from a top anchor and only sinks stand on a
            // bottom anchor: every other step lies on a path between them, so
            // it is below the tops and above the bottoms anyway, and fewer
            // invisible edges mean fewer invisible bends widening the lanes.
            let targets = Set(diagram.edges.map(\.to))
            let tails = Set(diagram.edges.map(\.from))
            for node in diagram.nodes {
                guard let group = node.group, groupIDs.contains(group) else { continue }
                if !targets.contains(node.id) {
                    graph.add(DOTEdge(from: Self.topAnchor(group), to: node.id, attributes: Self.scaffolding))
                }
                if !tails.contains(node.id) {
                    // Weight 0: an end stays next to the step before it
                    // instead of sinking to the bottom of its lane.
                    var attributes = Self.scaffolding
                    attributes["weight"] = "0"
                    graph.add(DOTEdge(from: node.id, to: Self.bottomAnchor(group), attributes: attributes))
                }
            }
        }
        let feedback = Self.feedbackEdges(diagram)
        for (index, edge) in diagram.edges.enumerated() where nodeIndex[edge.from] != nil && nodeIndex[edge.to] != nil {
            var dotEdge = dotEdge(edge, index: index)
            // An arrow against the main direction (Operator status back to
            // Argo CD) would enter its target from below, through the title
            // of a group titled at the bottom; entering from the side it
            // crosses no title and reads as a feedback loop.
            if feedback.contains(index) { dotEdge.toPort = "e" }
            graph.add(dotEdge)
        }
        return graph
    }

    // MARK: Nodes

    private func dotNode(_ node: DiagramGraph.Node, index: Int) -> DOTNode {
        var attributes = Self.shapeAttributes(node.shape)
        attributes["id"] = .string("\(idPrefix)-node-\(index)")
        attributes["label"] = Self.literal(node.label)
        attributes["fillcolor"] = .string(node.fill.hex)
        attributes["color"] = .string(node.stroke.hex)
        if node.emphasized {
            attributes["penwidth"] = "3.5"
            attributes["fontname"] = .string(Self.boldFont)
        }
        // Graphviz shows the label when a tooltip is absent; an explicit one
        // also keeps the SVG's <title> (the node name) out of the hover text.
        attributes["tooltip"] = Self.literal(node.tooltip ?? node.label)
        return DOTNode(node.id, attributes: attributes)
    }

    /// Shape and style per node kind; see the legend texts in
    /// ``FlowGraphBuilder`` for what each means to the reader.
    static func shapeAttributes(_ shape: DiagramGraph.Shape) -> [String: DOTValue] {
        switch shape {
        case .start: ["shape": "box", "style": "filled,rounded", "penwidth": "2"]
        case .end: ["shape": "box", "style": "filled,rounded", "peripheries": "2"]
        case .action: ["shape": "box"]
        case .decision: ["shape": "diamond", "margin": "0.04,0.04"]
        case .escalation: ["shape": "hexagon", "penwidth": "2", "margin": "0.06,0.06"]
        case .handOff: ["shape": "cds", "margin": "0.2,0.08"]
        case .component(let kind):
            switch kind {
            case .operator: ["shape": "component"]
            case .helmChart: ["shape": "folder"]
            case .gitopsController, .workflowEngine: ["shape": "box", "style": "filled,rounded"]
            case .apiServer: ["shape": "box"]
            case .workflowTask: ["shape": "box", "style": "filled,rounded,dashed"]
            case .configResource: ["shape": "note"]
            case .repository: ["shape": "cylinder"]
            case .customResource: ["shape": "box3d"]
            }
        }
    }

    /// An invisible point that stretches a lane to the first or last rank.
    private func anchor(_ id: String) -> DOTNode {
        DOTNode(
            id,
            attributes: [
                "height": "0", "id": .string("\(idPrefix)-\(Self.xmlIDSafe(id))"), "label": "",
                "shape": "point", "style": "invis", "width": "0",
            ])
    }

    /// Branch labels up to this many characters are drawn at the arrow's tail.
    static let tailLabelLimit = 6

    /// Invisible edges that only shape the layout (ranks, not looks).
    static let scaffolding: [String: DOTValue] = ["style": "invis"]

    static func topAnchor(_ groupID: String) -> String { "anchor-top:" + groupID }
    static func bottomAnchor(_ groupID: String) -> String { "anchor-bottom:" + groupID }
    static func legendNodeID(_ index: Int) -> String { "legend:\(index)" }

    // MARK: Legend

    private func legend(_ diagram: DiagramGraph) -> DOTSubgraph {
        var cluster = DOTSubgraph.cluster(
            "legend",
            attributes: [
                "color": "#999999",
                "fillcolor": "white",
                "fontname": .string(Self.boldFont),
                "fontsize": "11",
                "id": .string("\(idPrefix)-legend"),
                "label": "Legend",
                "margin": "10",
                "style": "filled,rounded,dashed",
            ])
        for (index, entry) in diagram.legend.enumerated() {
            var attributes = Self.shapeAttributes(entry.shape)
            attributes["id"] = .string("\(idPrefix)-legend-\(index)")
            attributes["label"] = Self.literal(entry.meaning)
            attributes["fillcolor"] = .string(entry.fill.hex)
            attributes["color"] = .string(entry.stroke.hex)
            attributes["fontsize"] = "9"
            attributes["tooltip"] = Self.literal(entry.meaning)
            if entry.emphasized {
                attributes["penwidth"] = "3.5"
                attributes["fontname"] = .string(Self.boldFont)
            }
            cluster.add(DOTNode(Self.legendNodeID(index), attributes: attributes))
        }
        // Chained by invisible edges: one sample per rank, top to bottom.
        let ids = diagram.legend.indices.map(Self.legendNodeID)
        for (above, below) in zip(ids, ids.dropFirst()) {
            cluster.add(DOTEdge(from: above, to: below, attributes: ["style": "invis"]))
        }
        return cluster
    }

    /// A table of swatches: one row per entry, the colour then its meaning.
    private func colorKey(_ entries: [DiagramGraph.LegendEntry], title: String) -> DOTNode {
        var rows = "<TR><TD COLSPAN=\"2\"><B>\(DOTValue.htmlEscaped(title))</B></TD></TR>"
        for entry in entries {
            rows += "<TR><TD BGCOLOR=\"\(entry.fill.hex)\" COLOR=\"\(entry.stroke.hex)\" BORDER=\"1\" WIDTH=\"24\"> </TD>"
            rows += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">\(DOTValue.htmlEscaped(entry.meaning))</FONT></TD></TR>"
        }
        let table =
            "<TABLE BORDER=\"1\" COLOR=\"#999999\" STYLE=\"ROUNDED\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"4\">"
            + rows + "</TABLE>"
        return DOTNode(
            Self.legendNodeID(0),
            attributes: [
                "id": .string("\(idPrefix)-legend"), "label": .html(table), "margin": "0", "shape": "plaintext",
                "style": "solid", "tooltip": Self.literal(title),
            ])
    }

    // MARK: Edges

    private func dotEdge(_ edge: DiagramGraph.Edge, index: Int) -> DOTEdge {
        var attributes: [String: DOTValue] = ["id": .string("\(idPrefix)-edge-\(index)")]
        if let label = edge.label {
            if label.count <= Self.tailLabelLimit, !label.contains("\n") {
                // "Yes"/"No" sit at the decision they answer. As a mid-edge
                // label, the "Yes" of an arrow crossing a lane landed next
                // to that lane's own "Yes".
                attributes["taillabel"] = Self.literal(label)
                attributes["labeldistance"] = "2"
                attributes["labelangle"] = "35"
            } else {
                attributes["label"] = Self.literal(label)
            }
        }
        if let tooltip = edge.tooltip ?? edge.label {
            attributes["tooltip"] = Self.literal(tooltip)
            attributes["labeltooltip"] = Self.literal(tooltip)
        }
        switch edge.style {
        case .normal:
            break
        case .emphasized(let color):
            attributes["color"] = .string(color.hex)
            attributes["fontcolor"] = .string(color.hex)
            attributes["fontname"] = .string(Self.boldFont)
            attributes["penwidth"] = "3"
        case .control(let control):
            let color = control == .pause ? DiagramColor.pause : DiagramColor.abort
            attributes["color"] = .string(color.hex)
            attributes["fontcolor"] = .string(color.hex)
            attributes["penwidth"] = "2"
            attributes["style"] = "dashed"
        }
        return DOTEdge(from: edge.from, to: edge.to, attributes: attributes)
    }

    /// The indices of edges that close a cycle: found by a depth-first
    /// search from the nodes nothing points at, then the rest, in order;
    /// an edge to a node still on the search path points back up. (Graphviz
    /// breaks cycles the same way, so these are the edges it draws upwards.)
    static func feedbackEdges(_ diagram: DiagramGraph) -> Set<Int> {
        var outgoing: [String: [(index: Int, to: String)]] = [:]
        for (index, edge) in diagram.edges.enumerated() {
            outgoing[edge.from, default: []].append((index, edge.to))
        }
        let targets = Set(diagram.edges.map(\.to))
        let roots = diagram.nodes.filter { !targets.contains($0.id) } + diagram.nodes.filter { targets.contains($0.id) }
        enum State { case onPath, done }
        var state: [String: State] = [:]
        var feedback: Set<Int> = []
        for root in roots where state[root.id] == nil {
            // Iterative, so a long chain cannot exhaust the stack.
            var stack: [(node: String, next: Int)] = [(root.id, 0)]
            state[root.id] = .onPath
            while let (node, next) = stack.last {
                let edges = outgoing[node] ?? []
                guard next < edges.count else {
                    state[node] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = edges[next]
                switch state[edge.to] {
                case .onPath: feedback.insert(edge.index)
                case .done: break
                case nil:
                    state[edge.to] = .onPath
                    stack.append((edge.to, 0))
                }
            }
        }
        return feedback
    }

    /// Text Graphviz will show exactly as written.
    ///
    /// Graphviz decodes HTML entities in plain labels and tooltips (a label
    /// `a &amp; b` shows `a & b`, `&#60;` shows `<`), which the DOT quoting
    /// of ``DOTValue/string(_:)`` does not prevent; writing every `&` as
    /// `&amp;` first makes the decoding give back the user's text.
    static func literal(_ text: String) -> DOTValue {
        .string(literalText(text))
    }

    static func literalText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
    }

    /// `text` with every character outside `[A-Za-z0-9_-]` as `_`: valid in
    /// an XML id and an HTML fragment.
    static func xmlIDSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar {
                    case "a"..."z", "A"..."Z", "0"..."9", "_", "-": scalar
                    default: "_"
                    }
                }))
    }
}
