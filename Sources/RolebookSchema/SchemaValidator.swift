import RolebookCore

/// Walks one object against its structural schema the way the API server
/// does on create: nulls of non-nullable fields and unknown fields are
/// pruned (reported as warnings, errors for unknown fields with `--strict`),
/// defaults fill missing required fields, then types, enums, patterns,
/// formats, bounds, list uniqueness and embedded resources are checked.
///
/// Every finding is at the position of the YAML node it is about, with the
/// field path (`spec.templates[0].name`) in the message.
struct SchemaValidator {
    let path: String
    let strict: Bool
    /// True inside anyOf/oneOf/not branches: only pass or fail matters, so
    /// pruning findings (unknown fields, nulls) are not reported.
    var probing = false
    private(set) var diagnostics: [Diagnostic] = []
    /// CEL rule sets met on the way, by schema node, to report once.
    private(set) var celNodes: [ObjectIdentifier: Int] = [:]

    init(path: String, strict: Bool) {
        self.path = path
        self.strict = strict
    }

    /// How the root of a custom resource differs from any other object:
    /// apiVersion, kind and metadata are the API machinery's, and `status`
    /// is dropped on create when the status subresource is enabled.
    struct RootContext {
        var skipsStatus: Bool
        var namespaced: Bool
    }

    private mutating func report(_ severity: Severity, _ message: String, rule: RuleID, at location: SourceLocation, help: String? = nil) {
        diagnostics.append(Diagnostic(severity, message, rule: rule, at: location, help: help))
    }

    private static func join(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }

    private static func display(_ fieldPath: String) -> String { fieldPath.isEmpty ? "the object" : fieldPath }

    mutating func validate(_ node: JSONNode, _ schema: StructuralSchema, at fieldPath: String, root: RootContext? = nil) {
        let location = node.location(in: path)
        if !schema.celRules.isEmpty, !probing { celNodes[ObjectIdentifier(schema)] = schema.celRules.count }
        if node.isNull {
            if !schema.nullable {
                report(.error, "\(Self.display(fieldPath)): must not be null", rule: SchemaRules.type, at: location)
            }
            return
        }
        guard checkType(node, schema, fieldPath, location) else { return }
        if let allowed = schema.enumValues, !allowed.contains(where: { $0.jsonEquals(node.value) }) {
            let values = allowed.map { $0.preview(limit: 40) }
            let shown = values.count > 12 ? values.prefix(12).joined(separator: ", ") + ", …" : values.joined(separator: ", ")
            var hint = ""
            if let text = node.string {
                hint = Suggestions.didYouMean(text, in: allowed.compactMap { if case .string(let s) = $0 { s } else { nil } })
            }
            report(
                .error, "\(Self.display(fieldPath)): \(node.value.preview()) is not one of the allowed values\(hint)",
                rule: SchemaRules.enumeration, at: location, help: "allowed: \(shown)")
        }
        switch node.value {
        case .string(let text): checkString(text, schema, fieldPath, location)
        case .integer, .number: checkNumber(node.double ?? 0, schema, fieldPath, location)
        case .array(let items): checkArray(items, schema, fieldPath, location)
        case .object(let members): checkObject(node, members, schema, fieldPath, location, root: root)
        case .null, .bool: break
        }
        if schema.hasJunctors { checkJunctors(node, schema, fieldPath, location) }
    }

    // MARK: - Types

