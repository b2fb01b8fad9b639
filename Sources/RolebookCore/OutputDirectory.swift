import Foundation

/// Writes generated files into an output directory the way `build` and
/// `check` promise: only changed files are rewritten (temp file + rename, so
/// a reader never sees half a file), a manifest records what rolebook wrote,
/// a file rolebook generated earlier and no longer generates is removed, and a
/// file it did not generate is never touched.
public struct OutputDirectory: Sendable {
    public let root: String

    /// Lists what rolebook generated, so later runs know what is theirs.
    public static let manifestName = ".rolebook-manifest.json"

    public init(root: String) { self.root = root }

    /// What differs between the disk and `generated`.
    public struct Drift: Sendable, Equatable {
        public var stale: [String] = []
        public var missing: [String] = []
        /// Files an earlier build generated that this one would remove.
        public var extra: [String] = []
        public var isEmpty: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// Compares without writing (`rolebook check`).
    public func drift(from generated: GeneratedFiles) throws(ToolFailure) -> Drift {
        var drift = Drift()
        var expected = generated
        expected.add(Self.manifestName, text: manifestText(for: generated))
        for path in expected.paths {
            guard let current = try read(path) else {
                drift.missing.append(path)
                continue
            }
            if current != expected.files[path] { drift.stale.append(path) }
        }
        let wanted = Set(expected.paths)
        drift.extra = try previouslyGenerated().filter { !wanted.contains($0) && exists($0) }.sorted()
        return drift
    }

    /// Writes what changed and removes what rolebook no longer generates.
    /// Returns the paths written or removed.
    @discardableResult
    public func write(_ generated: GeneratedFiles) throws(ToolFailure) -> (written: [String], removed: [String]) {
        let previous = try previouslyGenerated()
        var all = generated
        all.add(Self.manifestName, text: manifestText(for: generated))
        var written: [String] = []
        for path in all.paths {
            let bytes = all.files[path]!
            if try read(path) == bytes { continue }
            try atomicWrite(bytes, to: path)
            written.append(path)
        }
        var removed: [String] = []
        let wanted = Set(all.paths)
        for path in previous.sorted() where !wanted.contains(path) && exists(path) {
            do {
                try FileManager.default.removeItem(atPath: absolute(path))
            } catch {
                throw ToolFailure("cannot remove stale \(absolute(path)): \(error.localizedDescription)")
            }
            removed.append(path)
        }
        return (written, removed)
    }

    private func absolute(_ path: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(path))
    }

    private func read(_ path: String) throws(ToolFailure) -> [UInt8]? {
        let full = absolute(path)
        guard FileManager.default.fileExists(atPath: full) else { return nil }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw ToolFailure("cannot read \(full)")
        }
        return Array(data)
    }

    /// The generated paths, sorted, one per line in a JSON array: byte-stable,
    /// and a diff of the manifest reads like a list of added and removed files.
    func manifestText(for generated: GeneratedFiles) -> String {
        struct Manifest: Encodable {
            var generator = "rolebook"
            var files: [String]
        }
        return JSONOutput.encode(Manifest(files: generated.paths))
    }

    /// The files the manifest on disk says rolebook generated. Paths that
    /// escape the output directory are ignored: a hand-edited manifest must
    /// never make rolebook delete a file elsewhere.
    func previouslyGenerated() throws(ToolFailure) -> [String] {
        guard let bytes = try read(Self.manifestName) else { return [] }
        struct Manifest: Decodable { var files: [String] }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)) else { return [] }
        return manifest.files.filter { !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") && $0 != Self.manifestName }
    }

    private func atomicWrite(_ bytes: [UInt8], to path: String) throws(ToolFailure) {
        let full = absolute(path)
        let directory = (full as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = directory + "/.\((full as NSString).lastPathComponent).rolebook-tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw ToolFailure("cannot write \(temporary)")
            }
            if rename(temporary, full) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw ToolFailure("cannot replace \(full): \(reason)")
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("cannot write \(full): \(error.localizedDescription)")
        }
    }
}
