import RolebookCore
import Testing

@testable import RolebookLint

@Suite struct TerminologyRuleTests {
    @Test func firesInProseWithExactPosition() {
        let found = LintFixtures.rule(LintFixtures.lint("# Title\n\nOpen the ArgoCD UI and check.\n"), .terminology)
        #expect(found.count == 1)
        #expect(found.first?.message == "use 'Argo CD' instead of 'ArgoCD'")
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 3, column: 10))
        #expect(found.first?.severity == .warning)
    }

    @Test func firesInHeadingsListItemsAndLinkText() {
        let markdown = "## Restart ArgoCD\n\n- then ArgoCD again\n\nSee [the ArgoCD docs](https://example.com/argocd).\n"
        let found = LintFixtures.rule(LintFixtures.lint(markdown), .terminology)
        #expect(found.map { $0.location?.line } == [1, 3, 5])
        #expect(found.map { $0.location?.column } == [12, 8, 10])
    }

    @Test func neverFiresInCodeURLsHTMLOrFrontMatter() {
        let markdown = """
            ---
            title: ArgoCD runbook
            ---
            Run `ArgoCD sync` and see <https://ArgoCD.example.com>.

            ```
            ArgoCD app sync
            ```

                ArgoCD indented code

            <div>ArgoCD in HTML</div>

            [link](https://example.com/ArgoCD) and ![ArgoCD](x.png)
            """
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .terminology).isEmpty)
    }

    @Test func caseHandling() {
        // A lower-case form matches any case; a mixed-case form only itself.
        let found = LintFixtures.rule(LintFixtures.lint("Kill the deployment now. The argocd CLI is fine.\n"), .terminology)
        #expect(found.count == 1)
        #expect(found.first?.message == "use 'Abort Deployment' instead of 'Kill the deployment'")
    }

    @Test func wholeWordsOnly() {
        #expect(LintFixtures.rule(LintFixtures.lint("ArgoCDs and MyArgoCD and ArgoCD-ish.\n"), .terminology).isEmpty)
    }

    @Test func positionsOnContinuationLinesAndAfterMultibyteText() {
        let markdown = "- first line\n  second 🚀 line with ArgoCD\n"
        let found = LintFixtures.rule(LintFixtures.lint(markdown), .terminology)
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 2, column: 22))
    }

    @Test func fixRewritesOnlyUnambiguousSpellingsInProse() {
        let markdown = "Open ArgoCD, not `ArgoCD`. Kill the deployment if needed. Argo-CD too.\n"
        let linter = Linter(model: LintFixtures.model)
        let (_, fixes) = linter.lintWithFixes(path: "r.md", text: markdown)
        let fixed = Linter.apply(fixes, to: markdown)
        #expect(fixed == "Open Argo CD, not `ArgoCD`. Kill the deployment if needed. Argo CD too.\n")
        // Idempotent: a second pass finds nothing more to fix.
        #expect(linter.lintWithFixes(path: "r.md", text: fixed).1.isEmpty)
    }

    @Test func extraTermsFromConfiguration() throws {
        let configuration = try LintConfiguration.parse("terms:\n  - use: GitLab\n    avoid: [Gitlab]\n", path: "c.yaml")
        let found = LintFixtures.rule(LintFixtures.lint("Check Gitlab.\n", configuration: configuration), .terminology)
        #expect(found.first?.message == "use 'GitLab' instead of 'Gitlab'")
    }
}