    private mutating func checkType(_ node: JSONNode, _ schema: StructuralSchema, _ fieldPath: String, _ location: SourceLocation) -> Bool {
        let value = node.value
        if schema.intOrString {
            switch value {
            case .string, .integer: return true
            case .number(let number) where number.rounded() == number: return true
            default:
                report(
                    .error, "\(Self.display(fieldPath)): must be an integer or a string, not \(value.typeName) \(value.preview())",
                    rule: SchemaRules.type, at: location)
                return false
            }
        }
        let types = schema.types
        if types.isEmpty { return true }
        let matches: Bool
        switch value {
        case .null: matches = true
        case .bool: matches = types.contains(.boolean)
        case .integer: matches = types.contains(.integer) || types.contains(.number)
        case .number(let number): matches = types.contains(.number) || (types.contains(.integer) && number.rounded() == number)
        case .string: matches = types.contains(.string)
        case .array: matches = types.contains(.array)
        case .object: matches = types.contains(.object)
        }
        if !matches {
            var help: String?
            if case .string(let text) = value, types.contains(.integer) || types.contains(.boolean) || types.contains(.number),
                YAMLLoader.resolvePlain(text) != nil
            {
                help = "remove the quotes: YAML reads a quoted \(text) as a string"
            } else if types.contains(.string), case .bool = value {
                help = "quote it: YAML reads an unquoted yes/no/on/off/true/false as a boolean"
            } else if types.contains(.string), case .integer = value {
                help = "quote it to make it a string"
            } else if types.contains(.string) || types.contains(.integer), case .object = value {
                help = "is the indentation of the lines below it off by one level?"
            }
            report(
                .error,
                "\(Self.display(fieldPath)): must be \(types.names), not \(value.typeName) \(value.preview())",
                rule: SchemaRules.type, at: location, help: help)
        }
        return matches
    }

    // MARK: - Scalars

