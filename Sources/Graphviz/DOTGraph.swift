/// A graph to be written as DOT, built from typed Swift values.
///
/// Building DOT by string concatenation is where quoting bugs come from;
/// this type writes IDs and values escaped, in a deterministic order, so the
/// same model always yields byte-identical DOT (and diagrams that diff well).
///
/// Output order: graph attributes, `node`/`edge` defaults, subgraphs, nodes,
/// then edges, each (sub)graph likewise; nodes and edges keep the order they
/// were added in, attributes are sorted by name. Subgraphs come first so
/// their nodes are created inside them with their defaults. Because Graphviz
/// creates an undeclared edge endpoint where the edge is written, put edges
/// that cross subgraphs in the enclosing graph.
public struct DOTGraph: Sendable, Hashable {
    /// The graph's name, written quoted; `nil` for an anonymous graph.
    public var name: String?
    /// `digraph` with `->` edges when `true`, `graph` with `--` edges otherwise.
    public var isDirected: Bool
    /// Whether to write `strict`, which merges parallel edges.
    public var isStrict: Bool
    /// Graph attributes (`rankdir`, `label`, `fontname` …). `charset` is
    /// written as `UTF-8` unless set here, so non-ASCII text stays as is.
    public var attributes: [String: DOTValue]
    /// Defaults for every node.
    public var nodeAttributes: [String: DOTValue]
    /// Defaults for every edge.
    public var edgeAttributes: [String: DOTValue]
    /// Top-level nodes, in the order written.
    public var nodes: [DOTNode]
    /// Top-level edges, in the order written.
    public var edges: [DOTEdge]
    /// Subgraphs and clusters, in the order written.
    public var subgraphs: [DOTSubgraph]

    public init(
        name: String? = nil,
        directed: Bool = true,
        strict: Bool = false,
        attributes: [String: DOTValue] = [:],
        nodeAttributes: [String: DOTValue] = [:],
        edgeAttributes: [String: DOTValue] = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.isDirected = directed
        self.isStrict = strict
        self.attributes = attributes
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }

    public mutating func add(_ node: DOTNode) { nodes.append(node) }
    public mutating func add(_ edge: DOTEdge) { edges.append(edge) }
    public mutating func add(_ subgraph: DOTSubgraph) { subgraphs.append(subgraph) }

    /// The graph as DOT source text, ready for ``GraphvizRenderer``.
    public func dotSource() -> String {
        var writer = DOTWriter(edgeOperator: isDirected ? "->" : "--")
        var header = isStrict ? "strict " : ""
        header += isDirected ? "digraph" : "graph"
        if let name { header += " " + DOTWriter.quoted(name) }
        writer.line(header + " {")
        var graphAttributes = attributes
        if graphAttributes["charset"] == nil {
            graphAttributes["charset"] = .string("UTF-8")
        }
        writer.body(
            attributes: graphAttributes,
            nodeAttributes: nodeAttributes,
            edgeAttributes: edgeAttributes,
            subgraphs: subgraphs,
            nodes: nodes,
            edges: edges
        )
        writer.line("}")
        return writer.output
    }
}
