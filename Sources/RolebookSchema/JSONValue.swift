/// The JSON data model, which is what the API server validates: YAML is
/// converted to it first (so `yes` is a boolean and `"1"` a string).
/// Integers stay integers so that `type: integer` can be checked exactly.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The JSON type name used in messages: "string", "integer", …
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// JSON equality, for `enum`, list-set uniqueness and list-map keys:
    /// numbers compare by value (1 == 1.0), objects ignore member order.
    public func jsonEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.number(a), .number(b)): return a == b
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.jsonEquals($1.value) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in
                b.contains { $0.key == member.key && $0.value.value.jsonEquals(member.value.value) }
            }
        default: return false
        }
    }

    /// A short JSON rendering for messages, cut at `limit` characters.
    public func preview(limit: Int = 60) -> String {
        let text: String
        switch self {
        case .null: text = "null"
        case .bool(let flag): text = flag ? "true" : "false"
        case .integer(let number): text = String(number)
        case .number(let number):
            text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let string): text = JSONValue.quote(string)
        case .array(let items): text = "[" + items.map { $0.value.preview(limit: limit) }.joined(separator: ",") + "]"
        case .object(let members):
            text = "{" + members.map { JSONValue.quote($0.key) + ":" + $0.value.value.preview(limit: limit) }
                .joined(separator: ",") + "}"
        }
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
