import Foundation
import RolebookConfluence
import RolebookCore
import Testing

/// The token never appears in anything rolebook prints: dry-run output,
/// the publish log, errors (even when a server echoes the Authorization
/// header back), and the real command line's stdout and stderr.
@Suite struct TokenSecrecyTests {
    static func forms(of standIn: StandIn) -> [String] {
        [standIn.token, Data("\(standIn.user):\(standIn.token)".utf8).base64EncodedString()]
    }

    @Test func notInTheDryRunOrTheLog() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        let publisher = ConfluencePublisher(settings: try standIn.settings(), transport: URLSessionTransport(), sleeper: RecordingSleeper(), options: PublishOptions(dryRun: true))
        let report = try await publisher.publish(try export.load())
        let printed = report.plannedText + report.log.joined(separator: "\n") + report.diagnostics.map(\.description).joined()
        #expect(!printed.isEmpty)
        for secret in Self.forms(of: standIn) { #expect(!printed.contains(secret)) }
    }

    @Test func notInErrorsEvenWhenTheServerEchoesIt() async throws {
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        try await standIn.inject(status: 400, method: "POST", pathPrefix: "/wiki/api/v2/pages", echoAuthorization: true)
        let publisher = ConfluencePublisher(settings: try standIn.settings(), transport: URLSessionTransport(), sleeper: RecordingSleeper())
        do {
            _ = try await publisher.publish(try export.load())
            Issue.record("the injected 400 should fail the publish")
        } catch {
            let message = "\(error)"
            #expect(message.contains("request had Authorization: Basic [redacted]"), "\(message)")
            for secret in Self.forms(of: standIn) { #expect(!message.contains(secret)) }
        }
    }

    @Test func notInRetriesOrTransportFailures() async throws {
        let settings = try ConfluenceSettings.resolve(
            .init(url: "http://127.0.0.1:9", deployment: "data-center", space: "DOCS"), environment: ["CONFLUENCE_TOKEN": "tok-unreachable-123"])
        let sleeper = RecordingSleeper()
        let publisher = ConfluencePublisher(
            settings: settings, transport: URLSessionTransport(timeout: 5), sleeper: sleeper, options: PublishOptions(retry: RetryPolicy(maxAttempts: 2)))
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        do {
            _ = try await publisher.publish(try export.load())
            Issue.record("nothing listens on port 9")
        } catch {
            #expect(!"\(error)".contains("tok-unreachable-123"))
            #expect("\(error)".contains("look up the page"))
        }
        #expect(await sleeper.delays == [1])
    }

    /// The real binary, as CI runs it: `rolebook publish confluence` with
    /// the token in the environment, a dry run, then a real publish, then a
    /// failing one. Skipped when the binary was not built next to the tests.
    @Test func notPrintedByTheCommandLine() async throws {
        guard let binary = Self.rolebookBinary() else {
            print("rolebook binary not found next to the test bundle; skipping the command-line check")
            return
        }
        let standIn = try StandIn()
        defer { standIn.stop() }
        let export = try ExportFixture()
        defer { export.remove() }
        try export.build()
        var environment = ProcessInfo.processInfo.environment
        environment["CONFLUENCE_TOKEN"] = standIn.token
        environment["CONFLUENCE_USER"] = standIn.user
        environment["CONFLUENCE_URL"] = standIn.root.absoluteString
        environment["CONFLUENCE_DEPLOYMENT"] = "cloud"
        environment["CONFLUENCE_SPACE"] = "DOCS"
        let docs = export.docs.path

        let dry = try Self.run(binary, ["publish", "confluence", "--docs", docs, "--dry-run"], environment: environment)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("POST \(standIn.root.absoluteString)/wiki/api/v2/pages"))
        let real = try Self.run(binary, ["publish", "confluence", "--docs", docs], environment: environment)
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stderr.contains("created (version 1)"))
        let again = try Self.run(binary, ["publish", "confluence", "--docs", docs], environment: environment)
        #expect(again.status == 0)
        #expect(again.stderr.contains("unchanged (version 1)"))
        try await standIn.inject(status: 401, method: "GET", echoAuthorization: true)
        let failed = try Self.run(binary, ["publish", "confluence", "--docs", docs], environment: environment)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("HTTP 401"))
        for outcome in [dry, real, again, failed] {
            for secret in Self.forms(of: standIn) {
                #expect(!outcome.stdout.contains(secret))
                #expect(!outcome.stderr.contains(secret))
            }
        }
    }

    static func rolebookBinary() -> URL? {
        if let path = ProcessInfo.processInfo.environment["ROLEBOOK_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("rolebook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func run(_ binary: URL, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
