import RolebookCore

/// Collects the findings of one load, so that every check reports all it finds
/// in one run instead of stopping at the first problem.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func error(_ message: String, rule: RuleID, at location: SourceLocation, help: String? = nil) {
        diagnostics.append(.error(message, rule: rule, at: location, help: help))
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
