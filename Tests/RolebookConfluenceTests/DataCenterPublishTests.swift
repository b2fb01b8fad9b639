import Foundation
import RolebookConfluence
import RolebookCore
import Testing

/// Publishing on Data Center's v1 API with a personal access token (Bearer),
/// against the stand-in.
@Suite struct DataCenterPublishTests {
    @Test func publishUpdateAndNoOpOnTheV1API() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let publisher = ConfluencePublisher(settings: try standIn.settings(.dataCenter), transport: URLSessionTransport(timeout: 10), sleeper: RecordingSleeper())

        let first = try await publisher.publish(try export.load())
        let id = try #require(first.pageID)
        let writes = try await standIn.writes()
        #expect(writes.map(\.line) == [
            "POST /rest/api/content",
            "POST /rest/api/content/\(id)/child/attachment",
            "POST /rest/api/content/\(id)/child/attachment",
            "POST /rest/api/content/\(id)/child/attachment",
            "POST /rest/api/content/\(id)/child/attachment",
            "POST /rest/api/content/\(id)/label",
            "POST /rest/api/content/\(id)/property",
        ])
        #expect(try await standIn.requests().allSatisfy { $0.auth == "Bearer" && !$0.path.hasPrefix("/wiki") })

        var count = try await standIn.requests().count
        let same = try await publisher.publish(try export.load())
        #expect(same.writesSent == 0)
        #expect(try await standIn.writes(after: count) == [])

        let attachment = try await attachmentID("1.png", standIn: standIn, page: id)
        count = try await standIn.requests().count
        try export.build(png: ["1": ExportFixture.fakePNG("1", generation: 2)])
        let changed = try await publisher.publish(try export.load())
        #expect(try await standIn.writes(after: count).map(\.line) == [
            "POST /rest/api/content/\(id)/child/attachment/\(attachment)/data",
            "PUT /rest/api/content/\(id)",
            "PUT /rest/api/content/\(id)/property/rolebook",
        ])
        #expect(changed.pageVersion == 2)

        // A person's edit is caught on Data Center too.
        try await standIn.editPage(id)
        try export.build(png: ["1": ExportFixture.fakePNG("1", generation: 3)])
        count = try await standIn.requests().count
        let refused = try await publisher.publish(try export.load())
        #expect(refused.diagnostics.map(\.rule) == ["confluence.edited"])
        #expect(try await standIn.writes(after: count) == [])
    }

    /// The listing is paged (the stand-in returns 3 per page): every
    /// attachment must be found, or one would be uploaded twice.
    @Test func attachmentListingsArePaged() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let publisher = ConfluencePublisher(settings: try standIn.settings(.dataCenter), transport: URLSessionTransport(timeout: 10), sleeper: RecordingSleeper())
        _ = try await publisher.publish(try export.load())
        let count = try await standIn.requests().count
        _ = try await publisher.publish(try export.load())
        let listings = try await standIn.requests().dropFirst(count).filter { $0.path.hasSuffix("/child/attachment") }
        #expect(listings.map { $0.query["start"] } == ["0", "3"])
    }

    /// `--parent-id` places a new page; `--page-id` names the page to
    /// update without a space or a title lookup.
    @Test func parentAndPageID() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let transport = URLSessionTransport(timeout: 10)
        let created = try await ConfluencePublisher(
            settings: try standIn.settings(.dataCenter, parentID: "90002"), transport: transport, sleeper: RecordingSleeper()
        ).publish(try export.load())
        let id = try #require(created.pageID)
        let page = try #require((try await standIn.state()["pages"] as? [String: [String: Any]])?[id])
        #expect(page["parentId"] as? String == "90002")

        try export.build(ExportFixture.page(title: "Renamed page"))
        let count = try await standIn.requests().count
        let updated = try await ConfluencePublisher(
            settings: try standIn.settings(.dataCenter, space: nil, pageID: id), transport: transport, sleeper: RecordingSleeper()
        ).publish(try export.load())
        #expect(updated.pageID == id)
        #expect(updated.pageVersion == 2)
        let requests = try await standIn.requests().dropFirst(count)
        #expect(!requests.contains { $0.path == "/rest/api/content" }, "no title lookup with --page-id")
        let renamed = try #require((try await standIn.state()["pages"] as? [String: [String: Any]])?[id])
        #expect(renamed["title"] as? String == "Renamed page")

        await #expect {
            try await ConfluencePublisher(
                settings: try standIn.settings(.dataCenter, space: nil, pageID: "424242"), transport: transport, sleeper: RecordingSleeper()
            ).publish(try export.load())
        } throws: { error in
            "\(error)".contains("page 424242 (--page-id/CONFLUENCE_PAGE_ID) does not exist")
        }
    }

    private func attachmentID(_ name: String, standIn: StandIn, page: String) async throws -> String {
        let attachments = try await standIn.state()["attachments"] as? [String: [String: [String: Any]]]
        return try #require(attachments?[page]?[name]?["id"] as? String)
    }
}
