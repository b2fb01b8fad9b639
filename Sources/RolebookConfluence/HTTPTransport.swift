/// Sends one HTTP request and returns the response, whatever its status.
/// The publisher only talks to Confluence through this, so tests can put
/// the real `URLSession` transport in front of the stand-in server, or a
/// scripted one in front of nothing.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse
}

/// The request never got a response (no connection, timeout, TLS).
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
