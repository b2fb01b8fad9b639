import Foundation
import RolebookCore
import Synchronization

/// Publishes the export to one Confluence page: the body, its attachments
/// (each diagram's PNG and SVG), its labels, and a `rolebook` content
/// property recording what was published.
///
/// - Idempotent: the property holds the digest of title, body and
///   attachments and the page version rolebook created; an attachment's
///   comment holds its SHA-256. Unchanged content is not sent again, and the
///   stored body is never compared (Confluence rewrites it on save).
/// - Safe: a page whose current version is above the recorded one was saved
///   by someone else (unless the version message is rolebook's); it is not
///   overwritten without `--force`. Neither is a page with the title that
///   rolebook never published.
/// - Attachments go first on update, so the new page version shows the new
///   images (Confluence pins each image to the attachment version current
///   when the page is saved); a change to any attachment therefore also
///   makes one new page version.
public struct ConfluencePublisher: Sendable {
    public let settings: ConfluenceSettings
    let transport: any HTTPTransport
    let sleeper: any Sleeper
    public let options: PublishOptions

    public init(settings: ConfluenceSettings, transport: any HTTPTransport, sleeper: any Sleeper = TaskSleeper(), options: PublishOptions = PublishOptions()) {
        self.settings = settings
        self.transport = transport
        self.sleeper = sleeper
        self.options = options
    }

    /// Where pages created in a dry run appear in the printed URLs.
    public static let dryRunPageID = "new-page"

    public func publish(_ bundle: ExportBundle) async throws(ConfluenceFailure) -> PublishReport {
        let redact = Redactor(settings.credentials.secrets)
        let retries = Mutex<[String]>([])
        let maxAttempts = options.retry.maxAttempts
        let client = ConfluenceClient(
            transport: transport, credentials: settings.credentials, retry: options.retry, sleeper: sleeper, redact: redact,
            onRetry: { request, status, delay in
                let reason = status == 0 ? "no response" : "HTTP \(status)"
                retries.withLock { $0.append("\(reason) for \(request.method.rawValue) \(request.url.path); retrying in \(Self.seconds(delay)) (at most \(maxAttempts) attempts)") }
            })
        let api: any ConfluenceAPI = settings.deployment == .cloud ? CloudAPI(base: settings.baseURL) : DataCenterAPI(base: settings.baseURL)
        var run = Run(publisher: self, bundle: bundle, api: api, client: client)
        do {
            try await run.publish()
        } catch {
            throw ConfluenceFailure(redact(error.message), status: error.status)
        }
        var report = run.report
        report.log = retries.withLock { $0 } + report.log
        report.log = report.log.map { redact($0) }
        return report
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : String(format: "%.1fs", value)
    }

    /// One publish: the reads, the decisions, then the writes in order.
    private struct Run {
        let publisher: ConfluencePublisher
        let bundle: ExportBundle
        let api: any ConfluenceAPI
        let client: ConfluenceClient
        var report = PublishReport()

        init(publisher: ConfluencePublisher, bundle: ExportBundle, api: any ConfluenceAPI, client: ConfluenceClient) {
            self.publisher = publisher
            self.bundle = bundle
            self.api = api
            self.client = client
        }

        private var settings: ConfluenceSettings { publisher.settings }
        private var options: PublishOptions { publisher.options }
        private var manifest: ExportManifest { bundle.manifest }

        /// Sends a write, or in a dry run records it; `nil` in a dry run.
        private mutating func write(_ request: HTTPRequest, expecting expected: Set<Int> = Set(200..<300)) async throws(ConfluenceFailure) -> HTTPResponse? {
            if options.dryRun {
                report.plannedWrites.append(request)
                return nil
            }
            let response = try await client.send(request)
            report.writesSent += 1
            if response.status == 409 {
                throw ConfluenceFailure(
                    "\(request.summary): Confluence answered 409 Conflict: the page changed while rolebook was publishing; run the publish again",
                    status: 409)
            }
            guard expected.contains(response.status) else { throw client.failure(request, response) }
            return response
        }

