/// Escaping for Confluence storage format, which Confluence parses as XML
/// (not HTML): one stray `&nbsp;`, control character or unsplit `]]>` and
/// the whole page is refused with `400 Error parsing xhtml`.
///
/// Only `&amp;`, `&lt;`, `&gt;` and `&quot;` are ever written (a subset of the
/// five XML entities; no DTD is needed for them), and every character XML 1.0
/// forbids is dropped before it can reach the output.
enum ConfluenceXML {
    /// Whether XML 1.0 allows the scalar at all. C0 controls other than tab,
    /// line feed and carriage return, and the non-characters U+FFFE/U+FFFF,
    /// make the document ill-formed even inside CDATA; Confluence answers
    /// such a body with a 400 (sphinx-confluencebuilder #482, a `\b`).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// `text` without the characters XML forbids, line endings normalized to
    /// `\n` (a lone `\r` would be turned into one by the parser anyway).
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n", previousWasCR { continue }
            if scalar == "\r" {
                out.append("\n")
                continue
            }
            if isAllowed(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    /// Inline text for element content: forbidden characters dropped, and
    /// line breaks and tabs turned into spaces, because Confluence Cloud's
    /// editor shows a newline inside a paragraph as a visible line break.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A value for a double-quoted attribute: `"` must be escaped too, and
    /// whitespace becomes a space (attribute-value normalization would do so
    /// silently; doing it here keeps what is written equal to what is read).
    static func attribute(_ value: String) -> String {
        text(value).replacingAll("\"", with: "&quot;")
    }

    /// A CDATA section holding `content` verbatim. `]]>` cannot appear inside
    /// one, so it is split across two sections (`]]` ends the first, `>`
    /// starts the next); the text read back is unchanged. An empty string
    /// still yields an (empty) section, which Confluence accepts.
    static func cdata(_ content: String) -> String {
        "<![CDATA[" + clean(content).replacingAll("]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}
