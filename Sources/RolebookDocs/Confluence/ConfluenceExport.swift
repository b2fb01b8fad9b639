import Foundation
import RolebookCore

/// The Confluence export `rolebook build` writes into `docs/confluence/`:
/// the page body in storage format (`page.xml`) and a manifest naming the
/// title, labels, attachments and their SHA-256 digests. The attachments are
/// the diagram files in `docs/diagrams/`, referenced, not copied.
public enum ConfluenceExport {
    public static let directory = "confluence"
    public static let pagePath = "confluence/page.xml"
    public static let manifestPath = "confluence/manifest.json"

    /// Adds the export to `files`, which must already hold the diagram files
    /// the page's figures reference (their bytes are hashed as written).
    public static func add(_ page: Page, to files: inout GeneratedFiles, command: String = "rolebook build") {
        let body = ConfluenceBackend(command: command).render(page)
        let bodyBytes = Array(body.utf8)
        var attachments: [ConfluenceManifest.Attachment] = []
        for figure in figures(page) {
            for (path, ext, mediaType) in [(figure.pngPath, "png", "image/png"), (figure.svgPath, "svg", "image/svg+xml")] {
                // A missing file is left for the validator to report as a
                // missing attachment, with its position in page.xml.
                guard let bytes = files.files[path] else { continue }
                attachments.append(
                    .init(
                        name: ConfluenceBackend.attachmentName(diagramID: figure.diagramID, fileExtension: ext), path: path,
                        mediaType: mediaType, sha256: SHA256.hex(bytes), size: bytes.count))
            }
        }
        attachments.sort { $0.name < $1.name }
        let manifest = ConfluenceManifest(
            rolebookVersion: RolebookVersion.current, title: ConfluenceXML.clean(page.title).replacingAll("\n", with: " "),
            labels: labels(page.labels),
            body: .init(path: pagePath, sha256: SHA256.hex(bodyBytes), size: bodyBytes.count),
            attachments: attachments, anchors: page.anchors)
        files.add(pagePath, bodyBytes)
        files.add(manifestPath, text: JSONOutput.encode(manifest))
    }

    /// Checks the export in `files` offline (see ``ConfluenceValidator``);
    /// findings point into `<outputDirectory>/confluence/page.xml`.
    public static func validate(_ files: GeneratedFiles, outputDirectory: String) -> [Diagnostic] {
        guard let bytes = files.files[pagePath] else { return [] }
        let location = outputDirectory.hasSuffix("/") ? outputDirectory + pagePath : outputDirectory + "/" + pagePath
        // The attachments the publisher will upload: those in the manifest.
        let manifest = files.files[manifestPath].flatMap { try? JSONDecoder().decode(ConfluenceManifest.self, from: Data($0)) }
        let names = Set(manifest?.attachments.map(\.name) ?? [])
        let text = String(decoding: bytes, as: UTF8.self)
        return ConfluenceValidator(path: location).validate(text, attachments: names)
    }

    /// Confluence labels are lower case and cannot hold spaces or
    /// `!#&()*,.:;<>?@[]^`; a label from the model is turned into that form
    /// (spaces become `-`), empty and repeated ones dropped, order kept.
    static func labels(_ labels: [String]) -> [String] {
        let forbidden = Set("!#&()*,.:;<>?@[]^\"'/\\")
        var seen: Set<String> = []
        var result: [String] = []
        for label in labels {
            var out = ""
            for character in ConfluenceXML.clean(label).lowercased() {
                if character.isWhitespace {
                    if !out.hasSuffix("-") { out.append("-") }
                } else if !forbidden.contains(character) {
                    out.append(character)
                }
            }
            let trimmed = out.trimmingCharacters(in: "-")
            if !trimmed.isEmpty, seen.insert(trimmed).inserted { result.append(trimmed) }
        }
        return result
    }

    private static func figures(_ page: Page) -> [PageFigure] {
        var result: [PageFigure] = []
        func visit(_ blocks: [PageBlock]) {
            for block in blocks {
                switch block {
                case .figure(let figure): result.append(figure)
                case .section(let section): visit(section.blocks)
                case .panel(let panel): visit(panel.blocks)
                case .list(let list): list.items.forEach { visit($0.children) }
                default: break
                }
            }
        }
        visit(page.blocks)
        return result
    }
}
