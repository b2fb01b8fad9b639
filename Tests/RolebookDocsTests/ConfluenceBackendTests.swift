import CommonMark
import Foundation
import RolebookCore
import Testing

@testable import RolebookDocs

/// The storage-format backend: one golden page with every construct, the
/// constructs one by one, and the shipped model's export end to end.
@Suite struct ConfluenceBackendTests {
    /// The golden file is `ConfluenceGoldenPage.swift` (a Swift file, so
    /// SwiftPM does not warn about an unhandled resource). To re-record after
    /// an intended change, run
    ///
    ///     ROLEBOOK_RECORD_GOLDEN=1 swift test --filter ConfluenceBackendTests
    ///
    /// then read the diff of `ConfluenceGoldenPage.swift` before committing:
    /// the golden is only worth something if a person checked it.
    @Test func goldenPage() throws {
        let storage = ConfluenceFixtures.storage(ConfluenceFixtures.export(ConfluenceFixtures.everyConstruct()))
        if ProcessInfo.processInfo.environment["ROLEBOOK_RECORD_GOLDEN"] == "1" {
            let source = "/// The golden Confluence page body: `ConfluenceFixtures.everyConstruct()`\n"
                + "/// rendered. Re-record as `ConfluenceBackendTests.goldenPage` explains.\n"
                + "enum ConfluenceGoldenPage {\n    static let storage = #\"\"\"\n" + storage + "\"\"\"#\n}\n"
            let url = ConfluenceFixtures.packageRoot.appendingPathComponent("Tests/RolebookDocsTests/ConfluenceGoldenPage.swift")
            try Data(source.utf8).write(to: url)
            Issue.record("re-recorded \(url.path); unset ROLEBOOK_RECORD_GOLDEN and run again")
            return
        }
        // The raw string literal ends before the final newline.
        #expect(storage == ConfluenceGoldenPage.storage + "\n")
        if storage != ConfluenceGoldenPage.storage + "\n" {
            let got = storage.split(separator: "\n", omittingEmptySubsequences: false)
            let want = (ConfluenceGoldenPage.storage + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            if let line = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference at line \(line + 1):\n got: \(got[line])\nwant: \(want[line])")
            }
        }
    }

