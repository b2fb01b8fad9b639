import RolebookCore

/// What rolebook needs of one CustomResourceDefinition: its identity (group,
/// kind, names, scope) and, per version, whether it is served and its
/// compiled structural schema.
public struct CustomResourceDefinition: Sendable {
    /// `plural.group`, the CRD's `metadata.name` and its identity in a cluster.
    public var name: String
    public var group: String
    public var kind: String
    public var plural: String
    public var singular: String?
    public var shortNames: [String]
    public var listKind: String?
    public var scope: CRDScope
    public var versions: [CRDVersion]
    /// Where the definition was read: a file position, or a cluster.
    public var location: SourceLocation

    public init(
        name: String, group: String, kind: String, plural: String, singular: String? = nil,
        shortNames: [String] = [], listKind: String? = nil, scope: CRDScope, versions: [CRDVersion],
        location: SourceLocation
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.listKind = listKind
        self.scope = scope
        self.versions = versions
        self.location = location
    }

    public func version(_ name: String) -> CRDVersion? { versions.first { $0.name == name } }

    /// The versions a client may use, in the CRD's order.
    public var servedVersions: [String] { versions.filter(\.served).map(\.name) }

    /// `x-kubernetes-validations` rules across all versions.
    public var celRuleCount: Int { versions.reduce(0) { $0 + $1.celRuleCount } }
}

/// One entry of `spec.versions`.
public struct CRDVersion: Sendable {
    public var name: String
    public var served: Bool
    public var storage: Bool
    public var deprecated: Bool
    public var deprecationWarning: String?
    /// nil when the version declares no schema (legacy CRDs): nothing is checked.
    public var schema: StructuralSchema?
    /// With a status subresource the API server ignores `status` on create.
    public var hasStatusSubresource: Bool
    public var celRuleCount: Int

    public init(
        name: String, served: Bool = true, storage: Bool = false, deprecated: Bool = false,
        deprecationWarning: String? = nil, schema: StructuralSchema?, hasStatusSubresource: Bool = false,
        celRuleCount: Int = 0
    ) {
        self.name = name
        self.served = served
        self.storage = storage
        self.deprecated = deprecated
        self.deprecationWarning = deprecationWarning
        self.schema = schema
        self.hasStatusSubresource = hasStatusSubresource
        self.celRuleCount = celRuleCount
    }
}

/// `spec.scope` of a CRD: whether its objects live in a namespace.
public enum CRDScope: String, Sendable, Hashable, CaseIterable {
    case namespaced = "Namespaced"
    case cluster = "Cluster"
}
