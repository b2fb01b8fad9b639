import RolebookCore
import Yams

/// Decodes one model file's composed YAML into typed entities, reporting every
/// problem at its node. Entities missing a required field are reported and
/// left out, so later checks do not pile follow-up errors on them.
struct ModelFileDecoder {
    let path: String
    let sink: DiagnosticSink

    /// The top-level sections a model file may hold.
    static let sections = ["document", "teams", "components", "interactions", "terms", "plans", "flows", "diagrams", "escalation"]

    func decode(_ root: Node, into draft: inout ModelDraft) {
        guard let file = reader(root, "a model file", Self.sections) else { return }
        if let node = file.value("document"), let document = document(node) { draft.documents.append(document) }
        draft.teams += file.sequence("teams").compactMap(team)
        draft.components += file.sequence("components").compactMap(component)
        draft.interactions += file.sequence("interactions").compactMap(interaction)
        draft.terms += file.sequence("terms").compactMap(term)
        draft.plans += file.sequence("plans").compactMap(plan)
        draft.flows += file.sequence("flows").compactMap(flow)
        draft.diagrams += file.sequence("diagrams").compactMap(diagram)
        draft.escalation += file.sequence("escalation").compactMap(escalationPath)
    }

    private func reader(_ node: Node, _ what: String, _ keys: [String]) -> MappingReader? {
        MappingReader(node, path: path, sink: sink, what: what, allowedKeys: keys)
    }

    private func document(_ node: Node) -> Document? {
        guard let r = reader(node, "the document", ["title", "summary", "audience", "labels", "aliases"]) else { return nil }
        let title = r.text("title", required: true)
        let summary = r.text("summary")?.value
        let audience = r.strings("audience").map(\.value)
        let labels = r.strings("labels").map(\.value)
        let aliases = r.strings("aliases").map(\.value)
        // Kept even without a valid title (already reported), so the model
        // does not also complain that it has no document section.
        return Document(title: title?.value ?? "", summary: summary, audience: audience, labels: labels, aliases: aliases, location: r.location)
    }

    private func team(_ node: Node) -> Team? {
        guard let r = reader(node, "a team", ["id", "name", "aliases", "owns", "engage", "color"]) else { return nil }
        let id: Located<TeamID>? = r.id()
        let name = r.text("name", required: true)
        let aliases = r.strings("aliases").map(\.value)
        let owns = r.strings("owns").map(\.value)
        var engagement: Engagement?
        if let engage = r.value("engage") {
            if let e = reader(engage, "'engage'", ["how", "channel", "hours"]), let how = e.text("how", required: true) {
                engagement = Engagement(how: how.value, channel: e.text("channel")?.value, hours: e.text("hours")?.value)
            }
        } else {
            sink.error(
                "team is missing the required key 'engage': how people reach it", rule: MappingReader.missingKeyRule,
                at: r.location)
        }
        var color: String?
        if let located = r.text("color") {
            if Self.isHexColor(located.value) {
                color = located.value
            } else {
                sink.error("'\(located.value)' is not a colour of the form #rrggbb", rule: MappingReader.valueRule, at: located.location)
            }
        }
        guard let id, let name, let engagement else { return nil }
        return Team(id: id.value, name: name.value, aliases: aliases, owns: owns, engage: engagement, color: color, location: id.location)
    }

    static func isHexColor(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#" && scalars.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private func component(_ node: Node) -> Component? {
        guard
            let r = reader(
                node, "a component",
                [
                    "id", "name", "kind", "owner", "operators", "consulted", "runs-in", "change-scope", "summary",
                    "responsibilities", "rationale", "important", "notes", "benefits", "manages",
                ])
        else { return nil }
        let id: Located<ComponentID>? = r.id()
        let name = r.text("name", required: true)
        let kind = r.enumValue("kind", ComponentKind.self, required: true)
        var owner: Located<TeamID>?
        if r.has("owner") {
            owner = r.id("owner")
        } else {
            sink.error(
                "component '\(id?.value.rawValue ?? "?")' has no owner", rule: ReferenceResolver.missingOwnerRule,
                at: id?.location ?? r.location, help: "add 'owner: TEAM-ID'")
        }
        let scopes = r.strings("change-scope").compactMap { MappingReader.enumValue($0, ImpactScope.self, key: "change-scope", sink: sink) }
        let component = Component(
            id: id?.value ?? "", name: name?.value ?? "", kind: kind ?? .operator, owner: owner ?? Located("", at: r.location),
            operators: r.ids("operators"), consulted: r.ids("consulted"),
            runsIn: r.enumValue("runs-in", Placement.self),
            changeScope: scopes.sorted(),
            summary: r.text("summary")?.value,
            responsibilities: r.sequence("responsibilities").compactMap(responsibility),
            rationale: r.text("rationale")?.value,
            important: r.strings("important").map(\.value),
            notes: r.strings("notes").map(\.value),
            benefits: r.strings("benefits").map(\.value),
            manages: r.sequence("manages").compactMap(crdReference),
            location: id?.location ?? r.location)
        guard id != nil, name != nil, kind != nil, owner != nil else { return nil }
        return component
    }

