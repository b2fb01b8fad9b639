/// Confluence's four panel macros, named for their looks, not their meaning:
/// `info` is a blue "i", `note` an orange warning triangle, `tip` a green
/// tick and `warning` a red "x" (md2conf's `converter.py` documents the
/// mismatch). Mapping "note" to `note` would shout a caution at readers.
public enum ConfluencePanel: String, Sendable, Hashable, CaseIterable {
    /// Blue, "i": background and asides.
    case info
    /// Orange triangle: caution, read before acting.
    case note
    /// Green tick: a tip.
    case tip
    /// Red circle: danger, something breaks.
    case warning

    /// The page's panel kinds, by what they mean to the reader:
    /// - rationale (background, reasons) → `info`
    /// - note (keep in mind) → `info`, as md2conf, mark and
    ///   confluence-publisher all map GitHub's NOTE
    /// - important ("read this before changing anything") → `note`, the
    ///   orange caution; `warning` (red) is kept for danger, which the page
    ///   does not have.
    public init(_ kind: PagePanel.Kind) {
        switch kind {
        case .rationale: self = .info
        case .note: self = .info
        case .important: self = .note
        }
    }
}
