import RolebookCore

/// How two components work together: what passes between them and by which
/// mechanism (an edge of the interaction diagrams).
public struct Interaction: Sendable, Identifiable {
    public var id: InteractionID
    public var from: Located<ComponentID>
    public var to: Located<ComponentID>
    /// Short: it labels the edge.
    public var passes: String
    public var mechanism: String
    /// CommonMark sentence for the page.
    public var detail: String?
    /// Marks the pause and abort controls, which diagrams draw with their mechanism and scope.
    public var control: DeploymentControl?
    public var crd: [CRDReference]
    public var location: SourceLocation
}

/// The two deployment controls the SRE API Server offers; people confuse them,
/// so the model names which interaction is which.
public enum DeploymentControl: String, Sendable, CaseIterable {
    case pause
    case abort
}
