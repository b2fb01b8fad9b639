import RolebookCore

/// A strict JSON parser that keeps line and column of every value.
///
/// API server responses are JSON, often tens of megabytes of it (a page of
/// Argo Workflows CRDs); reading them through a YAML parser is several times
/// slower, and Foundation's JSONSerialization loses positions and blurs
/// integers and floats. Columns count Unicode scalars, as libyaml does.
public struct JSONTextParser {
    public static let syntaxRule: RuleID = "json.syntax"

    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    /// Byte offset where the current line starts, and the scalars before
    /// `index` on it are counted from there when a position is needed.
    private var lineStart = 0
    private var depth = 0
    private static let maxDepth = 10_000

    public init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Parses one JSON document (and nothing after it but whitespace).
    public static func parse(_ bytes: [UInt8], path: String) throws(InputFailure) -> JSONNode {
        var parser = JSONTextParser(bytes: bytes, path: path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return node
    }

    /// The last column computed and where, so that positions on one long
    /// line (minified JSON) cost linear time overall, not quadratic.
    private var cachedIndex = 0
    private var cachedColumn = 1

    private var column: Int {
        mutating get {
            // Count scalars (not continuation bytes) since the start of the line.
            var count = 1
            var position = lineStart
            if cachedIndex >= lineStart, cachedIndex <= index {
                count = cachedColumn
                position = cachedIndex
            }
            while position < index {
                if bytes[position] & 0xC0 != 0x80 { count += 1 }
                position += 1
            }
            cachedIndex = index
            cachedColumn = count
            return count
        }
    }

    private mutating func failure(_ message: String) -> InputFailure {
        InputFailure([
            .error(message, rule: Self.syntaxRule, at: SourceLocation(path: path, line: line, column: column))
        ])
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws(InputFailure) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        let startLine = line
        let startColumn = column
        switch bytes[index] {
        case UInt8(ascii: "{"):
            depth += 1
            if depth > Self.maxDepth { throw failure("JSON nested deeper than \(Self.maxDepth) levels") }
            defer { depth -= 1 }
            index += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return JSONNode(.object(members), line: startLine, column: startColumn)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let keyLine = line
                let keyColumn = column
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                let value = try parseValue()
                if members.contains(where: { $0.key == key }) {
                    throw InputFailure([
                        .error(
                            "duplicate key '\(key)' in an object", rule: YAMLLoader.duplicateKeyRule,
                            at: SourceLocation(path: path, line: keyLine, column: keyColumn))
                    ])
                }
                members.append(JSONMember(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of JSON in an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return JSONNode(.object(members), line: startLine, column: startColumn)
                }
                throw failure("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            depth += 1
            if depth > Self.maxDepth { throw failure("JSON nested deeper than \(Self.maxDepth) levels") }
            defer { depth -= 1 }
            index += 1
            var items: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return JSONNode(.array(items), line: startLine, column: startColumn)
            }
            while true {
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of JSON in an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return JSONNode(.array(items), line: startLine, column: startColumn)
                }
                throw failure("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return JSONNode(.string(try parseString()), line: startLine, column: startColumn)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(.bool(true), line: startLine, column: startColumn)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(.bool(false), line: startLine, column: startColumn)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(.null, line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(try parseNumber(), line: startLine, column: startColumn)
        default:
            throw failure("unexpected character in JSON")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(InputFailure) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of JSON") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw failure("unexpected character in JSON")
        }
        index += count
    }

    private mutating func parseNumber() throws(InputFailure) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            {
                isInteger = false
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text), text.last?.isNumber == true else { throw failure("invalid number '\(text)'") }
        return .number(value)
    }

    private mutating func parseString() throws(InputFailure) -> String {
        index += 1  // the opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a JSON string") }
            index += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars)
        var pendingHigh: UInt32?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("control character in a JSON string") }
            if byte != UInt8(ascii: "\\") {
                // Copy one UTF-8 sequence (already validated by SourceText).
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                scalars.append(contentsOf: String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars)
                index = end
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count,
                    let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                else { throw failure("invalid \\u escape") }
                index += 4
                if (0xD800...0xDBFF).contains(code) {
                    pendingHigh = code
                    // The low half must follow as another \u escape.
                    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                        let low = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16),
                        (0xDC00...0xDFFF).contains(low), let high = pendingHigh
                    else { throw failure("unpaired UTF-16 surrogate in a \\u escape") }
                    index += 6
                    pendingHigh = nil
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    scalars.append(Unicode.Scalar(combined)!)
                } else if let scalar = Unicode.Scalar(code) {
                    scalars.append(scalar)
                } else {
                    throw failure("unpaired UTF-16 surrogate in a \\u escape")
                }
            default:
                throw failure("invalid escape in a JSON string")
            }
        }
        throw failure("unterminated JSON string")
    }
}
