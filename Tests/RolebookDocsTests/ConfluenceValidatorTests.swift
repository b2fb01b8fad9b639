import Foundation
import RolebookCore
import Testing

@testable import RolebookDocs

/// Each rule of the offline validator on a body that breaks it, at the line
/// and column in page.xml where the problem starts.
@Suite struct ConfluenceValidatorTests {
    static func findings(_ body: String, attachments: Set<String> = ["a.png"]) -> [String] {
        ConfluenceValidator(path: "docs/confluence/page.xml").validate(body, attachments: attachments).map { diagnostic in
            "\(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-") \(diagnostic.rule)"
        }
    }

    @Test func aValidBodyHasNoFindings() {
        let body = ConfluenceMacros.anchor("top") + "\n<h2>Top</h2>\n<p>a<br/>b " + ConfluenceMacros.anchorLink("top", text: "up") + "</p>\n<hr/>\n"
        #expect(Self.findings(body) == [])
    }

    @Test func unclosedVoidElement() throws {
        let diagnostics = ConfluenceValidator(path: "docs/confluence/page.xml").validate("<p>one\n  two<br>three</p>\n", attachments: [])
        #expect(diagnostics.map(\.rule) == ["confluence.xml"])
        let unclosed = try #require(diagnostics.first)
        #expect(unclosed.location == RolebookCore.SourceLocation(path: "docs/confluence/page.xml", line: 2, column: 6))
        #expect(unclosed.message == "<br> is never closed (</p> at 2:15 closes the <p> around it)")
        #expect(unclosed.help == "write it self-closed: <br/>")
    }

    @Test func mismatchedEndTag() {
        #expect(Self.findings("<table><tbody><tr><td><p>x</td></tr></tbody></table>\n") == ["1:23 confluence.xml"])
    }

    @Test func namedEntity() {
        let diagnostics = ConfluenceValidator(path: "page.xml").validate("<p>a&nbsp;b &amp; &#160; &#x1F642;</p>\n<p>&mdash;</p>\n", attachments: [])
        #expect(diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.rule)" } == ["1:5 confluence.entity", "2:4 confluence.entity"])
        #expect(diagnostics.first?.message == "named entity &nbsp; is not one of XML's five (&amp; &lt; &gt; &quot; &apos;)")
    }

    @Test func bareAmpersandAndLessThan() {
        #expect(Self.findings("<p>a & b</p>\n<p>1 < 2</p>\n") == ["1:6 confluence.xml", "2:6 confluence.xml"])
    }

    @Test func controlCharacters() {
        #expect(Self.findings("<p>a\u{8}b</p>\n<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[x\u{1B}]]></ac:plain-text-body></ac:structured-macro>\n")
            == ["1:5 confluence.character", "2:67 confluence.character"])
        #expect(Self.findings("<p>&#8;</p>\n") == ["1:4 confluence.character"])
    }

    @Test func unknownElementsAndAttributes() {
        #expect(Self.findings("<dl><dt>a</dt><dd>b</dd></dl>\n<p onclick=\"x\">y</p>\n<div>z</div>\n")
            == ["1:1 confluence.unknown-element", "2:4 confluence.unknown-attribute", "3:1 confluence.unknown-element"])
        let help = ConfluenceValidator(path: "p").validate("<dl/>\n", attachments: []).first?.help
        #expect(help == "Cloud's editor has no definition lists; use a table")
    }

    @Test func macrosAndParameters() {
        let body = """
            <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter></ac:structured-macro>
            <p><ac:structured-macro ac:name="status"><ac:parameter ac:name="color">Red</ac:parameter><ac:parameter ac:name="colour">Pink</ac:parameter></ac:structured-macro></p>
            <ac:structured-macro ac:name="code"><ac:parameter ac:name="language">yaml</ac:parameter><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>
            <ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">9</ac:parameter><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>
            <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">has space</ac:parameter></ac:structured-macro>

            """
        #expect(Self.findings(body) == [
            "1:1 confluence.unknown-macro",
            "2:42 confluence.unknown-parameter",
            "2:90 confluence.parameter-value",
            "3:1 confluence.macro-body",
            "3:37 confluence.parameter-value",
            "3:89 confluence.macro-body",
            "4:36 confluence.parameter-value",
            "4:85 confluence.unknown-parameter",
            "5:1 confluence.parameter-value",
        ])
    }

    @Test func attachmentsAndAnchors() {
        let body = """
            <p><ac:image ac:alt="x"><ri:attachment ri:filename="missing.png"/></ac:image><ac:image><ri:attachment ri:filename="a.png"/></ac:image></p>
            <p><ac:link><ri:attachment ri:filename="dir/a.png"/></ac:link> <ac:link ac:anchor="nowhere"><ac:plain-text-link-body><![CDATA[x]]></ac:plain-text-link-body></ac:link></p>
            <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">twice</ac:parameter></ac:structured-macro>
            <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">twice</ac:parameter></ac:structured-macro>
            <p><ac:link ac:anchor="twice"/></p>

            """
        #expect(Self.findings(body) == [
            "1:25 confluence.missing-attachment",
            "2:13 confluence.missing-attachment",
            "2:64 confluence.dangling-anchor",
            "4:1 confluence.duplicate-anchor",
        ])
    }

    @Test func blocksInsideInlineAndMisplacedElements() {
        let body = """
            <p>text<ul><li>x</li></ul></p>
            <li>loose</li>
            <p><strong><ac:structured-macro ac:name="info"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro></strong></p>
            <p><ac:link ac:anchor="a"><ac:link-body><p>no</p></ac:link-body></ac:link></p>
            <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">a</ac:parameter></ac:structured-macro>

            """
        #expect(Self.findings(body) == [
            "1:8 confluence.structure",
            "2:1 confluence.structure",
            "3:12 confluence.structure",
            "4:41 confluence.structure",
            "4:41 confluence.structure",
        ])
    }

    @Test func idsConfluenceAssignsOnSave() {
        #expect(Self.findings("<ac:structured-macro ac:name=\"toc\" ac:macro-id=\"4f1c\"/>\n") == ["1:36 confluence.nondeterministic"])
    }

    /// libxml2 has the last word on what the scanner lets through (here a
    /// `--` inside a comment, which XML forbids).
    @Test func libxml2IsTheSecondOpinion() {
        let diagnostics = ConfluenceValidator(path: "page.xml").validate("<p>a</p>\n<!-- a -- b -->\n", attachments: [])
        #expect(diagnostics.map(\.rule) == ["confluence.xml"])
        #expect(diagnostics.first?.message.hasPrefix("not well-formed XML (libxml2: ") == true)
        #expect(diagnostics.first?.location?.line == 2)
    }

    /// When the body does not parse, only syntax errors are reported.
    @Test func syntaxErrorsHideTheRest() {
        #expect(Self.findings("<dl><p>x</dl>\n") == ["1:5 confluence.xml"])
    }

    @Test func rulesAreDescribed() {
        let described = Set(ConfluenceValidator.rules.map(\.id))
        #expect(described.count == ConfluenceValidator.rules.count)
        for rule in ["confluence.xml", "confluence.unknown-macro", "confluence.entity", "confluence.dangling-anchor"] {
            #expect(described.contains(RuleID(rawValue: rule)))
        }
    }
}
