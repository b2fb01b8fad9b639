import Foundation

/// The `--format json` document, documented in the README:
///
/// ```json
/// {"diagnostics":[{"column":3,"line":12,"message":"…","path":"model/teams.yaml",
///   "rule":"model.unknown-key","severity":"error"}],
///  "summary":{"errors":1,"notes":0,"warnings":0},"tool":"rolebook","version":"0.1.0"}
/// ```
enum JSONReport {
    struct Document: Encodable {
        var tool = "rolebook"
        var version: String
        var diagnostics: [Entry]
        var summary: Summary
    }

    struct Entry: Encodable {
        var severity: String
        var rule: String
        var message: String
        var path: String?
        var line: Int?
        var column: Int?
        var help: String?
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    static func render(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        let document = Document(
            version: toolVersion,
            diagnostics: diagnostics.map {
                Entry(
                    severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: $0.message,
                    path: $0.location?.path, line: $0.location?.line, column: $0.location?.column,
                    help: $0.help)
            },
            summary: Summary(
                errors: diagnostics.filter { $0.severity == .error }.count,
                warnings: diagnostics.filter { $0.severity == .warning }.count,
                notes: diagnostics.filter { $0.severity == .note }.count))
        return JSONOutput.encode(document)
    }
}

/// One JSON encoder configuration for every JSON rolebook writes: sorted keys
/// and no escaped slashes, so output is byte-stable and readable.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
