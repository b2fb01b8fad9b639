/// Where a node came from in the Markdown source, as libcmark reports it.
///
/// Lines and columns are 1-based. Columns count **UTF-8 bytes** from the start
/// of the line (that is cmark's unit), so a line starting with `🚀 ` puts the
/// next character at column 6, not 3. Callers that show columns to people
/// should say so, or convert using the source line.
///
/// cmark reports the end of some blocks (lists, list items, setext headings,
/// blocks ended by a blank line) with column `0` on the line *after* their
/// last character; such ranges are kept as reported because the start, which
/// is what diagnostics point at, is still exact.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// One point in the source: a 1-based line and a 1-based UTF-8 byte column.
    public struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The 1-based line number.
        public var line: Int
        /// The 1-based column, in UTF-8 bytes (see ``SourceRange``).
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }

        /// `line:column`, the form compilers use, so it can be pasted into editors.
        public var description: String { "\(line):\(column)" }
    }

    /// The first character of the node.
    public var start: Position
    /// The last character of the node (inclusive), as cmark reports it.
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// `startLine:startColumn-endLine:endColumn`, like cmark's `data-sourcepos`.
    public var description: String { "\(start)-\(end)" }
}
