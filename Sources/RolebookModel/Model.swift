import RolebookCore

/// The whole typed model. It exists only once loading found no error, so every
/// reference in it resolves: `team(_:)` and friends never miss.
public struct Model: Sendable {
    public var document: Document
    public var teams: [Team]
    public var components: [Component]
    public var interactions: [Interaction]
    public var terms: [Term]
    public var plans: [Plan]
    public var flows: [Flow]
    public var diagrams: [Diagram]
    /// Whom to engage per scope of impact, widest scope first.
    public var escalation: [EscalationPath]

    private var teamIndex: [TeamID: Int]
    private var componentIndex: [ComponentID: Int]
    private var flowIndex: [FlowID: Int]
    private var interactionIndex: [InteractionID: Int]

    init(
        document: Document, teams: [Team], components: [Component], interactions: [Interaction],
        terms: [Term], plans: [Plan], flows: [Flow], diagrams: [Diagram], escalation: [EscalationPath]
    ) {
        self.escalation = escalation.sorted { $0.scope < $1.scope }
        self.document = document
        self.teams = teams
        self.components = components
        self.interactions = interactions
        self.terms = terms
        self.plans = plans
        self.flows = flows
        self.diagrams = diagrams
        teamIndex = Dictionary(teams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        componentIndex = Dictionary(components.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        flowIndex = Dictionary(flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        interactionIndex = Dictionary(interactions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // References were resolved at load (ReferenceResolver), so these lookups
    // cannot miss for ids taken from this model.
    public func team(_ id: TeamID) -> Team { teams[teamIndex[id]!] }
    public func component(_ id: ComponentID) -> Component { components[componentIndex[id]!] }
    public func flow(_ id: FlowID) -> Flow { flows[flowIndex[id]!] }
    public func interaction(_ id: InteractionID) -> Interaction { interactions[interactionIndex[id]!] }

    /// Every CRD reference in the model, wherever it was written.
    public var crdReferences: [CRDReference] {
        components.flatMap { $0.manages + $0.responsibilities.flatMap(\.crd) }
            + interactions.flatMap(\.crd) + terms.flatMap(\.crd)
    }
}