    @Test func goldenPageIsValidAndAcceptedByXMLLint() throws {
        let files = ConfluenceFixtures.export(ConfluenceFixtures.everyConstruct())
        #expect(ConfluenceExport.validate(files, outputDirectory: "docs") == [])
        guard let lint = try ConfluenceXMLLint.check(ConfluenceFixtures.storage(files)) else {
            print(ConfluenceXMLLint.skipReason)
            return
        }
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func everyHeadingIsPrecededByItsAnchorMacro() {
        let page = ConfluenceFixtures.everyConstruct()
        let lines = ConfluenceBackend().render(page).split(separator: "\n").map(String.init)
        var anchors: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("<h") && line.dropFirst(2).first?.isNumber == true {
            let previous = lines[index - 1]
            let prefix = "<ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">"
            #expect(previous.hasPrefix(prefix), "heading \(line) has no anchor macro before it")
            anchors.append(String(previous.dropFirst(prefix.count).prefix { $0 != "<" }))
        }
        // Glossary terms keep their anchors in their table cells.
        let glossary = ["pause", "abort-now"]
        #expect(anchors == page.anchors.filter { !glossary.contains($0) })
        let storage = lines.joined(separator: "\n")
        for anchor in page.anchors {
            #expect(storage.contains("<ac:parameter ac:name=\"\">\(anchor)</ac:parameter>"), "anchor \(anchor)")
        }
    }

    /// Terms become rows of a two-column table, each with its anchor.
    @Test func glossaryIsATable() {
        let storage = ConfluenceBackend().render(ConfluenceFixtures.everyConstruct())
        #expect(storage.contains(
            "<h2>Key Terminology Reference</h2>\n<table><tbody>\n<tr><th>Term</th><th>Description</th></tr>\n"
                + "<tr><th><ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">pause</ac:parameter></ac:structured-macro>Pause</th>"
                + "<td><ul>\n<li><strong>Definition:</strong> Stops <em>reconciling</em>.</li>\n</ul></td></tr>\n"))
        #expect(storage.contains("<ac:parameter ac:name=\"\">abort-now</ac:parameter></ac:structured-macro>Abort &lt;now&gt;</th>"))
        #expect(!storage.contains("<h3>Pause</h3>"))
        #expect(!storage.contains("<dl"))
    }

    @Test func tableOfContentsIsTheTocMacro() {
        let storage = ConfluenceBackend().render(ConfluenceFixtures.everyConstruct())
        #expect(storage.contains(
            "<ac:structured-macro ac:name=\"toc\"><ac:parameter ac:name=\"minLevel\">2</ac:parameter><ac:parameter ac:name=\"maxLevel\">3</ac:parameter></ac:structured-macro>"))
    }

    /// Confluence's names mislead: `note` is the orange caution, `warning` red.
    @Test func panelsMapByMeaning() {
        #expect(ConfluencePanel(.rationale) == .info)
        #expect(ConfluencePanel(.note) == .info)
        #expect(ConfluencePanel(.important) == .note)
        let storage = ConfluenceBackend().render(ConfluenceFixtures.everyConstruct())
        #expect(storage.contains("<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Rationale</ac:parameter><ac:rich-text-body><p>Because <em>reasons</em>.</p>"))
        #expect(storage.contains("<ac:structured-macro ac:name=\"note\"><ac:parameter ac:name=\"title\">Important Note</ac:parameter>"))
        #expect(!storage.contains("ac:name=\"warning\""))
    }

    @Test func diagramsAreImagesOfTheirPNGAttachmentWithTheSVGBeside() {
        let files = ConfluenceFixtures.export(ConfluenceFixtures.everyConstruct())
        let storage = ConfluenceFixtures.storage(files)
        #expect(storage.contains("<ac:image ac:alt=\"Diagram 2B-3B: Further Analysis\"><ri:attachment ri:filename=\"2B-3B.png\"/></ac:image>"))
        #expect(storage.contains("<ac:link><ri:attachment ri:filename=\"2B-3B.svg\"/><ac:plain-text-link-body><![CDATA[SVG]]></ac:plain-text-link-body></ac:link>"))
        let manifest = try? JSONDecoder().decode(ConfluenceManifest.self, from: Data(files.files[ConfluenceExport.manifestPath]!))
        #expect(manifest?.attachments.map(\.name) == ["1.png", "1.svg", "2B-3B.png", "2B-3B.svg"])
        #expect(manifest?.attachments.map(\.path) == ["diagrams/1.png", "diagrams/1.svg", "diagrams/2B-3B.png", "diagrams/2B-3B.svg"])
    }

    @Test func statusesAreStatusMacros() {
        #expect(ConfluenceMacros.status("In progress", .yellow)
            == "<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Yellow</ac:parameter><ac:parameter ac:name=\"title\">In progress</ac:parameter></ac:structured-macro>")
    }

    @Test func linksToAnchorsAndOtherPages() {
        #expect(ConfluenceMacros.anchorLink("express-operator", text: "Express Operator")
            == "<ac:link ac:anchor=\"express-operator\"><ac:plain-text-link-body><![CDATA[Express Operator]]></ac:plain-text-link-body></ac:link>")
        #expect(ConfluenceMacros.pageLink(title: "Runbook: Pause", spaceKey: "OPS", anchor: "steps", text: "the runbook")
            == "<ac:link ac:anchor=\"steps\"><ri:page ri:content-title=\"Runbook: Pause\" ri:space-key=\"OPS\"/><ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link>")
        #expect(ConfluenceMacros.pageLink(title: "Home", text: "home")
            == "<ac:link><ri:page ri:content-title=\"Home\"/><ac:plain-text-link-body><![CDATA[home]]></ac:plain-text-link-body></ac:link>")
        // A cross-page link needs no anchor on this page.
        let body = "<p>" + ConfluenceMacros.pageLink(title: "Other", anchor: "nowhere-here", text: "x") + "</p>\n"
        #expect(ConfluenceValidator(path: "page.xml").validate(body, attachments: []) == [])
    }

    /// Model prose linking to a heading of the page becomes an anchor link.
    @Test func proseLinksToPageAnchorsBecomeAnchorLinks() {
        let storage = ConfluenceProse.inline("see [the operator](#express-operator) and [elsewhere](#missing)", anchors: ["express-operator"])
        #expect(storage == "see <ac:link ac:anchor=\"express-operator\"><ac:plain-text-link-body><![CDATA[the operator]]></ac:plain-text-link-body></ac:link> and elsewhere")
    }

    @Test func codeMacroMapsLanguagesOntoTheDocumentedList() {
        #expect(ConfluenceMacros.code("echo hi", language: "sh", title: "Run it")
            == "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"title\">Run it</ac:parameter><ac:parameter ac:name=\"language\">bash</ac:parameter><ac:plain-text-body><![CDATA[echo hi]]></ac:plain-text-body></ac:structured-macro>")
        #expect(ConfluenceCodeLanguage.forName("YAML") == .none)
        #expect(ConfluenceCodeLanguage.forName("py").rawValue == "python")
        #expect(ConfluenceCodeLanguage.forName("javascript").rawValue == "javascript")
        #expect(ConfluenceCodeLanguage.forName(nil) == .none)
        let body = ConfluenceMacros.code("kubectl get frontend", language: "go") + "\n"
        #expect(body.contains("<ac:parameter ac:name=\"language\">none</ac:parameter>"))
        #expect(ConfluenceValidator(path: "page.xml").validate(body, attachments: []) == [])
    }

    @Test func labelsAreConfluenceLabels() {
        #expect(ConfluenceExport.labels(["express", "Roles and Responsibilities", "a:b", "express", " ", "Q&A (x)"])
            == ["express", "roles-and-responsibilities", "ab", "qa-x"])
    }

    @Test func renderingIsDeterministic() {
        let first = ConfluenceFixtures.export(ConfluenceFixtures.everyConstruct())
        let second = ConfluenceFixtures.export(ConfluenceFixtures.everyConstruct())
        #expect(first.files == second.files)
        let storage = ConfluenceFixtures.storage(first)
        for id in ["ac:macro-id", "ac:local-id", "ri:version-at-save"] { #expect(!storage.contains(id)) }
    }

    /// `rolebook build` on the shipped model: the export is there, valid,
    /// accepted by xmllint, and its manifest hashes the files as written.
    @Test func shippedModelExport() throws {
        let model = try PageTestSupport.shippedModel()
        let files = try DocsBuilder.render(model)
        let storage = try #require(files.files[ConfluenceExport.pagePath]).map { $0 }
        let text = String(decoding: storage, as: UTF8.self)
        #expect(ConfluenceExport.validate(files, outputDirectory: "docs") == [])
        let manifest = try JSONDecoder().decode(ConfluenceManifest.self, from: Data(try #require(files.files[ConfluenceExport.manifestPath])))
        #expect(manifest.body.sha256 == SHA256.hex(storage))
        #expect(manifest.title == model.document.title)
        #expect(manifest.rolebookVersion == RolebookVersion.current)
        #expect(manifest.anchors == PageComposer.compose(model).anchors)
        #expect(manifest.attachments.count == 2 * model.diagrams.count)
        for attachment in manifest.attachments {
            let bytes = try #require(files.files[attachment.path], "\(attachment.path) is written by build")
            #expect(attachment.sha256 == SHA256.hex(bytes))
            #expect(attachment.size == bytes.count)
        }
        for diagram in model.diagrams {
            #expect(text.contains("<ri:attachment ri:filename=\"\(diagram.id.rawValue).png\"/></ac:image>"))
        }
        #expect(!text.contains("<dl"))
        if let lint = try ConfluenceXMLLint.check(text) {
            #expect(lint.status == 0, "\(lint.output)")
        } else {
            print(ConfluenceXMLLint.skipReason)
        }
    }
}
