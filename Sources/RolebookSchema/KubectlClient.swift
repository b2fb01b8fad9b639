import Foundation
import RolebookCore

/// Reads from a cluster through the user's own `kubectl`, so that every
/// kubeconfig feature and auth plugin they already use (exec plugins, OIDC,
/// client certificates, `--context`, `KUBECONFIG` lists) works unchanged.
public struct KubectlClient: Sendable {
    public var executable: String
    public var context: String?
    public var kubeconfig: String?
    /// Passed as `--request-timeout`, so an unreachable server fails in bounded time.
    public var requestTimeoutSeconds: Int
    /// The environment kubectl runs with (KUBECONFIG, HOME, PATH, …).
    public var environment: [String: String]?

    public init(
        executable: String = "kubectl", context: String? = nil, kubeconfig: String? = nil,
        requestTimeoutSeconds: Int = 30, environment: [String: String]? = nil
    ) {
        self.executable = executable
        self.context = context
        self.kubeconfig = kubeconfig
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.environment = environment
    }

    /// Where the CRDs came from, for messages.
    public var description: String {
        "the cluster (kubectl" + (context.map { ", context \($0)" } ?? "") + ")"
    }

    /// The arguments of `kubectl get --raw PATH`, with the context flags first.
    public func arguments(rawPath: String) -> [String] {
        var arguments: [String] = []
        if let kubeconfig { arguments += ["--kubeconfig", kubeconfig] }
        if let context { arguments += ["--context", context] }
        arguments += ["--request-timeout", "\(requestTimeoutSeconds)s", "get", "--raw", rawPath]
        return arguments
    }

    /// One `kubectl get --raw`; a 410 Gone is `.expired`, any other failure a
    /// ``ToolFailure`` carrying kubectl's own message.
    public func get(rawPath: String) throws(ToolFailure) -> CRDListPager.Response {
        let env = environment ?? ProcessInfo.processInfo.environment
        guard let path = ProcessRunner.find(executable, environment: env) else {
            throw ToolFailure("kubectl not found ('\(executable)' is not on PATH); install kubectl or use --server")
        }
        let outcome: ProcessRunner.Outcome
        do {
            outcome = try ProcessRunner.run(path, arguments(rawPath: rawPath), environment: environment)
        } catch {
            throw ToolFailure("cannot run \(path): \(error.localizedDescription)")
        }
        if outcome.status == 0 { return .page(outcome.stdout) }
        let message = outcome.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("I") || !$0.contains("]") }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if message.contains("(Expired)") || message.contains("410") && message.contains("Gone") { return .expired }
        throw ToolFailure(
            "cannot list CRDs from \(description): kubectl exited with \(outcome.status)"
                + (message.isEmpty ? "" : ": \(message)"))
    }

    /// Every CRD the cluster serves, paged.
    public func loadCRDs(pageSize: Int) async throws(ToolFailure) -> CRDLoader.Result {
        let pager = CRDListPager(pageSize: pageSize)
        let client = self
        let (items, _) = try await pager.fetchAll(label: "cluster") { path throws(ToolFailure) in
            try client.get(rawPath: path)
        }
        return CRDLoader.catalog(from: items, path: "cluster", sourceDescription: description, authoritative: true)
    }
}
