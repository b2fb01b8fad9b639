import RolebookCore

/// A runbook that declares the flow it follows (front matter `flow: 2B-3B`)
/// must not send the reader to a team before the teams the flow puts first:
/// for every invariant "engage X before Y", the first escalation to Y must
/// come after an escalation to X.
struct EscalationOrderRule {
    let vocabulary: Vocabulary

    func check(_ runbook: Runbook) -> [LintFinding] {
        guard let declared = runbook.frontMatter?.flow else { return [] }
        guard let flow = vocabulary.flows[declared.id] else {
            let known = vocabulary.flows.keys.sorted()
            return [
                LintFinding(
                    rule: .escalationOrder, message: "front matter names flow '\(declared.id)', which the model does not have",
                    location: declared.location, help: "flows: \(known.joined(separator: ", "))")
            ]
        }
        let mentions = runbook.blocks.flatMap { EscalationMention.find(in: $0, vocabulary: vocabulary) }
        var findings: [LintFinding] = []
        for invariant in flow.invariants {
            guard let late = invariant.before?.value else { continue }
            let early = invariant.engages.value
            guard let firstLate = mentions.firstIndex(where: { $0.team?.id == late }) else { continue }
            if mentions[..<firstLate].contains(where: { $0.team?.id == early }) { continue }
            let mention = mentions[firstLate]
            let earlyName = vocabulary.teams.first { $0.id == early }?.display ?? early.rawValue
            findings.append(
                LintFinding(
                    rule: .escalationOrder,
                    message: "escalates to '\(mention.object)' before engaging \(earlyName), against invariant '\(invariant.id)' of flow \(flow.id)",
                    location: runbook.location(line: mention.line, byteColumn: mention.byteColumn),
                    help: invariant.description))
        }
        return findings
    }
}
