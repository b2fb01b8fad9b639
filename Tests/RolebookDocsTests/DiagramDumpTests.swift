import Foundation
import RolebookDocs
import Testing

/// Writes every shipped diagram to `$ROLEBOOK_DIAGRAM_DUMP` (e.g.
/// `/tmp/diagrams`) so a person can look at them; does nothing otherwise.
/// Layout problems (clipped labels, wandering lanes) only show to the eye.
@Suite struct DiagramDumpTests {
    @Test func dumpsShippedDiagramsWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["ROLEBOOK_DIAGRAM_DUMP"] else { return }
        let model = try DiagramFixtures.shippedModel()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for diagram in try DiagramRenderer.renderAll(model) {
            let base = URL(fileURLWithPath: directory).appendingPathComponent(diagram.id.rawValue)
            try Data(diagram.png).write(to: base.appendingPathExtension("png"))
            try Data(diagram.svg.utf8).write(to: base.appendingPathExtension("svg"))
            try Data(diagram.dot.utf8).write(to: base.appendingPathExtension("dot"))
            try Data(diagram.mermaid.utf8).write(to: base.appendingPathExtension("mmd"))
        }
        for flow in model.flows {
            let text = FlowWalkthrough(flow).outline(in: model)
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(flow.id.rawValue).txt"))
        }
    }
}
