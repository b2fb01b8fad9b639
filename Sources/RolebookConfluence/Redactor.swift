/// Removes secrets from text before it is printed. rolebook never puts a
/// token into a message itself; this is for what it cannot control, such as
/// a proxy or server echoing request headers in an error body.
public struct Redactor: Sendable {
    private let secrets: [String]

    public static let replacement = "[redacted]"

    /// Secrets shorter than 4 characters are ignored: replacing every "a"
    /// would make output unreadable and hide nothing worth hiding.
    public init(_ secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    public func callAsFunction(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: Self.replacement)
        }
        return result
    }
}
