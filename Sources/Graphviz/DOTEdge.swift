/// An edge statement in a DOT graph.
///
/// Written as `->` in a directed graph and `--` in an undirected one; the
/// enclosing ``DOTGraph`` decides. Endpoints that were not declared as nodes
/// are created by Graphviz where the edge is written, i.e. in the (sub)graph
/// that contains the edge.
public struct DOTEdge: Sendable, Hashable {
    /// The ID of the tail node.
    public var from: String
    /// The ID of the head node.
    public var to: String
    /// A port on the tail node: the `PORT` of a cell in an HTML-like label, or
    /// a compass point such as `s`.
    public var fromPort: String?
    /// A port on the head node, as for ``fromPort``.
    public var toPort: String?
    /// The edge's attributes (`label`, `style` …), written sorted by name.
    public var attributes: [String: DOTValue]

    public init(
        from: String,
        to: String,
        fromPort: String? = nil,
        toPort: String? = nil,
        attributes: [String: DOTValue] = [:]
    ) {
        self.from = from
        self.to = to
        self.fromPort = fromPort
        self.toPort = toPort
        self.attributes = attributes
    }
}
