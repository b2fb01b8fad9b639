import Foundation

/// SARIF 2.1.0, shaped for GitHub code scanning: it requires `version`,
/// `runs[].tool.driver.name`, and per result a `message.text` and a physical
/// location with a relative `artifactLocation.uri` and `region.startLine`.
/// Rules are listed once in `tool.driver.rules` and referenced by index.
enum SARIFReport {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "rolebook"
        var informationUri = "https://github.com/rolebook/rolebook"
        var version: String
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }
    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    static func render(_ diagnostics: [Diagnostic], rules: [RuleDescriptor], toolVersion: String) -> String {
        let known = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let usedIDs = Set(diagnostics.map(\.rule)).sorted()
        let sarifRules = usedIDs.map { id in
            let descriptor = known[id]
            return Rule(
                id: id.rawValue, name: id.rawValue,
                shortDescription: Text(text: descriptor?.summary ?? id.rawValue),
                defaultConfiguration: Configuration(level: level(descriptor?.defaultSeverity ?? .error)))
        }
        let index = Dictionary(uniqueKeysWithValues: usedIDs.enumerated().map { ($1, $0) })
        let results = diagnostics.map { diagnostic in
            let location = diagnostic.location ?? .file(".")
            let text = diagnostic.help.map { "\(diagnostic.message) (\($0))" } ?? diagnostic.message
            return Result(
                ruleId: diagnostic.rule.rawValue,
                ruleIndex: index[diagnostic.rule] ?? 0,
                level: level(diagnostic.severity),
                message: Text(text: text),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: uri(location.path)),
                            region: Region(startLine: location.line, startColumn: location.column)))
                ],
                partialFingerprints: ["rolebook/v1": fingerprint(diagnostic)])
        }
        let log = Log(runs: [
            Run(
                tool: Tool(driver: Driver(version: toolVersion, semanticVersion: toolVersion, rules: sarifRules)),
                results: results)
        ])
        return JSONOutput.encode(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// Code scanning wants paths relative to the checkout, with forward
    /// slashes and percent-encoding for spaces and the like.
    static func uri(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    /// A stable identity for a finding that survives unrelated line shifts
    /// (rule, file and message; not the line), so code scanning can track it
    /// across commits. FNV-1a is enough: this is an identity, not a secret.
    static func fingerprint(_ diagnostic: Diagnostic) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let key = "\(diagnostic.rule)|\(diagnostic.location?.path ?? "")|\(diagnostic.message)"
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
