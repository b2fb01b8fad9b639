import RolebookCore

/// Escalation phrases must name a team the model knows, and components must
/// be spelt as the model spells them ("Express Operator", not "express
/// operator" or "Express-Operator").
struct ReferencesRule {
    let vocabulary: Vocabulary
    /// Each component name's spellings (as written, hyphenated, joined) as
    /// bytes, and the lower-cased name for a quick per-block test.
    private let spellings: [(name: String, variants: [[UInt8]], key: [UInt8])]
    private let avoided: Set<String>

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        spellings = vocabulary.componentNames.map { name in
            let variants = [name, name.replacingAll(" ", "-"), name.replacingAll(" ", "")].map { Array($0.utf8) }
            // Any spelling contains the first word, lower-cased.
            let first = name.split(separator: " ").first.map(String.init) ?? name
            return (name, variants, Array(first.lowercased().utf8))
        }
        avoided = Set(vocabulary.substitutions.map(\.avoid))
    }

    func check(_ runbook: Runbook) -> [LintFinding] {
        var findings: [LintFinding] = []
        let known = vocabulary.teams.map(\.display)
        for block in runbook.blocks {
            for mention in EscalationMention.find(in: block, vocabulary: vocabulary) where mention.team == nil {
                let hint = closestTeam(mention.object).map { " (did you mean '\($0)'?)" } ?? ""
                findings.append(
                    LintFinding(
                        rule: .references, message: "escalation to '\(mention.object)', a team the model does not know\(hint)",
                        location: runbook.location(line: mention.line, byteColumn: mention.byteColumn),
                        help: "teams in the model: \(known.joined(separator: ", "))"))
            }
            findings += componentSpellings(block, runbook)
        }
        return findings
    }

    /// The closest team form: within one edit (a swapped pair counts as
    /// one) for short names, a third of the name for longer ones.
    private func closestTeam(_ object: String) -> String? {
        let form = Vocabulary.teamForm(object)
        var best: (String, Int)?
        for team in vocabulary.teams {
            for candidate in team.forms {
                let distance = Suggestion.editDistance(form, candidate)
                if distance <= max(1, form.count / 4), best == nil || distance < best!.1 { best = (team.display, distance) }
            }
        }
        return best?.0
    }

    /// Another spelling of a component's name: the same letters ignoring case,
    /// with spaces or hyphens, but not the model's exact form.
    private func componentSpellings(_ block: ProseBlock, _ runbook: Runbook) -> [LintFinding] {
        var findings: [LintFinding] = []
        let candidates = spellings.filter { TextMatch.contains($0.key, in: block.lowercasedBytes) }
        guard !candidates.isEmpty else { return [] }
        for piece in block.pieces where piece.kind == .text {
            let bytes = Array(piece.string.utf8)
            for (name, variants, _) in candidates {
                for variant in variants {
                    for offset in TextMatch.occurrences(of: variant, in: bytes, caseInsensitive: true) {
                        let found = String(decoding: bytes[offset..<offset + variant.count], as: UTF8.self)
                        // A form the terminology lists is that rule's finding, not a second one here.
                        guard found != name, !avoided.contains(found) else { continue }
                        // "the pause ConfigMap": only the first letter's case differs, which is
                        // ordinary English at the start of a common-noun phrase, not a misspelling.
                        if found.count == name.count, found.dropFirst() == name.dropFirst() { continue }
                        let column = piece.byteColumn + offset
                        findings.append(
                            LintFinding(
                                rule: .references, message: "write '\(name)', as the model names this component, not '\(found)'",
                                location: runbook.location(line: piece.line, byteColumn: column), help: "rolebook lint --fix rewrites it",
                                fix: piece.exact
                                    ? LintFinding.Fix(line: piece.line, byteColumn: column, length: variant.count, replacement: name) : nil))
                    }
                }
            }
        }
        return findings
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
