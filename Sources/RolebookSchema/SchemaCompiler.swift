import RolebookCore

/// Compiles an `openAPIV3Schema` tree into ``StructuralSchema`` nodes.
///
/// Patterns are compiled once per distinct text (the Argo Workflows CRDs
/// repeat the same few patterns hundreds of times), and problems with the
/// schema itself — a pattern ICU cannot compile, an unknown `type` — become
/// warnings on the CRD file, since the API server accepted the CRD.
struct SchemaCompiler {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private var patterns: [String: CompiledPattern?] = [:]

    init(path: String) {
        self.path = path
    }

    mutating func compile(_ node: JSONNode) -> StructuralSchema {
        guard let members = node.members else { return .any }
        var types: SchemaTypes = []
        var properties: [String: StructuralSchema] = [:]
        var propertyNames: [String] = []
        var additional: AdditionalProperties = .unspecified
        var items: StructuralSchema?
        var required: [String] = []
        var enumValues: [JSONValue]?
        var pattern: CompiledPattern?
        var format: String?
        var minimum: Double?, maximum: Double?, multipleOf: Double?
        var exclusiveMinimum = false, exclusiveMaximum = false
        var minLength: Int?, maxLength: Int?, minItems: Int?, maxItems: Int?
        var minProperties: Int?, maxProperties: Int?
        var uniqueItems = false, nullable = false, preserve = false, intOrString = false, embedded = false
        var listType: ListType?
        var listMapKeys: [String] = []
        var hasDefault = false
        var allOf: [StructuralSchema] = [], anyOf: [StructuralSchema] = [], oneOf: [StructuralSchema] = []
        var not: StructuralSchema?
        var celRules: [String] = []

        for member in members {
            let value = member.value
            switch member.key {
            case "type":
                if let name = value.string {
                    if let type = SchemaTypes(name: name) {
                        types = type
                    } else {
                        diagnostics.append(
                            .warning(
                                "unknown schema type '\(name)'; values here are not type-checked",
                                rule: SchemaRules.crdSchema, at: value.location(in: path)))
                    }
                }
            case "properties":
                for property in value.members ?? [] {
                    properties[property.key] = compile(property.value)
                    propertyNames.append(property.key)
                }
            case "additionalProperties":
                if let flag = value.bool {
                    additional = .allowed(flag)
                } else if value.members != nil {
                    additional = .schema(compile(value))
                }
            case "items":
                if value.members != nil {
                    items = compile(value)
                } else if let first = value.array?.first {
                    items = compile(first)
                }
            case "required": required = value.array?.compactMap(\.string) ?? []
            case "enum": enumValues = value.array?.map(\.value)
            case "pattern":
                if let text = value.string {
                    if let cached = patterns[text] {
                        pattern = cached
                    } else {
                        let compiled = CompiledPattern(text)
                        patterns[text] = compiled
                        pattern = compiled
                        if compiled == nil {
                            diagnostics.append(
                                .warning(
                                    "pattern \(JSONValue.quote(text)) does not compile as an ICU regular expression; values are not checked against it",
                                    rule: SchemaRules.crdSchema, at: value.location(in: path)))
                        }
                    }
                }
            case "format": format = value.string
            case "minimum": minimum = value.double
            case "maximum": maximum = value.double
            case "exclusiveMinimum": exclusiveMinimum = value.bool ?? false
            case "exclusiveMaximum": exclusiveMaximum = value.bool ?? false
            case "multipleOf": multipleOf = value.double
            case "minLength": minLength = value.int
            case "maxLength": maxLength = value.int
            case "minItems": minItems = value.int
            case "maxItems": maxItems = value.int
            case "minProperties": minProperties = value.int
            case "maxProperties": maxProperties = value.int
            case "uniqueItems": uniqueItems = value.bool ?? false
            case "nullable": nullable = value.bool ?? false
            case "default": hasDefault = true
            case "allOf": allOf = value.array?.map { compile($0) } ?? []
            case "anyOf": anyOf = value.array?.map { compile($0) } ?? []
            case "oneOf": oneOf = value.array?.map { compile($0) } ?? []
            case "not": not = compile(value)
            case "x-kubernetes-preserve-unknown-fields": preserve = value.bool ?? false
            case "x-kubernetes-int-or-string": intOrString = value.bool ?? false
            case "x-kubernetes-embedded-resource": embedded = value.bool ?? false
            case "x-kubernetes-list-type": listType = value.string.flatMap(ListType.init(rawValue:))
            case "x-kubernetes-list-map-keys": listMapKeys = value.array?.compactMap(\.string) ?? []
            case "x-kubernetes-validations":
                celRules = value.array?.compactMap { $0["rule"]?.string } ?? []
            default: break
            }
        }
        if format == "int-or-string" { intOrString = true }
        return StructuralSchema(
            types: intOrString ? [] : types, properties: properties, propertyNames: propertyNames,
            additionalProperties: additional, items: items, required: required, enumValues: enumValues,
            pattern: pattern, format: format, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, minLength: minLength, maxLength: maxLength,
            minItems: minItems, maxItems: maxItems, minProperties: minProperties, maxProperties: maxProperties,
            uniqueItems: uniqueItems, nullable: nullable, preserveUnknownFields: preserve, intOrString: intOrString,
            embeddedResource: embedded, listType: listType, listMapKeys: listMapKeys, hasDefault: hasDefault,
            allOf: allOf, anyOf: intOrString ? [] : anyOf, oneOf: oneOf, not: not, celRules: celRules,
            line: node.line, column: node.column)
    }
}
