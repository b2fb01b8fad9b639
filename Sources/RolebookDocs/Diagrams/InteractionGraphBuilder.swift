import RolebookModel

/// Turns an interaction diagram of the model into a ``DiagramGraph``.
///
/// Components are grouped by where they run (Git, Argo Workflows and the SRE
/// API, Argo CD, the Kubernetes cluster) because that is how an operator
/// looks for them; each is filled with its owner's colour, which the legend
/// names, so "who owns this box" needs no second diagram. Arrows say what
/// passes. The pause and abort controls are dashed and coloured and spell out
/// their mechanism and scope, since confusing the two is the mistake the page
/// exists to prevent.
struct InteractionGraphBuilder {
    let components: [ComponentID]
    let interactions: [InteractionID]
    let model: Model

    static let labelWidth = 22
    static let controlLabelWidth = 24

    func graph(title: String) -> DiagramGraph {
        let shown = shownComponents()
        let placements = Placement.allCases.filter { placement in
            shown.contains { model.component($0).runsIn == placement }
        }
        let groups = placements.map { placement in
            DiagramGraph.Group(
                id: Self.groupID(placement), title: Self.title(of: placement),
                fill: DiagramColor(red: 0xF7, green: 0xF7, blue: 0xF7),
                stroke: DiagramColor(red: 0x88, green: 0x88, blue: 0x88))
        }
        let nodes = shown.map { id -> DiagramGraph.Node in
            let component = model.component(id)
            let color = FlowGraphBuilder.color(of: model.team(component.owner.value))
            return DiagramGraph.Node(
                id: Self.nodeID(id), label: TextWrap.wrapped(TextWrap.normalized(component.name), width: 20),
                shape: .component(component.kind), group: component.runsIn.map(Self.groupID),
                fill: color, stroke: color.darker, tooltip: component.summary.map(PlainText.of))
        }
        let edges = interactions.map { id -> DiagramGraph.Edge in
            let interaction = model.interaction(id)
            let tooltip = ([TextWrap.normalized(interaction.mechanism)] + (interaction.detail.map { [PlainText.of($0)] } ?? []))
                .joined(separator: "\n")
            return DiagramGraph.Edge(
                from: Self.nodeID(interaction.from.value), to: Self.nodeID(interaction.to.value),
                label: label(of: interaction), style: interaction.control.map { .control($0) } ?? .normal,
                tooltip: tooltip)
        }
        // Top to bottom reads as the pipeline it is (Git, then Argo CD, then
        // the cluster) and leaves room beside each arrow for its label; left
        // to right crowded the labels onto the group borders.
        return DiagramGraph(
            title: title, groups: groups, groupsAreLanes: false,
            nodes: nodes, edges: edges, legend: legend(shown: shown), legendStyle: .colorKey(title: "Owner"))
    }

    static func nodeID(_ id: ComponentID) -> String { "component:" + id.rawValue }
    static func groupID(_ placement: Placement) -> String { "runs-in:" + placement.rawValue }

    /// The group titles of the note's Diagram 1.
    static func title(of placement: Placement) -> String {
        switch placement {
        case .git: "Git"
        case .argoWorkflows: "Argo Workflows and the SRE API"
        case .argoCD: "Argo CD"
        case .kubernetesCluster: "Kubernetes cluster"
        }
    }

    /// The listed components, then any endpoint of a listed interaction the
    /// list forgot, so no arrow points at nothing.
    private func shownComponents() -> [ComponentID] {
        var shown = components
        var seen = Set(components)
        for id in interactions {
            let interaction = model.interaction(id)
            for end in [interaction.from.value, interaction.to.value] where !seen.contains(end) {
                seen.insert(end)
                shown.append(end)
            }
        }
        return shown
    }

    /// What passes; for a control, also its name, mechanism and scope, e.g.
    /// "Pause Deployment: / pause for a cluster or namespace / via ConfigMap
    /// update / Affects specific clusters or namespaces within a Kubernetes
    /// cluster."
    private func label(of interaction: Interaction) -> String {
        let passes = TextWrap.normalized(interaction.passes)
        guard let control = interaction.control else {
            return TextWrap.wrapped(passes, width: Self.labelWidth)
        }
        let term = term(for: control, interaction)
        let name = term.map { TextWrap.normalized($0.term) } ?? Self.defaultName(of: control)
        var lines = [
            name + ":",
            TextWrap.wrapped(passes, width: Self.controlLabelWidth),
            TextWrap.wrapped("via \(TextWrap.normalized(interaction.mechanism))", width: Self.controlLabelWidth),
        ]
        if let scope = term?.scope {
            lines.append(TextWrap.wrapped(PlainText.of(scope), width: Self.controlLabelWidth))
        }
        return lines.joined(separator: "\n")
    }

    private static func defaultName(of control: DeploymentControl) -> String {
        switch control {
        case .pause: "Pause Deployment"
        case .abort: "Abort Deployment"
        }
    }

    /// The glossary term that defines a control, for its scope: the term
    /// named like the control ("Pause Deployment"), else a term with a scope
    /// implemented by the component the control acts on.
    private func term(for control: DeploymentControl, _ interaction: Interaction) -> Term? {
        let name = Self.defaultName(of: control).lowercased()
        return model.terms.first { $0.term.lowercased() == name }
            ?? model.terms.first { $0.scope != nil && $0.level?.value == interaction.to.value }
    }

    /// One sample per owning team, in the model's team order. (The controls
    /// need no entry: their arrows say what they are.)
    private func legend(shown: [ComponentID]) -> [DiagramGraph.LegendEntry] {
        let owners = Set(shown.map { model.component($0).owner.value })
        return model.teams.filter { owners.contains($0.id) }.map { team in
            let color = FlowGraphBuilder.color(of: team)
            return DiagramGraph.LegendEntry(
                shape: .action, fill: color, stroke: color.darker,
                meaning: TextWrap.normalized(team.name))
        }
    }
}
