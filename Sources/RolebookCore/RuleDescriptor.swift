/// What a rule checks, in one sentence: SARIF's `rules` array and the README's
/// rule table are built from these, so the text a user sees in GitHub code
/// scanning is the same one the tool documents.
public struct RuleDescriptor: Hashable, Sendable {
    public var id: RuleID
    public var summary: String
    public var defaultSeverity: Severity

    public init(_ id: RuleID, _ summary: String, severity: Severity = .error) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = severity
    }
}
