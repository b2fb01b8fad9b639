import Foundation
import Testing

/// `rolebook validate` with CRDs and manifests, through the real binary:
/// the shipped model's verdicts, manifests, --strict, and exit code 2 for an
/// unreachable cluster or an unreadable path.
@Suite(.serialized) struct ValidateSchemaTests {
    static let corpus: URL? = {
        let url = CLIRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    @Test func shippedModelPassesWithArgoClaimsUnverifiable() throws {
        let outcome = try CLIRunner.run(["validate"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!outcome.stdout.contains("error:"))
        #expect(outcome.stdout.contains("warning: cannot verify argoproj.io/v1alpha1 Workflow spec.shutdown = Stop: no CRD of group 'argoproj.io' is loaded (from model/crds) [crd.unverifiable]"))
        #expect(outcome.stdout.contains("note: v1 ConfigMap is a built-in kind"))
        #expect(outcome.stderr.contains("CRD references:"))
        #expect(outcome.stderr.contains("0 wrong (3 CRDs from model/crds)"))
    }

    @Test(.enabled(if: corpus != nil, "needs ../shared/corpus"))
    func corpusCRDsGiveTheArgoClaimsTheirTrueVerdicts() throws {
        let outcome = try CLIRunner.run(["validate", "--crds", "model/crds", "../shared/corpus/crds", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let unverifiable = diagnostics.filter { $0["rule"] as? String == "crd.unverifiable" }
        // Only Workflow.spec.shutdown = Stop is left: the field exists, its value has no enum.
        #expect(!unverifiable.isEmpty)
        #expect(unverifiable.allSatisfy { ($0["message"] as? String)?.contains("'spec.shutdown' declares no enum") == true })
        #expect(!diagnostics.contains { $0["severity"] as? String == "error" })
    }

    private func manifest(_ text: String) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        try text.write(to: directory.appendingPathComponent("frontend.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func manifestsWarnOnUnknownFieldsAndFailWithStrict() throws {
        let directory = try manifest(
            """
            apiVersion: express.example.com/v1
            kind: Frontend
            metadata:
              name: web
            spec:
              clusterRef: { name: prod }
              version: "1.2"
              upgradeOrder: 1
              pod: { heapSize: 6Gi }
              colour: blue
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let crds = CLIRunner.packageRoot.appendingPathComponent("model/crds").path
        let lenient = try CLIRunner.run(["validate", "--model", CLIRunner.packageRoot.appendingPathComponent("model").path, "--crds", crds, "--manifests", "frontend.yaml"], in: directory)
        let strict = try CLIRunner.run(["validate", "--model", CLIRunner.packageRoot.appendingPathComponent("model").path, "--crds", crds, "--manifests", "frontend.yaml", "--strict"], in: directory)
        let line = lenient.stdout.split(separator: "\n").first { $0.hasPrefix("frontend.yaml:") }.map(String.init) ?? ""
        #expect(line.hasPrefix("frontend.yaml:10:3: warning: spec.colour: unknown field"), "\(lenient.stdout)")
        #expect(strict.stdout.contains("frontend.yaml:10:3: error: spec.colour: unknown field"), "\(strict.stdout)")
        #expect(strict.status == 1)
    }

    @Test func unreadableOrMissingPathsExitTwo() throws {
        let missing = try CLIRunner.run(["validate", "--crds", "/nonexistent/crds"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'/nonexistent/crds' does not exist"))
        let manifests = try CLIRunner.run(["validate", "--manifests", "/nonexistent/manifests"])
        #expect(manifests.status == 2)
    }

    @Test func unreachableClusterExitsTwoWithAClearMessage() throws {
        let direct = try CLIRunner.run(["validate", "--server", "https://127.0.0.1:1"])
        #expect(direct.status == 2)
        #expect(direct.stderr.contains("error: cannot reach the API server https://127.0.0.1:1"), "\(direct.stderr)")
        let noCluster = try CLIRunner.run(["validate", "--in-cluster"])
        #expect(noCluster.status == 2)
        #expect(noCluster.stderr.contains("KUBERNETES_SERVICE_HOST"))
    }

    @Test(.enabled(if: Self.has("kubectl")))
    func unreachableClusterThroughKubectlExitsTwo() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("kubeconfig")
        try """
            apiVersion: v1
            kind: Config
            clusters: [{ name: gone, cluster: { server: "https://127.0.0.1:1" } }]
            users: [{ name: u, user: { token: t } }]
            contexts: [{ name: gone, context: { cluster: gone, user: u } }]
            current-context: gone
            """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["validate", "--kubectl", "--kubeconfig", kubeconfig.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot list CRDs from the cluster (kubectl)"), "\(outcome.stderr)")
    }

    @Test(.enabled(if: Self.has("kubectl") && Self.has("openssl")))
    func kubectlAgainstAStandInClusterThroughTheCLI() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Tests/RolebookSchemaTests/Fixtures")
        let crds = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.appendingPathComponent("model/crds").path)
            .sorted().map { CLIRunner.packageRoot.appendingPathComponent("model/crds/\($0)").path }
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let ca = Process()
        ca.executableURL = URL(fileURLWithPath: "/bin/bash")
        ca.arguments = [fixtures.appendingPathComponent("make-test-ca.sh").path, directory.path]
        try ca.run()
        ca.waitUntilExit()
        try #require(ca.terminationStatus == 0)
        let server = Process()
        // The interpreter itself, not a wrapper script (pyenv's shims are
        // bash scripts that keep python as a child, which terminate() misses).
        server.executableURL = URL(fileURLWithPath: try Self.pythonExecutable())
        server.arguments = [
            fixtures.appendingPathComponent("fake-apiserver.py").path, "--cert", file("server.crt"),
            "--key", file("server.key"), "--ca", file("ca.crt"), "--token", try String(contentsOfFile: file("token"), encoding: .utf8),
            "--log", file("requests.log"), "--port-file", file("port"), "--kubeconfig", file("kubeconfig"), "--lifetime", "120",
        ] + crds
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: file("port")) { usleep(100_000) }
        let outcome = try CLIRunner.run([
            "validate", "--kubectl", "--kubeconfig", directory.appendingPathComponent("kubeconfig").path,
            "--context", "stand-in", "--page-size", "1",
        ])
        // The cluster serves only the Express CRDs: its Argo claims are errors now (authoritative).
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("the cluster serves no API group 'argoproj.io' [crd.group-not-served]"))
        #expect(outcome.stderr.contains("3 CRDs from the cluster (kubectl, context stand-in)"))
        let log = (try? String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        #expect(log.split(separator: "\n").filter { $0.contains("customresourcedefinitions?") }.count == 3)
    }

    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// The real python3 binary: `sys.executable`.
    static func pythonExecutable() throws -> String {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let out = Pipe()
        probe.standardOutput = out
        try probe.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
