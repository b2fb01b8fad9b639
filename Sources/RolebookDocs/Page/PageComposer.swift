import RolebookModel

/// Composes the model into the page: the sections of the user's note, in the
/// order of its table of contents, then the quick references the note does
/// not have (ownership matrix, escalation, blast radius).
///
/// Anchors are assigned here, in document order, with GitHub's rules, so
/// every backend and every link agrees on them.
public struct PageComposer {
    let model: Model
    private var slugger = HeadingSlugger()
    /// Anchor of each component's section, for links to it.
    private var componentAnchors: [ComponentID: String] = [:]

    public static func compose(_ model: Model) -> Page {
        var composer = PageComposer(model: model)
        return composer.page()
    }

    init(model: Model) {
        self.model = model
    }

    private mutating func page() -> Page {
        // Component anchors are needed before their sections exist (a
        // responsibility that moves links to its new owner), so reserve the
        // heading slugs in document order first: "Current State" comes
        // before the components and takes its slug first.
        var preview = HeadingSlugger()
        _ = preview.slug(for: Self.currentState)
        for component in model.components {
            componentAnchors[component.id] = preview.slug(for: component.name)
        }
        var blocks: [PageBlock] = [.tableOfContents]
        blocks.append(currentState())
        blocks.append(plans(.shortTerm))
        blocks.append(plans(.longTerm))
        blocks.append(flowDiagrams())
        blocks.append(terminology())
        blocks.append(quickReference())
        return Page(
            title: model.document.title,
            summary: model.document.summary.map { [.markdown($0)] } ?? [],
            labels: model.document.labels,
            aliases: model.document.aliases,
            blocks: blocks)
    }

    static let currentState = "Current State"
    static let teamsHeading = "How to Reach Each Team"

    /// A section whose slug is taken before its children's, as in the document.
    private mutating func section(_ level: Int, _ title: String, _ content: (inout PageComposer) -> [PageBlock]) -> PageBlock {
        let anchor = slugger.slug(for: title)
        let blocks = content(&self)
        return .section(PageSection(level: level, title: title, anchor: anchor, blocks: blocks))
    }

    private func teamName(_ id: TeamID) -> String { model.team(id).name }

    private func teamLink(_ id: TeamID) -> Inline {
        .link([.text(teamName(id))], .anchor(HeadingSlugger.baseSlug(Self.teamsHeading)))
    }

    private func componentLink(_ id: ComponentID) -> Inline {
        .link([.text(model.component(id).name)], .anchor(componentAnchors[id] ?? HeadingSlugger.baseSlug(model.component(id).name)))
    }

