import RolebookCore

/// Gives every ``APIClaim`` a ``ClaimVerdict`` against a ``CRDCatalog``.
///
/// The rule for a group with no CRD in the catalog: when the catalog comes
/// from a cluster it is authoritative, so the group is not served (an
/// error); when it comes from files it only means those CRDs were not given,
/// so the claim is unverifiable (a warning). That is what lets
/// `rolebook validate` pass on the shipped model with only `model/crds`
/// while still saying that its Argo claims were not checked.
public struct ClaimChecker: Sendable {
    public var catalog: CRDCatalog

    public init(catalog: CRDCatalog) {
        self.catalog = catalog
    }

    public func check(_ claims: [APIClaim]) -> [ClaimResult] {
        claims.map { ClaimResult(claim: $0, verdict: check($0)) }
    }

    /// The findings for `claims` (nothing for those that are ok).
    public func diagnostics(for claims: [APIClaim]) -> [Diagnostic] {
        check(claims).compactMap { $0.diagnostic(catalog: catalog) }
    }

    public func check(_ claim: APIClaim) -> ClaimVerdict {
        if let definition = catalog.definition(group: claim.group, kind: claim.kind) {
            return check(claim, against: definition)
        }
        if BuiltInKind.isBuiltInGroup(claim.group) && !catalog.hasGroup(claim.group)
            || BuiltInKind.lookup(group: claim.group, kind: claim.kind) != nil
        {
            return checkBuiltIn(claim)
        }
        if catalog.hasGroup(claim.group) {
            let kinds = catalog.kinds(inGroup: claim.group)
            return .kindNotServed(suggestion: Suggestions.closest(to: claim.kind, in: kinds), kinds: kinds)
        }
        if catalog.isAuthoritative { return .groupNotServed }
        let source = catalog.sourceDescription.isEmpty ? "no CRDs were given" : "from \(catalog.sourceDescription)"
        return .unverifiable(reason: "no CRD of group '\(claim.group)' is loaded (\(source))")
    }

    // MARK: - CRDs

    private func check(_ claim: APIClaim, against definition: CustomResourceDefinition) -> ClaimVerdict {
        guard let version = definition.version(claim.version), version.served else {
            return .versionNotServed(served: definition.servedVersions, exists: definition.version(claim.version) != nil)
        }
        if let scope = claim.scope, scope != definition.scope { return .scopeMismatch(actual: definition.scope) }
        var verdict = ClaimVerdict.ok
        if let field = claim.field {
            guard let path = FieldPath(field) else { return .valueInvalid(reason: "'\(field)' is not a field path") }
            guard let root = version.schema else {
                return .unverifiable(reason: "\(claim.kind) \(claim.version) declares no schema")
            }
            switch walk(path, from: root) {
            case .verdict(let found): return found
            case .metadata: verdict = .ok
            case .schema(let schema):
                if let value = claim.value { verdict = checkValue(value, field: field, schema: schema) }
            }
        }
        if verdict == .ok, version.deprecated { return .deprecatedVersion(warning: version.deprecationWarning) }
        return verdict
    }

    private enum Walk {
        case schema(StructuralSchema)
        case metadata
        case verdict(ClaimVerdict)
    }

    /// Follows the path through properties, map values (additionalProperties)
    /// and list items (implicitly, or with `[]`).
    private func walk(_ path: FieldPath, from root: StructuralSchema) -> Walk {
        var current = root
        for (index, segment) in path.segments.enumerated() {
            if index == 0, segment.name == "metadata" {
                guard path.segments.count > 1 else { return .metadata }
                let field = path.segments[1].name
                guard ObjectMetaRules.fields.contains(field) else {
                    return .verdict(
                        .fieldMissing(
                            path: path.prefix(through: 1), missing: field,
                            suggestion: Suggestions.closest(to: field, in: ObjectMetaRules.fields), siblings: ObjectMetaRules.fields))
                }
                return .metadata
            }
            if index == 0, segment.name == "apiVersion" || segment.name == "kind" { return .metadata }
            // Step into list items when the path names a field of the items.
            while current.properties.isEmpty, current.types == .array, let items = current.items { current = items }
            let here = index == 0 ? "the top level" : "'\(path.prefix(through: index - 1))'"
            if let child = current.properties[segment.name] {
                current = child
            } else if case .schema(let values) = current.additionalProperties {
                current = values
            } else if current.preserveUnknownFields || { if case .allowed(true) = current.additionalProperties { true } else { false } }() {
                return .verdict(
                    .unverifiable(
                        reason: "the schema preserves unknown fields at \(here) (x-kubernetes-preserve-unknown-fields), so any '\(segment.name)' is accepted there"))
            } else if current.properties.isEmpty, current.types.isEmpty || current.intOrString {
                return .verdict(.unverifiable(reason: "the schema declares no fields at \(here)"))
            } else {
                let siblings = current.propertyNames
                return .verdict(
                    .fieldMissing(
                        path: path.prefix(through: index), missing: segment.name,
                        suggestion: Suggestions.closest(to: segment.name, in: siblings), siblings: siblings))
            }
            if segment.intoItems {
                guard current.types.contains(.array) || current.items != nil, let items = current.items else {
                    return .verdict(.valueInvalid(reason: "'\(path.prefix(through: index))' is not a list, so '[]' does not apply"))
                }
                current = items
            }
        }
        return .schema(current)
    }

