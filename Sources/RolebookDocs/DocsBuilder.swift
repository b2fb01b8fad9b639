import RolebookCore
import RolebookModel

/// Renders everything `rolebook build` writes, in memory: the diagrams (SVG,
/// PNG, DOT, Mermaid), then the page as Markdown, HTML and the Confluence
/// export (storage-format body and manifest, whose attachments are the
/// diagram files above). Nothing touches the disk here, so a failure
/// anywhere leaves `docs/` as it was.
public enum DocsBuilder {
    public static func render(_ model: Model) throws(InputFailure) -> GeneratedFiles {
        let diagrams = try DiagramRenderer.renderAll(model)
        var files = GeneratedFiles()
        for diagram in diagrams {
            let id = diagram.id.rawValue
            files.add(DocsPaths.diagram(id, "svg"), text: diagram.svg)
            files.add(DocsPaths.diagram(id, "png"), diagram.png)
            files.add(DocsPaths.diagram(id, "dot"), text: diagram.dot)
            files.add(DocsPaths.diagram(id, "mmd"), text: diagram.mermaid)
        }
        let page = PageComposer.compose(model)
        files.add(DocsPaths.markdownPage, text: MarkdownBackend().render(page) + "\n")
        let inline = Dictionary(diagrams.map { ($0.id.rawValue, $0.inlineSVG) }, uniquingKeysWith: { first, _ in first })
        files.add(DocsPaths.htmlPage, text: HTMLBackend(diagrams: inline).render(page))
        ConfluenceExport.add(page, to: &files)
        return files
    }
}
