/// The human format: one line per finding, as compilers print them, a help
/// line under it when there is one, and a count at the end.
enum TextReport {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += diagnostic.description + "\n"
            if let help = diagnostic.help {
                out += "  help: \(help)\n"
            }
        }
        return out
    }

    /// "2 errors, 1 warning" — printed to standard error after the findings.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.filter { $0.severity == .note }.count
        var parts = [count(errors, "error"), count(warnings, "warning")]
        if notes > 0 { parts.append(count(notes, "note")) }
        return parts.joined(separator: ", ")
    }
}

extension Array where Element == Diagnostic {
    /// "2 errors, 1 warning", for the end of a text report.
    public var summaryLine: String { TextReport.summary(self) }
}
