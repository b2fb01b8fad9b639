import RolebookCore

/// Whom to engage, in which order, when the impact has a given scope: the
/// escalation quick reference of the page and the answer of `rolebook impact`.
/// It is written down rather than guessed from the flows, and checked against
/// the flows' invariants so the two cannot disagree.
public struct EscalationPath: Sendable {
    public var scope: ImpactScope
    /// How a responder recognises this scope (CommonMark).
    public var signal: String
    /// Teams in the order they are engaged.
    public var engage: [Located<TeamID>]
    /// The flow that walks through it, if any.
    public var flow: Located<FlowID>?
    public var location: SourceLocation
}
