import RolebookCore
import Testing

@testable import RolebookLint

@Suite struct ControlConfusionRuleTests {
    @Test func pauseWithAbortsMechanismFires() {
        let found = LintFixtures.rule(LintFixtures.lint("Intro.\n\nTo pause the deployment, send a stop signal to the workflow.\n"), .controlConfusion)
        #expect(found.count == 1)
        #expect(found.first?.message == "this sentence names Pause Deployment but describes Abort Deployment's mechanism ('stop signal')")
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 3, column: 1))
    }

    @Test func abortWithPausesMechanismFiresEvenInCode() {
        let found = LintFixtures.rule(LintFixtures.lint("First step. Abort Deployment by editing the `ConfigMap`.\n"), .controlConfusion)
        #expect(found.count == 1)
        #expect(found.first?.location?.column == 13)
    }

    @Test func correctUseAndContrastDoNotFire() {
        let markdown = """
            Pause Deployment updates the ConfigMap. Abort Deployment sends a stop signal.

            Pause Deployment updates the ConfigMap, while Abort Deployment sends a stop signal.
            """
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .controlConfusion).isEmpty)
    }

    @Test func codeBlocksAreNotSentences() {
        let markdown = "```\npause the deployment; send stop signal\n```\n"
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .controlConfusion).isEmpty)
    }
}

@Suite struct ReferencesRuleTests {
    @Test func unknownTeamInAnEscalationFires() {
        let found = LintFixtures.rule(LintFixtures.lint("If it persists, escalate to the DBA team.\n"), .references)
        #expect(found.count == 1)
        #expect(found.first?.message == "escalation to 'DBA team', a team the model does not know")
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 1, column: 33))
    }

    @Test func knownTeamsByNameAliasOrPrefixDoNotFire() {
        let markdown = """
            Engage the CIF team. Page the CIF on-call. Escalate to L2. Engage incident management.
            Contact Cloud Infrastructure Fabric now.
            """
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .references).isEmpty)
    }

    @Test func didYouMean() {
        let found = LintFixtures.rule(LintFixtures.lint("Escalate to the CFI team.\n"), .references)
        #expect(found.first?.message == "escalation to 'CFI team', a team the model does not know (did you mean 'CIF team'?)")
    }

    @Test func nonTeamObjectsAndCodeDoNotFire() {
        let markdown = "Page through the logs. Contact your manager. Run `page the DBA team`.\n"
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .references).isEmpty)
    }

    @Test func componentSpelling() {
        let found = LintFixtures.rule(LintFixtures.lint("Restart the express operator or the Express-Operator.\n"), .references)
        #expect(found.map(\.message) == [
            "write 'Express Operator', as the model names this component, not 'express operator'",
            "write 'Express Operator', as the model names this component, not 'Express-Operator'",
        ])
        #expect(found.map { $0.location?.column } == [13, 37])
    }

    @Test func leadingLowerCaseOfAProperNameIsOrdinaryEnglish() {
        // "express Operator" would be a misspelling; "argo CD" differs only in its first letter.
        #expect(LintFixtures.rule(LintFixtures.lint("Open the argo CD UI.\n"), .references).isEmpty)
    }
}

@Suite struct EscalationOrderRuleTests {
    @Test func incidentManagementBeforeCIFFires() {
        let markdown = "---\nflow: 2B-3B\n---\n# Triage\n\nEngage incident management. Then engage the CIF team.\n"
        let found = LintFixtures.rule(LintFixtures.lint(markdown), .escalationOrder)
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 6, column: 8))
        #expect(found.first?.message.contains("against invariant 'cif-first' of flow 2B-3B") == true)
    }

    @Test func theFlowsOrderPasses() {
        let markdown = "---\nflow: 2B-3B\n---\nEngage the CIF team first. If not resolved, engage incident management.\n"
        #expect(LintFixtures.rule(LintFixtures.lint(markdown), .escalationOrder).isEmpty)
    }

    @Test func noDeclaredFlowNoCheck() {
        #expect(LintFixtures.rule(LintFixtures.lint("Engage incident management. Then engage the CIF team.\n"), .escalationOrder).isEmpty)
    }

    @Test func unknownFlowIsReportedAtTheFrontMatter() {
        let found = LintFixtures.rule(LintFixtures.lint("---\ntitle: x\nflow: 2B-9\n---\nText.\n"), .escalationOrder)
        #expect(found.first?.location == SourceLocation(path: "runbook.md", line: 3, column: 7))
    }
}
