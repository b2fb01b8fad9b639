import Foundation
import RolebookCore

@testable import RolebookDocs

/// Pages built directly from the IR, so the Confluence tests do not change
/// when the shipped model does, and every construct of the backend appears.
enum ConfluenceFixtures {
    /// Text that breaks naive XML writers: CDATA terminators, markup
    /// characters, both quotes, control characters (`\u{8}` got pages
    /// refused), a lone CR, a non-BMP emoji and a combining sequence.
    static let hostile = "a]]>b <tag> & \"dq\" 'sq' \u{8}bell\u{0} \u{1F642} e\u{301} x\ry &nbsp;"

    /// One page with every block and inline kind, two diagrams and a nested
    /// list; the golden file is this page rendered.
    static func everyConstruct() -> Page {
        var slugger = HeadingSlugger()
        let overview = slugger.slug(for: "Overview")
        let components = slugger.slug(for: "Components & \"Owners\"")
        let operatorSlug = slugger.slug(for: "Express Operator")
        let flows = slugger.slug(for: "Flow Diagrams")
        let diagram = slugger.slug(for: "Diagram 2B-3B: Further Analysis")
        let terms = slugger.slug(for: "Key Terminology Reference")
        let pause = slugger.slug(for: "Pause")
        let abort = slugger.slug(for: "Abort <now>")
        let again = slugger.slug(for: "Overview")

        let figure = PageFigure(
            diagramID: "2B-3B", title: "Diagram 2B-3B: Further Analysis",
            caption: [.markdown("Steps when *no* deployment is ongoing; see [the operator](#\(operatorSlug)).")],
            svgPath: DocsPaths.diagram("2B-3B", "svg"), pngPath: DocsPaths.diagram("2B-3B", "png"))
        let architecture = PageFigure(
            diagramID: "1", title: "Diagram 1: Architecture", caption: [],
            svgPath: DocsPaths.diagram("1", "svg"), pngPath: DocsPaths.diagram("1", "png"))

        return Page(
            title: "Express <Roles> & \"Responsibilities\"",
            summary: [.markdown("Who owns **what**, with `code` and a [link](https://example.com/a?b=1&c=2).")],
            labels: ["express", "Roles and Responsibilities", "argo-cd", "a:b", "express"],
            aliases: [],
            blocks: [
                .tableOfContents,
                .section(
                    PageSection(
                        level: 2, title: "Overview", anchor: overview,
                        blocks: [
                            .paragraph([
                                .text("Plain "), .strong([.text("strong")]), .text(", "), .emphasis([.text("emphasis")]),
                                .text(", "), .code("kubectl get <x> && echo"), .lineBreak, .text("next line"),
                            ]),
                            .paragraph([
                                .status("Planned", .blue), .text(" "), .status("Done", .green), .text(" "),
                                .status("Abort", .red), .text(" "), .status("Pause", .yellow), .text(" "), .status("Unknown", .grey),
                            ]),
                            .paragraph([
                                .text("Jump to "), .link([.text("the components")], .anchor(components)), .text(" or the "),
                                .link([.text("SVG file")], .relativePath(DocsPaths.diagram("2B-3B", "svg"))), .text(" or "),
                                .link([.text("a file")], .relativePath("runbooks/x.md")), .text("."),
                            ]),
                        ])),
                .section(
                    PageSection(
                        level: 2, title: "Components & \"Owners\"", anchor: components,
                        blocks: [
                            .section(
                                PageSection(
                                    level: 3, title: "Express Operator", anchor: operatorSlug,
                                    blocks: [
                                        .paragraph([.markdown("Reconciles `Frontend` and `Backend`.\nSecond line, a soft break.")]),
                                        .list(
                                            PageList(
                                                ordered: false,
                                                items: [
                                                    PageListItem([.strong([.text("Owns")]), .text(" the CRDs")]),
                                                    PageListItem(
                                                        [.text("With children")],
                                                        children: [
                                                            .paragraph([.markdown("A paragraph under the item.")]),
                                                            .list(PageList(ordered: true, items: [PageListItem([.text("first")]), PageListItem([.text("second")])])),
                                                        ]),
                                                ])),
                                        .panel(PagePanel(kind: .rationale, title: "Rationale", blocks: [.paragraph([.markdown("Because *reasons*.")])])),
                                        .panel(PagePanel(kind: .note, title: "Note", blocks: [.list(PageList(ordered: false, items: [PageListItem([.text("one")])]))])),
                                        .panel(PagePanel(kind: .important, title: "Important Note", blocks: [.paragraph([.text("Read before changing anything.")])])),
                                    ])),
                            .table(
                                PageTable(
                                    header: ["Component", "CIF", "SRE"],
                                    rows: [
                                        [[.link([.text("Express Operator")], .anchor(operatorSlug))], [.strong([.text("Owns")])], [.text("—")]],
                                        [[.text("Argo CD")], [.text("Operates")], [.markdown("Consulted, *sometimes*")]],
                                    ],
                                    caption: "Ownership")),
                        ])),
                .section(
                    PageSection(
                        level: 2, title: "Flow Diagrams", anchor: flows,
                        blocks: [
                            .section(PageSection(level: 3, title: "Diagram 2B-3B: Further Analysis", anchor: diagram, blocks: [.figure(figure)])),
                            .figure(architecture),
                        ])),
                .section(
                    PageSection(
                        level: 2, title: "Key Terminology Reference", anchor: terms,
                        blocks: [
                            .section(
                                PageSection(
                                    level: 3, title: "Pause", anchor: pause,
                                    blocks: [
                                        .list(
                                            PageList(
                                                ordered: false,
                                                items: [PageListItem([.strong([.text("Definition:")]), .text(" "), .markdown("Stops *reconciling*.")])]))
                                    ])),
                            .section(
                                PageSection(
                                    level: 3, title: "Abort <now>", anchor: abort,
                                    blocks: [
                                        .list(
                                            PageList(
                                                ordered: false,
                                                items: [
                                                    PageListItem([.strong([.text("Definition:")]), .text(" Stops the rollout.")]),
                                                    PageListItem([.strong([.text("Avoid:")]), .text(" "), .code("kill")]),
                                                ]))
                                    ])),
                        ])),
                .section(PageSection(level: 2, title: "Overview", anchor: again, blocks: [.paragraph([.text("A repeated heading gets its own anchor.")])])),
            ])
    }

    /// The generated files a build would hold for `page`: a PNG and an SVG per
    /// figure (small stand-in bytes), then the Confluence export.
    static func export(_ page: Page, png: [String: [UInt8]] = [:]) -> GeneratedFiles {
        var files = GeneratedFiles()
        for id in ["1", "2B-3B"] {
            files.add(DocsPaths.diagram(id, "png"), png[id] ?? Array("\u{89}PNG fake \(id)".utf8))
            files.add(DocsPaths.diagram(id, "svg"), text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(id)</title></svg>\n")
        }
        ConfluenceExport.add(page, to: &files)
        return files
    }

    static func storage(_ files: GeneratedFiles) -> String {
        String(decoding: files.files[ConfluenceExport.pagePath] ?? [], as: UTF8.self)
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
