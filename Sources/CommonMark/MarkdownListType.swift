/// Whether a Markdown list is a bullet list or a numbered one.
///
/// Kept separate from ``MarkdownNode/listStart`` because an ordered list's
/// start number matters for rendering, while a bullet list has none.
public enum MarkdownListType: String, Sendable, Hashable {
    case bullet
    case ordered
}
