import CommonMark
import Foundation
import RolebookCore
import Testing

@testable import RolebookDocs

/// Hostile text through every construct of the backend: the body stays
/// well-formed, uses no entity but XML's own, carries no control character,
/// and the reader sees the text (minus what XML cannot carry).
@Suite struct ConfluenceEscapingTests {
    static let hostile = ConfluenceFixtures.hostile

    /// What XML can carry of `hostile`: the control characters dropped, the
    /// lone CR a line feed.
    static let carried = ConfluenceXML.clean(hostile)

    /// A page that puts `hostile` in every place text can go.
    static func hostilePage() -> Page {
        let h = hostile
        let figure = PageFigure(
            diagramID: "1", title: h, caption: [.text(h), .markdown(h)], svgPath: DocsPaths.diagram("1", "svg"),
            pngPath: DocsPaths.diagram("1", "png"))
        return Page(
            title: h, summary: [.markdown(h)], labels: [h], aliases: [],
            blocks: [
                .tableOfContents,
                .section(
                    PageSection(
                        level: 2, title: h, anchor: "hostile",
                        blocks: [
                            .paragraph([
                                .text(h), .strong([.text(h)]), .emphasis([.text(h)]), .code(h), .lineBreak, .markdown(h),
                                .link([.text(h)], .anchor("hostile")), .link([.text(h)], .relativePath(h)), .status(h, .red),
                            ]),
                            .list(PageList(ordered: true, items: [PageListItem([.text(h)], children: [.paragraph([.markdown(h)])])])),
                            .table(PageTable(header: [h, h], rows: [[[.text(h)], [.markdown(h)]]], caption: h)),
                            .panel(PagePanel(kind: .important, title: h, blocks: [.paragraph([.text(h)])])),
                            .figure(figure),
                        ]))
            ])
    }

    static func assertClean(_ storage: String, attachments: Set<String> = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(ConfluenceValidator(path: "page.xml").validate(storage, attachments: attachments) == [], sourceLocation: sourceLocation)
        for scalar in storage.unicodeScalars {
            #expect(ConfluenceXML.isAllowed(scalar), "U+\(String(scalar.value, radix: 16)) in output", sourceLocation: sourceLocation)
            #expect(scalar != "\r", sourceLocation: sourceLocation)
        }
        // Every `&` outside CDATA starts one of the four entities rolebook writes.
        var outsideCDATA = ""
        var remaining = Substring(storage)
        while let open = remaining.range(of: "<![CDATA[") {
            outsideCDATA += remaining[..<open.lowerBound]
            guard let close = remaining[open.upperBound...].range(of: "]]>") else { break }
            remaining = remaining[close.upperBound...]
        }
        outsideCDATA += remaining
        var rest = Substring(outsideCDATA)
        while let amp = rest.firstIndex(of: "&") {
            let tail = rest[amp...]
            #expect(["&amp;", "&lt;", "&gt;", "&quot;"].contains { tail.hasPrefix($0) }, "\(tail.prefix(12))", sourceLocation: sourceLocation)
            rest = rest[rest.index(after: amp)...]
        }
        if let lint = try ConfluenceXMLLint.check(storage) {
            #expect(lint.status == 0, "\(lint.output)", sourceLocation: sourceLocation)
        } else {
            print(ConfluenceXMLLint.skipReason)
        }
    }

