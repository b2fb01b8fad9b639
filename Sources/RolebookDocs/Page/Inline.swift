/// Text inside a block, kept as structure so each backend escapes and
/// formats it its own way. Model prose is CommonMark (`markdown`); names and
/// labels are plain text that must be escaped, never interpreted.
public indirect enum Inline: Sendable, Hashable {
    /// Plain text: escaped by every backend.
    case text(String)
    /// CommonMark from the model (inline only): rendered through libcmark,
    /// with raw HTML dropped.
    case markdown(String)
    case strong([Inline])
    case emphasis([Inline])
    case code(String)
    /// A link to a heading of this page (by its anchor) or to a file next to
    /// the page (a relative path).
    case link([Inline], LinkTarget)
    /// A status lozenge ("Proposed", "Planned").
    case status(String, StatusColor)
    case lineBreak

    public static func sequence(_ parts: Inline...) -> [Inline] { parts }
}

public enum LinkTarget: Sendable, Hashable {
    case anchor(String)
    case relativePath(String)
}

/// The colours Confluence's status macro offers, which the other backends
/// imitate.
public enum StatusColor: String, Sendable, Hashable {
    case grey = "Grey"
    case blue = "Blue"
    case green = "Green"
    case yellow = "Yellow"
    case red = "Red"
}
