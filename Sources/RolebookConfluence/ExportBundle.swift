import Foundation
import RolebookCore

/// The export read back from disk: the manifest, the body and the bytes of
/// each attachment, each checked against the digest the manifest records,
/// so what is published is exactly what `rolebook build` wrote (and what
/// `rolebook check` compared).
public struct ExportBundle: Sendable {
    public var manifest: ExportManifest
    public var body: String
    /// Bytes by attachment name.
    public var attachments: [String: [UInt8]]

    public static let manifestPath = "confluence/manifest.json"

    public init(manifest: ExportManifest, body: String, attachments: [String: [UInt8]]) {
        self.manifest = manifest
        self.body = body
        self.attachments = attachments
    }

    public static let rules: [RuleDescriptor] = [
        RuleDescriptor("confluence.stale-export", "A file of the Confluence export differs from what its manifest records."),
    ]

    /// Reads the export of the docs directory `docs` (the `--output` of
    /// `rolebook build`). A missing or unreadable export is a tool failure;
    /// a file whose bytes do not match the manifest is a finding (rebuild).
    public static func load(docs: String) throws(ToolFailure) -> (bundle: ExportBundle, diagnostics: [Diagnostic]) {
        let root = URL(fileURLWithPath: docs)
        let manifestURL = root.appendingPathComponent(manifestPath)
        guard let manifestData = FileManager.default.contents(atPath: manifestURL.path) else {
            throw ToolFailure("no Confluence export at \(display(docs, manifestPath)); run 'rolebook build' first")
        }
        let manifest: ExportManifest
        do {
            manifest = try JSONDecoder().decode(ExportManifest.self, from: manifestData)
        } catch {
            throw ToolFailure("\(display(docs, manifestPath)) is not a rolebook Confluence manifest: \(error)")
        }
        guard manifest.format == ExportManifest.supportedFormat else {
            throw ToolFailure(
                "\(display(docs, manifestPath)) has format \(manifest.format); this rolebook reads format \(ExportManifest.supportedFormat)")
        }
        var diagnostics: [Diagnostic] = []
        func read(_ path: String, sha256: String) throws(ToolFailure) -> [UInt8] {
            // A hand-edited manifest must not make rolebook upload a file
            // from elsewhere on the machine.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), !path.isEmpty else {
                throw ToolFailure("\(display(docs, manifestPath)) names '\(path)', which is outside \(docs)")
            }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                diagnostics.append(
                    .error("missing: the Confluence manifest lists this file", rule: "confluence.stale-export", at: .file(display(docs, path)),
                           help: "run 'rolebook build'"))
                return []
            }
            let bytes = Array(data)
            if SHA256.hex(bytes) != sha256 {
                diagnostics.append(
                    .error("differs from the SHA-256 the Confluence manifest records", rule: "confluence.stale-export", at: .file(display(docs, path)),
                           help: "run 'rolebook build'"))
            }
            return bytes
        }
        let body = try read(manifest.body.path, sha256: manifest.body.sha256)
        var attachments: [String: [UInt8]] = [:]
        for attachment in manifest.attachments {
            guard !attachment.name.contains("/"), !attachment.name.isEmpty else {
                throw ToolFailure("\(display(docs, manifestPath)): attachment name '\(attachment.name)' is not a bare file name")
            }
            attachments[attachment.name] = try read(attachment.path, sha256: attachment.sha256)
        }
        return (ExportBundle(manifest: manifest, body: String(decoding: body, as: UTF8.self), attachments: attachments), diagnostics.sorted())
    }

    private static func display(_ docs: String, _ path: String) -> String {
        docs.hasSuffix("/") ? docs + path : docs + "/" + path
    }

    /// What rolebook publishes to the page itself, as one digest: the
    /// title, the body and every attachment. A change to any of them needs a
    /// new page version (the page shows each image at the attachment version
    /// current when the page was saved), anything else does not.
    public var digest: String {
        var text = "rolebook-confluence-1\ntitle \(manifest.title)\nbody \(manifest.body.sha256)\n"
        for attachment in manifest.attachments.sorted(by: { $0.name < $1.name }) {
            text += "attachment \(attachment.sha256) \(attachment.name)\n"
        }
        return SHA256.hex(text)
    }
}
