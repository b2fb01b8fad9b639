/// The `--format` of every command that reports findings.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [rule]`, for people and editors.
    case text
    /// A stable JSON document (see the README), for scripts.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…`), for inline annotations.
    case github
}
