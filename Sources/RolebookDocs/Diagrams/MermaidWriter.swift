/// Writes a ``DiagramGraph`` as a Mermaid flowchart, which GitHub, GitLab and
/// Obsidian render from a fenced `mermaid` block without any image files.
///
/// Everything the model says is text, and Mermaid's syntax has many special
/// characters, so every label is written quoted and through ``text(_:)``;
/// every id is generated from `[A-Za-z0-9_]`. The legend is left out:
/// Mermaid renderers size the chart to the page, and a legend there crowds
/// the flow more than it helps.
struct MermaidWriter {
    func flowchart(_ diagram: DiagramGraph) -> String {
        var ids = IDTable()
        var lines: [String] = []
        lines.append("flowchart TB")

        let groupIDs = Set(diagram.groups.map(\.id))
        for group in diagram.groups {
            lines.append("  subgraph \(ids.id(for: "group:" + group.id))[\"\(Self.text(group.title))\"]")
            for node in diagram.nodes where node.group == group.id {
                lines.append("    " + nodeStatement(node, ids: &ids))
            }
            lines.append("  end")
        }
        for node in diagram.nodes where node.group.map(groupIDs.contains) != true {
            lines.append("  " + nodeStatement(node, ids: &ids))
        }

        let nodeIDs = Set(diagram.nodes.map(\.id))
        var linkStyles: [String] = []
        var linkIndex = 0
        for edge in diagram.edges where nodeIDs.contains(edge.from) && nodeIDs.contains(edge.to) {
            let arrow: String
            if case .control = edge.style { arrow = "-.->" } else { arrow = "-->" }
            let label = edge.label.map { "|\"\(Self.text($0))\"|" } ?? ""
            lines.append("  \(ids.id(for: "node:" + edge.from)) \(arrow)\(label) \(ids.id(for: "node:" + edge.to))")
            switch edge.style {
            case .normal:
                break
            case .emphasized(let color):
                linkStyles.append("  linkStyle \(linkIndex) stroke:\(color.hex),stroke-width:3px,color:\(color.hex)")
            case .control(let control):
                let color = control == .pause ? DiagramColor.pause : DiagramColor.abort
                linkStyles.append("  linkStyle \(linkIndex) stroke:\(color.hex),stroke-width:2px,color:\(color.hex)")
            }
            linkIndex += 1
        }

        // One class per distinct look, named after it, so the text says what
        // each class is for and equal looks share one definition.
        var classMembers: [String: [String]] = [:]
        var classOrder: [String] = []
        var classDefinitions: [String: String] = [:]
        for node in diagram.nodes {
            let name = Self.className(node)
            if classMembers[name] == nil {
                classOrder.append(name)
                classDefinitions[name] = Self.classDefinition(node)
            }
            classMembers[name, default: []].append(ids.id(for: "node:" + node.id))
        }
        for name in classOrder {
            lines.append("  classDef \(name) \(classDefinitions[name]!)")
            lines.append("  class \(classMembers[name]!.joined(separator: ",")) \(name)")
        }
        for group in diagram.groups {
            lines.append(
                "  style \(ids.id(for: "group:" + group.id)) fill:\(group.fill.hex),stroke:\(group.stroke.hex),color:#000000")
        }
        lines += linkStyles
        return lines.joined(separator: "\n") + "\n"
    }

    private func nodeStatement(_ node: DiagramGraph.Node, ids: inout IDTable) -> String {
        let (open, close) = Self.brackets(node.shape)
        return ids.id(for: "node:" + node.id) + open + "\"" + Self.text(node.label) + "\"" + close
    }

    /// Mermaid's bracket pair per shape: stadium for start and end, box for a
    /// step, rhombus for a decision, hexagon for an escalation, subroutine
    /// (double-sided box) for a hand-off, cylinder for a repository.
    static func brackets(_ shape: DiagramGraph.Shape) -> (String, String) {
        switch shape {
        case .start, .end: ("([", "])")
        case .action: ("[", "]")
        case .decision: ("{", "}")
        case .escalation: ("{{", "}}")
        case .handOff: ("[[", "]]")
        case .component(let kind):
            switch kind {
            case .operator: ("[[", "]]")
            case .helmChart, .configResource, .customResource: ("[/", "/]")
            case .gitopsController, .workflowEngine, .workflowTask: ("(", ")")
            case .apiServer: ("[", "]")
            case .repository: ("[(", ")]")
            }
        }
    }

    static func className(_ node: DiagramGraph.Node) -> String {
        let kind: String
        switch node.shape {
        case .start: kind = "start"
        case .end: kind = "finish"
        case .action: kind = "step"
        case .decision: kind = "decision"
        case .escalation: kind = "escalation"
        case .handOff: kind = "handoff"
        case .component: kind = "component"
        }
        let hexDigits = { (color: DiagramColor) in String(color.hex.dropFirst()) }
        return "\(kind)_\(hexDigits(node.fill))_\(hexDigits(node.stroke))" + (node.emphasized ? "_bold" : "")
    }

    static func classDefinition(_ node: DiagramGraph.Node) -> String {
        let width: Int
        switch node.shape {
        case _ where node.emphasized: width = 4
        case .start, .escalation: width = 2
        default: width = 1
        }
        return "fill:\(node.fill.hex),stroke:\(node.stroke.hex),stroke-width:\(width)px,color:#000000"
            + (node.emphasized ? ",font-weight:bold" : "")
    }

    /// `text` made safe inside a quoted Mermaid label.
    ///
    /// Mermaid reads `#name;` and `#123;` as character entities, so the
    /// characters that could end the label, start markup or a directive, or
    /// be taken for an entity are written that way: `"` as `#quot;`, `#`
    /// itself, `<` `>` `&` (HTML in labels), `{` `}` and `%` (an
    /// `%%{init}%%` directive), `|` (ends an edge label) and the backtick
    /// (starts a Markdown string). A line break becomes `<br/>`; other
    /// control characters are dropped. Everything else, emoji included, stays
    /// as written.
    static func text(_ text: String) -> String {
        var result = ""
        for scalar in TextWrap.normalized(text).unicodeScalars {
            switch scalar {
            case "\n": result += "<br/>"
            case "\"": result += "#quot;"
            case "#": result += "#35;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "{": result += "#123;"
            case "}": result += "#125;"
            case "%": result += "#37;"
            case "|": result += "#124;"
            case "`": result += "#96;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension MermaidWriter {
    /// Mermaid ids for the graph's ids: `[A-Za-z0-9_]` only, readable (from
    /// the model id), and unique even when two ids sanitize alike.
    struct IDTable {
        private var assigned: [String: String] = [:]
        private var used: Set<String> = []

        mutating func id(for key: String) -> String {
            if let existing = assigned[key] { return existing }
            var base = ""
            for scalar in key.unicodeScalars {
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_": base.unicodeScalars.append(scalar)
                default: base += "_"
                }
            }
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(counter)"
                counter += 1
            }
            assigned[key] = candidate
            used.insert(candidate)
            return candidate
        }
    }
}
