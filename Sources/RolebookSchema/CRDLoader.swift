import Dispatch
import RolebookCore
import Synchronization

/// Loads CRDs from files and directories into a ``CRDCatalog``.
///
/// Files are parsed on all cores: parsing the full Argo Workflows CRDs
/// (2.6–2.9 MB of YAML each) dominates the cost of a validation run, and
/// each file is independent. Results are put back in path order, so the
/// outcome (which duplicate wins, the order of findings) does not depend on
/// scheduling.
public enum CRDLoader {
    public struct Result: Sendable {
        public var catalog: CRDCatalog
        public var diagnostics: [Diagnostic]

        public init(catalog: CRDCatalog, diagnostics: [Diagnostic]) {
            self.catalog = catalog
            self.diagnostics = diagnostics
        }
    }

    /// Loads every CRD under `paths`. Documents that are not CRDs are noted
    /// and skipped (a CRD directory often holds a kustomization.yaml).
    public static func load(paths: [String]) throws(ToolFailure) -> Result {
        let files = try DocumentLoader.files(in: paths)
        let parsed = try parseInParallel(files)
        var catalog = CRDCatalog(sourceDescription: paths.joined(separator: ", "))
        var diagnostics: [Diagnostic] = []
        for file in parsed {
            diagnostics += file.diagnostics
            for document in file.documents {
                diagnostics += document.diagnostics
                if let definition = document.definition { catalog.add(definition, diagnostics: &diagnostics) }
            }
        }
        return Result(catalog: catalog, diagnostics: diagnostics)
    }

    /// Builds a catalog from already parsed documents (a cluster's list).
    public static func catalog(
        from documents: [JSONNode], path: String, sourceDescription: String, authoritative: Bool
    ) -> Result {
        var catalog = CRDCatalog(isAuthoritative: authoritative, sourceDescription: sourceDescription)
        var diagnostics: [Diagnostic] = []
        for document in documents {
            let decoded = decode(document, path: path)
            diagnostics += decoded.diagnostics
            if let definition = decoded.definition { catalog.add(definition, diagnostics: &diagnostics) }
        }
        return Result(catalog: catalog, diagnostics: diagnostics)
    }

    struct DecodedDocument: Sendable {
        var definition: CustomResourceDefinition?
        var diagnostics: [Diagnostic]
    }

    struct ParsedFile: Sendable {
        var documents: [DecodedDocument] = []
        var diagnostics: [Diagnostic] = []
        var failure: ToolFailure?
    }

    static func decode(_ document: JSONNode, path: String) -> DecodedDocument {
        guard CRDDecoder.isCRD(document) else {
            let kind = document["kind"]?.string.map { "a \($0)" } ?? "not a Kubernetes object"
            return DecodedDocument(
                definition: nil,
                diagnostics: [
                    .note("skipped: \(kind), not a CustomResourceDefinition", rule: SchemaRules.notACRD,
                        at: document.location(in: path))
                ])
        }
        var diagnostics: [Diagnostic] = []
        let definition = CRDDecoder.decode(document, path: path, diagnostics: &diagnostics)
        return DecodedDocument(definition: definition, diagnostics: diagnostics)
    }

    static func parseInParallel(_ files: [String]) throws(ToolFailure) -> [ParsedFile] {
        let results = Mutex<[ParsedFile]>(Array(repeating: ParsedFile(), count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            let path = files[position]
            var file = ParsedFile()
            do throws(ToolFailure) {
                let loaded = try DocumentLoader.load(path: path)
                file.diagnostics = loaded.diagnostics
                file.documents = loaded.documents.map { decode($0, path: path) }
            } catch {
                file.failure = error
            }
            results.withLock { $0[position] = file }
        }
        let parsed = results.withLock { $0 }
        if let failure = parsed.compactMap(\.failure).first { throw failure }
        return parsed
    }
}
