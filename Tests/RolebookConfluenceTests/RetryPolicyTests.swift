import Foundation
import RolebookConfluence
import Testing

/// Retry decisions without a server: which statuses, how long, how often.
@Suite struct RetryPolicyTests {
    @Test func retryAfterSecondsIsHonouredAndCapped() {
        let policy = RetryPolicy(maxAttempts: 3, maxDelay: 30)
        #expect(policy.delay(after: 1, response: HTTPResponse(status: 429, headers: ["Retry-After": "7"])) == 7)
        #expect(policy.delay(after: 1, response: HTTPResponse(status: 503, headers: ["retry-after": "3600"])) == 30)
        #expect(policy.delay(after: 1, response: HTTPResponse(status: 429, headers: ["Retry-After": "soon"])) == 1)
        #expect(policy.delay(after: 2, response: HTTPResponse(status: 500)) == 2)
        #expect(policy.delay(after: 3, response: HTTPResponse(status: 429)) == nil, "attempts are bounded")
    }

    @Test func finalStatusesAreNotRetried() {
        let policy = RetryPolicy()
        for status in [200, 201, 204, 400, 401, 403, 404, 409, 410] {
            #expect(policy.delay(after: 1, response: HTTPResponse(status: status)) == nil, "\(status)")
        }
        for status in [408, 429, 500, 502, 503, 504] {
            #expect(policy.delay(after: 1, response: HTTPResponse(status: status)) != nil, "\(status)")
        }
    }

    @Test func retryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        let policy = RetryPolicy(now: { now })
        #expect(policy.delay(after: 1, response: HTTPResponse(status: 429, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:12 GMT"])) == 12)
        #expect(policy.delay(after: 1, response: HTTPResponse(status: 429, headers: ["Retry-After": "Wed, 21 Oct 2015 07:27:00 GMT"])) == 0)
    }
}
