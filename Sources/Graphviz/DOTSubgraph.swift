/// A subgraph in a DOT graph: a cluster drawn as a box, or a group of nodes
/// that share attributes (e.g. `rank=same`).
///
/// Graphviz draws a subgraph as a cluster only when its name starts with
/// `cluster`; ``cluster(_:attributes:nodes:edges:subgraphs:)`` adds that
/// prefix so callers need not remember it.
public struct DOTSubgraph: Sendable, Hashable {
    /// The subgraph's name, written quoted; `nil` for an anonymous subgraph.
    public var name: String?
    /// Graph attributes of the subgraph (`label`, `style`, `rank` …).
    public var attributes: [String: DOTValue]
    /// Defaults for nodes created inside this subgraph.
    public var nodeAttributes: [String: DOTValue]
    /// Defaults for edges written inside this subgraph.
    public var edgeAttributes: [String: DOTValue]
    /// Nodes of the subgraph, in the order written.
    public var nodes: [DOTNode]
    /// Edges written inside the subgraph (both ends should be its nodes).
    public var edges: [DOTEdge]
    /// Nested subgraphs, written before this subgraph's own nodes.
    public var subgraphs: [DOTSubgraph]

    public init(
        name: String? = nil,
        attributes: [String: DOTValue] = [:],
        nodeAttributes: [String: DOTValue] = [:],
        edgeAttributes: [String: DOTValue] = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }

    /// A subgraph drawn as a cluster, named `cluster_<id>`.
    public static func cluster(
        _ id: String,
        attributes: [String: DOTValue] = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) -> DOTSubgraph {
        DOTSubgraph(name: "cluster_" + id, attributes: attributes, nodes: nodes, edges: edges, subgraphs: subgraphs)
    }

    /// Whether Graphviz will draw this subgraph as a cluster.
    public var isCluster: Bool { name?.hasPrefix("cluster") ?? false }

    public mutating func add(_ node: DOTNode) { nodes.append(node) }
    public mutating func add(_ edge: DOTEdge) { edges.append(edge) }
    public mutating func add(_ subgraph: DOTSubgraph) { subgraphs.append(subgraph) }
}
