/// A node statement in a DOT graph.
///
/// The ID is what edges refer to; it is always written quoted, so any text
/// (including DOT keywords such as `node` or `graph`) is a valid ID. Without a
/// `label` attribute Graphviz shows the ID.
public struct DOTNode: Sendable, Hashable {
    /// The node's ID, unique within the graph.
    public var id: String
    /// The node's attributes (`label`, `shape`, `URL` …), written sorted by name.
    public var attributes: [String: DOTValue]

    public init(_ id: String, attributes: [String: DOTValue] = [:]) {
        self.id = id
        self.attributes = attributes
    }
}