    private func responsibility(_ node: Node) -> Responsibility? {
        guard let r = reader(node, "a responsibility", ["title", "detail", "status", "moves-to", "crd"]) else { return nil }
        let title = r.text("title", required: true)
        let status = r.enumValue("status", ResponsibilityStatus.self) ?? .current
        let movesTo: Located<ComponentID>? = r.id("moves-to", required: false)
        let crd = r.sequence("crd").compactMap(crdReference)
        let detail = r.text("detail")?.value
        guard let title else { return nil }
        return Responsibility(title: title.value, detail: detail, status: status, movesTo: movesTo, crd: crd, location: title.location)
    }

    func crdReference(_ node: Node) -> CRDReference? {
        guard let r = reader(node, "a CRD reference", ["group", "version", "kind", "field", "value", "scope"]) else { return nil }
        // The core group is the empty string, which YAML users write as "".
        let group = r.string("group", required: true)
        let version = r.text("version", required: true)
        let kind = r.text("kind", required: true)
        let field = r.text("field")
        let value = r.string("value")
        let scope = r.enumValue("scope", ResourceScope.self)
        guard let group, let version, let kind else { return nil }
        return CRDReference(
            group: group.value, version: version.value, kind: kind.value, field: field?.value, value: value?.value,
            scope: scope, location: r.location)
    }

    private func interaction(_ node: Node) -> Interaction? {
        guard
            let r = reader(node, "an interaction", ["id", "from", "to", "passes", "mechanism", "detail", "control", "crd"])
        else { return nil }
        let id: Located<InteractionID>? = r.id()
        let from: Located<ComponentID>? = r.id("from")
        let to: Located<ComponentID>? = r.id("to")
        let passes = r.text("passes", required: true)
        let mechanism = r.text("mechanism", required: true)
        let detail = r.text("detail")?.value
        let control = r.enumValue("control", DeploymentControl.self)
        let crd = r.sequence("crd").compactMap(crdReference)
        guard let id, let from, let to, let passes, let mechanism else { return nil }
        return Interaction(
            id: id.value, from: from, to: to, passes: passes.value, mechanism: mechanism.value, detail: detail,
            control: control, crd: crd, location: id.location)
    }

    private func term(_ node: Node) -> Term? {
        guard
            let r = reader(
                node, "a term",
                ["id", "term", "definition", "mechanism", "scope", "level", "facts", "avoid", "crd", "control", "identified-by"])
        else { return nil }
        let id: Located<TermID>? = r.id()
        let term = r.text("term", required: true)
        let definition = r.text("definition", required: true)
        let mechanism = r.text("mechanism")?.value
        let scope = r.text("scope")?.value
        let level: Located<ComponentID>? = r.id("level", required: false)
        let facts = r.strings("facts").map(\.value)
        let avoid = r.strings("avoid").map(\.value)
        let crd = r.sequence("crd").compactMap(crdReference)
        let control = r.enumValue("control", DeploymentControl.self)
        let identifiedBy = r.strings("identified-by").map(\.value)
        guard let id, let term, let definition else { return nil }
        return Term(
            id: id.value, term: term.value, definition: definition.value, mechanism: mechanism, scope: scope, level: level,
            facts: facts, avoid: avoid, crd: crd, control: control, identifiedBy: identifiedBy, location: id.location)
    }

    private func plan(_ node: Node) -> Plan? {
        guard
            let r = reader(
                node, "a plan", ["id", "horizon", "level", "enhancement", "title", "detail", "status", "components"])
        else { return nil }
        let id: Located<PlanID>? = r.id()
        let horizon = r.enumValue("horizon", PlanHorizon.self, required: true)
        let level = r.enumValue("level", PlanLevel.self, required: true)
        let enhancement = r.bool("enhancement") ?? false
        let title = r.text("title", required: true)
        let detail = r.text("detail")?.value
        let status = r.enumValue("status", PlanStatus.self) ?? .proposed
        let components: [Located<ComponentID>] = r.ids("components")
        guard let id, let horizon, let level, let title else { return nil }
        return Plan(
            id: id.value, horizon: horizon, level: level, enhancement: enhancement, title: title.value, detail: detail,
            status: status, components: components, location: id.location)
    }

    private func flow(_ node: Node) -> Flow? {
        guard
            let r = reader(
                node, "a flow", ["id", "title", "summary", "lanes", "allow-cycles", "nodes", "edges", "invariants"])
        else { return nil }
        let id: Located<FlowID>? = r.id()
        let title = r.text("title", required: true)
        let summary = r.text("summary")?.value
        let lanes: [Located<TeamID>] = r.ids("lanes")
        let allowCycles = r.bool("allow-cycles") ?? false
        let nodes = r.sequence("nodes", required: true).compactMap(flowNode)
        let edges = r.sequence("edges").compactMap(flowEdge)
        let invariants = r.sequence("invariants").compactMap(invariant)
        guard let id, let title else { return nil }
        return Flow(
            id: id.value, title: title.value, summary: summary, lanes: lanes, allowCycles: allowCycles, nodes: nodes,
            edges: edges, invariants: invariants, location: id.location)
    }