        mutating func publish() async throws(ConfluenceFailure) {
            let digest = bundle.digest
            var spaceID: String?
            var existing: RemotePage?
            if let id = settings.pageID {
                guard let page = try await api.page(id: id, client: client) else {
                    throw ConfluenceFailure("page \(id) (--page-id/CONFLUENCE_PAGE_ID) does not exist or the account cannot see it", status: 404)
                }
                existing = page
            } else if let key = settings.spaceKey {
                spaceID = try await api.spaceID(key: key, client: client)
                if let id = try await api.findPage(title: manifest.title, spaceKey: key, spaceID: spaceID, client: client) {
                    existing = try await api.page(id: id, client: client)
                }
            }
            let draft = PageDraft(
                title: manifest.title, body: bundle.body, spaceKey: settings.spaceKey, spaceID: spaceID, parentID: settings.parentID,
                versionMessage: PublishState.versionMessage(digest: digest), minorEdit: options.minorEdit)

            if let existing {
                try await update(existing, draft: draft, digest: digest)
            } else {
                try await create(draft, digest: digest)
            }
            if options.dryRun {
                report.log.append("dry run: \(report.plannedWrites.count) write request(s) not sent")
            }
        }

        private mutating func create(_ draft: PageDraft, digest: String) async throws(ConfluenceFailure) {
            guard settings.spaceKey != nil else {
                throw ConfluenceFailure("no page to update and no space to create it in: pass --space or set CONFLUENCE_SPACE")
            }
            let request = api.createPage(draft)
            var page = RemotePage(id: ConfluencePublisher.dryRunPageID, title: draft.title, version: 1, versionMessage: draft.versionMessage, parentID: draft.parentID)
            if let response = try await write(request) {
                page = try api.savedPage(response, request: request, client: client)
            }
            report.log.append("page \(page.id) \"\(draft.title)\": created (version \(page.version))")
            for attachment in manifest.attachments {
                try await upload(attachment, to: page.id, replacing: nil)
            }
            try await syncLabels(pageID: page.id, existing: [])
            try await record(PublishState(digest: digest, bodySha256: manifest.body.sha256, pageVersion: page.version, rolebookVersion: RolebookVersion.current), pageID: page.id, existing: nil)
            report.pageID = page.id
            report.pageVersion = page.version
        }

