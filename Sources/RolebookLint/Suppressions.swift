/// Inline suppression comments, as in markdownlint and Vale:
///
/// ```markdown
/// <!-- rolebook-lint disable terminology -->   … until enable (all rules if none named)
/// <!-- rolebook-lint enable terminology -->
/// <!-- rolebook-lint disable-next-line links -->
/// <!-- rolebook-lint disable-line references -->  (at the end of the line it applies to)
/// ```
struct Suppressions: Sendable {
    /// Per line, the rules switched off there (`nil` entry = all rules).
    private var disabled: [Int: Set<String>?] = [:]
    /// Unknown rule names in comments, with their line, reported by the linter.
    private(set) var unknownRules: [(line: Int, name: String)] = []

    init(text: String) {
        // Nearly no file has a suppression: skip the per-line scan unless the
        // marker occurs at all (a byte search, no String indexing).
        guard TextMatch.contains(Array("rolebook-lint".utf8), in: Array(text.utf8)) else { return }
        let known = Set(LintRuleID.allCases.map(\.rawValue))
        var active: Set<String>? = []  // empty = nothing disabled; nil = all
        var lineNumber = 0
        var nextLine: [Int: Set<String>?] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let pending = nextLine[lineNumber] { merge(pending, into: lineNumber) }
            if let comment = Self.comment(in: line) {
                let rules: Set<String>? = comment.rules.isEmpty ? nil : Set(comment.rules)
                for name in comment.rules where !known.contains(name) { unknownRules.append((lineNumber, name)) }
                switch comment.command {
                case "disable":
                    active = rules == nil ? nil : active.map { $0.union(rules!) }
                case "enable":
                    if rules == nil { active = [] } else if let current = active { active = current.subtracting(rules!) }
                case "disable-next-line":
                    nextLine[lineNumber + 1] = rules
                case "disable-line":
                    merge(rules, into: lineNumber)
                default:
                    break
                }
            }
            if active == nil { disabled[lineNumber] = .some(nil) } else if let set = active, !set.isEmpty { merge(set, into: lineNumber) }
        }
    }

    private mutating func merge(_ rules: Set<String>?, into line: Int) {
        switch (disabled[line], rules) {
        case (.some(nil), _), (_, nil): disabled[line] = .some(nil)
        case (.some(.some(let existing)), .some(let new)): disabled[line] = .some(existing.union(new))
        case (nil, .some(let new)): disabled[line] = .some(new)
        }
    }

    func isSuppressed(_ rule: LintRuleID, line: Int) -> Bool {
        guard let entry = disabled[line] else { return false }
        guard let rules = entry else { return true }
        return rules.contains(rule.rawValue)
    }

    private static func comment(in line: Substring) -> (command: String, rules: [String])? {
        guard let open = line.range(of: "<!--"), let close = line.range(of: "-->", range: open.upperBound..<line.endIndex) else { return nil }
        let words = line[open.upperBound..<close.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard words.count >= 2, words[0] == "rolebook-lint" else { return nil }
        return (words[1], Array(words.dropFirst(2)))
    }
}
