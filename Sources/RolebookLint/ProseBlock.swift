import CommonMark

/// The inline content of one paragraph or heading, as pieces: prose text
/// (what terminology rules read), code spans (what field-path rules read, and
/// what sentence rules see but never rewrite). Link destinations and raw HTML
/// are not pieces at all, so no prose rule can fire inside them.
struct ProseBlock: Sendable {
    enum Kind: Sendable { case text, code }

    struct Piece: Sendable {
        var kind: Kind
        var string: String
        /// Where the piece's first byte is: line and 1-based byte column.
        var line: Int
        var byteColumn: Int
        /// True when the column was confirmed against the source line (the
        /// literal occurs there verbatim), so offsets inside it are exact.
        var exact: Bool
    }

    var pieces: [Piece]
    var isHeading: Bool
    /// All pieces joined and ASCII-lower-cased, as bytes: rules test it
    /// first and skip the block when their words cannot occur in it.
    var lowercasedBytes: [UInt8]

    /// Whether any of `words` (lower-case ASCII) occurs in the block.
    func mayContain(any words: [[UInt8]]) -> Bool {
        words.contains { TextMatch.contains($0, in: lowercasedBytes) }
    }

    /// All pieces joined, code included, for sentence-level rules.
    var joined: String { pieces.map(\.string).joined() }

    struct Builder {
        let lines: SourceLines
        var pieces: [Piece] = []
        var plain: String { pieces.map(\.string).joined() }

        mutating func add(children: [MarkdownNode], inLink: Bool) {
            for child in children {
                switch child.kind {
                case .text:
                    append(.text, child)
                case .code:
                    append(.code, child)
                case .softBreak, .lineBreak:
                    // A space keeps words apart; it has no source of its own.
                    if let last = pieces.last {
                        pieces.append(Piece(kind: .text, string: " ", line: last.line, byteColumn: last.byteColumn + last.string.utf8.count, exact: false))
                    }
                case .emphasis, .strong, .link:
                    add(children: child.children, inLink: inLink || child.kind == .link)
                case .image, .htmlInline, .customInline:
                    // Alt text and raw HTML are not prose the reader follows.
                    break
                default:
                    add(children: child.children, inLink: inLink)
                }
            }
        }

        private mutating func append(_ kind: Kind, _ node: MarkdownNode) {
            guard let literal = node.literal, !literal.isEmpty else { return }
            let start = node.range?.start ?? SourceRange.Position(line: pieces.last?.line ?? 1, column: 1)
            var column = start.column
            var exact = false
            if let found = lines.find(Array(literal.utf8), line: start.line, near: start.column) {
                column = found
                exact = true
            }
            pieces.append(Piece(kind: kind, string: literal, line: start.line, byteColumn: column, exact: exact))
        }

        func block(isHeading: Bool) -> ProseBlock {
            var lowered: [UInt8] = []
            for piece in pieces { lowered.append(contentsOf: piece.string.utf8.map(TextMatch.lower)) }
            return ProseBlock(pieces: pieces, isHeading: isHeading, lowercasedBytes: lowered)
        }
    }
}
