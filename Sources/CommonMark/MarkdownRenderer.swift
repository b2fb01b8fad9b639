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
