import RolebookCore

/// The rule ids RolebookSchema reports, and their one-line descriptions for
/// SARIF and the README. Ids are stable: users filter on them.
public enum SchemaRules {
    // Loading CRDs.
    public static let crdInvalid: RuleID = "crd.invalid"
    public static let notACRD: RuleID = "crd.not-a-crd"
    public static let crdDuplicate: RuleID = "crd.duplicate"
    public static let crdSchema: RuleID = "crd.schema"
    // Model references (and manifests' apiVersion/kind).
    public static let groupNotServed: RuleID = "crd.group-not-served"
    public static let kindNotServed: RuleID = "crd.kind-not-served"
    public static let versionNotServed: RuleID = "crd.version-not-served"
    public static let deprecatedVersion: RuleID = "crd.deprecated-version"
    public static let fieldMissing: RuleID = "crd.field-missing"
    public static let enumValue: RuleID = "crd.enum"
    public static let invalidValue: RuleID = "crd.value"
    public static let scope: RuleID = "crd.scope"
    public static let unverifiable: RuleID = "crd.unverifiable"
    public static let builtIn: RuleID = "crd.built-in"
    // Manifests against schemas.
    public static let type: RuleID = "schema.type"
    public static let required: RuleID = "schema.required"
    public static let enumeration: RuleID = "schema.enum"
    public static let unknownField: RuleID = "schema.unknown-field"
    public static let pattern: RuleID = "schema.pattern"
    public static let format: RuleID = "schema.format"
    public static let bounds: RuleID = "schema.bounds"
    public static let length: RuleID = "schema.length"
    public static let itemCount: RuleID = "schema.items"
    public static let propertyCount: RuleID = "schema.properties"
    public static let duplicateItem: RuleID = "schema.list-duplicate"
    public static let null: RuleID = "schema.null"
    public static let embeddedResource: RuleID = "schema.embedded-resource"
    public static let junctor: RuleID = "schema.junctor"
    public static let metadata: RuleID = "schema.metadata"
    public static let cel: RuleID = "schema.cel-not-evaluated"
    public static let noSchema: RuleID = "schema.no-schema"
    public static let skippedBuiltIn: RuleID = "schema.built-in"
    public static let notAResource: RuleID = "schema.not-a-resource"
    public static let cluster: RuleID = "cluster.unreachable"

    public static let all: [RuleDescriptor] = [
        RuleDescriptor(YAMLLoader.syntaxRule, "YAML syntax error in a CRD or manifest"),
        RuleDescriptor(YAMLLoader.duplicateKeyRule, "A mapping repeats a key"),
        RuleDescriptor(YAMLLoader.aliasBombRule, "A document expands past the node limit through aliases"),
        RuleDescriptor(JSONTextParser.syntaxRule, "JSON syntax error"),
        RuleDescriptor(crdInvalid, "A CustomResourceDefinition lacks its group, kind or versions"),
        RuleDescriptor(notACRD, "A document among the CRDs is not a CustomResourceDefinition", severity: .note),
        RuleDescriptor(crdDuplicate, "The same CRD is given twice; the first wins", severity: .warning),
        RuleDescriptor(crdSchema, "A CRD schema construct rolebook cannot enforce", severity: .warning),
        RuleDescriptor(groupNotServed, "The cluster serves no CRD of the referenced API group"),
        RuleDescriptor(kindNotServed, "No CRD of the referenced group defines the kind"),
        RuleDescriptor(versionNotServed, "The kind is not served at the referenced version"),
        RuleDescriptor(deprecatedVersion, "The referenced version is deprecated", severity: .warning),
        RuleDescriptor(fieldMissing, "The referenced field path does not exist in the schema"),
        RuleDescriptor(enumValue, "The referenced value is not in the field's enum"),
        RuleDescriptor(invalidValue, "The referenced value does not fit the field's type, pattern or format"),
        RuleDescriptor(scope, "The referenced scope differs from the CRD's"),
        RuleDescriptor(unverifiable, "A reference the loaded schemas cannot confirm or refute", severity: .warning),
        RuleDescriptor(builtIn, "A built-in Kubernetes kind, checked against rolebook's table only", severity: .note),
        RuleDescriptor(type, "A value has the wrong JSON type"),
        RuleDescriptor(required, "A required field is missing"),
        RuleDescriptor(enumeration, "A value is not one of the schema's enum values"),
        RuleDescriptor(unknownField, "A field the schema does not declare (the API server drops it; an error with --strict)", severity: .warning),
        RuleDescriptor(pattern, "A string does not match the schema's pattern"),
        RuleDescriptor(format, "A string does not match the schema's format"),
        RuleDescriptor(bounds, "A number is out of the schema's minimum/maximum"),
        RuleDescriptor(length, "A string is shorter or longer than allowed"),
        RuleDescriptor(itemCount, "A list has fewer or more items than allowed"),
        RuleDescriptor(propertyCount, "An object has fewer or more properties than allowed"),
        RuleDescriptor(duplicateItem, "A set or map list repeats an item or key"),
        RuleDescriptor(null, "A null for a non-nullable field, which the API server drops", severity: .warning),
        RuleDescriptor(embeddedResource, "An embedded resource lacks apiVersion or kind"),
        RuleDescriptor(junctor, "A value matches none (or several) of anyOf/oneOf, or matches not"),
        RuleDescriptor(metadata, "Object metadata: name, generateName, namespace, labels"),
        RuleDescriptor(cel, "CEL rules (x-kubernetes-validations) that were not evaluated", severity: .note),
        RuleDescriptor(noSchema, "No CRD is loaded for the resource's kind", severity: .warning),
        RuleDescriptor(skippedBuiltIn, "A built-in Kubernetes kind, not checked", severity: .note),
        RuleDescriptor(notAResource, "A document without apiVersion and kind", severity: .warning),
    ]
}
