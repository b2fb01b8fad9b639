import CommonMark
import Foundation
import RolebookModel

/// The terminal text of `rolebook impact`.
public enum ImpactReport {
    public static func text(_ impact: ImpactAnalysis, in model: Model) -> String {
        let component = impact.component
        var out = "\(component.name) (\(component.id)), owned by \(model.team(component.owner.value).name)\n\n"
        if let widest = impact.scopes.first {
            out += "A change to it reaches \(widest.reach).\n"
            out += "Scopes: " + impact.scopes.map(\.displayName).joined(separator: " ⊃ ") + "\n"
        } else {
            out += "The model does not say what a change to it reaches (no change-scope).\n"
        }
        if let path = impact.escalation {
            out += "\nSignal: \(plain(path.signal))\n"
        }
        out += "\nEngage, in order:\n"
        for (index, id) in impact.engage.enumerated() {
            let team = model.team(id)
            out += "  \(index + 1). \(team.name)"
            if let channel = team.engage.channel { out += "  \(channel)" }
            out += "\n     \(plain(team.engage.how))\n"
        }
        if let flow = impact.escalation?.flow?.value {
            out += "\nFlow: rolebook flow \(flow)\n"
        }
        return out
    }
}

extension ImpactReport {
    /// Model prose is CommonMark; the terminal shows it as plain text.
    static func plain(_ markdown: String) -> String {
        MarkdownRenderer.plainText(fromMarkdown: markdown).replacingOccurrences(of: "\n", with: " ")
    }
}
