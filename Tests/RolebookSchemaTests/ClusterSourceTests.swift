import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// The live paths against a loopback stand-in API server over verified TLS:
/// real kubectl through a kubeconfig, and the direct client, both paging
/// through `limit`/`continue`; plus expiry, bad credentials, bad CAs and an
/// unreachable server.
@Suite(.serialized) struct ClusterSourceTests {
    static let expectedKinds = ["Backend", "Cluster", "Frontend", "Gadget", "Widget"]

    func kinds(_ result: CRDLoader.Result) -> [String] { result.catalog.definitions.map(\.kind).sorted() }

    @Test(.enabled(if: StandInCluster.has("kubectl") && StandInCluster.has("openssl")))
    func kubectlPagesThroughTheList() async throws {
        let cluster = try StandInCluster.start()
        defer { cluster.stop() }
        // KUBECONFIG names the file; --context picks the context (the default one has no credentials).
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = cluster.kubeconfig
        let client = KubectlClient(context: "stand-in", environment: environment)
        let result = try await client.loadCRDs(pageSize: 2)
        #expect(kinds(result) == Self.expectedKinds)
        #expect(result.catalog.isAuthoritative)
        let lists = cluster.requests.filter { $0.hasPrefix(CRDListPager.listPath) }
        #expect(lists.count == 3, "\(cluster.requests)")
        #expect(lists.allSatisfy { $0.contains("limit=2") })
        #expect(lists.dropFirst().allSatisfy { $0.contains("continue=tok%2Ben%2F") })
        // The current context has no token: kubectl's own error, as a ToolFailure.
        let anonymous = KubectlClient(kubeconfig: cluster.kubeconfig)
        await #expect(throws: ToolFailure.self) { try await anonymous.loadCRDs(pageSize: 2) }
    }

    @Test(.enabled(if: StandInCluster.has("openssl")))
    func directClientVerifiesTLSAndPages() async throws {
        let cluster = try StandInCluster.start()
        defer { cluster.stop() }
        let connection = APIServerConnection(server: cluster.server, tokenFile: cluster.tokenFile, caFile: cluster.caFile)
        let result = try await APIServerClient(connection: connection).loadCRDs(pageSize: 2)
        #expect(kinds(result) == Self.expectedKinds)
        #expect(cluster.requests.filter { $0.hasPrefix(CRDListPager.listPath) }.count == 3)

        // Without the cluster's CA the handshake must fail: TLS is verified.
        let untrusted = APIServerConnection(server: cluster.server, tokenFile: cluster.tokenFile)
        do {
            _ = try await APIServerClient(connection: untrusted).loadCRDs(pageSize: 2)
            Issue.record("an untrusted certificate was accepted")
        } catch {
            #expect(error.message.contains("TLS verification failed"))
        }
        // A wrong token is a 401 with a clear message.
        let tokenFile = cluster.directory.appendingPathComponent("wrong-token")
        try "nope".write(to: tokenFile, atomically: true, encoding: .utf8)
        let wrong = APIServerConnection(server: cluster.server, tokenFile: tokenFile.path, caFile: cluster.caFile)
        do {
            _ = try await APIServerClient(connection: wrong).loadCRDs(pageSize: 2)
            Issue.record("a wrong token was accepted")
        } catch {
            #expect(error.message.contains("401"))
        }
    }

    @Test(.enabled(if: StandInCluster.has("openssl")))
    func expiredContinueTokenRestartsTheList() async throws {
        let cluster = try StandInCluster.start(expireOnce: true)
        defer { cluster.stop() }
        let connection = APIServerConnection(server: cluster.server, tokenFile: cluster.tokenFile, caFile: cluster.caFile)
        let result = try await APIServerClient(connection: connection).loadCRDs(pageSize: 2)
        #expect(kinds(result) == Self.expectedKinds)
        // page 1, expired page 2, then page 1, 2, 3 again.
        #expect(cluster.requests.filter { $0.hasPrefix(CRDListPager.listPath) }.count == 5)
    }

    @Test(.enabled(if: StandInCluster.has("openssl")))
    func inClusterConfigurationFromTheServiceAccount() async throws {
        let cluster = try StandInCluster.start()
        defer { cluster.stop() }
        let account = cluster.directory.appendingPathComponent("serviceaccount")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cluster.tokenFile, toPath: account.appendingPathComponent("token").path)
        try FileManager.default.copyItem(atPath: cluster.caFile, toPath: account.appendingPathComponent("ca.crt").path)
        let connection = try APIServerConnection.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": "\(cluster.port)"],
            directory: account.path)
        #expect(connection.server == cluster.server)
        let result = try await APIServerClient(connection: connection).loadCRDs(pageSize: 3)
        #expect(kinds(result) == Self.expectedKinds)
        #expect(throws: ToolFailure.self) { try APIServerConnection.inCluster(environment: [:], directory: account.path) }
    }

    @Test func unreachableServerIsAToolFailure() async throws {
        let connection = APIServerConnection(server: "https://127.0.0.1:1")
        do {
            _ = try await APIServerClient(connection: connection, timeoutSeconds: 5).loadCRDs(pageSize: 2)
            Issue.record("port 1 answered")
        } catch {
            #expect(error.message.contains("cannot reach the API server https://127.0.0.1:1"))
        }
    }

    @Test func pagerEncodesTokensAndBoundsRestarts() async throws {
        let pager = CRDListPager(pageSize: 5)
        #expect(pager.path(continueToken: "a+b/c=") == CRDListPager.listPath + "?limit=5&continue=a%2Bb%2Fc%3D")
        await #expect(throws: ToolFailure.self) {
            try await pager.fetchAll(label: "t") { _ throws(ToolFailure) in .expired }
        }
        await #expect(throws: ToolFailure.self) {
            try await pager.fetchAll(label: "t") { _ throws(ToolFailure) in .page(Array("{\"kind\":\"Status\"}".utf8)) }
        }
    }
}
