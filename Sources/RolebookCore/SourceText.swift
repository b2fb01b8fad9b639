import Foundation

/// The text of one input file, read defensively: model files, CRDs, manifests
/// and runbooks all come from users, and a binary file, a huge file or invalid
/// UTF-8 must give a finding with a position, never a trap or garbled output.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public static let inputRule: RuleID = "input.unreadable"

    /// Reads `path`. A missing or unreadable file is a ``ToolFailure``; a file
    /// that is too large, binary or not UTF-8 is an ``InputFailure`` with one
    /// diagnostic at the first offending byte.
    public static func read(path: String, maxBytes: Int) throws -> SourceText {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maxBytes {
            throw InputFailure([
                .error(
                    "file is \(size) bytes, over the limit of \(maxBytes) bytes", rule: inputRule,
                    at: .file(path), help: "split it into smaller files")
            ])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ToolFailure("cannot read \(path): \(error.localizedDescription)")
        }
        return try decode(Array(data), path: path, maxBytes: maxBytes)
    }

    /// Validates raw bytes: size, NUL bytes (binary), UTF-8. Positions are
    /// 1-based line and column (in Unicode scalars) of the first bad byte.
    public static func decode(_ bytes: [UInt8], path: String, maxBytes: Int) throws -> SourceText {
        if bytes.count > maxBytes {
            throw InputFailure([
                .error(
                    "file is \(bytes.count) bytes, over the limit of \(maxBytes) bytes", rule: inputRule,
                    at: .file(path), help: "split it into smaller files")
            ])
        }
        // Skip a UTF-8 byte order mark, which editors on some systems write.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The common case, valid text without NUL, is checked by the standard
        // library's fast validator; the byte walk below only runs to find
        // where a bad file goes wrong.
        if !bytes.contains(0), let text = String(validating: bytes[start...], as: UTF8.self) {
            return SourceText(path: path, text: text)
        }
        var line = 1
        var column = 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                throw InputFailure([
                    .error("file looks binary: NUL byte", rule: inputRule, at: SourceLocation(path: path, line: line, column: column))
                ])
            }
            let length = utf8SequenceLength(bytes, at: index)
            guard length > 0 else {
                throw InputFailure([
                    .error(
                        String(format: "invalid UTF-8 (byte 0x%02X)", byte), rule: inputRule,
                        at: SourceLocation(path: path, line: line, column: column),
                        help: "save the file as UTF-8")
                ])
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return SourceText(path: path, text: String(decoding: bytes[start...], as: UTF8.self))
    }

    /// The length of a well-formed UTF-8 sequence at `index`, or 0 when it is
    /// malformed (overlong forms, surrogates and values past U+10FFFF included).
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
