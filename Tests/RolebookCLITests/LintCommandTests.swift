import Foundation
import Testing

/// `rolebook lint` through the real binary: the shipped runbooks lint clean,
/// findings carry exact positions, `--fix` rewrites prose only, a bad
/// configuration is exit 2, SARIF parses.
@Suite struct LintCommandTests {
    @Test func shippedRunbooksLintClean() throws {
        let outcome = try CLIRunner.run(["lint"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stderr.contains("files linted, no findings"))
    }

    private func project(_ runbook: String) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("model"), to: directory.appendingPathComponent("model"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("docs/runbooks"), withIntermediateDirectories: true)
        try runbook.write(to: directory.appendingPathComponent("docs/runbooks/r.md"), atomically: true, encoding: .utf8)
        return directory
    }

    static let broken = """
        ---
        flow: "2B-3B"
        ---
        # Triage

        Check the ArgoCD UI, then run `argocd app get`.
        Engage incident management. Then engage the CIF team.
        To pause the deployment, send a stop signal. See [the page](../missing.md).
        """

    @Test func findingsWithPositionsAndExitOne() throws {
        let directory = try project(Self.broken)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["lint"], in: directory)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(lines == [
            "docs/runbooks/r.md:6:11: warning: use 'Argo CD' instead of 'ArgoCD' [lint.terminology]",
            "docs/runbooks/r.md:7:8: error: escalates to 'incident management' before engaging Cloud Infrastructure Fabric (CIF) team, against invariant 'cif-before-incident-management' of flow 2B-3B [lint.escalation-order]",
            "docs/runbooks/r.md:8:1: error: this sentence names Pause Deployment but describes Abort Deployment's mechanism ('stop signal') [lint.control-confusion]",
            "docs/runbooks/r.md:8:61: error: '../missing.md' does not exist [lint.links]",
        ])
    }

    @Test func fixRewritesProseAndLintsAgain() throws {
        let directory = try project(Self.broken)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["lint", "--fix"], in: directory)
        #expect(outcome.stderr.contains("fixed 1 in docs/runbooks/r.md"))
        let text = try String(contentsOf: directory.appendingPathComponent("docs/runbooks/r.md"), encoding: .utf8)
        #expect(text.contains("Check the Argo CD UI, then run `argocd app get`."))
        #expect(!outcome.stdout.contains("lint.terminology"))
        #expect(outcome.stdout.contains("lint.links"))
    }

    @Test func unknownRuleInConfigurationIsExitTwo() throws {
        let directory = try project("# Fine\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  termonology: error\n".write(to: directory.appendingPathComponent(".rolebook-lint.yaml"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["lint"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(".rolebook-lint.yaml:2:3: unknown rule 'termonology'"))
    }

    @Test func sarifForCodeScanning() throws {
        let directory = try project(Self.broken)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["lint", "--format", "sarif"], in: directory)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        let region = ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(region == ["startLine": 6, "startColumn": 11])
    }

    /// `crd-facts` against the shipped Express CRDs: positions point into the
    /// Markdown, and only code spans of known kinds and YAML blocks are read.
    @Test func crdFactsPointIntoTheMarkdown() throws {
        let runbook = """
            # CRD facts

            Check `Cluster.spec.topolgy`, `Cluster.spec.topology` and `Deployment.spec.replicaz`.
            Prose Cluster.spec.topolgy is not code.

            ```yaml
            apiVersion: express.example.com/v1
            kind: Cluster
            metadata:
              name: a
            spec:
              version: "1"
              topology:
                nodeGroups:
                  - name: x
                    type: Frontnd
                    count: 1
            ```

            ```yaml
            apiVersion: apps/v1
            kind: Deployment
            spec: { replicaz: 1 }
            ```
            """
        let directory = try project(runbook)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CLIRunner.run(["lint"], in: directory)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(lines == [
            "docs/runbooks/r.md:3:8: error: express.example.com/v1 Cluster spec.topolgy: Cluster has no field 'spec.topolgy' (did you mean 'topology'?) [lint.crd-facts]",
            "docs/runbooks/r.md:16:15: error: spec.topology.nodeGroups[0].type: \"Frontnd\" is not one of the allowed values (did you mean 'Frontend'?) [lint.crd-facts]",
        ])
    }
}
