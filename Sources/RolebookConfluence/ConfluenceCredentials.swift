import Foundation

/// Who rolebook is in Confluence. The token only ever leaves this type as
/// the `Authorization` header of a request being sent; its descriptions
/// (what string interpolation, `print` and `dump` show) never include it,
/// and ``Redactor`` scrubs it from anything a server echoes back.
public struct ConfluenceCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The account's email (Cloud) or user name (Data Center with Basic auth).
    public let user: String?
    private let token: String

    public init(user: String?, token: String) {
        self.user = user
        self.token = token
    }

    /// Basic with `user:token` when there is a user (Cloud API tokens; Data
    /// Center passwords), otherwise Bearer (Data Center personal access
    /// tokens, which fail when combined with a user name).
    var authorization: String {
        if let user { return "Basic " + Data("\(user):\(token)".utf8).base64EncodedString() }
        return "Bearer " + token
    }

    /// Every form the secret takes on the wire, for redaction.
    var secrets: [String] {
        var result = [token]
        if let user { result.append(Data("\(user):\(token)".utf8).base64EncodedString()) }
        return result
    }

    public var description: String {
        user.map { "\($0) with an API token" } ?? "a personal access token"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["user": user as Any, "token": "[redacted]"]) }
}
