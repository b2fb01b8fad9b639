import Foundation
import RolebookConfluence
import RolebookCore

@testable import RolebookDocs

/// A docs directory holding a real Confluence export, written the way
/// `rolebook build` writes it (RolebookDocs renders, OutputDirectory writes),
/// so the publisher tests also test the manifest contract between the two.
struct ExportFixture {
    let docs: URL

    init() throws {
        docs = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-confluence-\(UUID().uuidString)/docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: docs.deletingLastPathComponent())
    }

    static let diagramIDs = ["1", "2B-3B"]

    /// A page with the constructs that matter to publishing: headings with
    /// anchors, an anchor link, a status, a panel and two diagrams.
    static func page(title: String = "Express Roles & Responsibilities", note: String = "First version.") -> Page {
        var slugger = HeadingSlugger()
        let flows = slugger.slug(for: "Flow Diagrams")
        let owners = slugger.slug(for: "Owners")
        let figures: [PageBlock] = diagramIDs.map { id in
            .figure(
                PageFigure(
                    diagramID: id, title: "Diagram \(id)", caption: [.markdown("Caption of *\(id)*.")],
                    svgPath: DocsPaths.diagram(id, "svg"), pngPath: DocsPaths.diagram(id, "png")))
        }
        return Page(
            title: title, summary: [.markdown(note)], labels: ["express", "roles-and-responsibilities"], aliases: [],
            blocks: [
                .tableOfContents,
                .section(PageSection(level: 2, title: "Flow Diagrams", anchor: flows, blocks: figures)),
                .section(
                    PageSection(
                        level: 2, title: "Owners", anchor: owners,
                        blocks: [
                            .paragraph([.status("Planned", .blue), .text(" see "), .link([.text("the diagrams")], .anchor(flows))]),
                            .panel(PagePanel(kind: .important, title: "Important", blocks: [.paragraph([.text("CIF before incident management.")])])),
                        ])),
            ])
    }

    /// Builds and writes the export; `png` overrides a diagram's PNG bytes.
    @discardableResult
    func build(_ page: Page = ExportFixture.page(), png: [String: [UInt8]] = [:]) throws -> GeneratedFiles {
        var files = GeneratedFiles()
        for id in Self.diagramIDs {
            files.add(DocsPaths.diagram(id, "png"), png[id] ?? Self.fakePNG(id))
            files.add(DocsPaths.diagram(id, "svg"), text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(id)</title></svg>\n")
        }
        ConfluenceExport.add(page, to: &files)
        try OutputDirectory(root: docs.path).write(files)
        return files
    }

    /// Bytes that start like a PNG and include every byte value, so a
    /// transport or multipart encoder that mangles binary data is caught.
    static func fakePNG(_ id: String, generation: Int = 0) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("\(id)-\(generation)".utf8) + (0...255).map { UInt8($0) } + [0x0D, 0x0A, 0x2D, 0x2D]
    }

    func load() throws -> ExportBundle {
        let (bundle, diagnostics) = try ExportBundle.load(docs: docs.path)
        guard diagnostics.isEmpty else { throw StandInError("export has findings: \(diagnostics)") }
        return bundle
    }
}
