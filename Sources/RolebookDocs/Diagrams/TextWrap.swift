/// Word wrapping for diagram labels and the terminal outline.
///
/// Graphviz does not wrap labels, so a long step name becomes one very wide
/// box that pushes the lanes apart; wrapping at word boundaries keeps boxes
/// compact. Mermaid would wrap by itself, but wrapping both the same way keeps
/// the two renderings of one diagram alike.
enum TextWrap {
    /// `text` broken into lines of at most `width` characters where possible.
    ///
    /// Breaks only at spaces; a word longer than `width` (a URL, a long id)
    /// stays whole on its own line rather than being cut. Line breaks already
    /// in the text are kept. Runs of spaces collapse to one.
    static func lines(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = String(word)
                }
            }
            result.append(line)
        }
        return result
    }

    /// ``lines(_:width:)`` joined with `\n`, which the DOT and Mermaid writers
    /// turn into their own line breaks.
    static func wrapped(_ text: String, width: Int) -> String {
        lines(text, width: width).joined(separator: "\n")
    }

    /// Text with every line break (CR, LF, CRLF) as `\n` and other control
    /// characters dropped: labels come from users, and a stray control
    /// character means nothing in a diagram.
    static func normalized(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": result += "\n"
            case "\n": if !previousWasCR { result += "\n" }
            case "\t": result += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
