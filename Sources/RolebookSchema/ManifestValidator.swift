import Dispatch
import RolebookCore
import Synchronization

/// Validates custom resources in YAML or JSON files against the CRDs of a
/// ``CRDCatalog``: which CRD and version the object names, its metadata, and
/// its content against the version's structural schema.
///
/// Built-in kinds (Deployment, Service, ConfigMap, …) and kinds whose group
/// has no CRD loaded are skipped with one finding per file and kind, not one
/// per object, and so are the CEL rules that were not evaluated.
public struct ManifestValidator: Sendable {
    public var catalog: CRDCatalog
    /// Unknown fields are errors, as with the API server's Strict field
    /// validation; otherwise warnings (Warn, the server's default).
    public var strict: Bool

    public init(catalog: CRDCatalog, strict: Bool = false) {
        self.catalog = catalog
        self.strict = strict
    }

    /// Validates every file under `paths`, on all cores; findings come back
    /// in file order.
    public func validate(paths: [String]) throws(ToolFailure) -> [Diagnostic] {
        let files = try DocumentLoader.files(in: paths)
        let results = Mutex<[Result<[Diagnostic], ToolFailure>]>(Array(repeating: .success([]), count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            let result: Result<[Diagnostic], ToolFailure>
            do throws(ToolFailure) {
                let loaded = try DocumentLoader.load(path: files[position])
                result = .success(loaded.diagnostics + validate(documents: loaded.documents, path: files[position]))
            } catch {
                result = .failure(error)
            }
            results.withLock { $0[position] = result }
        }
        var diagnostics: [Diagnostic] = []
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let found): diagnostics += found
            case .failure(let failure): throw failure
            }
        }
        return diagnostics
    }

    /// Validates text (for tests and for YAML taken from elsewhere).
    public func validate(_ source: SourceText) -> [Diagnostic] {
        do {
            return validate(documents: try DocumentLoader.parse(source), path: source.path)
        } catch {
            return error.diagnostics
        }
    }

    /// What one file's findings are grouped by: kind, for the per-file notes.
    private struct KindTally {
        var first: SourceLocation
        var count = 0
        var apiVersion: String
    }

    public func validate(documents: [JSONNode], path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var builtIns: [String: KindTally] = [:]
        var unknownGroups: [String: KindTally] = [:]
        var celRules: [String: (tally: KindTally, rules: [ObjectIdentifier: Int])] = [:]
        for document in documents {
            let location = document.location(in: path)
            guard document.members != nil else {
                diagnostics.append(
                    .warning(
                        "document is \(document.value.typeName) \(document.value.preview()), not a Kubernetes object",
                        rule: SchemaRules.notAResource, at: location))
                continue
            }
            guard let apiVersion = document["apiVersion"]?.string, let kind = document["kind"]?.string else {
                let missing = [document["apiVersion"]?.string == nil ? "apiVersion" : nil, document["kind"]?.string == nil ? "kind" : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                diagnostics.append(
                    .warning(
                        "document has no \(missing), so it is not checked", rule: SchemaRules.notAResource, at: location,
                        help: "a Kubernetes object needs apiVersion and kind (strings)"))
                continue
            }
            let kindLocation = document["kind"]?.location(in: path) ?? location
            let (group, version) = Self.split(apiVersion)
            guard let definition = catalog.definition(group: group, kind: kind) else {
                let key = "\(apiVersion) \(kind)"
                if BuiltInKind.isBuiltInGroup(group), !catalog.hasGroup(group) || BuiltInKind.lookup(group: group, kind: kind) != nil {
                    builtIns[key, default: KindTally(first: kindLocation, apiVersion: apiVersion)].count += 1
                } else if catalog.hasGroup(group) {
                    let kinds = catalog.kinds(inGroup: group)
                    diagnostics.append(
                        .error(
                            "\(group) has no kind '\(kind)'\(Suggestions.didYouMean(kind, in: kinds))",
                            rule: SchemaRules.kindNotServed, at: kindLocation,
                            help: "kinds of \(group) in \(catalog.sourceDescription): \(kinds.joined(separator: ", "))"))
                } else if catalog.isAuthoritative {
                    diagnostics.append(
                        .error(
                            "the cluster serves no API group '\(group)' (for \(kind))", rule: SchemaRules.groupNotServed,
                            at: kindLocation))
                } else {
                    unknownGroups[key, default: KindTally(first: kindLocation, apiVersion: apiVersion)].count += 1
                }
                continue
            }
            guard let crdVersion = definition.version(version), crdVersion.served else {
                let exists = definition.version(version) != nil
                diagnostics.append(
                    .error(
                        "\(kind) \(exists ? "version '\(version)' exists but is not served" : "is not served at version '\(version)'"); served: \(definition.servedVersions.joined(separator: ", "))",
                        rule: SchemaRules.versionNotServed, at: document["apiVersion"]?.location(in: path) ?? location))
                continue
            }
            if crdVersion.deprecated {
                diagnostics.append(
                    .warning(
                        crdVersion.deprecationWarning ?? "\(group)/\(version) \(kind) is deprecated",
                        rule: SchemaRules.deprecatedVersion, at: document["apiVersion"]?.location(in: path) ?? location))
            }
            guard let schema = crdVersion.schema else { continue }
            var validator = SchemaValidator(path: path, strict: strict)
            validator.validate(
                document, schema, at: "",
                root: SchemaValidator.RootContext(
                    skipsStatus: crdVersion.hasStatusSubresource, namespaced: definition.scope == .namespaced))
            diagnostics += validator.diagnostics
            if !validator.celNodes.isEmpty {
                let key = "\(apiVersion) \(kind)"
                var entry = celRules[key] ?? (KindTally(first: kindLocation, apiVersion: apiVersion), [:])
                entry.tally.count += 1
                entry.rules.merge(validator.celNodes) { first, _ in first }
                celRules[key] = entry
            }
        }
        for (key, tally) in builtIns {
            diagnostics.append(
                .note(
                    "\(Self.kindName(key)) is a built-in kind, not a CRD: not checked\(Self.objects(tally.count))",
                    rule: SchemaRules.skippedBuiltIn, at: tally.first))
        }
        for (key, tally) in unknownGroups {
            let group = Self.split(tally.apiVersion).group
            diagnostics.append(
                .warning(
                    "no schema for \(key): no CRD of group '\(group)' is loaded\(Self.objects(tally.count))",
                    rule: SchemaRules.noSchema, at: tally.first,
                    help: "add its CRD to --crds (or validate against a cluster) to check it"))
        }
        for (key, entry) in celRules {
            let rules = entry.rules.values.reduce(0, +)
            diagnostics.append(
                .note(
                    "\(rules) CEL rule\(rules == 1 ? "" : "s") (x-kubernetes-validations) of \(Self.kindName(key)) \(rules == 1 ? "applies" : "apply") here and \(rules == 1 ? "was" : "were") not evaluated\(Self.objects(entry.tally.count))",
                    rule: SchemaRules.cel, at: entry.tally.first,
                    help: "rolebook does not evaluate CEL; the API server will"))
        }
        return diagnostics
    }

    /// `argoproj.io/v1alpha1` → (argoproj.io, v1alpha1); `v1` → ("", v1).
    static func split(_ apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }

    private static func kindName(_ key: String) -> String {
        key.split(separator: " ").last.map(String.init) ?? key
    }

    private static func objects(_ count: Int) -> String {
        count > 1 ? " (\(count) objects in this file)" : ""
    }
}
