import RolebookModel

/// What the rules know, taken from the model once per run (and extended by
/// the configuration's extra terms): the forms to avoid, the team names an
/// escalation may use, the component names as the model spells them, and the
/// words that identify each deployment control.
public struct Vocabulary: Sendable {
    /// A form to avoid and what to write instead.
    public struct Substitution: Sendable {
        public var avoid: String
        public var use: String
        /// All-lowercase forms match any case ("Kill the deployment");
        /// others match exactly ("ArgoCD", never the CLI's `argocd`).
        public var caseInsensitive: Bool
        /// Only spelling variants are rewritten by `--fix`: the same letters
        /// once spaces, hyphens and case are ignored (`ArgoCD` → `Argo CD`).
        public var fixable: Bool

        public init(avoid: String, use: String) {
            self.avoid = avoid
            self.use = use
            caseInsensitive = avoid == avoid.lowercased()
            fixable = Self.skeleton(avoid) == Self.skeleton(use)
        }

        static func skeleton(_ text: String) -> String {
            String(text.lowercased().filter { $0.isLetter || $0.isNumber })
        }
    }

    public struct TeamName: Sendable {
        public var id: TeamID
        public var display: String
        /// Lower-cased names and aliases, without a trailing "team".
        public var forms: [String]
    }

    /// A deployment control (pause or abort): how a sentence names it, and the
    /// phrases that identify its mechanism.
    public struct Control: Sendable {
        public var name: String
        /// Lower-cased stems of the name's words ("paus", "deployment").
        public var verbStem: String
        public var mechanism: [String]
    }

    public var substitutions: [Substitution]
    public var teams: [TeamName]
    /// Component names with a capital beyond the first letter: proper names
    /// whose other spellings the references rule reports.
    public var componentNames: [String]
    public var controls: [Control]
    /// Flows by id, for the escalation-order rule.
    public var flows: [String: Flow]

    public init(model: Model, extraTerms: [Substitution] = []) {
        substitutions = model.terms.flatMap { term in term.avoid.map { Substitution(avoid: $0, use: term.term) } } + extraTerms
        teams = model.teams.map { team in
            let forms = ([team.name, team.id.rawValue] + team.aliases).map(Self.teamForm)
            return TeamName(id: team.id, display: team.name, forms: Array(Set(forms)).sorted())
        }
        componentNames = model.components.map(\.name).filter { name in
            name.contains(" ") && name.dropFirst().contains(where: { $0.isUppercase })
        }
        controls = model.terms.compactMap { term -> Control? in
            guard let control = term.control else { return nil }
            let stem = String(control.rawValue.lowercased().dropLast(control == .pause ? 1 : 0))
            return Control(name: term.term, verbStem: stem, mechanism: term.identifiedBy)
        }
        flows = Dictionary(model.flows.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// "the CIF team" → "cif"; "Cloud Infrastructure Fabric (CIF) team" → "cloud infrastructure fabric (cif)".
    static func teamForm(_ text: String) -> String {
        var words = text.lowercased().split(separator: " ").map(String.init)
        while let first = words.first, ["the", "a", "an", "your", "our"].contains(first) { words.removeFirst() }
        while let last = words.last, ["team", "on-call", "oncall", "rotation", "engineers", "engineer", "channel"].contains(last) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }
}