        private mutating func update(_ page: RemotePage, draft: PageDraft, digest: String) async throws(ConfluenceFailure) {
            let property = try await api.property(pageID: page.id, key: PublishState.propertyKey, client: client)
            let lastVersionIsOurs = page.versionMessage.hasPrefix(PublishState.versionMessagePrefix)
            var overwriting = false
            if let state = property?.state {
                if page.version > state.pageVersion, !lastVersionIsOurs {
                    guard options.force else {
                        report.diagnostics.append(
                            .error(
                                "page \(page.id) \"\(page.title)\" was edited in Confluence since rolebook published version \(state.pageVersion) (it is at version \(page.version)); nothing was published",
                                rule: "confluence.edited", at: nil,
                                help: "move the edit into the model and rebuild, or publish with --force to overwrite it (the edit stays in the page history)"))
                        report.pageID = page.id
                        report.pageVersion = page.version
                        return
                    }
                    overwriting = true
                    report.log.append("page \(page.id): overwriting versions \(state.pageVersion + 1)–\(page.version), edited in Confluence (--force)")
                }
            } else if !lastVersionIsOurs {
                guard options.force else {
                    report.diagnostics.append(
                        .error(
                            "page \(page.id) \"\(page.title)\" exists but was not published by rolebook (no '\(PublishState.propertyKey)' property); nothing was published",
                            rule: "confluence.foreign-page", at: nil,
                            help: "publish elsewhere (--space/--parent-id), rename or remove that page, or publish with --force to take it over"))
                    report.pageID = page.id
                    report.pageVersion = page.version
                    return
                }
                overwriting = true
                report.log.append("page \(page.id): taking over a page rolebook did not publish (--force)")
            }

            // Attachments first: the page version saved next shows them.
            let remote = try await api.attachments(pageID: page.id, client: client)
            var byName: [String: RemoteAttachment] = [:]
            for attachment in remote where byName[attachment.filename] == nil { byName[attachment.filename] = attachment }
            var unchanged = 0
            for attachment in manifest.attachments {
                if let current = byName[attachment.name], current.recordedSHA256 == attachment.sha256 {
                    unchanged += 1
                } else {
                    try await upload(attachment, to: page.id, replacing: byName[attachment.name])
                }
            }
            if unchanged > 0 { report.log.append("attachments: \(unchanged) unchanged") }
            let wanted = Set(manifest.attachments.map(\.name))
            for attachment in remote.sorted(by: { $0.filename < $1.filename }) where !wanted.contains(attachment.filename) && attachment.recordedSHA256 != nil {
                report.log.append("attachment \(attachment.filename): published by rolebook earlier, no longer in the export; left in place")
            }

            var version = page.version
            let parentMoved = settings.parentID.map { $0 != page.parentID } ?? false
            if property?.state?.digest != digest || overwriting || parentMoved || page.title != manifest.title {
                version = page.version + 1
                let request = api.updatePage(id: page.id, draft, version: version)
                if let response = try await write(request) {
                    version = try api.savedPage(response, request: request, client: client).version
                }
                report.log.append("page \(page.id) \"\(manifest.title)\": updated to version \(version)\(options.minorEdit ? " (minor edit)" : "")")
            } else {
                report.log.append("page \(page.id) \"\(manifest.title)\": unchanged (version \(version))")
            }

            try await syncLabels(pageID: page.id, existing: try await api.labels(pageID: page.id, client: client))
            let state = PublishState(digest: digest, bodySha256: manifest.body.sha256, pageVersion: version, rolebookVersion: RolebookVersion.current)
            try await record(state, pageID: page.id, existing: property)
            report.pageID = page.id
            report.pageVersion = version
        }

        private mutating func upload(_ attachment: ExportManifest.Attachment, to pageID: String, replacing current: RemoteAttachment?) async throws(ConfluenceFailure) {
            let bytes = bundle.attachments[attachment.name] ?? []
            let request: HTTPRequest
            if let current {
                request = api.updateAttachment(
                    pageID: pageID, attachmentID: current.id, name: attachment.name, mediaType: attachment.mediaType, bytes: bytes,
                    sha256: attachment.sha256)
            } else {
                request = api.createAttachment(pageID: pageID, name: attachment.name, mediaType: attachment.mediaType, bytes: bytes, sha256: attachment.sha256)
            }
            _ = try await write(request)
            report.log.append("attachment \(attachment.name): \(current == nil ? "uploaded" : "uploaded a new version") (\(bytes.count) bytes)")
        }

        /// Adds the labels the page lacks; labels a person added stay.
        private mutating func syncLabels(pageID: String, existing: [String]) async throws(ConfluenceFailure) {
            let have = Set(existing)
            let missing = manifest.labels.filter { !have.contains($0) }
            guard !missing.isEmpty else { return }
            _ = try await write(api.addLabels(pageID: pageID, missing))
            report.log.append("labels: added \(missing.joined(separator: ", "))")
        }

        /// Writes the property when what it records changed. The rolebook
        /// version alone is no reason: an upgrade that renders the same page
        /// must not touch Confluence.
        private mutating func record(_ state: PublishState, pageID: String, existing: RemoteProperty?) async throws(ConfluenceFailure) {
            if let current = existing?.state, current.digest == state.digest, current.bodySha256 == state.bodySha256,
                current.pageVersion == state.pageVersion
            {
                return
            }
            let key = PublishState.propertyKey
            if let existing {
                _ = try await write(api.updateProperty(pageID: pageID, key: key, existing: existing, state: state))
            } else {
                _ = try await write(api.createProperty(pageID: pageID, key: key, state: state))
            }
        }
    }
}
