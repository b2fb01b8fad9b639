/// The `crd-facts` rule: field paths in inline code (`Application.spec.syncPolicy.automated`)
/// and YAML code blocks of known kinds, checked against CRD schemas, with
/// positions inside the Markdown file. The schema side is injected so this
/// module does not decide how CRDs are loaded.
public struct CRDFactChecker: Sendable {
    /// Checks a field path of a kind: nil when fine or the kind is unknown,
    /// else a message.
    public var checkFieldPath: @Sendable (_ kind: String, _ path: String) -> String?
    /// Validates a YAML document (a code block); returns (line within the
    /// block, column, message) per problem. Nil when its kind is unknown.
    public var checkManifest: @Sendable (_ yaml: String) -> [(line: Int, column: Int, message: String)]?
    /// Kinds the loaded CRDs serve, to recognise `Kind.spec…` in code spans.
    public var kinds: Set<String>

    public init(
        kinds: Set<String>, checkFieldPath: @escaping @Sendable (String, String) -> String?,
        checkManifest: @escaping @Sendable (String) -> [(line: Int, column: Int, message: String)]?
    ) {
        self.kinds = kinds
        self.checkFieldPath = checkFieldPath
        self.checkManifest = checkManifest
    }

    func check(_ runbook: Runbook) -> [LintFinding] {
        var findings: [LintFinding] = []
        for block in runbook.blocks {
            for piece in block.pieces where piece.kind == .code {
                let text = piece.string
                guard let dot = text.firstIndex(of: "."), !text.contains(" ") else { continue }
                let kind = String(text[..<dot])
                let path = String(text[text.index(after: dot)...])
                guard kinds.contains(kind), path.hasPrefix("spec") || path.hasPrefix("status") || path.hasPrefix("metadata") else { continue }
                if let message = checkFieldPath(kind, path) {
                    findings.append(
                        LintFinding(rule: .crdFacts, message: message, location: runbook.location(line: piece.line, byteColumn: piece.byteColumn)))
                }
            }
        }
        for block in runbook.codeBlocks where ["yaml", "yml"].contains(block.info.split(separator: " ").first.map(String.init) ?? "") {
            guard let problems = checkManifest(block.literal) else { continue }
            for problem in problems {
                let line = block.firstLine + problem.line - 1
                findings.append(
                    LintFinding(
                        rule: .crdFacts, message: problem.message,
                        location: runbook.location(line: line, byteColumn: block.column + problem.column - 1)))
            }
        }
        return findings
    }
}
