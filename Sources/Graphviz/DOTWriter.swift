/// Writes DOT statements with consistent quoting and indentation.
///
/// Shared by ``DOTGraph`` and the subgraphs it contains so that the escaping
/// rules live in exactly one place.
struct DOTWriter {
    /// `->` or `--`, fixed by the root graph for all subgraphs.
    let edgeOperator: String
    private(set) var output = ""
    private var depth = 0

    init(edgeOperator: String) {
        self.edgeOperator = edgeOperator
    }

    mutating func line(_ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    /// Writes the statements of a graph or subgraph body, one level deeper.
    mutating func body(
        attributes: [String: DOTValue],
        nodeAttributes: [String: DOTValue],
        edgeAttributes: [String: DOTValue],
        subgraphs: [DOTSubgraph],
        nodes: [DOTNode],
        edges: [DOTEdge]
    ) {
        depth += 1
        defer { depth -= 1 }
        if !attributes.isEmpty { line("graph " + Self.attributeList(attributes)) }
        if !nodeAttributes.isEmpty { line("node " + Self.attributeList(nodeAttributes)) }
        if !edgeAttributes.isEmpty { line("edge " + Self.attributeList(edgeAttributes)) }
        for subgraph in subgraphs {
            line("subgraph " + (subgraph.name.map { Self.quoted($0) + " " } ?? "") + "{")
            body(
                attributes: subgraph.attributes,
                nodeAttributes: subgraph.nodeAttributes,
                edgeAttributes: subgraph.edgeAttributes,
                subgraphs: subgraph.subgraphs,
                nodes: subgraph.nodes,
                edges: subgraph.edges
            )
            line("}")
        }
        for node in nodes {
            line(Self.quoted(node.id) + Self.optionalAttributeList(node.attributes))
        }
        for edge in edges {
            let tail = Self.endpoint(edge.from, port: edge.fromPort)
            let head = Self.endpoint(edge.to, port: edge.toPort)
            line(tail + " " + edgeOperator + " " + head + Self.optionalAttributeList(edge.attributes))
        }
    }

    private static func endpoint(_ id: String, port: String?) -> String {
        quoted(id) + (port.map { ":" + quoted($0) } ?? "")
    }

    private static func optionalAttributeList(_ attributes: [String: DOTValue]) -> String {
        attributes.isEmpty ? "" : " " + attributeList(attributes)
    }

    /// `[a="1", b=<…>]`, sorted by name so the output is deterministic.
    static func attributeList(_ attributes: [String: DOTValue]) -> String {
        let pairs = attributes.sorted { $0.key < $1.key }.map { key, value in
            attributeName(key) + "=" + value.dotSource
        }
        return "[" + pairs.joined(separator: ", ") + "]"
    }

    /// Attribute names are written bare when they are plain identifiers (all
    /// real Graphviz attributes are), quoted otherwise.
    private static func attributeName(_ name: String) -> String {
        isPlainIdentifier(name) && !keywords.contains(name.lowercased()) ? name : quoted(name)
    }

    /// DOT's keywords, which are case-insensitive and cannot be bare IDs.
    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// Whether `name` matches DOT's bare ID form `[A-Za-z_][A-Za-z_0-9]*`.
    private static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
    }

    /// A DOT quoted string showing `text` literally.
    ///
    /// `\` becomes `\\` and `"` becomes `\"`, so neither DOT's lexer (line
    /// continuations, escaped quotes) nor Graphviz's label escapes (`\n`,
    /// `\l`, `\N` …) act on user text; a line break (LF, CRLF or CR) becomes
    /// `\n`, Graphviz's centred line break; NUL is dropped, as Graphviz reads
    /// C strings. Everything else, including non-ASCII, is kept as UTF-8.
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\0": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }
}
