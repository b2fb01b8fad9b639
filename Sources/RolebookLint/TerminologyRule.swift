/// The model's terms and the forms to avoid, in prose only: text of
/// paragraphs, headings, list items and link text — never code spans, code
/// blocks, link destinations or HTML.
struct TerminologyRule {
    let vocabulary: Vocabulary
    private let needles: [(substitution: Vocabulary.Substitution, bytes: [UInt8])]
    private let keys: [[UInt8]]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        // Longest first, so that overlapping forms resolve to the longest.
        needles = vocabulary.substitutions.map { (substitution: $0, bytes: Array($0.avoid.utf8)) }
            .sorted { $0.bytes.count > $1.bytes.count }
        keys = needles.map { $0.bytes.map(TextMatch.lower) }
    }

    func check(_ runbook: Runbook) -> [LintFinding] {
        var findings: [LintFinding] = []
        for block in runbook.blocks where block.mayContain(any: keys) {
            for piece in block.pieces where piece.kind == .text {
                let bytes = Array(piece.string.utf8)
                // Where forms overlap ("ArgoCD" and "ArgoCD UI"), the longest match wins.
                var taken: [Range<Int>] = []
                for (substitution, needle) in needles {
                    for offset in TextMatch.occurrences(of: needle, in: bytes, caseInsensitive: substitution.caseInsensitive) {
                        let span = offset..<offset + needle.count
                        if taken.contains(where: { $0.overlaps(span) }) { continue }
                        taken.append(span)
                        let found = String(decoding: bytes[offset..<offset + needle.count], as: UTF8.self)
                        let column = piece.byteColumn + offset
                        var fix: LintFinding.Fix?
                        if substitution.fixable, piece.exact {
                            fix = LintFinding.Fix(line: piece.line, byteColumn: column, length: needle.count, replacement: substitution.use)
                        }
                        findings.append(
                            LintFinding(
                                rule: .terminology, message: "use '\(substitution.use)' instead of '\(found)'",
                                location: runbook.location(line: piece.line, byteColumn: column),
                                help: substitution.fixable ? "rolebook lint --fix rewrites it" : nil, fix: fix))
                    }
                }
            }
        }
        return findings
    }
}
