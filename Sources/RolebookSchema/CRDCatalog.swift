import RolebookCore

/// The CRDs one run knows, from files or a cluster, looked up by group and
/// kind (kind names repeat across groups: `Cluster` is Express's and many
/// others').
///
/// A catalog from a cluster is *authoritative*: what it lacks, the cluster
/// does not serve. A catalog from files is not: a group with no CRD in the
/// files is simply unknown, and claims about it are unverifiable, not wrong.
public struct CRDCatalog: Sendable {
    public private(set) var definitions: [CustomResourceDefinition] = []
    /// True when the catalog is everything a cluster serves.
    public var isAuthoritative: Bool
    /// What the CRDs came from, for messages: "model/crds", "the cluster (kubectl)".
    public var sourceDescription: String
    private var index: [GroupKind: Int] = [:]

    public init(isAuthoritative: Bool = false, sourceDescription: String) {
        self.isAuthoritative = isAuthoritative
        self.sourceDescription = sourceDescription
    }

    struct GroupKind: Hashable {
        var group: String
        var kind: String
    }

    /// Adds a CRD. A second definition of the same group and kind (or the
    /// same name) is ignored with a warning: the first one given wins, as
    /// with kubeconform's schema locations, so the order of `--crds` decides.
    public mutating func add(_ definition: CustomResourceDefinition, diagnostics: inout [Diagnostic]) {
        let key = GroupKind(group: definition.group, kind: definition.kind)
        if let existing = index[key] {
            let first = definitions[existing]
            diagnostics.append(
                .warning(
                    "CRD '\(definition.name)' is defined again; the first definition (\(first.location)) is used",
                    rule: SchemaRules.crdDuplicate, at: definition.location,
                    help: "give each CRD once, or order --crds so the one you want comes first"))
            return
        }
        index[key] = definitions.count
        definitions.append(definition)
    }

    public func definition(group: String, kind: String) -> CustomResourceDefinition? {
        index[GroupKind(group: group, kind: kind)].map { definitions[$0] }
    }

    /// True when at least one CRD of `group` is known.
    public func hasGroup(_ group: String) -> Bool { definitions.contains { $0.group == group } }

    /// The kinds of `group`, sorted, for did-you-mean.
    public func kinds(inGroup group: String) -> [String] {
        definitions.filter { $0.group == group }.map(\.kind).sorted()
    }

    /// Every group, sorted.
    public var groups: [String] { Set(definitions.map(\.group)).sorted() }

    /// Merges another catalog in (its definitions after this one's).
    public mutating func merge(_ other: CRDCatalog, diagnostics: inout [Diagnostic]) {
        for definition in other.definitions { add(definition, diagnostics: &diagnostics) }
        isAuthoritative = isAuthoritative || other.isAuthoritative
        sourceDescription = [sourceDescription, other.sourceDescription].filter { !$0.isEmpty }.joined(separator: " and ")
    }
}