    @Test func hostileTextInEveryConstruct() throws {
        let files = ConfluenceFixtures.export(Self.hostilePage())
        let storage = ConfluenceFixtures.storage(files)
        try Self.assertClean(storage, attachments: ["1.png", "1.svg"])
        // The `&nbsp;` the text contains is text, not an entity.
        #expect(storage.contains("&amp;nbsp;"))
        #expect(storage.contains("\u{1F642}"))
        #expect(storage.contains("e\u{301}"))
        // Attribute values keep their quotes escaped.
        #expect(storage.contains("ac:alt=\"a]]&gt;b &lt;tag&gt; &amp; &quot;dq&quot; 'sq' bell \u{1F642} e\u{301} x y &amp;nbsp;\""))
        // The manifest carries the title without control characters.
        let manifest = try JSONDecoder().decode(ConfluenceManifest.self, from: Data(try #require(files.files[ConfluenceExport.manifestPath])))
        #expect(manifest.title == Self.carried.replacingOccurrences(of: "\n", with: " "))
        #expect(manifest.labels == ["ab-tag-dq-sq-bell-\u{1F642}-e\u{301}-x-y-nbsp"])
    }

    /// What the reader sees of each construct is the text itself.
    @Test func textSurvivesTheRoundTrip() throws {
        let expected = Self.carried.replacingOccurrences(of: "\n", with: " ")
        for markup in [
            "<p>" + ConfluenceXML.text(Self.hostile) + "</p>",
            "<p><code>" + ConfluenceXML.text(Self.hostile) + "</code></p>",
            "<h2>" + ConfluenceXML.text(Self.hostile) + "</h2>",
            "<p>" + ConfluenceMacros.anchorLink("x", text: Self.hostile) + "</p>" + ConfluenceMacros.anchor("x"),
        ] {
            let (nodes, findings) = StorageScanner.scan(markup, path: "page.xml")
            #expect(findings == [])
            let text = nodes.compactMap { node -> String? in if case .element(let element) = node, element.name != "ac:structured-macro" { element.text } else { nil } }.joined()
            #expect(text == (markup.contains("CDATA") ? Self.carried : expected), "\(markup)")
        }
        let (nodes, _) = StorageScanner.scan("<p " + "x=\"" + ConfluenceXML.attribute(Self.hostile) + "\"/>", path: "page.xml")
        guard case .element(let element) = nodes.first else { Issue.record("no element"); return }
        #expect(element.attribute("x") == expected)
    }

    /// `]]>` inside code is split across two CDATA sections; the code read
    /// back is unchanged, whatever the number of brackets around it.
    @Test(arguments: ["]]>", "]]]]>>", "a]]>b]]>c", "]", "]]", "x]]", "", "<![CDATA[ nested ]]>", "\u{1F642}]]>\u{1F642}"])
    func codeMacroKeepsCodeVerbatim(_ code: String) throws {
        let macro = ConfluenceMacros.code(code, language: "bash", title: Self.hostile) + "\n"
        try Self.assertClean(macro)
        let (nodes, _) = StorageScanner.scan(macro, path: "page.xml")
        guard case .element(let element) = nodes.first, let body = element.childElements.first(where: { $0.name == "ac:plain-text-body" }) else {
            Issue.record("no code body")
            return
        }
        #expect(body.text == code)
    }

    @Test func codeMacroDropsControlCharactersAndNormalizesLineEnds() throws {
        let macro = ConfluenceMacros.code("line1\r\nline2\rline3\u{8}\u{1B}[0m\ttab", language: nil) + "\n"
        try Self.assertClean(macro)
        #expect(macro.contains("<![CDATA[line1\nline2\nline3[0m\ttab]]>"))
    }

    @Test func hostileMacroParametersAndLinks() throws {
        let h = Self.hostile
        let body = "<p>" + ConfluenceMacros.status(h, .grey) + ConfluenceMacros.pageLink(title: h, spaceKey: h, anchor: h, text: h) + "</p>\n"
            + ConfluenceMacros.panel(.warning, title: h, body: "<p>" + ConfluenceXML.text(h) + "</p>") + "\n"
            + "<p>" + ConfluenceMacros.image(attachment: "1.png", alt: h) + "</p>\n"
        try Self.assertClean(body, attachments: ["1.png"])
    }

    /// cmark's safe HTML is the input for model prose. It must only use the
    /// entities XML knows and self-close its void elements; whatever else it
    /// does (images, block HTML, soft breaks) the prose rewriter turns into
    /// valid inline storage format.
    @Test(arguments: [
        ConfluenceFixtures.hostile,
        "&nbsp; &copy; &mdash; &#128578; &#x26; &amp;",
        "![alt \"text\" & <more>](img.png \"title\") and <img src=x onerror=alert(1)>",
        "hard  \nbreak\\\nand soft\nbreak",
        "* a list\n* of items\n\n---\n\n> quote\n\n```yaml\nkey: ]]> & <x>\n```\n\n# heading",
        "<script>alert(1)</script> <b>raw</b> [js](javascript:alert(1)) <https://example.com/?a=1&b=2>",
        "a\u{0}b\u{1}c\u{7F}d",
        "`code with ]]> and <tag>` **strong _nested_** ~~strike~~",
    ])
    func markdownRendererOutputIsSafeForConfluence(_ markdown: String) throws {
        let html = MarkdownRenderer.inlineHTML(fromMarkdown: markdown)
        var rest = Substring(html)
        while let amp = rest.firstIndex(of: "&") {
            let tail = rest[amp...]
            #expect(["&amp;", "&lt;", "&gt;", "&quot;"].contains { tail.hasPrefix($0) }, "cmark wrote \(tail.prefix(10))")
            rest = rest[rest.index(after: amp)...]
        }
        for void in ["br", "hr", "img"] {
            var search = Substring(html)
            while let range = search.range(of: "<\(void)") {
                let tag = search[range.lowerBound...].prefix { $0 != ">" }
                #expect(tag.hasSuffix("/"), "cmark wrote an unclosed \(tag)>")
                search = search[range.upperBound...]
            }
        }
        let prose = ConfluenceProse.inline(markdown, anchors: [])
        try Self.assertClean("<p>" + prose + "</p>\n")
        #expect(!prose.contains("<img"))
        #expect(!prose.contains("<script"))
        #expect(!prose.contains("javascript:"))
        #expect(!prose.contains("\n"))
    }
}
