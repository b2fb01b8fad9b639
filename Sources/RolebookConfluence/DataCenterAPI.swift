import Foundation

/// Confluence Data Center and Server: the v1 REST API (`/rest/api`) only.
struct DataCenterAPI: ConfluenceAPI {
    let base: URL

    private struct Content: Decodable {
        struct Version: Decodable {
            var number: Int
            var message: String?
        }
        struct Ancestor: Decodable { var id: String }
        var id: String
        var title: String
        var version: Version?
        var ancestors: [Ancestor]?

        var remote: RemotePage {
            RemotePage(
                id: id, title: title, version: version?.number ?? 1, versionMessage: version?.message ?? "",
                parentID: ancestors?.last?.id)
        }
    }

    func spaceID(key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> String? { nil }

    func findPage(title: String, spaceKey: String, spaceID: String?, client: ConfluenceClient) async throws(ConfluenceFailure) -> String? {
        struct Results: Decodable { var results: [Content] }
        let request = HTTPRequest(
            .get,
            url("\(v1)/content", [("spaceKey", spaceKey), ("title", title), ("type", "page"), ("status", "current"), ("expand", "version")]),
            summary: "look up the page titled \"\(title)\" in space \(spaceKey)")
        let response = try await client.expect(request)
        return try client.decode(Results.self, request, from: response).results.first { $0.title == title }?.id
    }

    func page(id: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemotePage? {
        let request = HTTPRequest(.get, url("\(v1)/content/\(id)", [("expand", "version,ancestors")]), summary: "read page \(id)")
        let response = try await client.expect(request, Set(200..<300).union([404]))
        if response.status == 404 { return nil }
        return try client.decode(Content.self, request, from: response).remote
    }

    func property(pageID: String, key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemoteProperty? {
        struct Property: Decodable {
            struct Version: Decodable { var number: Int }
            var id: String?
            var value: PublishState?
            var version: Version?

            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                id = try? container.decodeIfPresent(String.self, forKey: .id)
                value = try? container.decode(PublishState.self, forKey: .value)
                version = try container.decodeIfPresent(Version.self, forKey: .version)
            }

            enum CodingKeys: String, CodingKey { case id, value, version }
        }
        let request = HTTPRequest(
            .get, url("\(v1)/content/\(pageID)/property/\(Self.encode(key))"), summary: "read the \(key) property of page \(pageID)")
        let response = try await client.expect(request, Set(200..<300).union([404]))
        if response.status == 404 { return nil }
        let property = try client.decode(Property.self, request, from: response)
        return RemoteProperty(id: property.id, version: property.version?.number ?? 1, state: property.value)
    }

    private struct Storage: Encodable {
        var value: String
        var representation = "storage"
    }

    private struct Body: Encodable { var storage: Storage }
    private struct Space: Encodable { var key: String }
    private struct Ancestor: Encodable { var id: String }

    func createPage(_ draft: PageDraft) -> HTTPRequest {
        struct Create: Encodable {
            var type = "page"
            var title: String
            var space: Space
            var ancestors: [Ancestor]?
            var body: Body
        }
        let where_ = draft.parentID.map { " under page \($0)" } ?? ""
        return .json(
            .post, url("\(v1)/content"),
            Create(
                title: draft.title, space: Space(key: draft.spaceKey ?? ""), ancestors: draft.parentID.map { [Ancestor(id: $0)] },
                body: Body(storage: Storage(value: draft.body))),
            summary: "create page \"\(draft.title)\" in space \(draft.spaceKey ?? "?")\(where_)")
    }

    func updatePage(id: String, _ draft: PageDraft, version: Int) -> HTTPRequest {
        struct Version: Encodable {
            var number: Int
            var minorEdit: Bool
            var message: String
        }
        struct Update: Encodable {
            var id: String
            var type = "page"
            var title: String
            var ancestors: [Ancestor]?
            var body: Body
            var version: Version
        }
        return .json(
            .put, url("\(v1)/content/\(id)"),
            Update(
                id: id, title: draft.title, ancestors: draft.parentID.map { [Ancestor(id: $0)] }, body: Body(storage: Storage(value: draft.body)),
                version: Version(number: version, minorEdit: draft.minorEdit, message: draft.versionMessage)),
            summary: "update page \(id) to version \(version)\(draft.minorEdit ? " (minor edit)" : "")")
    }

    func savedPage(_ response: HTTPResponse, request: HTTPRequest, client: ConfluenceClient) throws(ConfluenceFailure) -> RemotePage {
        try client.decode(Content.self, request, from: response).remote
    }

    private struct PropertyBody: Encodable {
        struct Version: Encodable {
            var number: Int
            var minorEdit = true
        }
        var key: String
        var value: PublishState
        var version: Version?
    }

    func createProperty(pageID: String, key: String, state: PublishState) -> HTTPRequest {
        .json(
            .post, url("\(v1)/content/\(pageID)/property"), PropertyBody(key: key, value: state),
            summary: "record the publish (version \(state.pageVersion)) in the \(key) property of page \(pageID)")
    }

    func updateProperty(pageID: String, key: String, existing: RemoteProperty, state: PublishState) -> HTTPRequest {
        .json(
            .put, url("\(v1)/content/\(pageID)/property/\(Self.encode(key))"),
            PropertyBody(key: key, value: state, version: .init(number: existing.version + 1)),
            summary: "record the publish (version \(state.pageVersion)) in the \(key) property of page \(pageID)")
    }
}
