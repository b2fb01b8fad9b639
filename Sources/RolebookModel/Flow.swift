import RolebookCore

/// A troubleshooting or deployment flow: swimlanes of teams, steps, decisions,
/// escalations and hand-offs to other flows, plus the invariants it promises
/// (for example: the CIF team is engaged before incident management).
public struct Flow: Sendable, Identifiable {
    public var id: FlowID
    public var title: String
    public var summary: String?
    public var lanes: [Located<TeamID>]
    public var allowCycles: Bool
    public var nodes: [FlowNode]
    public var edges: [FlowEdge]
    public var invariants: [FlowInvariant]
    public var location: SourceLocation

    public func node(_ id: FlowNodeID) -> FlowNode? { nodes.first { $0.id == id } }

    /// The edges leaving `id`, in the order the model lists them.
    public func edges(from id: FlowNodeID) -> [FlowEdge] { edges.filter { $0.from.value == id } }
}

/// One step of a flow.
public struct FlowNode: Sendable, Identifiable {
    public var id: FlowNodeID
    public var kind: FlowNodeKind
    public var lane: Located<TeamID>
    public var label: String
    /// CommonMark.
    public var detail: String?
    public var component: Located<ComponentID>?
    /// For an escalation: the team engaged.
    public var engages: Located<TeamID>?
    /// For a hand-off: the flow the reader continues with.
    public var handOff: Located<FlowID>?
    public var location: SourceLocation
}

public enum FlowNodeKind: String, Sendable, CaseIterable {
    case start
    case action
    case decision
    case escalation
    case handOff = "hand-off"
    case end

    /// Where a path through this flow stops.
    public var isTerminal: Bool { self == .end || self == .handOff }
}

/// A transition; a decision's branches carry labels ("Yes", "No").
public struct FlowEdge: Sendable {
    public var from: Located<FlowNodeID>
    public var to: Located<FlowNodeID>
    public var label: String?
    public var location: SourceLocation
}

/// A promise about every path through a flow, checked at load:
/// on every path (after the `after` branch, if given) the `engages` team is
/// engaged, and before any step that engages the `before` team.
public struct FlowInvariant: Sendable, Identifiable {
    public var id: InvariantID
    public var description: String?
    public var after: Branch?
    public var engages: Located<TeamID>
    public var before: Located<TeamID>?
    public var location: SourceLocation

    /// A decision's outgoing edge, named by the decision and the label.
    public struct Branch: Sendable {
        public var node: Located<FlowNodeID>
        public var label: String
    }
}
