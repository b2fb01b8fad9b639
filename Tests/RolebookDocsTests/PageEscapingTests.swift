import CommonMark
import Foundation
import RolebookModel
import Testing

@testable import RolebookDocs

/// Hostile model text reaches the reader as text, in every backend.
@Suite struct PageEscapingTests {
    static let hostileModel: [String: String] = [
        "model/document.yaml": """
            document:
              title: "Roles <script>alert('t')</script> & \\"quotes\\""
              labels: ["a\\"b", "c: d"]
            """,
        "model/teams.yaml": """
            teams:
              - id: ops
                name: "Ops | <b>team</b> *stars* [link](x)"
                engage: { how: "Call <img src=x onerror=alert(1)> now" }
            """,
        "model/components.yaml": """
            components:
              - id: op
                name: "Op <i>"
                kind: operator
                owner: ops
                responsibilities:
                  - title: "Runs <script>alert(1)</script>"
                    detail: "with `code | pipe` and [js](javascript:alert(1)) and a\\nnewline"
                rationale: "<div onclick='x()'>raw block</div>"
            """,
    ]

    @Test func htmlNeverPassesRawHTMLThrough() throws {
        let result = PageTestSupport.model(Self.hostileModel)
        let model = try #require(result.model, "\(result.diagnostics)")
        let html = HTMLBackend(diagrams: [:]).render(PageComposer.compose(model))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>team"))
        #expect(html.contains("Ops | &lt;b&gt;team&lt;/b&gt; *stars* [link](x)"))
        #expect(html.contains("<title>Roles &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</title>"))
    }

    @Test func markdownKeepsHostileTextAsText() throws {
        let model = try #require(PageTestSupport.model(Self.hostileModel).model)
        let markdown = MarkdownBackend().render(PageComposer.compose(model))
        #expect(markdown.contains("title: \"Roles <script>alert('t')</script> & \\\"quotes\\\"\""))
        // Rendered by cmark (as GitHub would), no raw HTML survives.
        // GitHub and Obsidian read the front matter as YAML, not Markdown; the body is what they render.
        let body = try #require(markdown.components(separatedBy: "\n---\n").dropFirst().first)
        let html = MarkdownRenderer.permissiveHTML(fromMarkdown: body)
        for forbidden in ["<script", "<img src=x", "<div onclick", "<b>team"] {
            let present = html.contains(forbidden)
            #expect(!present, "a permissive renderer would see raw HTML: \(forbidden)")
        }
        // The pipe inside the code span does not split the table cell.
        #expect(markdown.contains("`code \\| pipe`") || !markdown.contains("| `code | pipe`"))
        // Plain names stay literal: their markup characters are escaped.
        #expect(PageTestSupport.visibleText(ofMarkdown: markdown).contains("Ops | <b>team</b> *stars* [link](x)"))
    }
}
