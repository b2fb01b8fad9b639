/// One node of a CRD's `openAPIV3Schema`, compiled once: properties in a
/// dictionary, patterns compiled, enum values decoded, so that validating a
/// thousand manifests never re-reads the 2.8 MB of YAML the schema came from.
///
/// It is immutable and shared (a class, so that the deep Argo schemas are not
/// copied), which also makes it safe to validate files in parallel.
public final class StructuralSchema: Sendable {
    /// The JSON types the node accepts; empty means any (for example under
    /// `x-kubernetes-preserve-unknown-fields` or `x-kubernetes-int-or-string`).
    public let types: SchemaTypes
    public let properties: [String: StructuralSchema]
    /// Property names as declared, for did-you-mean and stable messages.
    public let propertyNames: [String]
    public let additionalProperties: AdditionalProperties
    public let items: StructuralSchema?
    public let required: [String]
    public let enumValues: [JSONValue]?
    public let pattern: CompiledPattern?
    public let format: String?
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Bool
    public let exclusiveMaximum: Bool
    public let multipleOf: Double?
    public let minLength: Int?
    public let maxLength: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let minProperties: Int?
    public let maxProperties: Int?
    public let uniqueItems: Bool
    public let nullable: Bool
    public let preserveUnknownFields: Bool
    public let intOrString: Bool
    public let embeddedResource: Bool
    public let listType: ListType?
    public let listMapKeys: [String]
    public let hasDefault: Bool
    public let allOf: [StructuralSchema]
    public let anyOf: [StructuralSchema]
    public let oneOf: [StructuralSchema]
    public let not: StructuralSchema?
    /// `x-kubernetes-validations` rules on this node (CEL, not evaluated).
    public let celRules: [String]
    /// Where the node is in the CRD file (0 when it came from a cluster).
    public let line: Int
    public let column: Int

    public init(
        types: SchemaTypes = [], properties: [String: StructuralSchema] = [:], propertyNames: [String] = [],
        additionalProperties: AdditionalProperties = .unspecified, items: StructuralSchema? = nil,
        required: [String] = [], enumValues: [JSONValue]? = nil, pattern: CompiledPattern? = nil,
        format: String? = nil, minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Bool = false,
        exclusiveMaximum: Bool = false, multipleOf: Double? = nil, minLength: Int? = nil, maxLength: Int? = nil,
        minItems: Int? = nil, maxItems: Int? = nil, minProperties: Int? = nil, maxProperties: Int? = nil,
        uniqueItems: Bool = false, nullable: Bool = false, preserveUnknownFields: Bool = false,
        intOrString: Bool = false, embeddedResource: Bool = false, listType: ListType? = nil,
        listMapKeys: [String] = [], hasDefault: Bool = false, allOf: [StructuralSchema] = [],
        anyOf: [StructuralSchema] = [], oneOf: [StructuralSchema] = [], not: StructuralSchema? = nil,
        celRules: [String] = [], line: Int = 0, column: Int = 0
    ) {
        self.types = types
        self.properties = properties
        self.propertyNames = propertyNames
        self.additionalProperties = additionalProperties
        self.items = items
        self.required = required
        self.enumValues = enumValues
        self.pattern = pattern
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.uniqueItems = uniqueItems
        self.nullable = nullable
        self.preserveUnknownFields = preserveUnknownFields
        self.intOrString = intOrString
        self.embeddedResource = embeddedResource
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.hasDefault = hasDefault
        self.allOf = allOf
        self.anyOf = anyOf
        self.oneOf = oneOf
        self.not = not
        self.celRules = celRules
        self.line = line
        self.column = column
    }

    /// A node that accepts anything: what an absent schema means.
    public static let any = StructuralSchema(preserveUnknownFields: true)

    /// True when the node constrains values only through `anyOf`, `allOf`,
    /// `oneOf` or `not` (value validations in a structural schema).
    var hasJunctors: Bool { !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil }
}

/// `type:` of a schema node, as a set so "any" is the empty set.
public struct SchemaTypes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let object = SchemaTypes(rawValue: 1 << 0)
    public static let array = SchemaTypes(rawValue: 1 << 1)
    public static let string = SchemaTypes(rawValue: 1 << 2)
    public static let integer = SchemaTypes(rawValue: 1 << 3)
    public static let number = SchemaTypes(rawValue: 1 << 4)
    public static let boolean = SchemaTypes(rawValue: 1 << 5)

    public init?(name: String) {
        switch name {
        case "object": self = .object
        case "array": self = .array
        case "string": self = .string
        case "integer": self = .integer
        case "number": self = .number
        case "boolean": self = .boolean
        default: return nil
        }
    }

    /// "string", or "integer or string".
    public var names: String {
        var result: [String] = []
        if contains(.object) { result.append("object") }
        if contains(.array) { result.append("array") }
        if contains(.string) { result.append("string") }
        if contains(.integer) { result.append("integer") }
        if contains(.number) { result.append("number") }
        if contains(.boolean) { result.append("boolean") }
        return result.joined(separator: " or ")
    }
}

/// `additionalProperties`: absent, a boolean, or a schema for map values.
public enum AdditionalProperties: Sendable {
    case unspecified
    case allowed(Bool)
    case schema(StructuralSchema)
}

/// `x-kubernetes-list-type`.
public enum ListType: String, Sendable {
    case atomic
    case set
    case map
}
