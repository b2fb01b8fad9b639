import RolebookCore

/// What the loaded CRDs say about one ``APIClaim``.
///
/// `unverifiable` is deliberately not `ok`: the schema could not confirm the
/// claim (no CRD of the group was given, the schema preserves unknown fields
/// there, or the field declares no enum for the claimed value), and the
/// reader should know that nothing was checked.
public enum ClaimVerdict: Sendable, Equatable {
    case ok
    /// A built-in Kubernetes kind, checked against rolebook's table only.
    case builtIn(checked: String)
    case unverifiable(reason: String)
    /// The source is a cluster and it serves no CRD of this group.
    case groupNotServed
    /// CRDs of the group are loaded, but none defines the kind.
    case kindNotServed(suggestion: String?, kinds: [String])
    case versionNotServed(served: [String], exists: Bool)
    case deprecatedVersion(warning: String?)
    /// `missing` is the first path segment that does not exist.
    case fieldMissing(path: String, missing: String, suggestion: String?, siblings: [String])
    case valueNotInEnum(allowed: [String], suggestion: String?)
    case valueInvalid(reason: String)
    case scopeMismatch(actual: CRDScope)

    /// The severity it is reported with (nil: not reported).
    public var severity: Severity? {
        switch self {
        case .ok: nil
        case .builtIn: .note
        case .unverifiable, .deprecatedVersion: .warning
        default: .error
        }
    }

    public var rule: RuleID {
        switch self {
        case .ok, .unverifiable: SchemaRules.unverifiable
        case .builtIn: SchemaRules.builtIn
        case .groupNotServed: SchemaRules.groupNotServed
        case .kindNotServed: SchemaRules.kindNotServed
        case .versionNotServed: SchemaRules.versionNotServed
        case .deprecatedVersion: SchemaRules.deprecatedVersion
        case .fieldMissing: SchemaRules.fieldMissing
        case .valueNotInEnum: SchemaRules.enumValue
        case .valueInvalid: SchemaRules.invalidValue
        case .scopeMismatch: SchemaRules.scope
        }
    }
}

/// One claim and its verdict.
public struct ClaimResult: Sendable {
    public var claim: APIClaim
    public var verdict: ClaimVerdict

    /// The finding for the claim's location, or nil when it is ok.
    public func diagnostic(catalog: CRDCatalog) -> Diagnostic? {
        guard let severity = verdict.severity else { return nil }
        let subject = claim.display
        let message: String
        var help: String?
        switch verdict {
        case .ok: return nil
        case .builtIn(let checked):
            message = "\(claim.apiVersion) \(claim.kind) is a built-in kind, not a CRD: \(checked)"
        case .unverifiable(let reason):
            message = "cannot verify \(subject): \(reason)"
        case .groupNotServed:
            message = "\(subject): the cluster serves no API group '\(claim.group)'"
        case let .kindNotServed(suggestion, kinds):
            message = "\(subject): \(claim.group) has no kind '\(claim.kind)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            help = "kinds of \(claim.group) in \(catalog.sourceDescription): \(kinds.joined(separator: ", "))"
        case let .versionNotServed(served, exists):
            message = "\(subject): \(claim.kind) " + (exists ? "version '\(claim.version)' exists but is not served" : "is not served at version '\(claim.version)'")
                + "; served: \(served.isEmpty ? "none" : served.joined(separator: ", "))"
        case .deprecatedVersion(let warning):
            message = "\(subject): \(claim.apiVersion) is deprecated" + (warning.map { ": \($0)" } ?? "")
        case let .fieldMissing(path, missing, suggestion, siblings):
            message = "\(subject): \(claim.kind) has no field '\(path)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            if !siblings.isEmpty {
                let shown = siblings.count > 15 ? siblings.prefix(15).joined(separator: ", ") + ", …" : siblings.joined(separator: ", ")
                help = "fields next to '\(missing)': \(shown)"
            }
        case let .valueNotInEnum(allowed, suggestion):
            message = "\(subject): '\(claim.value ?? "")' is not an allowed value" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            help = "allowed: \(allowed.joined(separator: ", "))"
        case .valueInvalid(let reason):
            message = "\(subject): \(reason)"
        case .scopeMismatch(let actual):
            message = "\(subject): the model says \(claim.scope?.rawValue ?? "?"), the CRD says \(actual.rawValue)"
        }
        return Diagnostic(severity, message, rule: verdict.rule, at: claim.location, help: help)
    }
}
