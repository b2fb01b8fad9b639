import Graphviz
import RolebookCore
import RolebookModel

/// Renders the model's diagrams with Graphviz (in-process, libgvc) and as
/// Mermaid.
public enum DiagramRenderer {
    /// A diagram Graphviz could not lay out or render.
    public static let renderRule: RuleID = "diagram.render"

    public static let rules: [RuleDescriptor] = [
        RuleDescriptor(renderRule, "Graphviz could not lay out or render a diagram of the model.")
    ]

    /// Renders every diagram of the model, in model order. Graphviz failures
    /// become diagnostics (``renderRule``) located at the diagram's model
    /// location, thrown together as an ``InputFailure``.
    public static func renderAll(_ model: Model) throws(InputFailure) -> [RenderedDiagram] {
        var rendered: [RenderedDiagram] = []
        var diagnostics: [Diagnostic] = []
        for diagram in model.diagrams {
            do {
                rendered.append(try render(diagram, in: model))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw InputFailure(diagnostics.sorted()) }
        return rendered
    }

    /// Renders one diagram of `model`.
    public static func render(_ diagram: Diagram, in model: Model) throws(InputFailure) -> RenderedDiagram {
        let graph = graph(of: diagram, in: model)
        let dot = DOTDiagramWriter(diagramID: diagram.id.rawValue).graph(graph).dotSource()
        let svg: String
        let png: [UInt8]
        do {
            svg = try GraphvizRenderer.shared.renderSVG(dot: dot)
            png = try GraphvizRenderer.shared.render(dot: dot, format: .png)
        } catch {
            throw InputFailure([
                .error(
                    "diagram '\(diagram.id.rawValue)' could not be rendered: \(error)", rule: renderRule,
                    at: diagram.location,
                    help: "this is a bug in rolebook or Graphviz; please report it with this diagram's model")
            ])
        }
        return RenderedDiagram(
            id: diagram.id, title: diagram.title, dot: dot, svg: SVGNormalizer.document(svg),
            inlineSVG: SVGNormalizer.inline(svg), png: png, mermaid: MermaidWriter().flowchart(graph))
    }

    /// The diagram as boxes and arrows, before DOT or Mermaid syntax.
    static func graph(of diagram: Diagram, in model: Model) -> DiagramGraph {
        let title = TextWrap.normalized(diagram.title)
        switch diagram.content {
        case .flow(let flow):
            return FlowGraphBuilder(flow: model.flow(flow.value), model: model).graph(title: title)
        case .interactions(let components, let interactions):
            return InteractionGraphBuilder(
                components: components.map(\.value), interactions: interactions.map(\.value), model: model
            ).graph(title: title)
        }
    }
}
