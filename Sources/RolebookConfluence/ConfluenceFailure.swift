/// Publishing stopped: Confluence refused a request, could not be reached,
/// or answered something rolebook does not understand. The message names
/// the request and Confluence's own message, with secrets redacted.
public struct ConfluenceFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The HTTP status, when there was a response.
    public var status: Int?

    public init(_ message: String, status: Int? = nil) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
