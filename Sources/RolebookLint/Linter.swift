import Foundation
import RolebookCore
import RolebookModel
import Synchronization

/// Lints runbooks against the model: every file parsed once with libcmark,
/// every rule run over the same extracted structure, severities and inline
/// suppressions applied, findings sorted.
public struct Linter: Sendable {
    public let vocabulary: Vocabulary
    public let configuration: LintConfiguration
    /// Checks field paths and YAML manifests against CRDs (`crd-facts`); nil
    /// when no CRDs were loaded.
    public var crdFacts: CRDFactChecker?
    private let linkCache = LinkRule.TargetCache()
    // Built once per run: their word lists are prepared in their initialisers.
    private let terminology: TerminologyRule
    private let controlConfusion: ControlConfusionRule
    private let references: ReferencesRule
    private let escalationOrder: EscalationOrderRule

    public static let maxFileBytes = 4 * 1024 * 1024

    public init(model: Model, configuration: LintConfiguration = LintConfiguration(), crdFacts: CRDFactChecker? = nil) {
        let vocabulary = Vocabulary(model: model, extraTerms: configuration.terms)
        self.vocabulary = vocabulary
        self.configuration = configuration
        self.crdFacts = crdFacts
        terminology = TerminologyRule(vocabulary: vocabulary)
        controlConfusion = ControlConfusionRule(vocabulary: vocabulary)
        references = ReferencesRule(vocabulary: vocabulary)
        escalationOrder = EscalationOrderRule(vocabulary: vocabulary)
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var files: [String]
        /// Fixes applied with `fix: true`, per file.
        public var fixed: [String: Int]
    }

    /// The Markdown files under `paths` that the configuration includes.
    public func files(in paths: [String]) throws(ToolFailure) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ToolFailure("'\(path)' does not exist")
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw ToolFailure("cannot list '\(path)'") }
            while let relative = enumerator.nextObject() as? String {
                let lower = relative.lowercased()
                if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                    files.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
            }
        }
        let includes = configuration.include.map(Glob.init)
        let excludes = configuration.exclude.map(Glob.init)
        return Array(Set(files)).sorted().filter { file in
            (includes.isEmpty || includes.contains { $0.matches(file) }) && !excludes.contains { $0.matches(file) }
        }
    }

    /// Lints `paths`. With `fix`, unambiguous substitutions are written back
    /// (only in prose) and the files linted again, so the result describes
    /// the files as they now are.
    public func lint(paths: [String], fix: Bool = false) throws(ToolFailure) -> Result {
        let files = try files(in: paths)
        // Files are independent: lint them on every core. Results are kept
        // per file and joined in file order, so output does not depend on
        // scheduling.
        let outcomes = Mutex<[Int: Swift.Result<([Diagnostic], Int), ToolFailure>]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let outcome = lintFile(files[index], fix: fix)
            outcomes.withLock { $0[index] = outcome }
        }
        var diagnostics: [Diagnostic] = []
        var fixed: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            switch outcomes.withLock({ $0[index] }) {
            case .success(let (found, fixes))?:
                diagnostics += found
                if fixes > 0 { fixed[file] = fixes }
            case .failure(let failure)?:
                throw failure
            case nil:
                throw ToolFailure("internal error: no result for \(file)")
            }
        }
        return Result(diagnostics: diagnostics.sorted(), files: files, fixed: fixed)
    }

    /// One file: read defensively, lint, and with `fix` rewrite and lint again.
    private func lintFile(_ file: String, fix: Bool) -> Swift.Result<([Diagnostic], Int), ToolFailure> {
        let source: SourceText
        do {
            source = try SourceText.read(path: file, maxBytes: Self.maxFileBytes)
        } catch let failure as InputFailure {
            return .success((failure.diagnostics, 0))
        } catch let failure as ToolFailure {
            return .failure(failure)
        } catch {
            return .failure(ToolFailure("cannot read \(file): \(error)"))
        }
        var (found, fixes) = lintWithFixes(path: file, text: source.text)
        if fix, !fixes.isEmpty {
            let rewritten = Self.apply(fixes, to: source.text)
            do {
                try Self.write(rewritten, to: file)
            } catch {
                return .failure(error)
            }
            (found, _) = lintWithFixes(path: file, text: rewritten)
        }
        return .success((found, fix ? fixes.count : 0))
    }

    /// Lints one document held in memory.
    public func lint(path: String, text: String) -> [Diagnostic] {
        lintWithFixes(path: path, text: text).0
    }

    /// Findings and the fixes that `--fix` would apply.
    func lintWithFixes(path: String, text: String) -> ([Diagnostic], [LintFinding.Fix]) {
        let runbook = Runbook(path: path, text: text)
        var findings: [LintFinding] = []
        let enabled = { (rule: LintRuleID) in configuration.severity(of: rule) != nil }
        if enabled(.terminology) { findings += terminology.check(runbook) }
        if enabled(.controlConfusion) { findings += controlConfusion.check(runbook) }
        if enabled(.references) { findings += references.check(runbook) }
        if enabled(.escalationOrder) { findings += escalationOrder.check(runbook) }
        if enabled(.links) { findings += LinkRule(cache: linkCache).check(runbook) }
        if enabled(.crdFacts), let crdFacts { findings += crdFacts.check(runbook) }

        var diagnostics = runbook.problems
        for unknown in runbook.suppressions.unknownRules {
            diagnostics.append(
                .error(
                    "unknown rule '\(unknown.name)' in a rolebook-lint comment", rule: "lint.suppression",
                    at: SourceLocation(path: path, line: unknown.line, column: 1),
                    help: "rules: \(LintRuleID.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        var fixes: [LintFinding.Fix] = []
        for finding in findings {
            guard let severity = configuration.severity(of: finding.rule),
                !runbook.suppressions.isSuppressed(finding.rule, line: finding.location.line)
            else { continue }
            diagnostics.append(Diagnostic(severity, finding.message, rule: finding.rule.ruleID, at: finding.location, help: finding.help))
            if let fix = finding.fix { fixes.append(fix) }
        }
        return (diagnostics.sorted(), fixes)
    }

    /// Applies fixes from the end of each line backwards so earlier columns
    /// stay valid; overlapping fixes keep the first.
    static func apply(_ fixes: [LintFinding.Fix], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let byLine = Dictionary(grouping: fixes, by: \.line)
        for (line, lineFixes) in byLine where line >= 1 && line <= lines.count {
            var lastStart = Int.max
            for fix in lineFixes.sorted(by: { $0.byteColumn > $1.byteColumn }) {
                let start = fix.byteColumn - 1
                let end = start + fix.length
                guard start >= 0, end <= lines[line - 1].count, end <= lastStart else { continue }
                lines[line - 1].replaceSubrange(start..<end, with: Array(fix.replacement.utf8))
                lastStart = start
            }
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    private static func write(_ text: String, to path: String) throws(ToolFailure) {
        let temporary = path + ".rolebook-fix-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw ToolFailure("cannot write \(temporary)")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ToolFailure("cannot replace \(path)")
        }
    }

    public static var rules: [RuleDescriptor] {
        LintRuleID.descriptors + [
            RuleDescriptor("lint.suppression", "A rolebook-lint comment names an unknown rule."),
            RuleDescriptor("lint.front-matter", "The front matter is not valid YAML.", severity: .warning),
            RuleDescriptor(SourceText.inputRule, "A file is unreadable: too large, binary, or not UTF-8."),
        ]
    }
}
