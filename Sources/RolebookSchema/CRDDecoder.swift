import RolebookCore

/// Reads a CustomResourceDefinition out of a parsed document, reporting what
/// makes it unusable (a missing group, kind or version list) at the position
/// of the offending node. `apiextensions.k8s.io/v1beta1` CRDs (removed in
/// Kubernetes 1.22, still found in old repositories) are read too, with their
/// top-level `spec.validation` schema applying to every version.
enum CRDDecoder {
    static let apiGroup = "apiextensions.k8s.io"

    /// True when `node` says it is a CRD.
    static func isCRD(_ node: JSONNode) -> Bool {
        node["kind"]?.string == "CustomResourceDefinition"
            && (node["apiVersion"]?.string ?? "").hasPrefix(apiGroup + "/")
    }

    static func decode(_ node: JSONNode, path: String, diagnostics: inout [Diagnostic]) -> CustomResourceDefinition? {
        let location = node.location(in: path)
        func invalid(_ message: String, at target: JSONNode?) -> CustomResourceDefinition? {
            diagnostics.append(.error(message, rule: SchemaRules.crdInvalid, at: (target ?? node).location(in: path)))
            return nil
        }
        let apiVersion = node["apiVersion"]?.string ?? ""
        guard let spec = node["spec"], spec.members != nil else { return invalid("CRD has no 'spec'", at: nil) }
        guard let group = spec["group"]?.string, !group.isEmpty else {
            return invalid("CRD has no 'spec.group'", at: spec)
        }
        guard let names = spec["names"], let kind = names["kind"]?.string, !kind.isEmpty else {
            return invalid("CRD has no 'spec.names.kind'", at: spec["names"] ?? spec)
        }
        let plural = names["plural"]?.string ?? kind.lowercased() + "s"
        let scopeText = spec["scope"]?.string ?? "Namespaced"
        guard let scope = CRDScope(rawValue: scopeText) else {
            return invalid("CRD scope '\(scopeText)' is neither 'Namespaced' nor 'Cluster'", at: spec["scope"])
        }
        var compiler = SchemaCompiler(path: path)
        var versions: [CRDVersion] = []
        let legacySchema = spec["validation"]?["openAPIV3Schema"]
        let legacySubresources = spec["subresources"]
        if let versionNodes = spec["versions"]?.array, !versionNodes.isEmpty {
            for versionNode in versionNodes {
                guard let name = versionNode["name"]?.string else {
                    _ = invalid("CRD version has no 'name'", at: versionNode)
                    continue
                }
                let schemaNode = versionNode["schema"]?["openAPIV3Schema"] ?? legacySchema
                let schema = schemaNode.map { compiler.compile($0) }
                let subresources = versionNode["subresources"] ?? legacySubresources
                versions.append(
                    CRDVersion(
                        name: name, served: versionNode["served"]?.bool ?? true,
                        storage: versionNode["storage"]?.bool ?? false,
                        deprecated: versionNode["deprecated"]?.bool ?? false,
                        deprecationWarning: versionNode["deprecationWarning"]?.string, schema: schema,
                        hasStatusSubresource: subresources?["status"] != nil,
                        celRuleCount: schema.map(countRules) ?? 0))
            }
        } else if let name = spec["version"]?.string, apiVersion.hasSuffix("/v1beta1") {
            let schema = legacySchema.map { compiler.compile($0) }
            versions.append(
                CRDVersion(
                    name: name, served: true, storage: true, schema: schema,
                    hasStatusSubresource: legacySubresources?["status"] != nil,
                    celRuleCount: schema.map(countRules) ?? 0))
        } else {
            return invalid("CRD has no 'spec.versions'", at: spec)
        }
        diagnostics += compiler.diagnostics
        let metadataName = node["metadata"]?["name"]?.string ?? "\(plural).\(group)"
        return CustomResourceDefinition(
            name: metadataName, group: group, kind: kind, plural: plural, singular: names["singular"]?.string,
            shortNames: names["shortNames"]?.array?.compactMap(\.string) ?? [], listKind: names["listKind"]?.string,
            scope: scope, versions: versions, location: location)
    }

    /// CEL rules anywhere in a schema, each shared node counted once.
    static func countRules(_ schema: StructuralSchema) -> Int {
        var seen = Set<ObjectIdentifier>()
        var count = 0
        var stack = [schema]
        while let node = stack.popLast() {
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            count += node.celRules.count
            stack += node.properties.values
            if let items = node.items { stack.append(items) }
            if case .schema(let value) = node.additionalProperties { stack.append(value) }
            stack += node.allOf + node.anyOf + node.oneOf
            if let not = node.not { stack.append(not) }
        }
        return count
    }
}
