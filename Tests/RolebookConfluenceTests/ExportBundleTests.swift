import Foundation
import RolebookConfluence
import RolebookCore
import Testing

@testable import RolebookConfluence
@testable import RolebookDocs

/// The manifest contract between `rolebook build` (RolebookDocs) and the
/// publisher (RolebookConfluence), and what the publisher refuses to read.
@Suite struct ExportBundleTests {
    @Test func whatBuildWritesThePublisherReads() throws {
        let export = try ExportFixture()
        defer { export.remove() }
        let files = try export.build()
        let (bundle, diagnostics) = try ExportBundle.load(docs: export.docs.path)
        #expect(diagnostics == [])
        #expect(Array(bundle.body.utf8) == files.files[ConfluenceExport.pagePath])
        #expect(bundle.manifest.title == "Express Roles & Responsibilities")
        #expect(bundle.manifest.labels == ["express", "roles-and-responsibilities"])
        #expect(bundle.manifest.attachments.map(\.name) == ["1.png", "1.svg", "2B-3B.png", "2B-3B.svg"])
        #expect(bundle.attachments["2B-3B.png"] == ExportFixture.fakePNG("2B-3B"))
        #expect(bundle.manifest.anchors == ["flow-diagrams", "owners"])
        // The body passes the offline validator with the manifest's attachments.
        #expect(ConfluenceValidator(path: "page.xml").validate(bundle.body, attachments: Set(bundle.manifest.attachments.map(\.name))) == [])
    }

    @Test func aFileChangedAfterTheBuildIsReported() throws {
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        try Data("tampered".utf8).write(to: export.docs.appendingPathComponent("diagrams/1.png"))
        try FileManager.default.removeItem(at: export.docs.appendingPathComponent("diagrams/1.svg"))
        let (_, diagnostics) = try ExportBundle.load(docs: export.docs.path)
        #expect(diagnostics.map { "\($0.location!.path) \($0.rule)" } == [
            "\(export.docs.path)/diagrams/1.png confluence.stale-export",
            "\(export.docs.path)/diagrams/1.svg confluence.stale-export",
        ])
    }

    @Test func aManifestCannotPointOutsideTheDocs() throws {
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let url = export.docs.appendingPathComponent(ExportBundle.manifestPath)
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"diagrams/1.png\"", with: "\"../../etc/passwd\"")
        try Data(text.utf8).write(to: url)
        #expect(throws: ToolFailure.self) { try ExportBundle.load(docs: export.docs.path) }
    }

    @Test func noExportIsAToolFailure() throws {
        #expect {
            try ExportBundle.load(docs: "/nonexistent/docs")
        } throws: { error in
            "\(error)".contains("run 'rolebook build' first")
        }
    }

    /// The digest covers title, body and attachments, nothing else: a new
    /// rolebook version or a label alone does not make a page version.
    @Test func digestCoversWhatThePageShows() throws {
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let bundle = try export.load()
        var other = bundle
        other.manifest.labels = ["another"]
        other.manifest.rolebookVersion = "9.9.9"
        #expect(other.digest == bundle.digest)
        other.manifest.title = "Renamed"
        #expect(other.digest != bundle.digest)
        other = bundle
        other.manifest.attachments[0].sha256 = String(repeating: "0", count: 64)
        #expect(other.digest != bundle.digest)
    }
}
