/// A response from Confluence (or the stand-in the tests run).
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names in lower case (HTTP names are case-insensitive).
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    public var text: String { String(decoding: body, as: UTF8.self) }
}
