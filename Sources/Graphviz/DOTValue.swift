/// The value of a DOT attribute, which decides how it is written.
///
/// Two cases because DOT has two kinds of label text with different escaping,
/// and mixing them up is how user text ends up interpreted as markup or as
/// Graphviz escapes.
public enum DOTValue: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Plain text, written as a quoted DOT string. The text is shown as is:
    /// `"` and `\` are escaped (so user text never triggers Graphviz's `\n`,
    /// `\l`, `\N` … escapes), and a newline becomes a centred line break.
    case string(String)
    /// An HTML-like label, written as `<…>`. The content must be well-formed
    /// Graphviz HTML-like markup (`<B>`, `<TABLE>`, `<BR/>` …); build every
    /// piece of user text in it with ``htmlEscaped(_:)``. Malformed markup is
    /// reported by Graphviz as a parse error when rendering.
    case html(String)

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Escapes text for use inside an ``html(_:)`` label.
    ///
    /// `&`, `<`, `>` and `"` become entities and each line break becomes
    /// `<BR/>`, so the text shows up literally, on the same lines. NUL
    /// characters are dropped, as Graphviz reads C strings. Non-ASCII text is
    /// left as UTF-8 (``DOTGraph`` declares `charset="UTF-8"`).
    public static func htmlEscaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "<BR/>"
            case "\n": if !previousWasCR { result += "<BR/>" }
            case "\0": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The value as it appears after `=` in DOT source.
    var dotSource: String {
        switch self {
        case .string(let text): DOTWriter.quoted(text)
        case .html(let markup): "<" + markup + ">"
        }
    }
}
