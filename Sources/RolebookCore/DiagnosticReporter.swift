import Foundation

/// Turns findings into the bytes one output format needs.
///
/// Reporters are pure: they return text and never print, so the CLI decides
/// where it goes and the tests read exactly what a user would.
public struct DiagnosticReporter: Sendable {
    public var format: ReportFormat
    /// Descriptions of the rules, for SARIF's `tool.driver.rules`.
    public var rules: [RuleDescriptor]
    public var toolVersion: String

    public init(format: ReportFormat, rules: [RuleDescriptor] = [], toolVersion: String = RolebookVersion.current) {
        self.format = format
        self.rules = rules
        self.toolVersion = toolVersion
    }

    /// The whole report; findings are sorted first so output is deterministic.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted()
        switch format {
        case .text: return TextReport.render(sorted)
        case .json: return JSONReport.render(sorted, toolVersion: toolVersion)
        case .sarif: return SARIFReport.render(sorted, rules: rules, toolVersion: toolVersion)
        case .github: return GitHubAnnotationReport.render(sorted)
        }
    }
}

/// The version every report and generated file names.
public enum RolebookVersion {
    public static let current = "0.1.0"
}
