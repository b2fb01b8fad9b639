import Foundation
import RolebookConfluence
import RolebookCore
import Testing

@testable import RolebookDocs

/// Publishing against the loopback stand-in (not real Confluence), through
/// the real URLSession transport, on Confluence Cloud's API mix (v2 pages
/// and properties, v1 attachments and labels).
@Suite struct PublishTests {
    static func publisher(_ standIn: StandIn, _ deployment: ConfluenceDeployment = .cloud, sleeper: any Sleeper = RecordingSleeper(), options: PublishOptions = PublishOptions()) throws -> ConfluencePublisher {
        ConfluencePublisher(settings: try standIn.settings(deployment), transport: URLSessionTransport(timeout: 10), sleeper: sleeper, options: options)
    }

    @Test func firstPublishCreatesThePageItsAttachmentsLabelsAndProperty() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let bundle = try export.load()

        let report = try await Self.publisher(standIn).publish(bundle)
        #expect(report.diagnostics == [])
        let id = try #require(report.pageID)
        #expect(report.pageVersion == 1)

        let writes = try await standIn.writes()
        #expect(writes.map(\.line) == [
            "POST /wiki/api/v2/pages",
            "POST /wiki/rest/api/content/\(id)/child/attachment",
            "POST /wiki/rest/api/content/\(id)/child/attachment",
            "POST /wiki/rest/api/content/\(id)/child/attachment",
            "POST /wiki/rest/api/content/\(id)/child/attachment",
            "POST /wiki/rest/api/content/\(id)/label",
            "POST /wiki/api/v2/pages/\(id)/properties",
        ])
        let all = try await standIn.requests()
        #expect(all.allSatisfy { $0.auth == "Basic" }, "Cloud uses Basic auth (email + API token)")
        for upload in writes where upload.path.hasSuffix("/child/attachment") {
            #expect(upload.atlassianToken == "no-check")
            #expect(upload.contentType.hasPrefix("multipart/form-data; boundary="))
        }

        let state = try await standIn.state()
        let pages = try #require(state["pages"] as? [String: [String: Any]])
        let page = try #require(pages[id])
        #expect(page["title"] as? String == bundle.manifest.title)
        // The stand-in rewrote the body on save, as Confluence does.
        let stored = try #require(page["body"] as? String)
        #expect(stored != bundle.body)
        #expect(stored.contains("ac:macro-id="))
        let attachments = try #require((state["attachments"] as? [String: [String: [String: Any]]])?[id])
        for attachment in bundle.manifest.attachments {
            let stored = try #require(attachments[attachment.name], "\(attachment.name) uploaded")
            #expect(stored["data"] as? String == attachment.sha256, "\(attachment.name) arrived byte for byte")
            #expect(stored["comment"] as? String == "rolebook sha256:\(attachment.sha256)")
            #expect(stored["mediaType"] as? String == attachment.mediaType)
        }
        #expect((state["labels"] as? [String: [String]])?[id] == ["express", "roles-and-responsibilities"])
        let property = try #require((state["properties"] as? [String: [String: [String: Any]]])?[id]?["rolebook"])
        let value = try #require(property["value"] as? [String: Any])
        #expect(value["pageVersion"] as? Int == 1)
        #expect(value["digest"] as? String == bundle.digest)
        #expect(value["rolebookVersion"] as? String == RolebookVersion.current)
    }

    /// Confluence rewrote the body on save; rolebook compares the digests it
    /// recorded, so nothing is sent again.
    @Test func secondPublishWithoutChangesWritesNothing() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let first = try await Self.publisher(standIn).publish(try export.load())
        let before = try await standIn.requests().count

        try export.build()
        let second = try await Self.publisher(standIn).publish(try export.load())
        #expect(try await standIn.writes(after: before) == [])
        #expect(second.writesSent == 0)
        #expect(second.pageID == first.pageID)
        #expect(second.pageVersion == 1)
        #expect(second.log.contains { $0.hasSuffix("unchanged (version 1)") })
    }

    @Test func changingOneDiagramUploadsOneAttachmentAndOnePageVersion() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let first = try await Self.publisher(standIn).publish(try export.load())
        let id = try #require(first.pageID)
        let before = try await standIn.requests().count

        try export.build(png: ["2B-3B": ExportFixture.fakePNG("2B-3B", generation: 1)])
        let bundle = try export.load()
        let report = try await Self.publisher(standIn).publish(bundle)
        let writes = try await standIn.writes(after: before)
        let uploads = writes.filter { $0.path.contains("/child/attachment") }
        #expect(uploads.count == 1)
        #expect(uploads.first?.path.hasSuffix("/data") == true, "a new version of the existing attachment")
        #expect(writes.filter { $0.method == "PUT" && $0.path == "/wiki/api/v2/pages/\(id)" }.count == 1)
        // The only other write records the publish in the property.
        #expect(writes.map(\.line).filter { !$0.contains("/child/attachment") && $0 != "PUT /wiki/api/v2/pages/\(id)" }.count == 1)
        #expect(writes.contains { $0.method == "PUT" && $0.path.hasPrefix("/wiki/api/v2/pages/\(id)/properties/") })
        #expect(report.pageVersion == 2)

        let state = try await standIn.state()
        let attachment = try #require((state["attachments"] as? [String: [String: [String: Any]]])?[id]?["2B-3B.png"])
        #expect(attachment["version"] as? Int == 2)
        #expect(attachment["data"] as? String == bundle.manifest.attachments.first { $0.name == "2B-3B.png" }?.sha256)
        let page = try #require((state["pages"] as? [String: [String: Any]])?[id])
        let version = try #require(page["version"] as? [String: Any])
        #expect(version["minorEdit"] as? Bool == true, "minor edits by default")
        #expect((version["message"] as? String)?.hasPrefix("rolebook publish sha256:") == true)
    }

    @Test func aHandEditedPageIsNotOverwrittenWithoutForce() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let first = try await Self.publisher(standIn).publish(try export.load())
        let id = try #require(first.pageID)
        try await standIn.editPage(id, text: "Call Dana on weekends.")
        let before = try await standIn.requests().count

        try export.build(ExportFixture.page(note: "Second version."))
        let refused = try await Self.publisher(standIn).publish(try export.load())
        #expect(refused.diagnostics.map(\.rule) == ["confluence.edited"])
        #expect(refused.diagnostics.first?.message.contains("was edited in Confluence since rolebook published version 1 (it is at version 2)") == true)
        #expect(refused.diagnostics.first?.help?.contains("--force") == true)
        #expect(try await standIn.writes(after: before) == [], "nothing is written, not even attachments")
        let kept = try #require((try await standIn.state()["pages"] as? [String: [String: Any]])?[id]?["body"] as? String)
        #expect(kept.contains("Call Dana on weekends."))

        let forced = try await Self.publisher(standIn, options: PublishOptions(force: true)).publish(try export.load())
        #expect(forced.diagnostics == [])
        #expect(forced.pageVersion == 3)
        #expect(forced.log.contains { $0.contains("edited in Confluence (--force)") })
        let property = try #require((try await standIn.state()["properties"] as? [String: [String: [String: Any]]])?[id]?["rolebook"]?["value"] as? [String: Any])
        #expect(property["pageVersion"] as? Int == 3)

        // Published again with --force, the page is rolebook's again.
        let count = try await standIn.requests().count
        let again = try await Self.publisher(standIn).publish(try export.load())
        #expect(again.diagnostics == [])
        #expect(try await standIn.writes(after: count) == [])
    }

    /// A page with the title that rolebook never published is someone's
    /// work: it is not taken over without --force.
    @Test func aPageRolebookDidNotPublishIsNotTakenOver() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let bundle = try export.load()
        // A person created a page with that title in the editor.
        let credentials = Data("\(standIn.user):\(standIn.token)".utf8).base64EncodedString()
        let body = #"{"spaceId":"90001","status":"current","title":"Express Roles & Responsibilities","body":{"representation":"storage","value":"<p>Mine.</p>"}}"#
        let created = try await URLSessionTransport().send(
            HTTPRequest(
                .post, standIn.root.appendingPathComponent("wiki/api/v2/pages"),
                headers: ["Authorization": "Basic \(credentials)", "Content-Type": "application/json"], body: Array(body.utf8), summary: "by hand"))
        #expect(created.status == 200)
        let before = try await standIn.requests().count

        let refused = try await Self.publisher(standIn).publish(bundle)
        #expect(refused.diagnostics.map(\.rule) == ["confluence.foreign-page"])
        #expect(try await standIn.writes(after: before) == [])

        let taken = try await Self.publisher(standIn, options: PublishOptions(force: true)).publish(bundle)
        #expect(taken.diagnostics == [])
        #expect(taken.pageVersion == 2)
        #expect(taken.log.contains { $0.contains("taking over a page rolebook did not publish (--force)") })
    }

    @Test func rateLimitedThenSuccessPublishesOnce() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        try await standIn.inject(status: 429, method: "POST", pathPrefix: "/wiki/api/v2/pages", retryAfter: "7")
        let sleeper = RecordingSleeper()

        let report = try await Self.publisher(standIn, sleeper: sleeper).publish(try export.load())
        #expect(await sleeper.delays == [7])
        let creates = try await standIn.requests().filter { $0.line == "POST /wiki/api/v2/pages" }
        #expect(creates.map(\.injected) == [429, nil], "one refused, one accepted")
        let pages = try #require(try await standIn.state()["pages"] as? [String: Any])
        #expect(pages.count == 1, "the page exists once")
        #expect(report.log.first == "HTTP 429 for POST /wiki/api/v2/pages; retrying in 7s (at most 5 attempts)")
    }

    @Test func serverErrorsAreRetriedWithBackoffAndGiveUp() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        try await standIn.inject(status: 503, method: "GET", count: 10)
        let sleeper = RecordingSleeper()

        await #expect {
            try await Self.publisher(standIn, sleeper: sleeper).publish(try export.load())
        } throws: { error in
            (error as? ConfluenceFailure)?.status == 503 && "\(error)".contains("look up space DOCS")
        }
        #expect(await sleeper.delays == [1, 2, 4, 8])
        #expect(try await standIn.requests().count == 5)
    }

    @Test func aServerErrorThenSuccessHonoursAnHTTPDateRetryAfter() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        try await standIn.inject(status: 502, method: "GET", retryAfter: "Wed, 21 Oct 2015 07:28:30 GMT")
        let sleeper = RecordingSleeper()
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // 07:28:00 that day
        let options = PublishOptions(retry: RetryPolicy(now: { now }))
        let report = try await Self.publisher(standIn, sleeper: sleeper, options: options).publish(try export.load())
        #expect(report.pageVersion == 1)
        #expect(await sleeper.delays == [30])
    }

    @Test func dryRunReadsButSendsNoWrite() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()

        let report = try await Self.publisher(standIn, options: PublishOptions(dryRun: true)).publish(try export.load())
        #expect(try await standIn.writes() == [])
        #expect(report.writesSent == 0)
        #expect(report.plannedWrites.map { "\($0.method.rawValue) \($0.url.path)" } == [
            "POST /wiki/api/v2/pages",
            "POST /wiki/rest/api/content/new-page/child/attachment",
            "POST /wiki/rest/api/content/new-page/child/attachment",
            "POST /wiki/rest/api/content/new-page/child/attachment",
            "POST /wiki/rest/api/content/new-page/child/attachment",
            "POST /wiki/rest/api/content/new-page/label",
            "POST /wiki/api/v2/pages/new-page/properties",
        ])
        #expect(report.plannedText.contains("  X-Atlassian-Token: no-check\n"))
        #expect(report.plannedText.contains("# create page \"Express Roles & Responsibilities\" in space DOCS"))
        #expect(!report.plannedText.contains("Authorization"))
        #expect(report.log.last == "dry run: 7 write request(s) not sent")
    }

    /// A 409 means the page changed between the read and the write: stop,
    /// write nothing more, and say to run again.
    @Test func aConflictStopsThePublish() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let first = try await Self.publisher(standIn).publish(try export.load())
        let id = try #require(first.pageID)
        try export.build(ExportFixture.page(note: "Changed."))
        try await standIn.inject(status: 409, method: "PUT", pathPrefix: "/wiki/api/v2/pages/\(id)")
        await #expect {
            try await Self.publisher(standIn).publish(try export.load())
        } throws: { error in
            (error as? ConfluenceFailure)?.status == 409 && "\(error)".contains("run the publish again")
        }
    }

    /// Invalid storage is refused by Confluence (here the stand-in) with
    /// `Error parsing xhtml`, and the message reaches the user.
    @Test func confluenceMessagesReachTheUser() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        var bundle = try export.load()
        bundle.body = "<p>unclosed<br></p>"
        await #expect {
            try await Self.publisher(standIn).publish(bundle)
        } throws: { error in
            "\(error)".contains("HTTP 400: Error parsing xhtml")
        }
    }
}
