/// "Escalate to the CIF team", "page L2 support", "engage incident
/// management": an instruction to bring in a team, found in prose, with the
/// team it names (if the model knows it).
struct EscalationMention {
    var object: String
    var team: Vocabulary.TeamName?
    var line: Int
    var byteColumn: Int

    static let verbs: [[String]] = [
        ["escalate", "to"], ["escalate", "it", "to"], ["escalate", "the", "incident", "to"], ["hand", "off", "to"],
        ["hand", "over", "to"], ["reach", "out", "to"], ["loop", "in"], ["engage"], ["page"], ["contact"], ["notify"],
        ["escalating", "to"], ["engaging"], ["paging"], ["contacting"],
    ]
    static let articles: Set<String> = ["the", "a", "an", "your", "our", "their"]
    static let stops: Set<String> = [
        "for", "if", "when", "with", "about", "in", "on", "via", "through", "and", "or", "to", "before", "after", "by",
        "so", "because", "who", "which", "that", "as", "until", "while", "at", "from", "immediately", "now", "directly",
        "vs", "using", "regarding", "per", "of", "is", "are", "will", "should", "can", "may", "must", "it", "them",
    ]
    /// Words that only say "some team": an object made of these alone names no team.
    static let genericWords: Set<String> = [
        "team", "teams", "on-call", "oncall", "support", "management", "responsible", "owner", "owners", "someone", "people",
        "engineer", "engineers", "relevant", "appropriate", "right", "other", "another", "service", "sre", "ops", "squad", "desk",
    ]
    /// Words that make an object look like a team even when the model does not know it.
    static let teamWords: Set<String> = ["team", "on-call", "oncall", "support", "management", "sre", "ops", "squad", "desk"]

    /// First words of the verbs, to skip blocks that cannot hold a mention.
    static let verbPrefixes: [[UInt8]] = ["escalat", "engag", "page", "paging", "contact", "notify", "hand", "reach", "loop"].map { Array($0.utf8) }

    /// Every mention in a prose block, in order.
    static func find(in block: ProseBlock, vocabulary: Vocabulary) -> [EscalationMention] {
        guard block.mayContain(any: verbPrefixes) else { return [] }
        // Words of the text pieces with where each starts; code breaks phrases.
        struct Word {
            var text: String
            var lower: String
            var line: Int
            var byteColumn: Int
            var endsClause: Bool
        }
        var words: [Word] = []
        for piece in block.pieces {
            guard piece.kind == .text else {
                if var last = words.popLast() {
                    last.endsClause = true
                    words.append(last)
                }
                continue
            }
            var current = ""
            var start = piece.byteColumn
            var column = piece.byteColumn
            func flush(endsClause: Bool) {
                if !current.isEmpty {
                    words.append(Word(text: current, lower: current.lowercased(), line: piece.line, byteColumn: start, endsClause: endsClause))
                } else if endsClause, var last = words.popLast() {
                    last.endsClause = true
                    words.append(last)
                }
                current = ""
            }
            for character in piece.string {
                if character.isLetter || character.isNumber || character == "-" || character == "'" {
                    if current.isEmpty { start = column }
                    current.append(character)
                } else {
                    flush(endsClause: [",", ".", ";", ":", "!", "?", "(", ")", "—", "–"].contains(character))
                }
                column += character.utf8.count
            }
            flush(endsClause: false)
        }

        var mentions: [EscalationMention] = []
        var index = 0
        while index < words.count {
            guard let verb = verbs.first(where: { phrase in
                index + phrase.count <= words.count
                    && zip(phrase, words[index..<index + phrase.count]).allSatisfy { $0 == $1.lower }
                    && !words[index..<index + phrase.count - 1].contains(where: \.endsClause)
            }) else {
                index += 1
                continue
            }
            var cursor = index + verb.count
            if words[cursor - 1].endsClause { index = cursor; continue }
            while cursor < words.count, articles.contains(words[cursor].lower) { cursor += 1 }
            var object: [Word] = []
            while cursor < words.count, object.count < 6, !stops.contains(words[cursor].lower) {
                object.append(words[cursor])
                cursor += 1
                if object.last!.endsClause { break }
            }
            index = max(index + 1, cursor)
            guard let first = object.first else { continue }
            let text = object.map(\.text).joined(separator: " ")
            let team = match(text, vocabulary)
            let looksLikeTeam = object.contains { teamWords.contains($0.lower) }
                || object.contains { word in word.text.count >= 2 && word.text.allSatisfy { $0.isUppercase || $0.isNumber } }
            // "the team", "support", "the on-call": no particular team is named.
            let namesSomeone = object.contains { !genericWords.contains($0.lower) }
            guard team != nil || (looksLikeTeam && namesSomeone) else { continue }
            mentions.append(EscalationMention(object: text, team: team, line: first.line, byteColumn: first.byteColumn))
        }
        return mentions
    }

    /// The team an object names: a team's name, alias or id, ignoring case,
    /// articles and a trailing "team"/"on-call"; a leading part of a team's
    /// name counts ("L2" for "L2 support").
    static func match(_ object: String, _ vocabulary: Vocabulary) -> Vocabulary.TeamName? {
        let form = Vocabulary.teamForm(object)
        guard !form.isEmpty else { return nil }
        if let exact = vocabulary.teams.first(where: { $0.forms.contains(form) }) { return exact }
        // The object may run on past the name ("CIF team about the operator" is cut at stop words,
        // but "CIF immediately" is not): accept a team form that is a word prefix of the object.
        let words = form.split(separator: " ")
        for length in stride(from: words.count - 1, through: 1, by: -1) {
            let prefix = words[0..<length].joined(separator: " ")
            if let team = vocabulary.teams.first(where: { $0.forms.contains(prefix) }) { return team }
        }
        return vocabulary.teams.first(where: { team in team.forms.contains { $0.hasPrefix(form + " ") } })
    }
}
