/// The tool could not do its job (an unreadable path, an unreachable cluster, a
/// bad configuration): exit code 2, as opposed to findings in the inputs (1).
public struct ToolFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The inputs are wrong and nothing more can be checked: exit code 1, carrying
/// the findings that say why (for example a YAML syntax error).
public struct InputFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// The exit codes of ../DESIGN.md.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case inputErrors = 1
    case toolFailure = 2
}
