import Foundation
import RolebookCore

/// Finds and reads the YAML and JSON files a user points rolebook at (CRDs or
/// manifests): files and directories, multi-document YAML, JSON, and
/// `kind: List` objects (what `kubectl get -o yaml` writes), read defensively
/// through ``SourceText`` so a binary or huge file is a finding, not a crash.
public enum DocumentLoader {
    /// Larger than any real CRD (Argo's biggest is 2.9 MB) with room to spare.
    public static let maxFileBytes = 64 << 20

    /// The extensions read when walking a directory.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The files named by `paths`: a file as given, a directory walked
    /// recursively for `*.yaml`, `*.yml` and `*.json` (hidden entries
    /// skipped) in sorted directory order, so runs are deterministic and the
    /// first of two duplicate CRDs is predictable. A path that does not exist
    /// is a ``ToolFailure`` (exit 2): rolebook cannot do what it was asked.
    public static func files(in paths: [String]) throws(ToolFailure) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ToolFailure("'\(path)' does not exist")
            }
            guard isDirectory.boolValue else {
                result.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw ToolFailure("cannot read directory '\(path)'")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                var childIsDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                    found.append(full)
                }
            }
            // Sorted by path components, as a directory walk lists them:
            // `argo-workflows/x` before `argo-workflows-minimal/x`.
            result += found.sorted { $0.split(separator: "/").lexicographicallyPrecedes($1.split(separator: "/")) }
        }
        return result
    }

    /// The documents of one file, `List` items flattened. Syntax errors and
    /// unreadable content come back as diagnostics; a file that cannot be
    /// opened at all is a ``ToolFailure``.
    public static func load(path: String) throws(ToolFailure) -> (documents: [JSONNode], diagnostics: [Diagnostic]) {
        let source: SourceText
        do {
            source = try SourceText.read(path: path, maxBytes: maxFileBytes)
        } catch let failure as ToolFailure {
            throw failure
        } catch let failure as InputFailure {
            return ([], failure.diagnostics)
        } catch {
            throw ToolFailure("cannot read \(path): \(error)")
        }
        do {
            return (try parse(source), [])
        } catch {
            return ([], error.diagnostics)
        }
    }

    /// Parses text as JSON when it looks like JSON (so large API responses
    /// take the fast path), YAML otherwise.
    public static func parse(_ source: SourceText) throws(InputFailure) -> [JSONNode] {
        let documents: [JSONNode]
        let first = source.text.utf8.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            do {
                documents = [try JSONTextParser.parse(Array(source.text.utf8), path: source.path)]
            } catch {
                // Flow-style YAML also starts with `{`; let YAML have a go.
                guard let yaml = try? YAMLLoader.documents(source) else { throw error }
                documents = yaml
            }
        } else {
            documents = try YAMLLoader.documents(source)
        }
        return documents.flatMap(flattenLists)
    }

    /// `kind: List` (or `FooList` with `items`), as kubectl writes, becomes its items.
    public static func flattenLists(_ node: JSONNode) -> [JSONNode] {
        guard let kind = node["kind"]?.string, kind == "List" || kind.hasSuffix("List"),
            node["spec"] == nil, let items = node["items"]?.array
        else { return [node] }
        return items.flatMap(flattenLists)
    }
}
