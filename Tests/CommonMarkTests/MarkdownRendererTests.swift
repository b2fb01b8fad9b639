import CommonMark
import Testing

/// HTML rendering with CMARK_OPT_SAFE: formatting passes, active content does not.
@Suite struct MarkdownRendererTests {
    @Test func rendersDocumentHTML() {
        let html = MarkdownRenderer.html(fromMarkdown: "# Title\n\nSome *text*.\n")
        #expect(html == "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n")
    }

    @Test func inlineHTMLStripsTheParagraph() {
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "**Bold** and `code`") == "<strong>Bold</strong> and <code>code</code>")
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "a < b & c") == "a &lt; b &amp; c")
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "") == "")
    }

    @Test func inlineHTMLOfSeveralBlocksKeepsTheBlocks() {
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "one\n\ntwo") == "<p>one</p>\n<p>two</p>")
    }

    @Test func scriptDoesNotSurvive() {
        let blockScript = "<script>alert(1)</script>\n\nafter"
        let html = MarkdownRenderer.html(fromMarkdown: blockScript)
        #expect(!html.contains("<script"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("<p>after</p>"))

        let inline = MarkdownRenderer.inlineHTML(fromMarkdown: "Hi <script>alert(1)</script> there")
        #expect(!inline.contains("<script"))
        #expect(!inline.contains("</script"))
        #expect(!inline.contains("<!--"))
        #expect(inline == "Hi alert(1) there")

        // Once the omitted block is dropped, only one paragraph remains.
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: blockScript) == "after")
    }

    @Test func javascriptURLsAreRemoved() {
        for render in [MarkdownRenderer.html(fromMarkdown:), MarkdownRenderer.inlineHTML(fromMarkdown:)] {
            let output = render("[x](javascript:alert(1)) ![i](JavaScript:alert(2)) <a href=\"javascript:alert(3)\">y</a>")
            #expect(!output.lowercased().contains("javascript"))
            #expect(output.contains("<a href=\"\">x</a>"))
        }
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "[ok](https://example.com/?a=1&b=2)")
            == "<a href=\"https://example.com/?a=1&amp;b=2\">ok</a>")
    }

    @Test func nonASCIISurvives() {
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: "Ship it 🚀 *schnell* — 東京") == "Ship it 🚀 <em>schnell</em> — 東京")
        #expect(MarkdownRenderer.html(fromMarkdown: "# Déjà vu 🚀").contains("<h1>Déjà vu 🚀</h1>"))
    }
}
