import RolebookCore

/// A claim the model makes about a Kubernetes API — "abort sets
/// `Workflow.spec.shutdown` to `Stop`" — kept precise enough to be checked
/// against the CRD schemas a cluster really serves.
public struct CRDReference: Sendable, Hashable {
    /// The API group; empty for the core group (ConfigMap).
    public var group: String
    public var version: String
    public var kind: String
    /// A dotted field path such as `spec.syncPolicy.automated`; `[]` steps into list items.
    public var field: String?
    public var value: String?
    public var scope: ResourceScope?
    public var location: SourceLocation

    /// `argoproj.io/v1alpha1`, or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `argoproj.io/v1alpha1 Workflow spec.shutdown = Stop`, for messages and pages.
    public var display: String {
        var text = "\(apiVersion) \(kind)"
        if let field { text += " \(field)" }
        if let value { text += " = \(value)" }
        return text
    }
}

/// Whether a resource lives in a namespace or in the whole cluster.
public enum ResourceScope: String, Sendable, CaseIterable {
    case namespaced = "Namespaced"
    case cluster = "Cluster"
}
