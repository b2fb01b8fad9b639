extension MarkdownNode {
    /// The node's text without any formatting, for places that cannot show
    /// Markdown: diagram labels, tables of contents, `<title>`, anchors.
    ///
    /// Text and code-span literals are concatenated; soft and hard line breaks
    /// become a single space; images contribute their alt text; raw HTML is
    /// dropped (it must never leak into places that do not escape it the way
    /// HTML does). Separate blocks (paragraphs, list items, headings, code
    /// blocks) are joined with a newline. Entities and backslash escapes are
    /// already resolved, so the result is unescaped text: escape it for the
    /// target format.
    public var plainText: String {
        var blocks: [String] = []
        var current = ""
        collectPlainText(into: &blocks, current: &current)
        if !current.isEmpty { blocks.append(current) }
        return blocks.joined(separator: "\n")
    }

    private func collectPlainText(into blocks: inout [String], current: inout String) {
        switch kind {
        case .text, .code:
            current += literal ?? ""
        case .softBreak, .lineBreak:
            current += " "
        case .htmlInline, .htmlBlock, .customInline, .customBlock, .thematicBreak:
            break
        case .codeBlock:
            flush(&blocks, &current)
            var code = literal ?? ""
            while code.hasSuffix("\n") { code.removeLast() }
            if !code.isEmpty { blocks.append(code) }
        case .document, .blockQuote, .list, .item, .paragraph, .heading:
            flush(&blocks, &current)
            for child in children {
                child.collectPlainText(into: &blocks, current: &current)
            }
            flush(&blocks, &current)
        case .emphasis, .strong, .link, .image:
            for child in children {
                child.collectPlainText(into: &blocks, current: &current)
            }
        }
    }

    private func flush(_ blocks: inout [String], _ current: inout String) {
        if !current.isEmpty {
            blocks.append(current)
            current = ""
        }
    }
}
