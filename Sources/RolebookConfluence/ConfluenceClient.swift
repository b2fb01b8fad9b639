import Foundation

/// Sends requests to Confluence: adds the credentials, retries what is
/// worth retrying (see ``RetryPolicy``), and turns an unexpected status into
/// a ``ConfluenceFailure`` carrying Confluence's message, redacted.
struct ConfluenceClient: Sendable {
    let transport: any HTTPTransport
    let credentials: ConfluenceCredentials
    let retry: RetryPolicy
    let sleeper: any Sleeper
    let redact: Redactor
    /// Called before each wait, with its length in seconds (for the log).
    let onRetry: @Sendable (HTTPRequest, Int, Double) -> Void

    /// The final response, whatever its status (after retries).
    func send(_ request: HTTPRequest) async throws(ConfluenceFailure) -> HTTPResponse {
        var authorized = request
        authorized.headers["Authorization"] = credentials.authorization
        authorized.headers["Accept"] = "application/json"
        var attempt = 1
        while true {
            let delay: Double
            do {
                let response = try await transport.send(authorized)
                guard let wait = retry.delay(after: attempt, response: response) else { return response }
                delay = wait
                onRetry(request, response.status, wait)
            } catch {
                guard let wait = retry.delayAfterFailure(attempt: attempt) else {
                    throw ConfluenceFailure(redact("\(request.summary): \(error.message)"))
                }
                delay = wait
                onRetry(request, 0, wait)
            }
            do {
                try await sleeper.sleep(seconds: delay)
            } catch {
                throw ConfluenceFailure("\(request.summary): cancelled while waiting to retry")
            }
            attempt += 1
        }
    }

    /// The response when its status is one of `expected`, else a failure.
    func expect(_ request: HTTPRequest, _ expected: Set<Int> = Set(200..<300)) async throws(ConfluenceFailure) -> HTTPResponse {
        let response = try await send(request)
        guard expected.contains(response.status) else { throw failure(request, response) }
        return response
    }

    /// Decodes a successful JSON response.
    func decode<T: Decodable>(_ type: T.Type, _ request: HTTPRequest, from response: HTTPResponse) throws(ConfluenceFailure) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw ConfluenceFailure(
                redact("\(request.summary): unexpected answer from \(request.method.rawValue) \(request.url.path): \(String(response.text.prefix(200)))"),
                status: response.status)
        }
    }

    func failure(_ request: HTTPRequest, _ response: HTTPResponse) -> ConfluenceFailure {
        var message = "\(request.summary): \(request.method.rawValue) \(request.url.path) answered HTTP \(response.status)"
        if let detail = Self.message(in: response) { message += ": \(detail)" }
        switch response.status {
        case 401: message += " (check CONFLUENCE_USER and CONFLUENCE_TOKEN; Cloud wants the account email with an API token, Data Center a personal access token)"
        case 403: message += " (the account lacks permission in this space)"
        case 300..<400: message += " (redirected to \(response.headers["location"] ?? "?"); set the URL to where Confluence really is)"
        default: break
        }
        return ConfluenceFailure(redact(message), status: response.status)
    }

    /// Confluence's own explanation: `message` (v1), `errors[].title` (v2),
    /// or the start of the body.
    static func message(in response: HTTPResponse) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] {
            if let message = object["message"] as? String, !message.isEmpty { return String(message.prefix(500)) }
            if let errors = object["errors"] as? [[String: Any]] {
                let titles = errors.compactMap { ($0["title"] as? String) ?? ($0["detail"] as? String) }
                if !titles.isEmpty { return String(titles.joined(separator: "; ").prefix(500)) }
            }
        }
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : String(text.prefix(300))
    }
}
