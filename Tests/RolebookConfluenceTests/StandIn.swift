import Foundation
import RolebookConfluence

/// The loopback stand-in for Confluence (`scripts/confluence-standin.py`):
/// started per test on 127.0.0.1 with a port the OS picks, stopped at the
/// end. It is not Confluence; it implements the endpoints rolebook uses and
/// Confluence's behaviours that matter (version + 1, XSRF header, storage
/// rewritten on save, 429/5xx on demand) and records every request.
final class StandIn {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("scripts/confluence-standin.py")

    let token: String
    let user = "publisher@example.com"
    let port: Int
    private let process: Process
    private let control = URLSessionTransport(timeout: 10)

    var root: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts the stand-in; it exits by itself after `lifetime` seconds or
    /// 2000 requests, so a crashed test cannot leave it behind. The lifetime
    /// is generous because the whole test suite runs in parallel and a loaded
    /// machine can stretch a 1-second test to minutes.
    init(token: String = "tok-" + UUID().uuidString, lifetime: Int = 600) throws {
        self.token = token
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.script.path, "--token", token, "--user", user, "--lifetime", String(lifetime), "--max-requests", "2000",
        ]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw StandInError("the stand-in did not start (is python3 installed?): \(line)")
        }
        self.port = port
        self.process = process
    }

    deinit { stop() }

    /// Stops the stand-in (SIGTERM, then SIGKILL if it lingers).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func settings(_ deployment: ConfluenceDeployment = .cloud, space: String? = "DOCS", pageID: String? = nil, parentID: String? = nil) throws -> ConfluenceSettings {
        try ConfluenceSettings.resolve(
            .init(url: root.absoluteString, deployment: deployment.rawValue, user: deployment == .cloud ? user : nil, space: space, parentID: parentID, pageID: pageID),
            environment: ["CONFLUENCE_TOKEN": token])
    }

    struct Logged: Decodable, Equatable {
        var method: String
        var path: String
        var query: [String: String]
        var auth: String
        var contentType: String
        var atlassianToken: String
        var bodyBytes: Int
        var injected: Int?

        var isWrite: Bool { method != "GET" }
        var line: String { "\(method) \(path)" }
    }

    func requests() async throws -> [Logged] {
        struct Log: Decodable { var requests: [Logged] }
        let response = try await control.send(HTTPRequest(.get, root.appendingPathComponent("_standin/log"), summary: "log"))
        return try JSONDecoder().decode(Log.self, from: Data(response.body)).requests
    }

    func writes(after count: Int = 0) async throws -> [Logged] {
        try await requests().dropFirst(count).filter(\.isWrite)
    }

    /// Answers the next `count` requests whose method and path prefix match
    /// with `status` (and `Retry-After` when given).
    func inject(status: Int, method: String = "*", pathPrefix: String = "/", count: Int = 1, retryAfter: String? = nil, echoAuthorization: Bool = false) async throws {
        var payload: [String: Any] = ["status": status, "method": method, "pathPrefix": pathPrefix, "count": count, "echoAuthorization": echoAuthorization]
        if let retryAfter { payload["retryAfter"] = retryAfter }
        try await post("_standin/inject", payload)
    }

    /// A person edits and saves the page in Confluence.
    func editPage(_ id: String, text: String = "A note a person added in Confluence.") async throws {
        try await post("_standin/edit", ["id": id, "text": text])
    }

    /// Everything the stand-in stores (attachment bytes as SHA-256).
    func state() async throws -> [String: Any] {
        let response = try await control.send(HTTPRequest(.get, root.appendingPathComponent("_standin/state"), summary: "state"))
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
    }

    private func post(_ path: String, _ payload: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: payload)
        let response = try await control.send(
            HTTPRequest(.post, root.appendingPathComponent(path), headers: ["Content-Type": "application/json"], body: Array(body), summary: path))
        guard response.isSuccess else { throw StandInError("\(path): HTTP \(response.status) \(response.text)") }
    }
}

struct StandInError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Records the waits the client asks for instead of waiting.
actor RecordingSleeper: Sleeper {
    private(set) var delays: [Double] = []

    func sleep(seconds: Double) async throws {
        delays.append(seconds)
    }
}
