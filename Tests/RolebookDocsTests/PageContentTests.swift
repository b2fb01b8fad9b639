import Foundation
import RolebookModel
import Testing

@testable import RolebookDocs

/// Every statement of the model reaches the reader of both the Markdown and
/// the HTML page.
@Suite struct PageContentTests {
    struct Rendered {
        var markdownText: String
        var htmlText: String
        var markdown: String
        var html: String
    }

    static func render(_ model: Model) -> Rendered {
        let page = PageComposer.compose(model)
        let markdown = MarkdownBackend().render(page)
        let html = HTMLBackend(diagrams: [:]).render(page)
        return Rendered(
            markdownText: PageTestSupport.visibleText(ofMarkdown: markdown), htmlText: PageTestSupport.visibleText(ofHTML: html),
            markdown: markdown, html: html)
    }

    /// Each (what, model text) pair the page must show.
    static func statements(of model: Model) -> [(String, String)] {
        var all: [(String, String)] = []
        for component in model.components {
            all.append(("component \(component.id)", component.name))
            for responsibility in component.responsibilities {
                all.append(("responsibility title of \(component.id)", responsibility.title))
                if let detail = responsibility.detail { all.append(("responsibility detail of \(component.id)", detail)) }
            }
            if let rationale = component.rationale { all.append(("rationale of \(component.id)", rationale)) }
            for note in component.important + component.notes { all.append(("note of \(component.id)", note)) }
            for benefit in component.benefits { all.append(("benefit of \(component.id)", benefit)) }
        }
        for interaction in model.interactions {
            if let detail = interaction.detail { all.append(("interaction \(interaction.id)", detail)) }
            all.append(("interaction \(interaction.id) passes", interaction.passes))
            all.append(("interaction \(interaction.id) mechanism", interaction.mechanism))
        }
        for term in model.terms {
            all.append(("term \(term.id)", term.term))
            all.append(("definition of \(term.id)", term.definition))
            if let mechanism = term.mechanism { all.append(("mechanism of \(term.id)", mechanism)) }
            if let scope = term.scope { all.append(("scope of \(term.id)", scope)) }
            for fact in term.facts { all.append(("fact of \(term.id)", fact)) }
        }
        for plan in model.plans {
            all.append(("plan \(plan.id)", plan.title))
            if let detail = plan.detail { all.append(("plan detail \(plan.id)", detail)) }
        }
        for diagram in model.diagrams { all.append(("diagram \(diagram.id)", diagram.title)) }
        for team in model.teams { all.append(("how to engage \(team.id)", team.engage.how)) }
        return all
    }

    @Test func everyStatementOfTheShippedModelIsInBothPages() throws {
        let model = try PageTestSupport.shippedModel()
        let rendered = Self.render(model)
        let statements = Self.statements(of: model)
        #expect(statements.count > 150)
        // Collected, not expected one by one: a failure names what is missing
        // without dumping the whole page.
        var missingFromMarkdown: [String] = []
        var missingFromHTML: [String] = []
        for (what, text) in statements {
            let visible = PageTestSupport.visible(text)
            if !rendered.markdownText.contains(visible) { missingFromMarkdown.append("\(what): \(visible)") }
            if !rendered.htmlText.contains(visible) { missingFromHTML.append("\(what): \(visible)") }
        }
        #expect(missingFromMarkdown == [])
        #expect(missingFromHTML == [])
    }

    @Test func sectionsFollowTheNotesTableOfContents() throws {
        let page = PageComposer.compose(try PageTestSupport.shippedModel())
        #expect(page.outline.map(\.title) == [
            "Current State", "Near Future Plans", "Long-Term Vision", "Flow Diagrams", "Key Terminology Reference", "Quick Reference",
        ])
        let anchors = page.anchors
        // The note's own anchors, as GitHub makes them; repeats get -1.
        for anchor in [
            "current-state", "express-operator", "helm-chart", "argo-cd", "interaction-between-components", "near-future-plans",
            "short-term-goals", "changes-at-the-helm-chart-level", "changes-at-the-express-operator-level",
            "express-operator-enhancements", "long-term-vision", "long-term-goals", "changes-at-the-helm-chart-level-1",
            "changes-at-the-express-operator-level-1", "express-operator-enhancements-1", "changes-at-either-level-tbd",
            "flow-diagrams", "diagram-1-git-repository--argo-cd-flow", "diagram-2b-3b-further-analysis-when-no-deployment-is-ongoing",
            "key-terminology-reference",
        ] {
            #expect(anchors.contains(anchor), "missing anchor \(anchor)")
        }
        #expect(Set(anchors).count == anchors.count, "anchors must be unique")
    }

    /// Every in-page link of both backends points at an anchor that exists.
    @Test func everyAnchorLinkHasATarget() throws {
        let model = try PageTestSupport.shippedModel()
        let page = PageComposer.compose(model)
        let anchors = Set(page.anchors)
        let rendered = Self.render(model)
        for (name, text, marker) in [("Markdown", rendered.markdown, "](#"), ("HTML", rendered.html, "href=\"#")] {
            var search = text.startIndex..<text.endIndex
            var count = 0
            while let found = text.range(of: marker, range: search) {
                let rest = text[found.upperBound...]
                let end = rest.firstIndex(where: { $0 == ")" || $0 == "\"" }) ?? rest.endIndex
                let anchor = String(rest[..<end])
                #expect(anchors.contains(anchor) || anchor == "top", "\(name) links to missing #\(anchor)")
                count += 1
                search = found.upperBound..<text.endIndex
            }
            #expect(count > 50, "\(name) has only \(count) anchor links")
        }
    }

    @Test func theNotesChangeIsVisibleInTheSteps() throws {
        let rendered = Self.render(try PageTestSupport.shippedModel())
        #expect(rendered.markdownText.contains("Is the impact infrastructure-related?"))
        #expect(rendered.markdownText.contains("Engage the CIF team"))
        #expect(rendered.htmlText.contains("Engage Cloud Infrastructure Fabric (CIF) team"))
    }

    @Test func markdownHasFrontMatterAndGeneratedNotice() throws {
        let markdown = Self.render(try PageTestSupport.shippedModel()).markdown
        #expect(markdown.hasPrefix("---\ntitle: \"Express Application Management: Roles and Responsibilities\"\ntags:\n"))
        #expect(markdown.contains("\naliases:\n  - \"Express Roles and Responsibilities\"\n"))
        #expect(markdown.contains("Generated by `rolebook build`"))
        #expect(markdown.contains("![Diagram 2B-3B: Further Analysis When No Deployment is Ongoing](diagrams/2B-3B.svg)"))
        #expect(markdown.contains("| Component | L1 support |"))
    }
}