    /// Checks a claimed value: against the enum when there is one, else
    /// against type, pattern, format and bounds; a string field without an
    /// enum accepts many values, so the claim stays unverifiable.
    private func checkValue(_ value: String, field: String, schema: StructuralSchema) -> ClaimVerdict {
        if let allowed = schema.enumValues {
            if allowed.contains(where: { Self.matches(value, $0) }) { return .ok }
            let names = allowed.map { if case .string(let text) = $0 { text } else { $0.preview() } }
            return .valueNotInEnum(allowed: names, suggestion: Suggestions.closest(to: value, in: names))
        }
        let types = schema.types
        if types.isEmpty && !schema.intOrString {
            return .unverifiable(reason: "'\(field)' accepts any value (its schema has no type or enum)")
        }
        if schema.intOrString || types.contains(.string) {
            if let pattern = schema.pattern, !pattern.matches(value) {
                return .valueInvalid(reason: "'\(value)' does not match the pattern of '\(field)' (\(pattern.source))")
            }
            if let format = schema.format, let problem = FormatChecker.problem(value, format: format) {
                return .valueInvalid(reason: "'\(value)' \(problem) (format of '\(field)')")
            }
            if let maximum = schema.maxLength, value.unicodeScalars.count > maximum {
                return .valueInvalid(reason: "'\(value)' is longer than the \(maximum) characters '\(field)' allows")
            }
            if let minimum = schema.minLength, value.unicodeScalars.count < minimum {
                return .valueInvalid(reason: "'\(value)' is shorter than the \(minimum) characters '\(field)' requires")
            }
            return .unverifiable(
                reason: "'\(field)' declares no enum: it accepts any string\(schema.pattern != nil ? " matching its pattern" : ""), so '\(value)' cannot be confirmed")
        }
        if types.contains(.boolean) {
            return value == "true" || value == "false" ? .ok : .valueInvalid(reason: "'\(field)' is a boolean; '\(value)' is not true or false")
        }
        if types.contains(.integer) || types.contains(.number) {
            guard let number = Double(value), types.contains(.number) || number.rounded() == number else {
                return .valueInvalid(reason: "'\(field)' is \(types.names); '\(value)' is not")
            }
            if let minimum = schema.minimum, schema.exclusiveMinimum ? number <= minimum : number < minimum {
                return .valueInvalid(reason: "'\(value)' is below the minimum of '\(field)' (\(JSONValue.number(minimum).preview()))")
            }
            if let maximum = schema.maximum, schema.exclusiveMaximum ? number >= maximum : number > maximum {
                return .valueInvalid(reason: "'\(value)' is above the maximum of '\(field)' (\(JSONValue.number(maximum).preview()))")
            }
            return .ok
        }
        return .valueInvalid(reason: "'\(field)' is \(types.names), not a single value")
    }

    /// A claimed value (always text in a model) against an enum entry.
    static func matches(_ text: String, _ value: JSONValue) -> Bool {
        switch value {
        case .string(let allowed): return allowed == text
        case .bool(let flag): return text == (flag ? "true" : "false")
        case .integer, .number: return Double(text).map { JSONValue.number($0).jsonEquals(value) } ?? false
        case .null: return text == "null"
        default: return false
        }
    }

    // MARK: - Built-in kinds

    private func checkBuiltIn(_ claim: APIClaim) -> ClaimVerdict {
        guard let kind = BuiltInKind.lookup(group: claim.group, kind: claim.kind) else {
            return .unverifiable(reason: "\(claim.apiVersion) \(claim.kind) is in a built-in API group but not in rolebook's table of built-in kinds")
        }
        guard kind.versions.contains(claim.version) else {
            return .versionNotServed(served: kind.versions, exists: false)
        }
        if let scope = claim.scope, scope != kind.scope { return .scopeMismatch(actual: kind.scope) }
        var checked = ["scope"]
        if let field = claim.field, let path = FieldPath(field) {
            let top = path.segments[0].name
            if top != "metadata" && top != "apiVersion" && top != "kind" && !kind.fields.contains(top) {
                return .fieldMissing(
                    path: top, missing: top, suggestion: Suggestions.closest(to: top, in: kind.fields), siblings: kind.fields)
            }
            checked.append("'\(top)'")
        }
        return .builtIn(checked: "checked \(checked.joined(separator: " and ")) against rolebook's table of built-in kinds, not a schema")
    }
}
