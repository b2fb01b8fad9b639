import RolebookCore
import Yams

/// `.rolebook-lint.yaml`: severity per rule (`error`, `warning`, `note`,
/// `off`), include and exclude globs, and extra terms. Unknown keys and
/// unknown rule ids are errors: a typo must never switch a rule off silently.
///
/// ```yaml
/// rules:
///   terminology: error
///   links: off
/// include: ["docs/runbooks/**/*.md"]
/// exclude: ["docs/runbooks/drafts/**"]
/// terms:
///   - use: GitLab
///     avoid: [Gitlab]
/// ```
public struct LintConfiguration: Sendable {
    /// `nil` severity: the rule is off.
    public var severities: [LintRuleID: Severity?] = [:]
    public var include: [String] = []
    public var exclude: [String] = []
    public var terms: [Vocabulary.Substitution] = []

    public init() {}

    public func severity(of rule: LintRuleID) -> Severity? {
        if let configured = severities[rule] { return configured }
        return rule.defaultSeverity
    }

    /// Parses a configuration file. Any problem is a ``ToolFailure`` (exit 2)
    /// naming the file, line and column.
    public static func parse(_ text: String, path: String) throws(ToolFailure) -> LintConfiguration {
        func fail(_ message: String, _ node: Node?) -> ToolFailure {
            let mark = node?.mark
            return ToolFailure("\(path):\(mark?.line ?? 1):\(mark?.column ?? 1): \(message)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ToolFailure("\(path): not valid YAML: \(error)")
        }
        var configuration = LintConfiguration()
        guard let root else { return configuration }
        guard case .mapping(let mapping) = root else { throw fail("the configuration must be a mapping", root) }
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "rules":
                guard case .mapping(let rules) = value else { throw fail("'rules' must map rule ids to severities", value) }
                for (ruleNode, severityNode) in rules {
                    let name = ruleNode.string ?? ""
                    guard let rule = LintRuleID(rawValue: name) else {
                        let known = LintRuleID.allCases.map(\.rawValue)
                        throw fail("unknown rule '\(name)'; rules: \(known.joined(separator: ", "))", ruleNode)
                    }
                    let level = severityNode.string ?? ""
                    if level == "off" {
                        configuration.severities[rule] = .some(nil)
                    } else if let severity = Severity(rawValue: level) {
                        configuration.severities[rule] = .some(severity)
                    } else {
                        throw fail("severity of '\(name)' must be error, warning, note or off, not '\(level)'", severityNode)
                    }
                }
            case "include", "exclude":
                guard case .sequence(let globs) = value else { throw fail("'\(keyNode.string ?? "")' must be a list of globs", value) }
                let patterns = globs.compactMap(\.string)
                if keyNode.string == "include" { configuration.include = patterns } else { configuration.exclude = patterns }
            case "terms":
                guard case .sequence(let entries) = value else { throw fail("'terms' must be a list", value) }
                for entry in entries {
                    guard case .mapping(let term) = entry, let use = term["use"]?.string, case .sequence(let avoid)? = term["avoid"] else {
                        throw fail("a term needs 'use' (text) and 'avoid' (a list)", entry)
                    }
                    for key in term.keys where !["use", "avoid"].contains(key.string ?? "") {
                        throw fail("unknown key '\(key.string ?? "")' in a term", key)
                    }
                    configuration.terms += avoid.compactMap(\.string).map { Vocabulary.Substitution(avoid: $0, use: use) }
                }
            default:
                throw fail("unknown key '\(keyNode.string ?? "")'; keys: rules, include, exclude, terms", keyNode)
            }
        }
        return configuration
    }
}
