import Foundation

/// One request to Confluence, without credentials: the client adds the
/// `Authorization` header when it sends it, so a request can be printed
/// (`--dry-run`) or recorded without the token.
public struct HTTPRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    public var method: Method
    public var url: URL
    public var headers: [String: String]
    public var body: [UInt8]
    /// What the request does, in words, for `--dry-run` and errors.
    public var summary: String

    public init(_ method: Method, _ url: URL, headers: [String: String] = [:], body: [UInt8] = [], summary: String) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.summary = summary
    }

    /// A JSON request (sorted keys, so the bytes are the same every run).
    static func json<T: Encodable>(_ method: Method, _ url: URL, _ value: T, summary: String) -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(value)).map(Array.init) ?? []
        return HTTPRequest(method, url, headers: ["Content-Type": "application/json; charset=utf-8"], body: body, summary: summary)
    }

    /// Whether the request changes anything in Confluence.
    public var isWrite: Bool { method != .get }

    /// The request as `--dry-run` prints it: method, URL, the headers that
    /// matter (never `Authorization`) and what it does.
    public var printed: String {
        var out = "\(method.rawValue) \(url.absoluteString)\n"
        for name in headers.keys.sorted() where name.lowercased() != "authorization" {
            out += "  \(name): \(headers[name]!)\n"
        }
        out += "  # \(summary)"
        if !body.isEmpty { out += " (\(body.count) bytes)" }
        return out + "\n"
    }
}
