import Foundation

/// The string formats the API server checks for CRDs (kube-openapi's
/// registry). Formats it does not check (int32, int64, float, double,
/// password, and unknown names) are accepted here too, as there.
enum FormatChecker {
    /// nil when `text` has `format`; otherwise what it should look like.
    static func problem(_ text: String, format: String) -> String? {
        switch format {
        case "date-time", "datetime":
            return isDateTime(text) ? nil : "must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z"
        case "date":
            return isDate(Substring(text)) ? nil : "must be a date such as 2024-05-01"
        case "byte":
            return Data(base64Encoded: text) != nil ? nil : "must be base64-encoded"
        case "uuid", "uuid3", "uuid4", "uuid5":
            return UUID(uuidString: text) != nil ? nil : "must be a UUID"
        case "ipv4":
            return isIPv4(text) ? nil : "must be an IPv4 address"
        case "ipv6":
            return isIPv6(text) ? nil : "must be an IPv6 address"
        case "cidr":
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let bits = Int(parts[1]) else { return "must be a CIDR such as 10.0.0.0/8" }
            if isIPv4(String(parts[0])), (0...32).contains(bits) { return nil }
            if isIPv6(String(parts[0])), (0...128).contains(bits) { return nil }
            return "must be a CIDR such as 10.0.0.0/8"
        case "hostname":
            return ObjectMetaRules.subdomainProblem(text.lowercased()) == nil ? nil : "must be a hostname"
        case "email":
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") ? nil : "must be an email address"
        case "duration":
            return isDuration(text) ? nil : "must be a duration such as 30s, 1h30m or 1.5h"
        case "mac":
            let groups = text.split(whereSeparator: { $0 == ":" || $0 == "-" })
            return groups.count == 6 && groups.allSatisfy({ $0.count == 2 && UInt8($0, radix: 16) != nil })
                ? nil : "must be a MAC address"
        default:
            return nil
        }
    }

    static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return year >= 0 && (1...12).contains(month) && (1...31).contains(day)
    }

    /// RFC 3339 as kube-openapi's strfmt reads it: a date, 'T' (or 't' or a
    /// space), hh:mm:ss with optional fraction, and a zone ('Z' or ±hh:mm).
    static func isDateTime(_ text: String) -> Bool {
        guard text.count >= 20 else { return false }
        let date = text.prefix(10)
        guard isDate(date) else { return false }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == "t" || separator == " " else { return false }
        var rest = text.dropFirst(11)
        let time = rest.prefix(8)
        let timeParts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 3, timeParts.allSatisfy({ $0.count == 2 }), let hour = Int(timeParts[0]),
            let minute = Int(timeParts[1]), let second = Int(timeParts[2]), hour < 24, minute < 60, second <= 60
        else { return false }
        rest = rest.dropFirst(8)
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        if rest == "Z" || rest == "z" { return true }
        guard rest.count == 6, rest.first == "+" || rest.first == "-" else { return false }
        let zone = rest.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard zone.count == 2, let zoneHour = Int(zone[0]), let zoneMinute = Int(zone[1]) else { return false }
        return zone[0].count == 2 && zone[1].count == 2 && zoneHour < 24 && zoneMinute < 60
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && Int($0).map { $0 <= 255 } == true }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    /// A Go duration (`1h30m`, `1.5s`, `0`), or strfmt's `3 days` style.
    static func isDuration(_ text: String) -> Bool {
        if text == "0" { return true }
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return false }
        let goUnits = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"]
        var matchedGo = true
        var scan = rest
        while !scan.isEmpty {
            let number = scan.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, Double(number) != nil || number.allSatisfy(\.isNumber) else {
                matchedGo = false
                break
            }
            scan = scan.dropFirst(number.count)
            guard let unit = goUnits.sorted(by: { $0.count > $1.count }).first(where: { scan.hasPrefix($0) }) else {
                matchedGo = false
                break
            }
            scan = scan.dropFirst(unit.count)
        }
        if matchedGo { return true }
        // strfmt: "<number> <unit>" with words such as "3 days" or "1 week".
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        let units: Set<String> = [
            "ns", "us", "ms", "s", "m", "h", "d", "w", "second", "seconds", "sec", "secs", "minute", "minutes", "min",
            "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "wk", "wks",
        ]
        if words.count == 2, Int(words[0]) != nil, units.contains(String(words[1]).lowercased()) { return true }
        if words.count == 1 {
            let digits = words[0].prefix { $0.isNumber }
            return !digits.isEmpty && units.contains(String(words[0].dropFirst(digits.count)).lowercased())
        }
        return false
    }
}
