import Foundation

/// Confluence Cloud: the v2 API (`/wiki/api/v2`) for spaces, pages and page
/// properties; attachments and labels through v1 (see ``ConfluenceAPI``).
struct CloudAPI: ConfluenceAPI {
    let base: URL

    private var v2: String { "/api/v2" }

    private struct Page: Decodable {
        struct Version: Decodable {
            var number: Int
            var message: String?
        }
        var id: String
        var title: String
        var parentId: String?
        var version: Version?

        var remote: RemotePage {
            RemotePage(id: id, title: title, version: version?.number ?? 1, versionMessage: version?.message ?? "", parentID: parentId)
        }
    }

    private struct Results<Item: Decodable>: Decodable {
        var results: [Item]
    }

    func spaceID(key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> String? {
        struct Space: Decodable {
            var id: String
            var key: String
        }
        let request = HTTPRequest(.get, url("\(v2)/spaces", [("keys", key)]), summary: "look up space \(key)")
        let response = try await client.expect(request)
        let spaces = try client.decode(Results<Space>.self, request, from: response)
        // Space keys are case-sensitive (CONFCLOUD-66502).
        guard let space = spaces.results.first(where: { $0.key == key }) else {
            throw ConfluenceFailure("space '\(key)' does not exist or the account cannot see it (space keys are case-sensitive)")
        }
        return space.id
    }

    func findPage(title: String, spaceKey: String, spaceID: String?, client: ConfluenceClient) async throws(ConfluenceFailure) -> String? {
        let request = HTTPRequest(
            .get, url("\(v2)/pages", [("space-id", spaceID ?? ""), ("title", title), ("status", "current")]),
            summary: "look up the page titled \"\(title)\" in space \(spaceKey)")
        let response = try await client.expect(request)
        return try client.decode(Results<Page>.self, request, from: response).results.first { $0.title == title }?.id
    }

    func page(id: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemotePage? {
        let request = HTTPRequest(.get, url("\(v2)/pages/\(id)"), summary: "read page \(id)")
        let response = try await client.expect(request, Set(200..<300).union([404]))
        if response.status == 404 { return nil }
        return try client.decode(Page.self, request, from: response).remote
    }

    func property(pageID: String, key: String, client: ConfluenceClient) async throws(ConfluenceFailure) -> RemoteProperty? {
        struct Property: Decodable {
            struct Version: Decodable { var number: Int }
            var id: String
            var key: String
            var value: PublishState?
            var version: Version?

            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                id = try container.decode(String.self, forKey: .id)
                key = try container.decode(String.self, forKey: .key)
                value = try? container.decode(PublishState.self, forKey: .value)
                version = try container.decodeIfPresent(Version.self, forKey: .version)
            }

            enum CodingKeys: String, CodingKey { case id, key, value, version }
        }
        let request = HTTPRequest(.get, url("\(v2)/pages/\(pageID)/properties", [("key", key)]), summary: "read the \(key) property of page \(pageID)")
        let response = try await client.expect(request)
        guard let property = try client.decode(Results<Property>.self, request, from: response).results.first(where: { $0.key == key }) else {
            return nil
        }
        return RemoteProperty(id: property.id, version: property.version?.number ?? 1, state: property.value)
    }

    private struct Body: Encodable {
        var representation = "storage"
        var value: String
    }

    func createPage(_ draft: PageDraft) -> HTTPRequest {
        struct Create: Encodable {
            var spaceId: String
            var status = "current"
            var title: String
            var parentId: String?
            var body: Body
        }
        let where_ = draft.parentID.map { " under page \($0)" } ?? ""
        return .json(
            .post, url("\(v2)/pages"),
            Create(spaceId: draft.spaceID ?? "", title: draft.title, parentId: draft.parentID, body: Body(value: draft.body)),
            summary: "create page \"\(draft.title)\" in space \(draft.spaceKey ?? "?")\(where_)")
    }

    func updatePage(id: String, _ draft: PageDraft, version: Int) -> HTTPRequest {
        struct Version: Encodable {
            var number: Int
            var message: String
            var minorEdit: Bool
        }
        struct Update: Encodable {
            var id: String
            var status = "current"
            var title: String
            var parentId: String?
            var body: Body
            var version: Version
        }
        return .json(
            .put, url("\(v2)/pages/\(id)"),
            Update(
                id: id, title: draft.title, parentId: draft.parentID, body: Body(value: draft.body),
                version: Version(number: version, message: draft.versionMessage, minorEdit: draft.minorEdit)),
            summary: "update page \(id) to version \(version)\(draft.minorEdit ? " (minor edit)" : "")")
    }

    func savedPage(_ response: HTTPResponse, request: HTTPRequest, client: ConfluenceClient) throws(ConfluenceFailure) -> RemotePage {
        try client.decode(Page.self, request, from: response).remote
    }

    private struct PropertyBody: Encodable {
        struct Version: Encodable {
            var number: Int
            var message = ""
        }
        var key: String
        var value: PublishState
        var version: Version?
    }

    func createProperty(pageID: String, key: String, state: PublishState) -> HTTPRequest {
        .json(
            .post, url("\(v2)/pages/\(pageID)/properties"), PropertyBody(key: key, value: state),
            summary: "record the publish (version \(state.pageVersion)) in the \(key) property of page \(pageID)")
    }

    func updateProperty(pageID: String, key: String, existing: RemoteProperty, state: PublishState) -> HTTPRequest {
        .json(
            .put, url("\(v2)/pages/\(pageID)/properties/\(Self.encode(existing.id ?? key))"),
            PropertyBody(key: key, value: state, version: .init(number: existing.version + 1)),
            summary: "record the publish (version \(state.pageVersion)) in the \(key) property of page \(pageID)")
    }
}
