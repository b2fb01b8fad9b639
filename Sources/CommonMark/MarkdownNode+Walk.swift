extension MarkdownNode {
    /// Visits this node and all its descendants depth-first, in document order.
    ///
    /// The visitor also gets the kinds of the node's ancestors (outermost
    /// first, excluding the node itself), so that a linter can, for example,
    /// ignore text inside a link (`ancestors.contains(.link)`) without
    /// keeping its own stack. Code spans and code blocks keep their content
    /// in ``literal`` rather than in `text` children, so text-only checks
    /// skip them naturally.
    ///
    /// - Parameter visit: Called once per node; may throw to stop the walk.
    /// - Throws: Whatever `visit` throws.
    public func walk<Failure: Error>(
        _ visit: (_ node: MarkdownNode, _ ancestors: [MarkdownNodeKind]) throws(Failure) -> Void
    ) throws(Failure) {
        var ancestors: [MarkdownNodeKind] = []
        try walk(ancestors: &ancestors, visit)
    }

    private func walk<Failure: Error>(
        ancestors: inout [MarkdownNodeKind],
        _ visit: (MarkdownNode, [MarkdownNodeKind]) throws(Failure) -> Void
    ) throws(Failure) {
        try visit(self, ancestors)
        guard !children.isEmpty else { return }
        ancestors.append(kind)
        defer { ancestors.removeLast() }
        for child in children {
            try child.walk(ancestors: &ancestors, visit)
        }
    }
}
