/// Pause Deployment and Abort Deployment are confused in runbooks: a sentence
/// that names one control together with the other's mechanism (and not the
/// other's name) sends the reader to the wrong lever.
struct ControlConfusionRule {
    let vocabulary: Vocabulary

    func check(_ runbook: Runbook) -> [LintFinding] {
        guard vocabulary.controls.count >= 2 else { return [] }
        var findings: [LintFinding] = []
        let stems = vocabulary.controls.map { Array($0.verbStem.utf8) }
        for block in runbook.blocks where block.mayContain(any: stems) {
            for sentence in Sentence.split(block) {
                let named = vocabulary.controls.filter { names($0, sentence.lowercased) }
                guard named.count == 1, let control = named.first else { continue }
                for other in vocabulary.controls where other.name != control.name {
                    guard let phrase = other.mechanism.first(where: { mentions($0, in: sentence.lowercased) }) else { continue }
                    findings.append(
                        LintFinding(
                            rule: .controlConfusion,
                            message: "this sentence names \(control.name) but describes \(other.name)'s mechanism ('\(phrase)')",
                            location: runbook.location(line: sentence.line, byteColumn: sentence.byteColumn),
                            help: "\(control.name) and \(other.name) are different controls; check which one is meant"))
                }
            }
        }
        return findings
    }

    /// The control's name ("Pause Deployment"), or its verb near
    /// "deployment" ("pausing the deployment", "abort a deployment").
    private func names(_ control: Vocabulary.Control, _ text: String) -> Bool {
        if text.contains(control.name.lowercased()) { return true }
        let words = text.split(whereSeparator: { !$0.isLetter })
        for (index, word) in words.enumerated() where word.hasPrefix(control.verbStem) {
            if words[(index + 1)..<min(words.count, index + 4)].contains(where: { $0.hasPrefix("deployment") || $0 == "rollout" }) {
                return true
            }
        }
        return false
    }

    private func mentions(_ phrase: String, in text: String) -> Bool {
        !TextMatch.occurrences(of: Array(phrase.lowercased().utf8), in: Array(text.utf8), caseInsensitive: true).isEmpty
    }
}