    private static func joined(_ parts: [Inline], separator: String = ", ") -> [Inline] {
        var result: [Inline] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(.text(separator)) }
            result.append(part)
        }
        return result
    }

    // MARK: Current State

    private mutating func currentState() -> PageBlock {
        section(2, Self.currentState) { composer in
            var blocks = composer.model.components.map { component in composer.componentSection(component) }
            blocks.append(composer.interactionSection())
            return blocks
        }
    }

    private mutating func componentSection(_ component: Component) -> PageBlock {
        section(3, component.name) { composer in
            composer.componentBlocks(component)
        }
    }

    private func componentBlocks(_ component: Component) -> [PageBlock] {
        var blocks: [PageBlock] = []
        if let summary = component.summary { blocks.append(.paragraph([.markdown(summary)])) }
        var ownership: [Inline] = [.strong([.text("Owner:")]), .text(" "), teamLink(component.owner.value)]
        if !component.operators.isEmpty {
            ownership += [.text(" · "), .strong([.text("Operated by:")]), .text(" ")]
            ownership += Self.joined(component.operators.map { teamLink($0.value) })
        }
        if !component.consulted.isEmpty {
            ownership += [.text(" · "), .strong([.text("Consulted:")]), .text(" ")]
            ownership += Self.joined(component.consulted.map { teamLink($0.value) })
        }
        blocks.append(.paragraph(ownership))

        let current = component.responsibilities.filter { $0.status == .current }
        let planned = component.responsibilities.filter { $0.status == .planned }
        if !current.isEmpty {
            blocks.append(.paragraph([.text("Its current responsibilities include:")]))
            blocks.append(.list(PageList(ordered: false, items: current.map(responsibilityItem))))
        }
        if !planned.isEmpty {
            blocks.append(.paragraph([.text("Planned responsibilities:")]))
            blocks.append(.list(PageList(ordered: false, items: planned.map(responsibilityItem))))
        }
        if !component.manages.isEmpty {
            var line: [Inline] = [.strong([.text("Custom resources it manages:")]), .text(" ")]
            line += Self.joined(component.manages.map { .code($0.display) })
            blocks.append(.paragraph(line))
        }
        if let rationale = component.rationale {
            blocks.append(.panel(PagePanel(kind: .rationale, title: "Rationale", blocks: [.paragraph([.markdown(rationale)])])))
        }
        for note in component.important {
            blocks.append(.panel(PagePanel(kind: .important, title: "Important Note", blocks: [.paragraph([.markdown(note)])])))
        }
        // Several notes read better as one box than as a stack of boxes.
        if component.notes.count == 1 {
            blocks.append(.panel(PagePanel(kind: .note, title: "Note", blocks: [.paragraph([.markdown(component.notes[0])])])))
        } else if !component.notes.isEmpty {
            let items = component.notes.map { PageListItem([.markdown($0)]) }
            blocks.append(.panel(PagePanel(kind: .note, title: "Notes", blocks: [.list(PageList(ordered: false, items: items))])))
        }
        if !component.benefits.isEmpty {
            blocks.append(.paragraph([.strong([.text("Key Benefits:")])]))
            blocks.append(.list(PageList(ordered: false, items: component.benefits.map { PageListItem([.markdown($0)]) })))
        }
        return blocks
    }

    private func responsibilityItem(_ responsibility: Responsibility) -> PageListItem {
        var content: [Inline] = []
        if responsibility.status == .planned { content += [.status("Planned", .blue), .text(" ")] }
        content.append(.strong([.markdown(responsibility.title)]))
        if let detail = responsibility.detail { content += [.text(" "), .markdown(detail)] }
        if let target = responsibility.movesTo {
            content += [.text(" "), .emphasis([.text("Moves to the ")]), componentLink(target.value), .emphasis([.text(".")])]
        }
        return PageListItem(content)
    }

    private mutating func interactionSection() -> PageBlock {
        section(3, "Interaction Between Components") { composer in
            let model = composer.model
            var blocks: [PageBlock] = model.interactions.compactMap { interaction in
                interaction.detail.map { .paragraph([.markdown($0)]) }
            }
            let rows: [[[Inline]]] = model.interactions.map { interaction in
                var passes: [Inline] = [.text(interaction.passes)]
                if let control = interaction.control {
                    passes = [.status(control == .pause ? "Pause" : "Abort", control == .pause ? .yellow : .red), .text(" ")] + passes
                }
                return [
                    [composer.componentLink(interaction.from.value)], [composer.componentLink(interaction.to.value)], passes,
                    [.text(interaction.mechanism)],
                ]
            }
            blocks.append(
                .table(PageTable(header: ["From", "To", "What passes", "Mechanism"], rows: rows, caption: "Interactions between components")))
            return blocks
        }
    }

    // MARK: Plans

    private mutating func plans(_ horizon: PlanHorizon) -> PageBlock {
        let (top, goals) = horizon == .shortTerm ? ("Near Future Plans", "Short-Term Goals") : ("Long-Term Vision", "Long-Term Goals")
        return section(2, top) { composer in
            [
                composer.section(3, goals) { composer in
                    let plans = composer.model.plans.filter { $0.horizon == horizon }
                    var blocks: [PageBlock] = []
                    blocks.append(
                        composer.section(4, "Changes at the Helm Chart Level") { c in
                            c.planList(plans.filter { $0.level == .helmChart })
                        })
                    blocks.append(
                        composer.section(4, "Changes at the Express Operator Level") { c in
                            var inner = c.planList(plans.filter { $0.level == .expressOperator && !$0.enhancement })
                            inner.append(
                                c.section(5, "Express Operator Enhancements") { c in
                                    c.planList(plans.filter { $0.level == .expressOperator && $0.enhancement })
                                })
                            return inner
                        })
                    let either = plans.filter { $0.level == .either }
                    if horizon == .longTerm || !either.isEmpty {
                        blocks.append(
                            composer.section(4, "Changes at either level (TBD)") { c in
                                c.planList(either)
                            })
                    }
                    return blocks
                }
            ]
        }
    }

    private func planList(_ plans: [Plan]) -> [PageBlock] {
        guard !plans.isEmpty else { return [.paragraph([.emphasis([.text("No changes proposed at this level yet.")])])] }
        let items = plans.map { plan -> PageListItem in
            var content: [Inline] = [.status(Self.statusLabel(plan.status), Self.statusColor(plan.status)), .text(" ")]
            content.append(.strong([.markdown(plan.title)]))
            if let detail = plan.detail { content += [.text(" "), .markdown(detail)] }
            if !plan.components.isEmpty {
                content += [.text(" "), .emphasis([.text("Touches: ")])]
                content += Self.joined(plan.components.map { componentLink($0.value) })
                content.append(.text("."))
            }
            return PageListItem(content)
        }
        return [.list(PageList(ordered: false, items: items))]
    }

    static func statusLabel(_ status: PlanStatus) -> String {
        switch status {
        case .proposed: "Proposed"
        case .accepted: "Accepted"
        case .inProgress: "In progress"
        case .done: "Done"
        }
    }

    static func statusColor(_ status: PlanStatus) -> StatusColor {
        switch status {
        case .proposed: .blue
        case .accepted: .yellow
        case .inProgress: .yellow
        case .done: .green
        }
    }

    // MARK: Flow diagrams

    private mutating func flowDiagrams() -> PageBlock {
        section(2, "Flow Diagrams") { composer in
            composer.model.diagrams.map { diagram in
                composer.section(3, diagram.title) { c in c.diagramBlocks(diagram) }
            }
        }
    }

    private func diagramBlocks(_ diagram: Diagram) -> [PageBlock] {
        var blocks: [PageBlock] = [
            .figure(
                PageFigure(
                    diagramID: diagram.id.rawValue, title: diagram.title,
                    caption: diagram.caption.map { [.markdown($0)] } ?? [],
                    svgPath: DocsPaths.diagram(diagram.id.rawValue, "svg"),
                    pngPath: DocsPaths.diagram(diagram.id.rawValue, "png")))
        ]
        switch diagram.content {
        case .flow(let id):
            let flow = model.flow(id.value)
            if let summary = flow.summary { blocks.append(.paragraph([.markdown(summary)])) }
            blocks.append(.paragraph([.strong([.text("Steps")]), .text(" (the diagram as text):")]))
            blocks.append(.list(walkthroughList(flow)))
        case .interactions(_, let interactions):
            blocks.append(.paragraph([.strong([.text("What the diagram shows")]), .text(" (as text):")]))
            let items = interactions.map { reference -> PageListItem in
                let interaction = model.interaction(reference.value)
                return PageListItem([
                    componentLink(interaction.from.value), .text(" → "), componentLink(interaction.to.value), .text(": "),
                    .text(interaction.passes), .text(" "), .emphasis([.text("(\(interaction.mechanism))")]),
                ])
            }
            blocks.append(.list(PageList(ordered: true, items: items)))
        }
        return blocks
    }

    /// The flow's steps, numbered as the walkthrough numbers them, each with
    /// where it leads.
    private func walkthroughList(_ flow: Flow) -> PageList {
        let walkthrough = FlowWalkthrough(flow)
        let items = walkthrough.steps.map { step -> PageListItem in
            let node = step.node
            var content: [Inline] = [.strong([.text(node.label)]), .text(" "), .emphasis([.text("(\(teamName(node.lane.value)))")])]
            var children: [PageBlock] = []
            if let detail = node.detail { children.append(.paragraph([.markdown(detail)])) }
            if node.kind == .escalation, let team = node.engages?.value {
                var how: [Inline] = [.strong([.text("Engage")]), .text(" "), teamLink(team), .text(": "), .markdown(model.team(team).engage.how)]
                if let channel = model.team(team).engage.channel { how += [.text(" Channel: "), .code(channel), .text(".")] }
                children.append(.paragraph(how))
            }
            if node.kind == .handOff, let target = node.handOff?.value {
                let targetFlow = model.flow(target)
                let title = model.diagrams.first { if case .flow(let f) = $0.content { f.value == target } else { false } }?.title
                let anchor = title.map(HeadingSlugger.baseSlug) ?? ""
                children.append(
                    .paragraph([.text("Continue with "), .link([.text(title ?? "\(target): \(targetFlow.title)")], .anchor(anchor)), .text(".")]))
            }
            let next = step.next.map { next -> Inline in
                let label = next.label.map { "\($0) → " } ?? "Next: "
                return .text("\(label)step \(next.step)")
            }
            if !next.isEmpty {
                content.append(.text(" — "))
                content += Self.joined(next, separator: "; ")
            } else if node.kind == .end {
                content.append(.text(" — end."))
            }
            return PageListItem(content, children: children)
        }
        return PageList(ordered: true, items: items)
    }

    // MARK: Terminology

    private mutating func terminology() -> PageBlock {
        section(2, "Key Terminology Reference") { composer in
            composer.model.terms.map { term in
                composer.section(3, term.term) { c in c.termBlocks(term) }
            }
        }
    }

    private func termBlocks(_ term: Term) -> [PageBlock] {
        var items: [PageListItem] = [PageListItem([.strong([.text("Definition:")]), .text(" "), .markdown(term.definition)])]
        if let mechanism = term.mechanism {
            items.append(PageListItem([.strong([.text("Mechanism:")]), .text(" "), .markdown(mechanism)]))
        }
        if let scope = term.scope {
            items.append(PageListItem([.strong([.text("Scope:")]), .text(" "), .markdown(scope)]))
        }
        if let level = term.level {
            items.append(PageListItem([.strong([.text("Level:")]), .text(" Implemented at the "), componentLink(level.value), .text(" level.")]))
        }
        items += term.facts.map { PageListItem([.markdown($0)]) }
        if !term.crd.isEmpty {
            items.append(PageListItem([.strong([.text("Kubernetes API:")]), .text(" ")] + Self.joined(term.crd.map { .code($0.display) })))
        }
        if !term.avoid.isEmpty {
            items.append(PageListItem([.strong([.text("Avoid:")]), .text(" ")] + Self.joined(term.avoid.map { .code($0) })))
        }
        return [.list(PageList(ordered: false, items: items))]
    }

    // MARK: Quick reference

    private mutating func quickReference() -> PageBlock {
        section(2, "Quick Reference") { composer in
            [
                composer.section(3, "Ownership Matrix") { c in [c.ownershipMatrix()] },
                composer.section(3, "Escalation Quick Reference") { c in c.escalationBlocks() },
                composer.section(3, Self.teamsHeading) { c in [c.teamsTable()] },
                composer.section(3, "Change Blast Radius") { c in c.blastRadius() },
            ]
        }
    }

    private func ownershipMatrix() -> PageBlock {
        let teams = model.teams
        let rows: [[[Inline]]] = model.components.map { component in
            var row: [[Inline]] = [[componentLink(component.id)]]
            for team in teams {
                var roles: [String] = []
                if component.owner.value == team.id { roles.append("Owns") }
                if component.operators.contains(where: { $0.value == team.id }) { roles.append(roles.isEmpty ? "Operates" : "operates") }
                if component.consulted.contains(where: { $0.value == team.id }) { roles.append(roles.isEmpty ? "Consulted" : "consulted") }
                row.append(roles.isEmpty ? [.text("—")] : [roles.first == "Owns" ? .strong([.text(roles.joined(separator: ", "))]) : .text(roles.joined(separator: ", "))])
            }
            return row
        }
        return .table(PageTable(header: ["Component"] + teams.map(\.name), rows: rows, caption: "Which team owns, operates or is consulted on each component"))
    }

    private func escalationBlocks() -> [PageBlock] {
        let rows: [[[Inline]]] = model.escalation.map { path in
            var order: [Inline] = []
            for (index, team) in path.engage.enumerated() {
                if index > 0 { order.append(.text(" → ")) }
                order += [.text("\(index + 1). "), teamLink(team.value)]
            }
            var flowCell: [Inline] = [.text("—")]
            if let flow = path.flow?.value,
                let diagram = model.diagrams.first(where: { if case .flow(let f) = $0.content { f.value == flow } else { false } })
            {
                flowCell = [.link([.text(flow.rawValue)], .anchor(HeadingSlugger.baseSlug(diagram.title)))]
            }
            return [[.strong([.text(path.scope.displayName)])], [.markdown(path.signal)], order, flowCell]
        }
        return [
            .paragraph([.text("Whom to engage, in order, by how far the impact reaches. Widest first.")]),
            .table(PageTable(header: ["Scope of the impact", "How you recognise it", "Engage, in order", "Flow"], rows: rows, caption: "Escalation by scope of impact")),
        ]
    }

    private func teamsTable() -> PageBlock {
        let rows: [[[Inline]]] = model.teams.map { team in
            let owned = model.components.filter { $0.owner.value == team.id }.map { componentLink($0.id) }
            var owns: [Inline] = Self.joined(owned)
            if !team.owns.isEmpty {
                if !owns.isEmpty { owns.append(.text("; ")) }
                owns += Self.joined(team.owns.map { .markdown($0) }, separator: "; ")
            }
            return [
                [.strong([.text(team.name)])] + (team.aliases.isEmpty ? [] : [.text(" (\(team.aliases.joined(separator: ", ")))")]),
                owns.isEmpty ? [.text("—")] : owns,
                [.markdown(team.engage.how)],
                team.engage.channel.map { [.code($0)] } ?? [.text("—")],
                [.text(team.engage.hours ?? "—")],
            ]
        }
        return .table(PageTable(header: ["Team", "Owns", "How to engage", "Channel", "Hours"], rows: rows, caption: "Teams and how to reach them"))
    }

    private func blastRadius() -> [PageBlock] {
        let rows: [[[Inline]]] = ImpactAnalysis.all(in: model).filter { !$0.scopes.isEmpty }.map { impact in
            let widest = impact.scopes[0]
            var engage: [Inline] = []
            for (index, team) in impact.engage.enumerated() {
                if index > 0 { engage.append(.text(" → ")) }
                engage.append(teamLink(team))
            }
            return [
                [componentLink(impact.component.id)],
                [teamLink(impact.component.owner.value)],
                [.strong([.text(widest.displayName)]), .text(": \(widest.reach)")],
                [.text(impact.scopes.map(\.displayName).joined(separator: " ⊃ "))],
                engage,
            ]
        }
        return [
            .paragraph([
                .text(
                    "What a change to each component reaches, most far-reaching first, and whom to engage, in order, when such a change goes wrong."
                )
            ]),
            .table(PageTable(header: ["A change to", "Owned by", "Reaches", "Scopes", "Engage, in order"], rows: rows, caption: "Change blast radius")),
        ]
    }
}
