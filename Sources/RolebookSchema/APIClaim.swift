import RolebookCore

/// A claim some document makes about a Kubernetes API — "abort sets
/// `Workflow.spec.shutdown` to `Stop`" — in terms RolebookSchema can check
/// without knowing where it came from (the model, a runbook, …).
public struct APIClaim: Sendable, Hashable {
    /// The API group; "" for the core group (ConfigMap).
    public var group: String
    public var version: String
    public var kind: String
    /// A dotted field path such as `spec.syncPolicy.automated`; `[]` steps into list items.
    public var field: String?
    public var value: String?
    public var scope: CRDScope?
    public var location: SourceLocation

    public init(
        group: String, version: String, kind: String, field: String? = nil, value: String? = nil,
        scope: CRDScope? = nil, location: SourceLocation
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.field = field
        self.value = value
        self.scope = scope
        self.location = location
    }

    /// `argoproj.io/v1alpha1`, or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `argoproj.io/v1alpha1 Workflow spec.shutdown = Stop`, for messages.
    public var display: String {
        var text = "\(apiVersion) \(kind)"
        if let field { text += " \(field)" }
        if let value { text += " = \(value)" }
        return text
    }
}