    private mutating func checkString(_ text: String, _ schema: StructuralSchema, _ fieldPath: String, _ location: SourceLocation) {
        let field = Self.display(fieldPath)
        if schema.minLength != nil || schema.maxLength != nil {
            let length = text.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                report(.error, "\(field): must be at least \(minimum) characters long (is \(length))", rule: SchemaRules.length, at: location)
            }
            if let maximum = schema.maxLength, length > maximum {
                report(.error, "\(field): must be at most \(maximum) characters long (is \(length))", rule: SchemaRules.length, at: location)
            }
        }
        if let pattern = schema.pattern, !pattern.matches(text) {
            report(
                .error, "\(field): \(JSONValue.quote(text)) does not match the pattern \(JSONValue.quote(pattern.source))",
                rule: SchemaRules.pattern, at: location)
        }
        if let format = schema.format, let problem = FormatChecker.problem(text, format: format) {
            report(.error, "\(field): \(JSONValue.quote(text)) \(problem) (format \(format))", rule: SchemaRules.format, at: location)
        }
    }

    private mutating func checkNumber(_ number: Double, _ schema: StructuralSchema, _ fieldPath: String, _ location: SourceLocation) {
        let field = Self.display(fieldPath)
        let shown = JSONValue.number(number).preview()
        if let minimum = schema.minimum {
            if schema.exclusiveMinimum ? number <= minimum : number < minimum {
                let bound = JSONValue.number(minimum).preview()
                report(
                    .error, "\(field): \(shown) must be \(schema.exclusiveMinimum ? "greater than" : "at least") \(bound)",
                    rule: SchemaRules.bounds, at: location)
            }
        }
        if let maximum = schema.maximum {
            if schema.exclusiveMaximum ? number >= maximum : number > maximum {
                let bound = JSONValue.number(maximum).preview()
                report(
                    .error, "\(field): \(shown) must be \(schema.exclusiveMaximum ? "less than" : "at most") \(bound)",
                    rule: SchemaRules.bounds, at: location)
            }
        }
        if let step = schema.multipleOf, step > 0 {
            let quotient = number / step
            if abs(quotient - quotient.rounded()) > 1e-9 {
                report(.error, "\(field): \(shown) must be a multiple of \(JSONValue.number(step).preview())", rule: SchemaRules.bounds, at: location)
            }
        }
    }

    // MARK: - Lists

    private mutating func checkArray(_ items: [JSONNode], _ schema: StructuralSchema, _ fieldPath: String, _ location: SourceLocation) {
        let field = Self.display(fieldPath)
        if let minimum = schema.minItems, items.count < minimum {
            report(.error, "\(field): must have at least \(minimum) item\(minimum == 1 ? "" : "s") (has \(items.count))", rule: SchemaRules.itemCount, at: location)
        }
        if let maximum = schema.maxItems, items.count > maximum {
            report(.error, "\(field): must have at most \(maximum) item\(maximum == 1 ? "" : "s") (has \(items.count))", rule: SchemaRules.itemCount, at: location)
        }
        if schema.listType == .map, !schema.listMapKeys.isEmpty {
            checkMapList(items, keys: schema.listMapKeys, fieldPath)
        } else if schema.listType == .set || schema.uniqueItems {
            for (position, item) in items.enumerated() {
                if let first = items[..<position].firstIndex(where: { $0.value.jsonEquals(item.value) }) {
                    report(
                        .error, "\(fieldPath)[\(position)]: duplicate value \(item.value.preview()) (also at [\(first)])",
                        rule: SchemaRules.duplicateItem, at: item.location(in: path),
                        help: "this list is a set (\(schema.listType == .set ? "x-kubernetes-list-type: set" : "uniqueItems")): each value once")
                }
            }
        }
        if let itemSchema = schema.items {
            for (position, item) in items.enumerated() {
                validate(item, itemSchema, at: "\(fieldPath)[\(position)]")
            }
        }
    }

    /// `x-kubernetes-list-type: map`: items are identified by their key
    /// fields; two items with the same keys are a duplicate.
    private mutating func checkMapList(_ items: [JSONNode], keys: [String], _ fieldPath: String) {
        var seen: [(values: [JSONValue?], position: Int)] = []
        for (position, item) in items.enumerated() {
            guard item.members != nil else { continue }
            let values = keys.map { item[$0]?.value }
            if let first = seen.first(where: { entry in
                zip(entry.values, values).allSatisfy { lhs, rhs in
                    switch (lhs, rhs) {
                    case (nil, nil): return true
                    case let (l?, r?): return l.jsonEquals(r)
                    default: return false
                    }
                }
            }) {
                let described = zip(keys, values).map { "\($0)=\($1?.preview(limit: 40) ?? "(unset)")" }.joined(separator: ", ")
                report(
                    .error, "\(fieldPath)[\(position)]: duplicate entry with \(described) (also at [\(first.position)])",
                    rule: SchemaRules.duplicateItem, at: item.location(in: path),
                    help: "this list is a map keyed by \(keys.joined(separator: ", ")) (x-kubernetes-list-type: map); the API server rejects duplicate keys")
            } else {
                seen.append((values, position))
            }
        }
    }

    // MARK: - Objects

    private mutating func checkObject(
        _ node: JSONNode, _ members: [JSONMember], _ schema: StructuralSchema, _ fieldPath: String,
        _ location: SourceLocation, root: RootContext?
    ) {
        let field = Self.display(fieldPath)
        if let minimum = schema.minProperties, members.count < minimum {
            report(.error, "\(field): must have at least \(minimum) field\(minimum == 1 ? "" : "s") (has \(members.count))", rule: SchemaRules.propertyCount, at: location)
        }
        if let maximum = schema.maxProperties, members.count > maximum {
            report(.error, "\(field): must have at most \(maximum) field\(maximum == 1 ? "" : "s") (has \(members.count))", rule: SchemaRules.propertyCount, at: location)
        }
        if schema.embeddedResource { checkEmbeddedResource(node, fieldPath, location) }
        var present = Set<String>()
        present.reserveCapacity(members.count)
        for member in members {
            let key = member.key
            let childPath = Self.join(fieldPath, key)
            if let root {
                if key == "apiVersion" || key == "kind" {
                    present.insert(key)
                    continue
                }
                if key == "metadata" {
                    present.insert(key)
                    checkMetadata(member.value, schema.properties["metadata"], root: root)
                    continue
                }
                if key == "status", root.skipsStatus {
                    present.insert(key)
                    continue
                }
            } else if schema.embeddedResource, key == "apiVersion" || key == "kind" || key == "metadata" {
                present.insert(key)
                if key == "metadata" {
                    checkMetadata(member.value, nil, root: nil)
                } else if member.value.string == nil {
                    report(.error, "\(childPath): must be a string", rule: SchemaRules.type, at: member.value.location(in: path))
                }
                continue
            }
            let childSchema: StructuralSchema?
            if let property = schema.properties[key] {
                childSchema = property
            } else if case .schema(let values) = schema.additionalProperties {
                childSchema = values
            } else if case .allowed(true) = schema.additionalProperties {
                present.insert(key)
                continue
            } else if schema.preserveUnknownFields {
                present.insert(key)
                continue
            } else {
                reportUnknown(member, childPath, candidates: schema.propertyNames, denied: { if case .allowed(false) = schema.additionalProperties { true } else { false } }())
                continue
            }
            guard let childSchema else { continue }
            if member.value.isNull, !childSchema.nullable {
                if !probing {
                    report(
                        .warning, "\(childPath): is null; the API server drops null for a field that is not nullable",
                        rule: SchemaRules.null, at: member.value.location(in: path),
                        help: "remove the key, give it a value, or check the indentation of the lines below it")
                }
                continue
            }
            present.insert(key)
            validate(member.value, childSchema, at: childPath)
        }
        for name in schema.required where !present.contains(name) {
            if root != nil, name == "metadata" || name == "apiVersion" || name == "kind" { continue }
            if schema.properties[name]?.hasDefault == true { continue }
            let prunedNull = members.first { $0.key == name }
            let at = prunedNull?.value.location(in: path) ?? location
            report(
                .error,
                "\(field): required field '\(name)' is missing\(prunedNull != nil ? " (it is null)" : "")",
                rule: SchemaRules.required, at: at)
        }
    }

    private mutating func reportUnknown(_ member: JSONMember, _ childPath: String, candidates: [String], denied: Bool) {
        if probing { return }
        let hint = Suggestions.didYouMean(member.key, in: candidates)
        let severity: Severity = strict || denied ? .error : .warning
        let consequence = severity == .error ? "" : "; the API server drops it"
        report(
            severity, "\(childPath): unknown field\(hint)\(consequence)", rule: SchemaRules.unknownField,
            at: member.keyLocation(in: path),
            help: severity == .warning ? "rejected with --strict, as by the API server's Strict field validation" : nil)
    }

    /// `x-kubernetes-embedded-resource`: an object with its own apiVersion
    /// and kind (metadata is optional, as on the server).
    private mutating func checkEmbeddedResource(_ node: JSONNode, _ fieldPath: String, _ location: SourceLocation) {
        for key in ["apiVersion", "kind"] where (node[key]?.string ?? "").isEmpty {
            report(
                .error, "\(Self.display(fieldPath)): embedded resource has no '\(key)'",
                rule: SchemaRules.embeddedResource, at: node[key]?.location(in: path) ?? location,
                help: "the schema marks this object x-kubernetes-embedded-resource: it must say what it is")
        }
    }

    // MARK: - Metadata

    private mutating func checkMetadata(_ node: JSONNode, _ crdSchema: StructuralSchema?, root: RootContext?) {
        let location = node.location(in: path)
        guard let members = node.members else {
            if node.isNull, root == nil { return }
            report(.error, "metadata: must be an object, not \(node.value.typeName)", rule: SchemaRules.type, at: location)
            return
        }
        let name = node["name"]
        let generateName = node["generateName"]
        if let root, name?.string == nil, generateName?.string == nil, !probing {
            report(
                .error, "metadata: 'name' or 'generateName' is required", rule: SchemaRules.metadata, at: location,
                help: "the API server rejects an object without a name")
            _ = root
        }
        for member in members {
            let value = member.value
            let fieldPath = "metadata." + member.key
            let valueLocation = value.location(in: path)
            switch member.key {
            case "name", "generateName", "namespace":
                guard let text = value.string else {
                    report(.error, "\(fieldPath): must be a string, not \(value.value.typeName)", rule: SchemaRules.type, at: valueLocation)
                    continue
                }
                let problem: String?
                switch member.key {
                case "name": problem = ObjectMetaRules.subdomainProblem(text).map { "\($0): a name is a DNS-1123 subdomain" }
                case "generateName": problem = ObjectMetaRules.generateNameProblem(text).map { "\($0): a name prefix must form a DNS-1123 subdomain" }
                default: problem = ObjectMetaRules.labelProblem(text).map { "\($0): a namespace is a DNS-1123 label" }
                }
                if let problem {
                    report(.error, "\(fieldPath): \(JSONValue.quote(text)) \(problem)", rule: SchemaRules.metadata, at: valueLocation)
                }
                if member.key == "namespace", let root, !root.namespaced {
                    report(
                        .warning, "metadata.namespace: the kind is cluster-scoped; the namespace is ignored",
                        rule: SchemaRules.scope, at: valueLocation)
                }
                if member.key != "namespace", let constraint = crdSchema?.properties[member.key] {
                    validate(value, constraint, at: fieldPath)
                }
            case "labels", "annotations":
                guard let entries = value.members else {
                    if !value.isNull {
                        report(.error, "\(fieldPath): must be a map of strings, not \(value.value.typeName)", rule: SchemaRules.type, at: valueLocation)
                    }
                    continue
                }
                for entry in entries {
                    if let problem = ObjectMetaRules.qualifiedNameProblem(entry.key) {
                        report(.error, "\(fieldPath): key \(JSONValue.quote(entry.key)) \(problem)", rule: SchemaRules.metadata, at: entry.keyLocation(in: path))
                    }
                    guard let text = entry.value.string else {
                        report(
                            .error, "\(fieldPath).\(entry.key): must be a string, not \(entry.value.value.typeName) \(entry.value.value.preview())",
                            rule: SchemaRules.type, at: entry.value.location(in: path), help: "quote the value")
                        continue
                    }
                    if member.key == "labels", let problem = ObjectMetaRules.labelValueProblem(text) {
                        report(.error, "\(fieldPath).\(entry.key): \(JSONValue.quote(text)) \(problem)", rule: SchemaRules.metadata, at: entry.value.location(in: path))
                    }
                }
            default:
                if !ObjectMetaRules.fields.contains(member.key) {
                    reportUnknown(member, fieldPath, candidates: ObjectMetaRules.fields, denied: false)
                }
            }
        }
    }

    // MARK: - anyOf / allOf / oneOf / not

    private func passes(_ node: JSONNode, _ schema: StructuralSchema, _ fieldPath: String) -> (Bool, [Diagnostic]) {
        var probe = SchemaValidator(path: path, strict: false)
        probe.probing = true
        probe.validate(node, schema, at: fieldPath)
        let errors = probe.diagnostics.filter { $0.severity == .error }
        return (errors.isEmpty, errors)
    }

    private mutating func checkJunctors(_ node: JSONNode, _ schema: StructuralSchema, _ fieldPath: String, _ location: SourceLocation) {
        let field = Self.display(fieldPath)
        for branch in schema.allOf {
            let (ok, errors) = passes(node, branch, fieldPath)
            if !ok { diagnostics += errors }
        }
        if !schema.anyOf.isEmpty {
            let results = schema.anyOf.map { passes(node, $0, fieldPath) }
            if !results.contains(where: \.0) {
                report(
                    .error, "\(field): matches none of the \(schema.anyOf.count) anyOf alternatives",
                    rule: SchemaRules.junctor, at: location, help: results.first?.1.first.map { "the first fails with: \($0.message)" })
            }
        }
        if !schema.oneOf.isEmpty {
            let results = schema.oneOf.map { passes(node, $0, fieldPath) }
            let passing = results.filter(\.0).count
            if passing != 1 {
                report(
                    .error, "\(field): matches \(passing) of the \(schema.oneOf.count) oneOf alternatives; exactly one must match",
                    rule: SchemaRules.junctor, at: location, help: passing == 0 ? results.first?.1.first.map { "the first fails with: \($0.message)" } : nil)
            }
        }
        if let not = schema.not, passes(node, not, fieldPath).0 {
            report(.error, "\(field): matches a schema it must not match ('not')", rule: SchemaRules.junctor, at: location)
        }
    }
}
