import CommonMark
import Testing

/// Walking the tree and extracting plain text.
@Suite struct MarkdownNodeTests {
    @Test func walkFindsTextInsideEmphasisWithItsAncestors() {
        let document = MarkdownDocument.parse("Plain *emphasised text* and [a link](x).")
        var visits: [(String, [MarkdownNodeKind])] = []
        document.walk { node, ancestors in
            if node.kind == .text, let literal = node.literal {
                visits.append((literal, ancestors))
            }
        }
        #expect(visits.map(\.0) == ["Plain ", "emphasised text", " and ", "a link", "."])
        #expect(visits[1].1 == [.document, .paragraph, .emphasis])
        #expect(visits[3].1 == [.document, .paragraph, .link])
        #expect(visits[0].1 == [.document, .paragraph])
    }

    @Test func walkVisitsEveryNodeDepthFirstInDocumentOrder() {
        let document = MarkdownDocument.parse("# A\n\n> b `c`")
        var kinds: [MarkdownNodeKind] = []
        document.walk { node, _ in kinds.append(node.kind) }
        #expect(kinds == [.document, .heading, .text, .blockQuote, .paragraph, .text, .code])
    }

    @Test func walkStopsAtTheFirstThrownError() {
        struct Found: Error { let literal: String }
        let document = MarkdownDocument.parse("one *two* three")
        var visited = 0
        #expect(throws: Found.self) {
            try document.walk { (node, _) throws(Found) in
                visited += 1
                if node.kind == .emphasis { throw Found(literal: node.children[0].literal ?? "") }
            }
        }
        // document, paragraph, "one ", emphasis: "two" and " three" are never visited.
        #expect(visited == 4)
    }

    @Test func plainTextDropsFormattingAndRawHTML() {
        #expect(MarkdownRenderer.plainText(fromMarkdown: "**Bold** and `code`") == "Bold and code")
        #expect(MarkdownRenderer.plainText(fromMarkdown: "A <b>b</b> ![alt](i.png) [l](u)") == "A b alt l")
        #expect(MarkdownRenderer.plainText(fromMarkdown: "one\ntwo  \nthree") == "one two three")
        #expect(MarkdownRenderer.plainText(fromMarkdown: "AT&amp;T \\*not emphasis\\*") == "AT&T *not emphasis*")
    }

    @Test func plainTextSeparatesBlocksWithNewlines() {
        let markdown = "# Title\n\n- one\n- *two*\n\n```\ncode\n```\n"
        #expect(MarkdownRenderer.plainText(fromMarkdown: markdown) == "Title\none\ntwo\ncode")
        let heading = MarkdownDocument.parse(markdown).children[0]
        #expect(heading.plainText == "Title")
    }

    @Test func plainTextKeepsNonASCII() {
        #expect(MarkdownRenderer.plainText(fromMarkdown: "Déploiement 🚀 *rapide* — 東京") == "Déploiement 🚀 rapide — 東京")
    }
}
