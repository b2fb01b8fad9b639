/// A prose block cut into sentences, code spans included (a mechanism such
/// as `spec.shutdown` is often written as code), each with where it starts.
struct Sentence {
    var text: String
    var lowercased: String
    var line: Int
    var byteColumn: Int

    static func split(_ block: ProseBlock) -> [Sentence] {
        var sentences: [Sentence] = []
        var text = ""
        var start: (Int, Int)?
        // Carried across pieces: a sentence's "." and the space after it can
        // sit in different pieces (the space of a soft line break).
        var previous: Character?
        func flush() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, let start {
                sentences.append(Sentence(text: trimmed, lowercased: trimmed.lowercased(), line: start.0, byteColumn: start.1))
            }
            text = ""
        }
        for piece in block.pieces {
            if piece.kind == .code {
                if start == nil || text.isEmpty { start = (piece.line, piece.byteColumn) }
                text += piece.string
                previous = piece.string.last
                continue
            }
            var column = piece.byteColumn
            for character in piece.string {
                if text.isEmpty, !character.isWhitespace { start = (piece.line, column) }
                text.append(character)
                column += character.utf8.count
                if let end = previous, [".", "!", "?"].contains(end), character == " " {
                    flush()
                }
                previous = character
            }
        }
        flush()
        return sentences
    }
}

extension String {
    func trimmingCharacters(in set: CharacterSetLike) -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

/// Only whitespace trimming is needed; this keeps Foundation out of the hot path.
enum CharacterSetLike { case whitespaces }
