import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RolebookCore

/// Lists CRDs straight from an API server, for CI jobs and pods without
/// kubectl. TLS is always verified.
///
/// Why AsyncHTTPClient and not URLSession: on Linux, URLSession is libcurl
/// with the system's CA bundle, and swift-corelibs-foundation offers no way
/// to trust another CA (no server-trust delegate challenge; its
/// `URLSessionCertificateAuthorityInfoFile` variable is read on Android
/// only; `SSL_CERT_FILE` and `CURL_CA_BUNDLE` are ignored — all checked).
/// A cluster's CA is private, so URLSession could only connect by turning
/// verification off. swift-nio-ssl takes the CA file as its trust roots.
public struct APIServerClient: Sendable {
    public var connection: APIServerConnection
    public var timeout: TimeAmount
    /// The largest page accepted (a page of 50 full Argo CRDs is ~150 MB of JSON).
    public var maxBodyBytes: Int

    public init(connection: APIServerConnection, timeoutSeconds: Int64 = 60, maxBodyBytes: Int = 512 << 20) {
        self.connection = connection
        self.timeout = .seconds(timeoutSeconds)
        self.maxBodyBytes = maxBodyBytes
    }

    public var description: String { "the API server \(connection.server)" }

    /// Every CRD the server serves, paged.
    public func loadCRDs(pageSize: Int) async throws(ToolFailure) -> CRDLoader.Result {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = connection.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw ToolFailure("cannot read the CA file '\(caFile)'")
            }
            // Only the cluster's CA, as kubectl does with certificate-authority.
            tls.trustRoots = .file(caFile)
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(10), read: timeout)
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let outcome: Result<CRDLoader.Result, ToolFailure>
        do {
            let pager = CRDListPager(pageSize: pageSize)
            let this = self
            let (items, _) = try await pager.fetchAll(label: "cluster") { path throws(ToolFailure) in
                try await this.get(path, with: client)
            }
            outcome = .success(
                CRDLoader.catalog(from: items, path: "cluster", sourceDescription: description, authoritative: true))
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        return try outcome.get()
    }

    func get(_ path: String, with client: HTTPClient) async throws(ToolFailure) -> CRDListPager.Response {
        var request = HTTPClientRequest(url: connection.server + path)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "rolebook/\(RolebookVersion.current)")
        if let token = try connection.token() {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        let status: HTTPResponseStatus
        let body: ByteBuffer
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = response.status
            body = try await response.body.collect(upTo: maxBodyBytes)
        } catch {
            throw ToolFailure("cannot reach \(description): \(Self.explain(error))")
        }
        switch status.code {
        case 200: return .page(Array(buffer: body))
        case 410: return .expired
        case 401:
            throw ToolFailure("\(description) rejected the credentials (401 Unauthorized); check --token-file")
        case 403:
            throw ToolFailure(
                "\(description) refused to list CRDs (403 Forbidden): the account needs get and list on customresourcedefinitions.apiextensions.k8s.io")
        default:
            let text = String(buffer: body).prefix(300)
            throw ToolFailure("\(description) answered \(status.code) \(status.reasonPhrase) to GET \(path): \(text)")
        }
    }

    /// A readable reason for a connection or TLS failure.
    static func explain(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("handshakeFailed") {
            return "TLS verification failed (is --ca-file the CA that signed the server's certificate?): \(text)"
        }
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("connect(descriptor") {
            return "connection refused (\(text))"
        }
        return text
    }
}
