import Foundation

/// The REST calls the publisher makes, for one deployment. Reads run (even
/// in `--dry-run`); writes are built as ``HTTPRequest`` values first, so a
/// dry run can print exactly what it would send.
///
/// Pages and page properties differ between Cloud (v2) and Data Center
/// (v1); attachments and labels are v1 on both (v2 cannot upload), and are
/// implemented once in the extension below.
protocol ConfluenceAPI: Sendable {
    /// The site's REST root (`https://example.atlassian.net/wiki`).
    var base: URL { get }

    /// The space's id, where the API needs one (Cloud v2); `nil` otherwise.
    func spaceID(key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> String?
    /// The id of the current page with this exact title in the space.
    func findPage(title: String, spaceKey: String, spaceID: String?, client: ConfluenceClient) async throws(ConfluenceFailure) -> String?
    /// The page, or `nil` if there is none with that id.
    func page(id: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemotePage?
    func property(pageID: String, key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemoteProperty?

    func createPage(_ draft: PageDraft) -> HTTPRequest
    func updatePage(id: String, _ draft: PageDraft, version: Int) -> HTTPRequest
    /// The page a create or update returned.
    func savedPage(_ response: HTTPResponse, request: HTTPRequest, client: ConfluenceClient) throws(ConfluenceFailure) -> RemotePage
    func createProperty(pageID: String, key: String, state: PublishState) -> HTTPRequest
    func updateProperty(pageID: String, key: String, existing: RemoteProperty, state: PublishState) -> HTTPRequest
}

extension ConfluenceAPI {
    /// `base` + `path`, with the query percent-encoded strictly: `+`, `&`,
    /// `=` and the rest of a page title must not change its meaning.
    func url(_ path: String, _ query: [(String, String)] = []) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        // Every part was encoded above; the result always parses.
        return URL(string: text)!
    }

    static func encode(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var out = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    var v1: String { "/rest/api" }

    // MARK: Attachments (v1 on both deployments)

    /// Every attachment of the page, following the pages of results.
    func attachments(pageID: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> [RemoteAttachment] {
        var result: [RemoteAttachment] = []
        var start = 0
        let limit = 100
        // Bounded: a server that always says "next" cannot loop forever.
        for _ in 0..<100 {
            let request = HTTPRequest(
                .get, url("\(v1)/content/\(pageID)/child/attachment", [("start", String(start)), ("limit", String(limit)), ("expand", "version")]),
                summary: "list the attachments of page \(pageID)")
            let response = try await client.expect(request)
            let listing = try client.decode(V1Wire.AttachmentListing.self, request, from: response)
            result += listing.results.map {
                RemoteAttachment(
                    id: $0.id, filename: $0.title, comment: $0.metadata?.comment ?? $0.extensions?.comment ?? "", version: $0.version?.number ?? 1)
            }
            guard listing._links?.next != nil, !listing.results.isEmpty else { break }
            start += listing.results.count
        }
        return result
    }

    /// A new attachment. Confluence requires `X-Atlassian-Token: no-check`
    /// on multipart uploads (XSRF protection); `no-check` is the spelling
    /// every version accepts (`nocheck` gets 403 on Data Center).
    func createAttachment(pageID: String, name: String, mediaType: String, bytes: [UInt8], sha256: String) -> HTTPRequest {
        upload(
            url("\(v1)/content/\(pageID)/child/attachment"), name: name, mediaType: mediaType, bytes: bytes, sha256: sha256,
            summary: "attach \(name) to page \(pageID)")
    }

    /// New bytes for an existing attachment (a new attachment version).
    func updateAttachment(pageID: String, attachmentID: String, name: String, mediaType: String, bytes: [UInt8], sha256: String) -> HTTPRequest {
        upload(
            url("\(v1)/content/\(pageID)/child/attachment/\(Self.encode(attachmentID))/data"), name: name, mediaType: mediaType, bytes: bytes,
            sha256: sha256, summary: "upload a new version of \(name) to page \(pageID)")
    }

    private func upload(_ url: URL, name: String, mediaType: String, bytes: [UInt8], sha256: String, summary: String) -> HTTPRequest {
        var form = MultipartForm(boundarySeed: String(sha256.prefix(32)))
        form.addFile("file", filename: name, mediaType: mediaType, bytes: bytes)
        form.addField("comment", RemoteAttachment.comment(sha256: sha256))
        form.addField("minorEdit", "true")
        form.finish()
        return HTTPRequest(
            .post, url, headers: ["Content-Type": form.contentType, "X-Atlassian-Token": "no-check"], body: form.body, summary: summary)
    }

    // MARK: Labels (v1 on both deployments: v2 cannot write them)

    func labels(pageID: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> [String] {
        var names: [String] = []
        var start = 0
        for _ in 0..<100 {
            let request = HTTPRequest(
                .get, url("\(v1)/content/\(pageID)/label", [("start", String(start)), ("limit", "200")]), summary: "list the labels of page \(pageID)")
            let response = try await client.expect(request)
            let listing = try client.decode(V1Wire.LabelListing.self, request, from: response)
            names += listing.results.map(\.name)
            guard listing._links?.next != nil, !listing.results.isEmpty else { break }
            start += listing.results.count
        }
        return names
    }

    /// Adds labels; labels a person added are left alone.
    func addLabels(pageID: String, _ names: [String]) -> HTTPRequest {
        .json(.post, url("\(v1)/content/\(pageID)/label"), names.map { V1Wire.Label(name: $0) }, summary: "add labels \(names.joined(separator: ", ")) to page \(pageID)")
    }
}

/// The JSON shapes of the v1 calls both deployments share.
private enum V1Wire {
    struct AttachmentListing: Decodable {
        struct Item: Decodable {
            struct Metadata: Decodable { var comment: String? }
            struct Extensions: Decodable { var comment: String? }
            struct Version: Decodable { var number: Int }
            var id: String
            var title: String
            var metadata: Metadata?
            var extensions: Extensions?
            var version: Version?
        }
        var results: [Item]
        var _links: Links?
    }

    struct LabelListing: Decodable {
        struct Item: Decodable { var name: String }
        var results: [Item]
        var _links: Links?
    }

    struct Links: Decodable { var next: String? }

    struct Label: Encodable {
        var prefix = "global"
        var name: String
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
