import Foundation
import RolebookCore
import Testing

@testable import RolebookLint

@Suite struct LinkRuleTests {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "# Target Page\n\n## Pause & Abort\n\n## Steps\n\n## Steps\n".write(
            to: url.appendingPathComponent("sub/target.md"), atomically: true, encoding: .utf8)
        try "<h2 id=\"express-operator\">x</h2>".write(to: url.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func resolvesFilesAnchorsAndGitHubSlugs() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let runbook = root.appendingPathComponent("runbook.md").path
        let markdown = """
            # Runbook

            ## Local Section

            [ok](#local-section) [ok](sub/target.md#pause--abort) [ok](sub/target.md#steps-1) [ok](page.html#express-operator)
            [bad](#local-sectoin) [bad](sub/missing.md) [bad](sub/target.md#steps-2) [remote](https://example.com/x.md)
            """
        let found = LintFixtures.rule(LintFixtures.lint(markdown, path: runbook), .links)
        #expect(found.map(\.message) == [
            "no heading in this file has the anchor '#local-sectoin'", "'sub/missing.md' does not exist",
            "'sub/target.md' has no anchor '#steps-2'",
        ])
        #expect(found.first?.help == "did you mean '#local-section'?")
        #expect(found.map { $0.location?.line } == [6, 6, 6])
        #expect(found.map { $0.location?.column } == [7, 29, 51])
    }
}

@Suite struct LintConfigurationTests {
    @Test func unknownRuleIsAnError() {
        let error = #expect(throws: ToolFailure.self) {
            try LintConfiguration.parse("rules:\n  terminolgy: error\n", path: ".rolebook-lint.yaml")
        }
        #expect(error?.message.hasPrefix(".rolebook-lint.yaml:2:3: unknown rule 'terminolgy'") == true)
    }

    @Test func unknownKeyIsAnError() {
        #expect(throws: ToolFailure.self) { try LintConfiguration.parse("rule: {}\n", path: "c.yaml") }
    }

    @Test func severitiesAndOff() throws {
        let configuration = try LintConfiguration.parse("rules:\n  terminology: error\n  links: off\n", path: "c.yaml")
        #expect(configuration.severity(of: .terminology) == .error)
        #expect(configuration.severity(of: .links) == nil)
        #expect(configuration.severity(of: .references) == .warning)
        let found = LintFixtures.lint("ArgoCD [x](missing.md)\n", configuration: configuration)
        #expect(found.map(\.rule) == ["lint.terminology"])
        #expect(found.first?.severity == .error)
    }

    @Test func includeAndExcludeGlobs() {
        #expect(Glob("docs/**/*.md").matches("docs/runbooks/a/b.md"))
        #expect(Glob("docs/**/*.md").matches("docs/b.md"))
        #expect(!Glob("docs/*.md").matches("docs/a/b.md"))
        #expect(Glob("./docs/r?n.md").matches("docs/run.md"))
    }

    @Test func inlineSuppressions() {
        let markdown = """
            ArgoCD one.
            <!-- rolebook-lint disable-next-line terminology -->
            ArgoCD two.
            <!-- rolebook-lint disable -->
            ArgoCD three.
            <!-- rolebook-lint enable -->
            ArgoCD four. <!-- rolebook-lint disable-line terminology -->
            ArgoCD five. <!-- rolebook-lint disable-line typo-rule -->
            """
        let found = LintFixtures.lint(markdown)
        #expect(LintFixtures.rule(found, .terminology).map { $0.location?.line } == [1, 8])
        #expect(found.contains { $0.rule == "lint.suppression" && $0.location?.line == 8 })
    }
}
