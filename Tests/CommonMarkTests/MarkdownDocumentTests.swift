import CommonMark
import Testing

/// Parsing: tree shape, node properties and the source positions libcmark
/// 0.30 reports (1-based lines, 1-based UTF-8 byte columns).
@Suite struct MarkdownDocumentTests {
    private static let sample = """
        # Platform *team*

        Some **bold** text.

        ```swift
        let x = 1
        ```
        """

    private func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: .init(line: startLine, column: startColumn), end: .init(line: endLine, column: endColumn))
    }

    @Test func blockPositionsAreExact() throws {
        let document = MarkdownDocument.parse(Self.sample)
        #expect(document.kind == .document)
        #expect(document.children.map(\.kind) == [.heading, .paragraph, .codeBlock])

        let heading = document.children[0]
        #expect(heading.headingLevel == 1)
        #expect(heading.range == range(1, 1, 1, 17))

        let paragraph = document.children[1]
        #expect(paragraph.range == range(3, 1, 3, 19))

        let code = document.children[2]
        #expect(code.range == range(5, 1, 7, 3))
        #expect(code.fenceInfo == "swift")
        #expect(code.literal == "let x = 1\n")
        #expect(code.range?.description == "5:1-7:3")
    }

    @Test func inlinePositionsOnTheFirstLineOfABlockAreExact() throws {
        let paragraph = MarkdownDocument.parse(Self.sample).children[1]
        let strong = try #require(paragraph.children.first { $0.kind == .strong })
        #expect(strong.range == range(3, 6, 3, 13))
        #expect(strong.children.first?.range == range(3, 8, 3, 11))
    }

    @Test func columnsCountUTF8Bytes() throws {
        // "Ship it 🚀 " is 8 + 4 + 1 bytes, so the emphasis starts at byte 14.
        let paragraph = MarkdownDocument.parse("Ship it 🚀 *fast* — ünï").children[0]
        let emphasis = try #require(paragraph.children.first { $0.kind == .emphasis })
        #expect(emphasis.range == range(1, 14, 1, 19))
        #expect(paragraph.children.last?.literal == " — ünï")
    }

    @Test func breaksHaveNoPositionAndEmptyDocumentHasNone() {
        let paragraph = MarkdownDocument.parse("one\ntwo  \nthree").children[0]
        #expect(paragraph.children.map(\.kind) == [.text, .softBreak, .text, .lineBreak, .text])
        #expect(paragraph.children[1].range == nil)
        #expect(paragraph.children[3].range == nil)
        #expect(paragraph.children[4].range == range(3, 1, 3, 5))
        // cmark reports 1:1-0:0 for an empty document: end before start.
        #expect(MarkdownDocument.parse("").range == nil)
        #expect(MarkdownDocument.parse("").children.isEmpty)
    }

    /// Pins libcmark 0.30's known inline-position quirks, which the
    /// `MarkdownNode` documentation describes; if a libcmark upgrade fixes
    /// them, this fails so the documentation gets updated.
    @Test func libcmarkInlinePositionQuirks() {
        // Continuation lines: the column assumes the line is indented like the
        // paragraph's first line (`*b*` is really at 2:4).
        let indented = MarkdownDocument.parse("a\n   *b*").children[0]
        #expect(indented.children[2].kind == .emphasis)
        #expect(indented.children[2].range == range(2, 1, 2, 3))

        // After a backslash hard break, later text is reported on the
        // backslash's line (`y` is really at 2:1).
        let hardBreak = MarkdownDocument.parse("x\\\ny").children[0]
        #expect(hardBreak.children.map(\.kind) == [.text, .lineBreak, .text])
        #expect(hardBreak.children[2].range == range(1, 4, 1, 4))
    }

    @Test func codeSpanLiteralExcludesBackticks() throws {
        let paragraph = MarkdownDocument.parse("Run `kubectl get pods` now").children[0]
        let code = try #require(paragraph.children.first { $0.kind == .code })
        #expect(code.literal == "kubectl get pods")
        #expect(code.children.isEmpty)
        #expect(code.range == range(1, 6, 1, 21))
    }

    @Test func listsLinksAndImagesCarryTheirProperties() throws {
        let document = MarkdownDocument.parse("""
            3. [docs](https://example.com/a "The docs")
            4. ![diagram](d.svg)

            - bullet
            """)
        let ordered = document.children[0]
        #expect(ordered.kind == .list)
        #expect(ordered.listType == .ordered)
        #expect(ordered.listStart == 3)
        #expect(ordered.children.map(\.kind) == [.item, .item])

        let link = try #require(ordered.children[0].children[0].children.first)
        #expect(link.kind == .link)
        #expect(link.url == "https://example.com/a")
        #expect(link.title == "The docs")

        let image = try #require(ordered.children[1].children[0].children.first)
        #expect(image.kind == .image)
        #expect(image.url == "d.svg")
        #expect(image.title == nil)
        #expect(image.children.first?.literal == "diagram")

        let bullet = document.children[1]
        #expect(bullet.listType == .bullet)
        #expect(bullet.listStart == nil)
    }

    @Test func rawHTMLIsKeptInTheTreeForLinters() {
        let document = MarkdownDocument.parse("<div>x</div>\n\na <b>b</b>")
        #expect(document.children[0].kind == .htmlBlock)
        #expect(document.children[0].literal == "<div>x</div>\n")
        #expect(document.children[1].children.filter { $0.kind == .htmlInline }.compactMap(\.literal) == ["<b>", "</b>"])
    }

    @Test func embeddedNULDoesNotTruncateTheDocument() {
        // A C-string API would stop at the NUL; cmark replaces it with U+FFFD.
        #expect(MarkdownDocument.parse("a\u{0}b *c*").plainText == "a\u{FFFD}b c")
    }

    @Test func indentedCodeBlockHasNoFenceInfo() {
        let code = MarkdownDocument.parse("    plain code\n").children[0]
        #expect(code.kind == .codeBlock)
        #expect(code.fenceInfo == nil)
        #expect(code.literal == "plain code\n")
    }
}
