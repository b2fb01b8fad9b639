import RolebookCore

/// An entry of the terminology: what a word means here, how it works, and the
/// forms runbooks should not use for it.
public struct Term: Sendable, Identifiable {
    public var id: TermID
    public var term: String
    /// CommonMark.
    public var definition: String
    public var mechanism: String?
    public var scope: String?
    /// The component that implements it.
    public var level: Located<ComponentID>?
    /// Further bullet points (CommonMark).
    public var facts: [String]
    /// Forms to avoid (`ArgoCD`, "kill the deployment").
    public var avoid: [String]
    public var crd: [CRDReference]
    public var location: SourceLocation
}
