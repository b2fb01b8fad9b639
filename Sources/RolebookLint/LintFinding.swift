import RolebookCore

/// A finding before severity and suppression are applied, with the fix, if
/// any, that `--fix` may apply.
struct LintFinding: Sendable {
    var rule: LintRuleID
    var message: String
    var location: SourceLocation
    var help: String?
    var fix: Fix?

    /// Replace `length` bytes at a 1-based line and byte column.
    struct Fix: Sendable {
        var line: Int
        var byteColumn: Int
        var length: Int
        var replacement: String
    }
}
