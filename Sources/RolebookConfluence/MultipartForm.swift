/// A `multipart/form-data` body for Confluence's v1 attachment upload: the
/// file, a comment (where rolebook keeps the attachment's SHA-256) and
/// `minorEdit`. The boundary is derived from the content, so the same upload
/// has the same bytes every run and the boundary cannot occur in the file.
struct MultipartForm: Sendable {
    let boundary: String
    private(set) var body: [UInt8] = []

    init(boundarySeed: String) {
        boundary = "rolebook-" + boundarySeed
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addField(_ name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n")
        append("Content-Type: text/plain; charset=utf-8\r\n\r\n\(value)\r\n")
    }

    mutating func addFile(_ name: String, filename: String, mediaType: String, bytes: [UInt8]) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n")
        append("Content-Type: \(mediaType)\r\n\r\n")
        body += bytes
        append("\r\n")
    }

    /// Closes the body; call once, last.
    mutating func finish() {
        append("--\(boundary)--\r\n")
    }

    private mutating func append(_ text: String) {
        body += Array(text.utf8)
    }

    /// A header parameter value: quotes and backslashes escaped, line
    /// breaks dropped (they would end the header).
    private static func quoted(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\"", "\\": out += "\\\(character)"
            case "\r", "\n", "\r\n": continue
            default: out.append(character)
            }
        }
        return out
    }
}
