import CommonMark

/// CommonMark model text as plain text, for places that cannot show Markdown:
/// diagram tooltips and labels, the terminal outline.
enum PlainText {
    /// The text of `commonMark` without markup, on one line per block, with
    /// control characters dropped (see ``TextWrap/normalized(_:)``).
    static func of(_ commonMark: String) -> String {
        TextWrap.normalized(MarkdownDocument.parse(commonMark).plainText)
    }
}
