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
    /// Marks the term that names a deployment control (Pause or Abort
    /// Deployment), so runbook lint can tell the two apart.
    public var control: DeploymentControl?
    /// Phrases that identify this control's mechanism ("ConfigMap",
    /// "stop signal"): a sentence naming the other control with one of these
    /// confuses the two.
    public var identifiedBy: [String]
    public var location: SourceLocation
}