    private func flowNode(_ node: Node) -> FlowNode? {
        guard
            let r = reader(node, "a flow node", ["id", "kind", "lane", "label", "detail", "component", "engages", "flow"])
        else { return nil }
        let id: Located<FlowNodeID>? = r.id()
        let kind = r.enumValue("kind", FlowNodeKind.self, required: true)
        let lane: Located<TeamID>? = r.id("lane")
        let label = r.text("label", required: true)
        let detail = r.text("detail")?.value
        let component: Located<ComponentID>? = r.id("component", required: false)
        let engages: Located<TeamID>? = r.id("engages", required: false)
        let handOff: Located<FlowID>? = r.id("flow", required: false)
        if kind == .escalation, engages == nil, r.value("engages") == nil {
            sink.error("an escalation must name the team it engages ('engages')", rule: MappingReader.missingKeyRule, at: r.location)
        }
        if kind == .handOff, handOff == nil, r.value("flow") == nil {
            sink.error("a hand-off must name the flow it hands off to ('flow')", rule: MappingReader.missingKeyRule, at: r.location)
        }
        if let engages, kind != .escalation {
            sink.error("only an escalation engages a team; this node is a \(kind?.rawValue ?? "?")", rule: MappingReader.valueRule, at: engages.location)
        }
        if let handOff, kind != .handOff {
            sink.error("only a hand-off names a flow; this node is a \(kind?.rawValue ?? "?")", rule: MappingReader.valueRule, at: handOff.location)
        }
        guard let id, let kind, let lane, let label else { return nil }
        return FlowNode(
            id: id.value, kind: kind, lane: lane, label: label.value, detail: detail, component: component,
            engages: engages, handOff: handOff, location: id.location)
    }

    private func flowEdge(_ node: Node) -> FlowEdge? {
        guard let r = reader(node, "a flow edge", ["from", "to", "label"]) else { return nil }
        let from: Located<FlowNodeID>? = r.id("from")
        let to: Located<FlowNodeID>? = r.id("to")
        let label = r.text("label")?.value
        guard let from, let to else { return nil }
        return FlowEdge(from: from, to: to, label: label, location: r.location)
    }

    private func invariant(_ node: Node) -> FlowInvariant? {
        guard let r = reader(node, "an invariant", ["id", "description", "after", "engages", "before"]) else { return nil }
        let id: Located<InvariantID>? = r.id()
        let description = r.text("description")?.value
        var after: FlowInvariant.Branch?
        if let afterNode = r.value("after"), let a = reader(afterNode, "'after'", ["node", "branch"]) {
            let node: Located<FlowNodeID>? = a.id("node")
            if let node, let branch = a.text("branch", required: true) {
                after = FlowInvariant.Branch(node: node, label: branch.value)
            }
        }
        let engages: Located<TeamID>? = r.id("engages")
        let before: Located<TeamID>? = r.id("before", required: false)
        guard let id, let engages else { return nil }
        return FlowInvariant(id: id.value, description: description, after: after, engages: engages, before: before, location: id.location)
    }

    private func diagram(_ node: Node) -> Diagram? {
        guard let r = reader(node, "a diagram", ["id", "title", "flow", "components", "interactions", "caption"]) else { return nil }
        let id: Located<DiagramID>? = r.id()
        let title = r.text("title", required: true)
        let caption = r.text("caption")?.value
        let flow: Located<FlowID>? = r.id("flow", required: false)
        let components: [Located<ComponentID>] = r.ids("components")
        let interactions: [Located<InteractionID>] = r.ids("interactions")
        let content: Diagram.Content
        if let flow {
            if !components.isEmpty || !interactions.isEmpty {
                sink.error(
                    "a diagram shows either a flow or components and interactions, not both", rule: MappingReader.valueRule,
                    at: r.location)
            }
            content = .flow(flow)
        } else if !components.isEmpty || !interactions.isEmpty {
            content = .interactions(components: components, interactions: interactions)
        } else {
            sink.error(
                "a diagram must name a 'flow', or 'components' and 'interactions'", rule: MappingReader.missingKeyRule,
                at: r.location)
            return nil
        }
        guard let id, let title else { return nil }
        return Diagram(id: id.value, title: title.value, content: content, caption: caption, location: id.location)
    }

    private func escalationPath(_ node: Node) -> EscalationPath? {
        guard let r = reader(node, "an escalation path", ["scope", "signal", "engage", "flow"]) else { return nil }
        let scope = r.enumValue("scope", ImpactScope.self, required: true)
        let signal = r.text("signal", required: true)
        let engage: [Located<TeamID>] = r.ids("engage")
        if engage.isEmpty {
            sink.error("an escalation path must list the teams to engage ('engage')", rule: MappingReader.missingKeyRule, at: r.location)
        }
        let flow: Located<FlowID>? = r.id("flow", required: false)
        guard let scope, let signal, !engage.isEmpty else { return nil }
        return EscalationPath(scope: scope, signal: signal.value, engage: engage, flow: flow, location: r.location)
    }
}
