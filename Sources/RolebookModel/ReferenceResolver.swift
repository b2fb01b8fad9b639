import RolebookCore

/// Checks, once, that every id is unique within its kind and every reference
/// names something that exists. After it passes, the `Model` may look ids up
/// without ever missing.
struct ReferenceResolver {
    let sink: DiagnosticSink

    static let duplicateRule: RuleID = "model.duplicate-id"
    static let danglingRule: RuleID = "model.dangling-reference"
    static let missingOwnerRule: RuleID = "model.missing-owner"
    static let documentRule: RuleID = "model.document"

    func check(_ draft: ModelDraft, modelPath: String) {
        checkDocument(draft, modelPath: modelPath)
        let teams = unique(draft.teams.map { ($0.id, $0.location) }, kind: "team")
        let components = unique(draft.components.map { ($0.id, $0.location) }, kind: "component")
        let interactions = unique(draft.interactions.map { ($0.id, $0.location) }, kind: "interaction")
        _ = unique(draft.terms.map { ($0.id, $0.location) }, kind: "term")
        _ = unique(draft.plans.map { ($0.id, $0.location) }, kind: "plan")
        let flows = unique(draft.flows.map { ($0.id, $0.location) }, kind: "flow")
        _ = unique(draft.diagrams.map { ($0.id, $0.location) }, kind: "diagram")

        let team = Resolver(known: teams, kind: "team", sink: sink)
        let component = Resolver(known: components, kind: "component", sink: sink)
        let interaction = Resolver(known: interactions, kind: "interaction", sink: sink)
        let flow = Resolver(known: flows, kind: "flow", sink: sink)

        for c in draft.components {
            team.check(c.owner)
            for t in c.operators + c.consulted { team.check(t) }
            for r in c.responsibilities { if let m = r.movesTo { component.check(m) } }
        }
        for i in draft.interactions {
            component.check(i.from)
            component.check(i.to)
        }
        for t in draft.terms { if let l = t.level { component.check(l) } }
        for p in draft.plans { for c in p.components { component.check(c) } }
        for f in draft.flows {
            for l in f.lanes { team.check(l) }
            _ = unique(f.nodes.map { ($0.id, $0.location) }, kind: "node of flow '\(f.id)'")
            let nodes = Resolver(known: Set(f.nodes.map(\.id)), kind: "node of flow '\(f.id)'", sink: sink)
            let lanes = Set(f.lanes.map(\.value))
            for n in f.nodes {
                if team.check(n.lane), !lanes.contains(n.lane.value) {
                    sink.error(
                        "node '\(n.id)' is in lane '\(n.lane.value)', which flow '\(f.id)' does not declare",
                        rule: FlowChecker.laneRule, at: n.lane.location,
                        help: "add it to 'lanes' or move the node to one of: \(f.lanes.map(\.value.rawValue).joined(separator: ", "))")
                }
                if let c = n.component { component.check(c) }
                if let t = n.engages { team.check(t) }
                if let handOff = n.handOff, flow.check(handOff), handOff.value == f.id {
                    sink.error("node '\(n.id)' hands off to its own flow", rule: FlowChecker.handOffRule, at: handOff.location)
                }
            }
            for e in f.edges {
                nodes.check(e.from)
                nodes.check(e.to)
            }
            for inv in f.invariants {
                if let a = inv.after { nodes.check(a.node) }
                team.check(inv.engages)
                if let b = inv.before { team.check(b) }
            }
        }
        var scopes: [ImpactScope: SourceLocation] = [:]
        for path in draft.escalation {
            for t in path.engage { team.check(t) }
            if let f = path.flow { flow.check(f) }
            if let earlier = scopes[path.scope] {
                sink.error(
                    "a second escalation path for scope '\(path.scope.rawValue)'; the first is at \(earlier)",
                    rule: Self.duplicateRule, at: path.location)
            } else {
                scopes[path.scope] = path.location
            }
        }
        for d in draft.diagrams {
            switch d.content {
            case .flow(let f): flow.check(f)
            case .interactions(let cs, let isx):
                for c in cs { component.check(c) }
                for i in isx { interaction.check(i) }
            }
        }
    }

    private func checkDocument(_ draft: ModelDraft, modelPath: String) {
        if draft.documents.isEmpty {
            sink.error(
                "the model has no 'document' section", rule: Self.documentRule, at: .file(modelPath),
                help: "add 'document: {title: …}' to one model file")
        }
        for extra in draft.documents.dropFirst() {
            sink.error(
                "the model has more than one 'document' section; the first is at \(draft.documents[0].location)",
                rule: Self.documentRule, at: extra.location)
        }
    }

    /// The ids of one kind, reporting each repeat at the repeat, pointing back at the first.
    private func unique<Entity>(_ entries: [(EntityID<Entity>, SourceLocation)], kind: String) -> Set<EntityID<Entity>> {
        var first: [EntityID<Entity>: SourceLocation] = [:]
        for (id, location) in entries {
            if let earlier = first[id] {
                sink.error("duplicate \(kind) id '\(id)'; first defined at \(earlier)", rule: Self.duplicateRule, at: location)
            } else {
                first[id] = location
            }
        }
        return Set(first.keys)
    }

    /// Checks references to one kind of entity, with a did-you-mean.
    struct Resolver<Entity> {
        let known: Set<EntityID<Entity>>
        let kind: String
        let sink: DiagnosticSink

        @discardableResult
        func check(_ reference: Located<EntityID<Entity>>) -> Bool {
            if known.contains(reference.value) { return true }
            let hint = Suggestion.hint(for: reference.value.rawValue, among: known.map(\.rawValue).sorted())
            sink.error("unknown \(kind) '\(reference.value)'\(hint)", rule: ReferenceResolver.danglingRule, at: reference.location)
            return false
        }
    }
}
