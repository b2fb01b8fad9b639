/// How much a finding matters. Only `.error` makes a run exit 1.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier of the rule that produced a finding, such as
/// `model.dangling-reference`. Users suppress and configure by it, so ids never
/// change once shipped.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one type for every finding rolebook reports: model checks, flow
/// invariants, schema validation, lint rules and tool failures alike, so that
/// every reporter (text, JSON, SARIF, GitHub) handles all of them.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var rule: RuleID
    /// Where the finding is; `nil` only for findings about the run itself.
    public var location: SourceLocation?
    /// Further explanation or a suggestion, printed after the message.
    public var help: String?

    public init(
        _ severity: Severity, _ message: String, rule: RuleID,
        at location: SourceLocation?, help: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.rule = rule
        self.location = location
        self.help = help
    }

    public static func error(_ message: String, rule: RuleID, at location: SourceLocation?, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, rule: rule, at: location, help: help)
    }

    public static func warning(_ message: String, rule: RuleID, at location: SourceLocation?, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, rule: rule, at: location, help: help)
    }

    public static func note(_ message: String, rule: RuleID, at location: SourceLocation?, help: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, rule: rule, at: location, help: help)
    }

    /// `path:line:column: severity: message [rule]`, the format of ../DESIGN.md.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message) [\(rule)]"
    }

    /// Sorted by file, line, column, then severity, rule and message, so that a
    /// run's output is stable whatever order the checks ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default:
            return (lhs.severity, lhs.rule, lhs.message) < (rhs.severity, rhs.rule, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    /// True when any finding is an error: the run must exit 1.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
