import ArgumentParser
import Foundation
import RolebookConfluence
import RolebookCore
import RolebookDocs

extension RolebookCommand {
    /// `rolebook publish`: sends the generated docs somewhere people read them.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the generated docs.",
            subcommands: [Confluence.self])

        /// `rolebook publish confluence`: the export `build` wrote into
        /// docs/confluence/ becomes one Confluence page with its attachments.
        struct Confluence: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Publish docs/confluence/ (written by 'rolebook build') to a Confluence page.",
                discussion: """
                    Cloud (v2 API for the page, v1 for attachments and labels; email + API token) or Data Center \
                    (v1 API; personal access token). Settings come from the flags or CONFLUENCE_URL, \
                    CONFLUENCE_DEPLOYMENT, CONFLUENCE_USER (or CONFLUENCE_EMAIL), CONFLUENCE_SPACE, \
                    CONFLUENCE_PARENT_ID, CONFLUENCE_PAGE_ID; the token only from CONFLUENCE_TOKEN, and it is never \
                    printed. Unchanged content is not sent again. A page edited in Confluence since the last publish \
                    is not overwritten without --force.
                    """)

            @Option(name: .long, help: "The docs directory 'rolebook build' wrote (its --output).")
            var docs: String = "docs"

            @Option(name: .long, help: "The Confluence site, e.g. https://example.atlassian.net (env CONFLUENCE_URL).")
            var url: String?

            @Option(name: .long, help: "cloud or data-center (env CONFLUENCE_DEPLOYMENT; guessed from the host).")
            var deployment: String?

            @Option(name: .long, help: "Account email (Cloud) or user name (env CONFLUENCE_USER or CONFLUENCE_EMAIL).")
            var user: String?

            @Option(name: .long, help: "Space key: the page is found, or created, by title there (env CONFLUENCE_SPACE).")
            var space: String?

            @Option(name: .customLong("parent-id"), help: "Page id to create the page under (env CONFLUENCE_PARENT_ID).")
            var parentID: String?

            @Option(name: .customLong("page-id"), help: "Update this page instead of finding it by title (env CONFLUENCE_PAGE_ID).")
            var pageID: String?

            @Flag(name: .customLong("dry-run"), help: "Read what is there and print the write requests, without sending them.")
            var dryRun = false

            @Flag(name: .long, help: "Overwrite a page edited in Confluence since the last publish (the edit stays in its history).")
            var force = false

            @Flag(name: .customLong("notify-watchers"), help: "Make a major edit that notifies watchers (default: minor edit).")
            var notifyWatchers = false

            @OptionGroup var reporting: ReportingOptions

            func run() throws {
                let loaded: (bundle: ExportBundle, diagnostics: [Diagnostic])
                let settings: ConfluenceSettings
                do {
                    loaded = try ExportBundle.load(docs: docs)
                    settings = try ConfluenceSettings.resolve(
                        .init(url: url, deployment: deployment, user: user, space: space, parentID: parentID, pageID: pageID),
                        environment: ProcessInfo.processInfo.environment)
                } catch {
                    throw Console.fail(error)
                }
                let rules = ExportBundle.rules + ConfluenceValidator.rules + PublishReport.rules
                // What would be refused (or shown broken) is not sent at all.
                let bundle = loaded.bundle
                let bodyPath = docs.hasSuffix("/") ? docs + bundle.manifest.body.path : docs + "/" + bundle.manifest.body.path
                var findings = loaded.diagnostics
                if !findings.hasErrors {
                    findings += ConfluenceValidator(path: bodyPath).validate(bundle.body, attachments: Set(bundle.manifest.attachments.map(\.name)))
                }
                if findings.hasErrors { throw reporting.report(findings, rules: rules) }

                let publisher = ConfluencePublisher(
                    settings: settings, transport: URLSessionTransport(),
                    options: PublishOptions(dryRun: dryRun, force: force, minorEdit: !notifyWatchers))
                let report: PublishReport
                do throws(ToolFailure) {
                    report = try Blocking.run { () async throws(ToolFailure) -> PublishReport in
                        do throws(ConfluenceFailure) {
                            return try await publisher.publish(bundle)
                        } catch {
                            throw ToolFailure(error.message)
                        }
                    }
                } catch {
                    throw Console.fail(error)
                }
                // The plan is the output of a dry run, unless stdout carries a
                // machine-readable report (json, sarif, github).
                if dryRun {
                    let handle = reporting.format == .text ? FileHandle.standardOutput : FileHandle.standardError
                    handle.write(Data(report.plannedText.utf8))
                }
                for line in report.log { Console.error(line) }
                let code = reporting.report(findings + report.diagnostics, rules: rules)
                if !dryRun, report.diagnostics.isEmpty, reporting.format == .text, let id = report.pageID, let version = report.pageVersion {
                    Console.error(
                        report.writesSent == 0
                            ? "page \(id) is up to date at version \(version): nothing sent"
                            : "published page \(id) at version \(version) (\(report.writesSent) write requests)")
                }
                throw code
            }
        }
    }
}
