import Foundation

/// When and how long to wait before sending a request again.
///
/// Confluence Cloud rate-limits with 429 and a `Retry-After`; gateways in
/// front of Data Center answer 502/503/504 during restarts. These, 408 and
/// 500 are retried (as sphinx-confluencebuilder does), at most
/// `maxAttempts` times in all, waiting what `Retry-After` asks (seconds or
/// an HTTP date) or else 1, 2, 4 … seconds, never more than `maxDelay`.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var maxDelay: Double
    public var baseDelay: Double
    public static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
    /// The current time, for `Retry-After` given as a date.
    public var now: @Sendable () -> Date

    public init(maxAttempts: Int = 5, maxDelay: Double = 60, baseDelay: Double = 1, now: @escaping @Sendable () -> Date = { Date() }) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxDelay = maxDelay
        self.baseDelay = baseDelay
        self.now = now
    }

    /// How long to wait after `attempt` (1-based) got `response`, or `nil`
    /// when the response is final or the attempts are used up.
    public func delay(after attempt: Int, response: HTTPResponse) -> Double? {
        guard attempt < maxAttempts, Self.retryableStatuses.contains(response.status) else { return nil }
        if let header = response.headers["retry-after"], let seconds = retryAfter(header) {
            return min(max(seconds, 0), maxDelay)
        }
        return backoff(after: attempt)
    }

    /// How long to wait after a transport failure, or `nil` when used up.
    public func delayAfterFailure(attempt: Int) -> Double? {
        attempt < maxAttempts ? backoff(after: attempt) : nil
    }

    private func backoff(after attempt: Int) -> Double {
        min(baseDelay * pow(2, Double(attempt - 1)), maxDelay)
    }

    /// `Retry-After: 7` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`.
    func retryAfter(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return date.timeIntervalSince(now())
    }
}
