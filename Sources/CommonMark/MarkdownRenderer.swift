internal import CCMark

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Renders CommonMark to safe HTML or to plain text.
///
/// Everything here uses `CMARK_OPT_SAFE` (the libcmark 0.30 default, passed
/// explicitly so a future default change cannot silently open a hole): raw
/// HTML is replaced by `<!-- raw HTML omitted -->` and `javascript:`,
/// `vbscript:`, `file:` and non-image `data:` URLs become empty. Model text is
/// written by many people, and the generated pages must not run their markup.
public enum MarkdownRenderer {
    private static let rawHTMLOmitted = "<!-- raw HTML omitted -->"

    /// Renders a whole Markdown document to an HTML fragment (block elements,
    /// each followed by a newline).
    public static func html(fromMarkdown markdown: String) -> String {
        let buffer = markdown.withCMarkInput { bytes, count in
            cmark_markdown_to_html(bytes, count, CMARK_OPT_SAFE)
        }
        guard let buffer else { return "" }
        // cmark allocates the result with its default (libc) allocator.
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Renders a one-paragraph Markdown string to inline HTML, for places
    /// inside other markup such as a table cell, a `<dt>` or a heading.
    ///
    /// The wrapping `<p>`…`</p>` is removed, as are the comments cmark leaves
    /// where it omitted raw HTML (they are noise inside inline content). If the
    /// text is not a single paragraph (e.g. it contains a blank line, a list
    /// marker or a `#`), the block HTML is returned unchanged apart from the
    /// trailing newline, since there is no faithful inline form of it.
    public static func inlineHTML(fromMarkdown markdown: String) -> String {
        var html = html(fromMarkdown: markdown)
            .replacing(rawHTMLOmitted + "\n", with: "")
            .replacing(rawHTMLOmitted, with: "")
        // Text never yields a literal `<p>`: cmark escapes `<` in text and the
        // raw HTML that could contain one is omitted, so this count is exact.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>\n"), html.ranges(of: "<p>").count == 1 {
            html.removeFirst("<p>".count)
            html.removeLast("</p>\n".count)
            return html
        }
        while html.hasSuffix("\n") { html.removeLast() }
        return html
    }

    /// The text of a Markdown string without formatting, for places where
    /// formatting cannot be used (diagram labels, tables of contents).
    ///
    /// See ``MarkdownNode/plainText`` for exactly what is kept.
    public static func plainText(fromMarkdown markdown: String) -> String {
        MarkdownDocument.parse(markdown).plainText
    }
}

extension MarkdownRenderer {
    /// Re-renders Markdown as CommonMark with every piece of raw HTML turned
    /// into literal text, so that a generated Markdown page shows `<script>`
    /// as text instead of handing it to whatever renders the page (Obsidian
    /// renders raw HTML; GitHub filters only some of it).
    ///
    /// The output is one line per paragraph (no wrapping), without a trailing
    /// newline, and keeps emphasis, code spans and links as they were.
    public static func commonMarkWithoutRawHTML(fromMarkdown markdown: String) -> String {
        let document = markdown.withCMarkInput { bytes, count in
            cmark_parse_document(bytes, count, CMARK_OPT_DEFAULT)
        }
        guard let document else { return "" }
        defer { cmark_node_free(document) }

        // Collect first, then replace: replacing while iterating would
        // invalidate the iterator.
        var rawNodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK)
                    && cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
                {
                    rawNodes.append(node)
                }
            }
        }
        for node in rawNodes {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            _ = literal.trimmingTrailingNewlines.withCString { cmark_node_set_literal(text, $0) }
            if isBlock {
                // A block needs a paragraph around its text.
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
                    cmark_node_free(text)
                    continue
                }
                _ = cmark_node_append_child(paragraph, text)
                _ = cmark_node_replace(node, paragraph)
            } else {
                _ = cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        guard let rendered = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered).trimmingTrailingNewlines
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension MarkdownRenderer {
    /// Renders Markdown the way permissive renderers (Obsidian, many wikis)
    /// do, raw HTML included. rolebook never publishes this output; tests use
    /// it to prove that generated Markdown carries no raw HTML for such a
    /// renderer to run.
    public static func permissiveHTML(fromMarkdown markdown: String) -> String {
        let buffer = markdown.withCMarkInput { bytes, count in
            cmark_markdown_to_html(bytes, count, CMARK_OPT_UNSAFE)
        }
        guard let buffer else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
