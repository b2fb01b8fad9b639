import RolebookCore

/// A figure of the page: a flow, or the interactions between some components.
public struct Diagram: Sendable, Identifiable {
    public var id: DiagramID
    public var title: String
    public var content: Content
    /// CommonMark.
    public var caption: String?
    public var location: SourceLocation

    public enum Content: Sendable {
        case flow(Located<FlowID>)
        case interactions(components: [Located<ComponentID>], interactions: [Located<InteractionID>])
    }
}
