import Foundation
import RolebookCore

/// How to reach an API server without kubectl: a URL, a bearer token file
/// and the CA that signed the server's certificate — given with `--server`,
/// `--token-file` and `--ca-file`, or found inside a pod (the service
/// account's mounted token and CA, and `KUBERNETES_SERVICE_HOST`/`PORT`).
public struct APIServerConnection: Sendable {
    public var server: String
    /// Read before every request: projected service-account tokens rotate.
    public var tokenFile: String?
    /// PEM file of the CA to trust instead of the system's roots.
    public var caFile: String?

    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    public init(server: String, tokenFile: String? = nil, caFile: String? = nil) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.tokenFile = tokenFile
        self.caFile = caFile
    }

    /// The connection a pod has to its own cluster.
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = serviceAccountDirectory
    ) throws(ToolFailure) -> APIServerConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
            throw ToolFailure("not running in a cluster: KUBERNETES_SERVICE_HOST is not set (use --server or --kubectl)")
        }
        let port = environment["KUBERNETES_SERVICE_PORT_HTTPS"] ?? environment["KUBERNETES_SERVICE_PORT"] ?? "443"
        // An IPv6 service address needs brackets in a URL.
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let token = directory + "/token"
        let ca = directory + "/ca.crt"
        for file in [token, ca] where !FileManager.default.isReadableFile(atPath: file) {
            throw ToolFailure("in-cluster access needs \(file), which is missing or unreadable")
        }
        return APIServerConnection(server: "https://\(hostPart):\(port)", tokenFile: token, caFile: ca)
    }

    /// The bearer token, read now; nil when there is no token file.
    func token() throws(ToolFailure) -> String? {
        guard let tokenFile else { return nil }
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw ToolFailure("cannot read the token file '\(tokenFile)'")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw ToolFailure("the token file '\(tokenFile)' is empty") }
        return token
    }
}
