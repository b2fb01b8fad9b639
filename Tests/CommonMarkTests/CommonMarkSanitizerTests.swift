import Testing

@testable import CommonMark

/// Raw HTML in model prose must reach a generated Markdown page as text.
@Suite struct CommonMarkSanitizerTests {
    @Test func rawInlineHTMLBecomesText() {
        let output = MarkdownRenderer.commonMarkWithoutRawHTML(fromMarkdown: "Hi <script>alert(1)</script> **there**")
        // Rendered again, the text shows the tags instead of running them.
        let html = MarkdownRenderer.inlineHTML(fromMarkdown: output)
        #expect(html == "Hi &lt;script&gt;alert(1)&lt;/script&gt; <strong>there</strong>")
    }

    @Test func rawHTMLBlockBecomesAParagraphOfText() {
        let output = MarkdownRenderer.commonMarkWithoutRawHTML(fromMarkdown: "<div onclick=\"x()\">\nhello\n</div>")
        let html = MarkdownRenderer.html(fromMarkdown: output)
        #expect(!html.contains("<div"))
        #expect(html.contains("&lt;div onclick="))
    }

    @Test func formattingSurvives() {
        let input = "**Bold**, `code <b>`, *em* and [a link](https://example.com/a_b)"
        let output = MarkdownRenderer.commonMarkWithoutRawHTML(fromMarkdown: input)
        #expect(MarkdownRenderer.inlineHTML(fromMarkdown: output) == MarkdownRenderer.inlineHTML(fromMarkdown: input))
    }
}
