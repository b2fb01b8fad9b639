internal import CCMark

/// Parses CommonMark text into an immutable ``MarkdownNode`` tree.
///
/// libcmark is used only inside ``parse(_:)``: the C tree is converted in full
/// and freed before the call returns, so no C pointer or lifetime escapes this
/// module and the result is safe to share between tasks.
public enum MarkdownDocument {
    /// Parses `text` as CommonMark (no GFM extensions) with source positions.
    ///
    /// Parsing never fails: CommonMark gives every input a meaning. Raw HTML is
    /// kept in the tree (as `htmlBlock`/`htmlInline` nodes) so a linter can
    /// flag it; ``MarkdownRenderer`` is what keeps it out of output.
    ///
    /// - Parameter text: The Markdown source.
    /// - Returns: The `document` node, whose descendants carry source ranges
    ///   as described on ``MarkdownNode``.
    public static func parse(_ text: String) -> MarkdownNode {
        let root = text.withCMarkInput { bytes, count in
            cmark_parse_document(bytes, count, CMARK_OPT_SOURCEPOS)
        }
        // cmark returns NULL only when it cannot allocate.
        guard let root else { return MarkdownNode(kind: .document) }
        defer { cmark_node_free(root) }
        return convert(root) ?? MarkdownNode(kind: .document)
    }

    /// Copies the cmark tree below `root` into Swift values.
    ///
    /// Uses cmark's own iterator rather than recursion so that pathological
    /// nesting (thousands of `>` or list levels) cannot exhaust the stack
    /// during conversion. The iterator reports leaves with an ENTER event
    /// only, and containers with ENTER and EXIT.
    private static func convert(_ root: OpaquePointer) -> MarkdownNode? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }

        var open: [MarkdownNode] = []
        var result: MarkdownNode?

        func finish(_ node: MarkdownNode) {
            if open.isEmpty {
                result = node
            } else {
                open[open.count - 1].children.append(node)
            }
        }

        loop: while true {
            switch cmark_iter_next(iterator) {
            case CMARK_EVENT_ENTER:
                guard let cNode = cmark_iter_get_node(iterator) else { break loop }
                let node = makeNode(cNode)
                if node.kind.isLeaf {
                    finish(node)
                } else {
                    open.append(node)
                }
            case CMARK_EVENT_EXIT:
                guard let node = open.popLast() else { break loop }
                finish(node)
            default:
                break loop
            }
        }
        return result
    }

    /// Builds a childless ``MarkdownNode`` from one cmark node's properties.
    private static func makeNode(_ cNode: OpaquePointer) -> MarkdownNode {
        let kind = kind(of: cNode)
        var node = MarkdownNode(kind: kind, range: range(of: cNode))
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            node.literal = string(cmark_node_get_literal(cNode)) ?? ""
            if kind == .codeBlock {
                node.fenceInfo = nonEmpty(string(cmark_node_get_fence_info(cNode)))
            }
        case .link, .image:
            node.url = string(cmark_node_get_url(cNode)) ?? ""
            node.title = nonEmpty(string(cmark_node_get_title(cNode)))
        case .heading:
            node.headingLevel = Int(cmark_node_get_heading_level(cNode))
        case .list:
            if cmark_node_get_list_type(cNode) == CMARK_ORDERED_LIST {
                node.listType = .ordered
                node.listStart = Int(cmark_node_get_list_start(cNode))
            } else {
                node.listType = .bullet
            }
        default:
            break
        }
        return node
    }

    /// Maps cmark's node type to ``MarkdownNodeKind``.
    ///
    /// libcmark 0.30 has no other types; should a newer one add some, they are
    /// reported as custom nodes (block or inline by cmark's own ranges) rather
    /// than crashing on user input.
    private static func kind(of cNode: OpaquePointer) -> MarkdownNodeKind {
        let type = cmark_node_get_type(cNode)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            return type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue ? .customInline : .customBlock
        }
    }

    /// The node's source range, or `nil` when cmark has none (it reports 0)
    /// or reports one that ends before it starts.
    private static func range(of cNode: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(cNode))
        let startColumn = Int(cmark_node_get_start_column(cNode))
        let endLine = Int(cmark_node_get_end_line(cNode))
        let endColumn = Int(cmark_node_get_end_column(cNode))
        guard startLine > 0, startColumn > 0, endLine > 0, endColumn >= 0 else { return nil }
        let range = SourceRange(
            start: .init(line: startLine, column: startColumn),
            end: .init(line: endLine, column: endColumn)
        )
        guard range.start <= range.end else { return nil }
        return range
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func nonEmpty(_ string: String?) -> String? {
        guard let string, !string.isEmpty else { return nil }
        return string
    }
}
