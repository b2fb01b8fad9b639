import CommonMark
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Model prose (CommonMark) as inline storage format.
///
/// The prose goes through libcmark's safe renderer (`MarkdownRenderer.inlineHTML`:
/// raw HTML dropped, `javascript:` links emptied), like the HTML page. cmark's
/// HTML is close to what Confluence wants (XHTML-style `<br />`, only `&amp;`
/// `&lt;` `&gt;` `&quot;`), but not close enough to pass through unread:
/// `<img>` is not storage format, block HTML (a list, a second paragraph)
/// inside a `<p>` or a table cell is refused, a soft line break shows as a
/// hard one in Cloud's editor, and control characters pass straight through.
/// So the HTML is parsed as XML and written again from a short list of
/// inline elements; anything else keeps only its text. If cmark ever emitted
/// something that does not parse, the prose falls back to escaped plain text.
enum ConfluenceProse {
    /// Inline storage format for a CommonMark string. `anchors` are the
    /// page's anchors: a `[text](#slug)` link to one of them becomes an
    /// anchor link that survives Confluence's own heading ids.
    static func inline(_ markdown: String, anchors: Set<String>) -> String {
        let html = MarkdownRenderer.inlineHTML(fromMarkdown: ConfluenceXML.clean(markdown))
        let rewriter = Rewriter(anchors: anchors)
        let parser = XMLParser(data: Data(("<r>" + html + "</r>").utf8))
        parser.delegate = rewriter
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), parser.parserError == nil, !rewriter.failed else {
            return ConfluenceXML.text(MarkdownRenderer.plainText(fromMarkdown: markdown))
        }
        return rewriter.finish()
    }
}

/// Re-serializes cmark's HTML as storage format, one event at a time.
private final class Rewriter: NSObject, XMLParserDelegate {
    private let anchors: Set<String>
    private var out = ""
    /// What each open element turned into, so its end tag matches.
    private var stack: [Opened] = []
    /// Text collected for an anchor link, whose body is plain text.
    private var linkText: String?
    private var pendingBreak = false
    private(set) var failed = false

    private enum Opened {
        case element(String)
        case anchorLink(String)
        case dropped
        case blockBreak
    }

    /// Inline elements Confluence keeps as they are.
    private static let inlineElements: Set<String> = ["strong", "em", "code", "b", "i", "sub", "sup", "del", "s"]
    /// Blocks (a paragraph, a list item, a heading, …) that cannot nest in
    /// inline content: their text is kept and they are separated by `<br/>`.
    private static let blocks: Set<String> = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "hr"]

    init(anchors: Set<String>) {
        self.anchors = anchors
    }

    func finish() -> String {
        var text = out
        while text.hasSuffix("<br/>") { text.removeLast("<br/>".count) }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    private func emit(_ markup: String) {
        if linkText != nil { return }
        if pendingBreak, !out.isEmpty, !out.hasSuffix("<br/>") { out += "<br/>" }
        pendingBreak = false
        out += markup
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "r" { return stack.append(.dropped) }
        if Self.inlineElements.contains(name) {
            let tag = name == "b" ? "strong" : name == "i" ? "em" : name
            if tag == "del" || tag == "s" {
                emit("<span style=\"text-decoration: line-through;\">")
                stack.append(.element("span"))
            } else {
                emit("<\(tag)>")
                stack.append(.element(tag))
            }
            return
        }
        switch name {
        case "br":
            emit("<br/>")
            stack.append(.dropped)
        case "a":
            let href = attributes["href"] ?? ""
            if href.hasPrefix("#"), anchors.contains(String(href.dropFirst())) {
                linkText = linkText ?? ""
                stack.append(.anchorLink(String(href.dropFirst())))
            } else if Self.isAbsolute(href) {
                emit("<a href=\"\(ConfluenceXML.attribute(href))\">")
                stack.append(.element("a"))
            } else {
                // A relative link has no target in Confluence: keep its text.
                stack.append(.dropped)
            }
        case "img":
            // Images in prose are not attachments of the page: keep the alt text.
            emit(ConfluenceXML.text(attributes["alt"] ?? ""))
            stack.append(.dropped)
        default:
            if Self.blocks.contains(name) {
                pendingBreak = true
                stack.append(.blockBreak)
            } else {
                stack.append(.dropped)
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let opened = stack.popLast() else {
            failed = true
            return
        }
        switch opened {
        case .element(let tag):
            emit("</\(tag)>")
        case .anchorLink(let anchor):
            let text = linkText ?? ""
            linkText = nil
            emit(ConfluenceMacros.anchorLink(anchor, text: text))
        case .blockBreak:
            pendingBreak = true
        case .dropped:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if linkText != nil {
            linkText! += string.replacingOccurrences(of: "\n", with: " ")
            return
        }
        // Whitespace between blocks is layout, not text.
        if pendingBreak, string.allSatisfy(\.isWhitespace) { return }
        emit(ConfluenceXML.text(string))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failed = true
    }

    /// Links Confluence can follow from any page: a scheme (`https:`,
    /// `mailto:`) rather than a path relative to the Markdown file.
    private static func isAbsolute(_ href: String) -> Bool {
        guard let colon = href.firstIndex(of: ":") else { return false }
        let scheme = href[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
